"""The shared corpus: bad inputs accepted/refused as expected, dev dates and languages, scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from apps.extraction import document_to_json, extract
from apps.extraction.evaluate import read_jsonl, score, score_bad
from tests.corpus import BAD, CORPUS, DEV

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")


def _expectations() -> list[dict]:
    return read_jsonl(BAD / "expectations.jsonl") if BAD.is_dir() else []


def _labels() -> list[dict]:
    return read_jsonl(DEV / "labels.jsonl") if DEV.is_dir() else []


@pytest.mark.parametrize(
    "item", [e for e in _expectations() if e["expect"] != "archive"], ids=lambda e: e["file"]
)
def test_bad_input(item: dict) -> None:
    doc = extract((BAD / item["file"]).read_bytes(), filename=item["file"])
    if item["expect"] == "refuse":
        assert not doc.ok
        assert doc.error
        return
    assert doc.ok, doc.error
    assert (doc.date.isoformat() if doc.date else None) == item["date"]
    assert doc.language == item["language"]
    if item["date"] is None:
        assert doc.date_found == "unknown"


@pytest.mark.parametrize("label", _labels(), ids=lambda e: e["file"])
def test_dev_date_and_language(label: dict) -> None:
    path = (DEV / label["file"]).resolve()
    doc = extract(path.read_bytes(), filename=path.name)
    assert doc.ok, doc.error
    assert doc.date is not None and doc.date.isoformat() == label["date"]
    assert doc.date_found == "header"
    assert doc.language == label["language"]


def test_dev_scores() -> None:
    labels = _labels()
    predictions = []
    for label in labels:
        path = (DEV / label["file"]).resolve()
        predictions.append(document_to_json(extract(path.read_bytes(), filename=path.name), path.name))
    scores = score(predictions, labels)
    print("\ndev scores:", json.dumps(scores.summary()))
    for miss in scores.misses:
        print("  ", miss.file, miss.problems)
    assert scores.articles == 41
    assert scores.date_accuracy == 1.0
    assert scores.language_accuracy == 1.0
    # The extraction issue's quality bar (the same floors as manage.py evaluate's test, without a database).
    assert scores.source_accuracy == 1.0
    assert scores.statement_draft_accuracy == 1.0
    assert scores.members.f1 >= 0.97
    assert scores.people.f1 >= 0.97
    assert scores.types.f1 >= 0.95
    assert scores.pairs.f1 >= 0.89
    assert scores.status_accuracy >= 0.95


def test_bad_scores() -> None:
    expectations = _expectations()
    outcomes = {
        e["file"]: extract((BAD / e["file"]).read_bytes(), filename=e["file"]).ok
        for e in expectations
        if e["expect"] != "archive"
    }
    result = score_bad(outcomes, expectations)
    print(f"\nbad-input accuracy: {result.accuracy:.3f} ({result.correct}/{result.checked})")
    assert result.accuracy == 1.0, result.wrong


HELDOUT = Path(__file__).parent
# Floors for the project's own labelled sets (written independently of the rules; see their READMEs).
# heldout/ and heldout2/ were used to find general rules; of heldout3/ only the source, member and people
# misses were looked at, never its commitments: those say what the rules do on articles they have not
# seen. Floors may only go up.
HELDOUT_FLOORS = {
    "heldout": {"types": 0.97, "pairs": 0.94, "status": 0.95, "members": 0.99, "people": 0.99},
    "heldout2": {"types": 0.92, "pairs": 0.90, "status": 0.94, "members": 0.99, "people": 0.98},
    "heldout3": {"types": 0.86, "pairs": 0.75, "status": 0.82, "members": 0.99, "people": 0.98},
    # Never tuned on (issue 10): its misses are not looked at; only these totals are.
    "heldout4": {"types": 0.91, "pairs": 0.80, "status": 0.79, "members": 0.99, "people": 0.98, "source": 0.95},
    # Tuning material in the register of real news (issue 10).
    "dev2": {"types": 0.90, "pairs": 0.79, "status": 0.82, "members": 0.99, "people": 0.98, "source": 0.99},
    "dev3": {"types": 0.94, "pairs": 0.86, "status": 0.84, "members": 0.99, "people": 0.98, "source": 0.99},
    # Scored once on arrival (pairs 0.789, status 0.772, source 0.867), then tuned on.
    "dev4": {"types": 0.91, "pairs": 0.79, "status": 0.80, "members": 0.99, "people": 0.99, "source": 0.99},
    # Scored once on arrival (pairs 0.728, status 0.736, source 0.80, types 0.886), then tuned on.
    "dev5": {"types": 0.89, "pairs": 0.78, "status": 0.80, "members": 0.99, "people": 0.97, "source": 0.99},
    # Scored once on arrival (pairs 0.783, status 0.806, source 0.70, types 0.902), then tuned on.
    "dev6": {"types": 0.89, "pairs": 0.78, "status": 0.81, "members": 0.99, "people": 0.99, "source": 0.92},
}


@pytest.mark.parametrize("name", sorted(HELDOUT_FLOORS))
def test_heldout_scores(name: str) -> None:
    folder = HELDOUT / name
    labels = read_jsonl(folder / "labels.jsonl")
    predictions = [
        document_to_json(extract((folder / label["file"]).read_bytes(), filename=label["file"]), label["file"])
        for label in labels
    ]
    scores = score(predictions, labels)
    print(f"\n{name} scores:", json.dumps(scores.summary()))
    floors = HELDOUT_FLOORS[name]
    assert scores.date_accuracy == 1.0 and scores.language_accuracy == 1.0
    assert scores.source_accuracy >= floors.get("source", 0.95) and scores.statement_draft_accuracy >= 0.95
    assert scores.members.f1 >= floors["members"] and scores.people.f1 >= floors["people"]
    assert scores.types.f1 >= floors["types"]
    assert scores.pairs.f1 >= floors["pairs"]
    assert scores.status_accuracy >= floors["status"]
