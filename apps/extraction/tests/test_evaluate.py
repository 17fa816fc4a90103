"""Scoring against labels: unreviewed pairs left out, scores by group, the editors' truth of an article and the
kinds of correction editors make (pure functions, no database)."""

from __future__ import annotations

from apps.extraction.evaluate import (
    F1,
    Reviewed,
    correction_totals,
    corrections,
    editors_commitments,
    score,
    score_by,
)


def label(file: str, commitments: list[tuple[str, str, str]], **extra: object) -> dict:
    return {"file": file, "date": "2026-03-02", "language": "en", "source": None, "members": [], "people": [],
            "statement_draft": False, "quotes": [],
            "commitments": [{"actor": a, "type": t, "status": s} for a, t, s in commitments], **extra}


def test_unreviewed_pairs_count_neither_for_nor_against_the_rules():
    predicted = [label("a.txt", [("DE", "air_defence", "pledged"), ("FR", "training", "pledged"),
                                 ("PL", "sanctions", "approved")])]
    gold = [label("a.txt", [("DE", "air_defence", "delivered")],
                  unreviewed=[{"actor": "FR", "type": "training"}, {"actor": "GB", "type": "logistics"}])]
    scores = score(predicted, gold)
    assert (scores.pairs.tp, scores.pairs.fp, scores.pairs.fn) == (1, 1, 0)  # PL sanctions: nobody's word for it
    assert (scores.types.tp, scores.types.fp, scores.types.fn) == (1, 1, 0)
    assert (scores.status_matched, scores.status_accuracy) == (1, 0.0)
    assert score(predicted, [label("a.txt", [("DE", "air_defence", "delivered")])]).pairs.fp == 2  # without it


def test_scores_by_group_score_each_group_alone():
    predicted = [label("a.txt", [("DE", "air_defence", "pledged")]), label("b.txt", [("FR", "training", "pledged")])]
    gold = [label("a.txt", [("DE", "air_defence", "pledged")], language="en"),
            label("b.txt", [("FR", "military_aid", "pledged")], language="ru")]
    groups = score_by(predicted, gold, lambda item: item["language"])
    assert list(groups) == ["en", "ru"]
    assert groups["en"].pairs.f1 == 1.0 and groups["en"].articles == 1
    assert groups["ru"].pairs.f1 == 0.0 and groups["ru"].pairs.gold == 1


def test_f1_says_whether_anything_was_measured():
    assert not F1(0, 0, 0).measured and F1(0, 0, 0).f1 == 1.0
    assert F1(0, 1, 0).measured and F1(2, 1, 1).gold == 3


def test_the_editors_truth_of_an_article():
    decided = [
        Reviewed(1, "DE", "air_defence", "pledged", "DE", "air_defence", "pledged"),  # confirmed
        Reviewed(2, "DE", "air_defence", "delivered", "DE", "air_defence", "pledged"),  # a recalled event, corrected
        Reviewed(3, "FR", "training", "pledged", "FR", "training", "pledged", rejected=True),
        Reviewed(4, "PL", "sanctions", "approved", added=True),
        Reviewed(5, "GB", "logistics", "pledged", "GB", "logistics", "pledged"),  # another event of GB waits
    ]
    commitments, unreviewed = editors_commitments(decided, [("GB", "logistics"), ("IT", "training")])
    assert commitments == [{"actor": "DE", "type": "air_defence", "status": "delivered"},  # the one status rule
                           {"actor": "PL", "type": "sanctions", "status": "approved"}]
    assert unreviewed == [{"actor": "GB", "type": "logistics"}, {"actor": "IT", "type": "training"}]


def test_a_withdrawal_the_editors_state_settles_the_pair_by_the_one_rule():
    decided = [Reviewed(1, "DE", "military_aid", "pledged"), Reviewed(2, "DE", "military_aid", "withdrawn")]
    assert editors_commitments(decided, [])[0] == [{"actor": "DE", "type": "military_aid", "status": "withdrawn"}]


def test_correction_kinds_most_frequent_first_with_examples():
    items = [
        Reviewed(1, "DE", "air_defence", "delivered", "DE", "military_aid", "pledged"),  # type and status
        Reviewed(2, "FR", "air_defence", "pledged", "FR", "military_aid", "pledged"),  # type
        Reviewed(3, "GB", "air_defence", "pledged", "FR", "air_defence", "pledged"),  # actor
        Reviewed(4, "IT", "training", "pledged", "IT", "training", "pledged"),  # confirmed: nothing
        Reviewed(5, "PL", "sanctions", "pledged", "PL", "sanctions", "pledged", rejected=True),
        Reviewed(6, "NL", "logistics", "pledged", added=True),
        Reviewed(7, "ES", "training", "approved"),  # reviewed before the machine's reading was kept
        Reviewed(8, "SE", "air_defence", "pledged", "SE", "military_aid", "pledged"),  # type
        Reviewed(9, "NO", "air_defence", "pledged", "NO", "military_aid", "pledged"),  # type
        Reviewed(10, "FI", "air_defence", "pledged", "FI", "military_aid", "pledged"),  # type
    ]
    found = corrections(items, examples=3)
    assert [(c.kind, c.before, c.after, c.count) for c in found] == [
        ("type", "military_aid", "air_defence", 5),
        ("status", "pledged", "delivered", 1),
        ("actor", "FR", "GB", 1),
        ("rejected", "sanctions", "", 1),
        ("added", "", "logistics", 1),
    ]
    assert found[0].examples == (1, 2, 8)  # the first three, in the order given
    assert correction_totals(found) == {"type": 5, "status": 1, "actor": 1, "rejected": 1, "added": 1}
    assert correction_totals([]) == {"type": 0, "status": 0, "actor": 0, "rejected": 0, "added": 0}
