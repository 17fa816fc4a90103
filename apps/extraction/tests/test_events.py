"""Events of an article: a paragraph that opens with a date of its own and states a commitment is an event."""

from __future__ import annotations

from datetime import date

import pytest

from apps.extraction import extract
from apps.extraction.header import dates_near


def _events(text: str) -> list[tuple[date | None, list[tuple[str, str, str]]]]:
    doc = extract(text.encode(), filename="t.txt")
    assert doc.ok, doc.error
    return [(e.occurred_on, [(c.actor, c.type, c.status) for c in e.commitments]) for e in doc.events]


@pytest.mark.parametrize(
    "text",
    [
        "date 2026-01-07 Germany handed over two Patriot systems to Ukraine, the ministry said.\n\n"
        "On 4 September, Germany had pledged the two Patriot systems at a meeting in Paris.",
        "date 2026-01-07 Германия передала Украине две системы Patriot, сообщило министерство.\n\n"
        "4 сентября Германия пообещала передать эти системы Patriot на встрече в Париже.",
        "date 2026-01-07 Німеччина передала Україні дві системи Patriot, повідомило міністерство.\n\n"
        "4 вересня Німеччина пообіцяла передати ці системи Patriot на зустрічі в Парижі.",
    ],
)
def test_a_dated_paragraph_is_an_event_of_its_own(text: str) -> None:
    events = _events(text)
    assert events == [
        (date(2026, 1, 7), [("DE", "air_defence", "delivered")]),
        (date(2025, 9, 4), [("DE", "air_defence", "pledged")]),
    ]
    # The article as a whole keeps one status per pair: the most advanced.
    doc = extract(text.encode(), filename="t.txt")
    assert [(c.actor, c.type, c.status) for c in doc.commitments] == [("DE", "air_defence", "delivered")]


@pytest.mark.parametrize(
    "text",
    [
        # No date of its own; a document's date; a date without a commitment; the article's own date.
        "date 2026-01-07 Germany will send air defence systems.\n\nThe systems are built in Munich.",
        "date 2026-07-01 NATO leaders will pledge air defence.\n\nThe draft, dated June 18, says NATO will train "
        "Ukrainian pilots.",
        "date 2026-01-07 Germany will send air defence systems.\n\nOn 4 September, leaders met in Paris.",
        "date 2026-01-07 Germany will send air defence systems.\n\nOn 6 January, Germany promised training.",
        "Germany will send air defence systems.\n\nOn 4 September, Germany promised training.",
    ],
)
def test_no_event_without_a_distinct_dated_commitment(text: str) -> None:
    assert len(_events(text)) == 1


def test_day_and_month_take_the_closest_year_before_the_article() -> None:
    reference = date(2026, 1, 7)
    assert dates_near("4 сентября коалиция пообещала", reference) == [(0, date(2025, 9, 4))]
    assert dates_near("on January 6, leaders agreed", reference) == [(3, date(2026, 1, 6))]
    assert dates_near("Ще 12 лютого Данія пообіцяла", reference) == [(3, date(2025, 2, 12))]
    assert dates_near("6 января 2026 года", reference) == [(0, date(2026, 1, 6))]
