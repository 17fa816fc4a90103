"""The one status rule: within an article and across a commitment's dated history."""

from __future__ import annotations

from datetime import date

import pytest

from apps.extraction.status import article_status, history_status, most_advanced, settled


@pytest.mark.parametrize(("statuses", "expected"), [
    (["proposed", "pledged"], "pledged"),
    (["approved", "proposed", "delivered", "pledged"], "delivered"),
    (["pledged", "withdrawn"], "withdrawn"),  # a pledge the withdrawal cancels
    (["withdrawn", "proposed"], "withdrawn"),  # stated in any order, a withdrawal is the article's latest word
    (["approved", "withdrawn"], "withdrawn"),  # approved, then put off
    (["delivered", "withdrawn"], "delivered"),  # one battery handed over, a second refused
    (["withdrawn"], "withdrawn"),
    ([], ""),
])
def test_article_status(statuses, expected):
    assert article_status(statuses) == expected


def test_history_follows_the_latest_dated_word():
    d = date
    assert history_status([(d(2026, 1, 5), "pledged"), (d(2026, 3, 1), "approved")]) == "approved"
    assert history_status([(d(2026, 1, 5), "approved"), (d(2026, 3, 1), "withdrawn")]) == "withdrawn"
    # the withdrawal came first; a later approval is the latest word
    assert history_status([(d(2026, 3, 1), "approved"), (d(2026, 1, 5), "withdrawn")]) == "approved"
    # a pause after a delivery does not undo the delivery
    assert history_status([(d(2026, 1, 5), "delivered"), (d(2026, 3, 1), "withdrawn")]) == "delivered"
    # undated statements are the oldest; of two on one day, the last recorded is the latest
    assert history_status([(d(2026, 1, 5), "pledged"), (None, "withdrawn")]) == "pledged"
    assert history_status([(d(2026, 1, 5), "withdrawn"), (d(2026, 1, 5), "pledged")]) == "pledged"
    assert history_status([]) == ""


def test_settled_and_most_advanced():
    assert most_advanced(["withdrawn", "proposed", "approved"]) == "approved"
    assert most_advanced(["withdrawn"]) is None
    assert settled(None, "withdrawn") == "withdrawn"
    assert settled("pledged", "pledged") == "pledged"
    assert settled("delivered", "withdrawn") == "delivered"
