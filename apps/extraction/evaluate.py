"""Scoring predictions against corpus labels (spec §7, corpus README). Pure functions on dicts.

A label may also carry ``unreviewed``: (actor, type) pairs nobody has decided yet (an article editors reviewed
in part, `manage.py export_labels --partial`). Those pairs are left out on both sides, so what the rules say of
them counts neither for nor against them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from .confidence import HIGH
from .status import article_status


@dataclass(frozen=True, slots=True)
class F1:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 1.0

    @property
    def gold(self) -> int:
        """How many items the labels hold (found or missed)."""
        return self.tp + self.fn

    @property
    def measured(self) -> bool:
        """Whether anything was expected or predicted at all (else the scores of 1.0 say nothing)."""
        return bool(self.tp + self.fp + self.fn)


@dataclass(frozen=True, slots=True)
class ArticleMisses:
    """What one article got wrong: field → (missing, extra) or (expected, predicted)."""

    file: str
    problems: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Scores:
    articles: int
    date_accuracy: float
    language_accuracy: float
    source_accuracy: float
    statement_draft_accuracy: float
    members: F1
    people: F1
    types: F1
    pairs: F1
    status_accuracy: float
    status_matched: int
    unmatched_labels: tuple[str, ...] = ()
    misses: tuple[ArticleMisses, ...] = field(default=())
    sure: int = 0  # predicted commitments with a high confidence ...
    sure_right: int = 0  # ... whose actor, type and status are all right

    @property
    def sure_precision(self) -> float:
        """How often a commitment read with high confidence is right (actor, type and status)."""
        return self.sure_right / self.sure if self.sure else 1.0

    def summary(self) -> dict[str, float | int]:
        return {
            "articles": self.articles,
            "date": round(self.date_accuracy, 3),
            "language": round(self.language_accuracy, 3),
            "source": round(self.source_accuracy, 3),
            "statement_draft": round(self.statement_draft_accuracy, 3),
            "members_f1": round(self.members.f1, 3),
            "people_f1": round(self.people.f1, 3),
            "types_f1": round(self.types.f1, 3),
            "pairs_f1": round(self.pairs.f1, 3),
            "status_accuracy": round(self.status_accuracy, 3),
            "status_matched": self.status_matched,
            "sure_precision": round(self.sure_precision, 3),
            "sure": self.sure,
        }


def base_name(file: str) -> str:
    return PurePosixPath(file.replace("\\", "/")).name


def normalise_source(value: str | None) -> str | None:
    if value is None:
        return None
    return " ".join(value.replace("-", " ").lower().split()) or None


def _pairs(item: Mapping[str, Any], skip: Container[tuple[str, str]] = ()) -> dict[tuple[str, str], str]:
    return {(c["actor"], c["type"]): c.get("status", "") for c in item.get("commitments") or []
            if (c["actor"], c["type"]) not in skip}


def _unreviewed(label: Mapping[str, Any]) -> set[tuple[str, str]]:
    return {(c["actor"], c["type"]) for c in label.get("unreviewed") or []}


def _count(predicted: Iterable[Any], gold: Iterable[Any]) -> tuple[int, int, int]:
    p, g = set(predicted), set(gold)
    return len(p & g), len(p - g), len(g - p)


def score(predictions: list[dict[str, Any]], labels: list[dict[str, Any]], *, high: float = HIGH) -> Scores:
    """Micro-averaged scores of predictions matched to labels by file base name; `high`: the confidence from
    which a commitment counts as read with high confidence."""
    by_name = {base_name(p["file"]): p for p in predictions}
    totals = {"members": [0, 0, 0], "people": [0, 0, 0], "types": [0, 0, 0], "pairs": [0, 0, 0]}
    correct = {"date": 0, "language": 0, "source": 0, "statement_draft": 0}
    status_right = status_matched = articles = sure = sure_right = 0
    misses: list[ArticleMisses] = []
    unmatched: list[str] = []
    for gold in labels:
        name = base_name(gold["file"])
        pred = by_name.get(name)
        if pred is None:
            unmatched.append(name)
            pred = {}
        articles += 1
        problems: dict[str, Any] = {}
        for key in ("date", "language", "statement_draft"):
            if pred.get(key) == gold.get(key):
                correct[key] += 1
            else:
                problems[key] = (gold.get(key), pred.get(key))
        if normalise_source(pred.get("source")) == normalise_source(gold.get("source")):
            correct["source"] += 1
        else:
            problems["source"] = (gold.get("source"), pred.get("source"))
        skip = _unreviewed(gold)
        gold_pairs, pred_pairs = _pairs(gold, skip), _pairs(pred, skip)
        sets = {
            "members": (pred.get("members") or [], gold.get("members") or []),
            "people": (pred.get("people") or [], gold.get("people") or []),
            "types": ({t for _, t in pred_pairs}, {t for _, t in gold_pairs}),
            "pairs": (pred_pairs.keys(), gold_pairs.keys()),
        }
        for key, (p, g) in sets.items():
            tp, fp, fn = _count(p, g)
            totals[key][0] += tp
            totals[key][1] += fp
            totals[key][2] += fn
            if fp or fn:
                problems[key] = {"missing": sorted(set(g) - set(p)), "extra": sorted(set(p) - set(g))}
        for c in pred.get("commitments") or []:
            if (c.get("confidence") or 0) >= high:
                sure += 1
                sure_right += gold_pairs.get((c["actor"], c["type"])) == c.get("status")
        wrong_status = {}
        for pair in gold_pairs.keys() & pred_pairs.keys():
            status_matched += 1
            if gold_pairs[pair] == pred_pairs[pair]:
                status_right += 1
            else:
                wrong_status[pair] = (gold_pairs[pair], pred_pairs[pair])
        if wrong_status:
            problems["status"] = wrong_status
        if problems:
            misses.append(ArticleMisses(name, problems))
    n = max(articles, 1)
    return Scores(
        articles=articles,
        date_accuracy=correct["date"] / n,
        language_accuracy=correct["language"] / n,
        source_accuracy=correct["source"] / n,
        statement_draft_accuracy=correct["statement_draft"] / n,
        members=F1(*totals["members"]),
        people=F1(*totals["people"]),
        types=F1(*totals["types"]),
        pairs=F1(*totals["pairs"]),
        status_accuracy=status_right / status_matched if status_matched else 1.0,
        status_matched=status_matched,
        unmatched_labels=tuple(unmatched),
        misses=tuple(misses),
        sure=sure,
        sure_right=sure_right,
    )


def score_by(predictions: list[dict[str, Any]], labels: list[dict[str, Any]],
             key: Callable[[Mapping[str, Any]], str]) -> dict[str, Scores]:
    """`score` for each group of labels (by language, by month, ...), in the order groups first appear."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for label in labels:
        groups.setdefault(key(label), []).append(label)
    return {name: score(predictions, group) for name, group in groups.items()}


# --- What editors corrected -------------------------------------------------------------------------------

TYPE, STATUS, ACTOR, REJECTED, ADDED = "type", "status", "actor", "rejected", "added"
CORRECTION_KINDS: tuple[str, ...] = (TYPE, STATUS, ACTOR, REJECTED, ADDED)


@dataclass(frozen=True, slots=True)
class Reviewed:
    """One commitment an editor decided: what it says now, and what the machine had read.

    ``rejected``: not a commitment (the machine's reading was a false positive). ``added``: the editors added
    it, the machine had missed it (no machine reading). Otherwise it was confirmed or corrected; a machine
    reading left empty (reviewed before readings were kept) says nothing about corrections.
    """

    ident: int
    actor: str
    type: str
    status: str
    machine_actor: str = ""
    machine_type: str = ""
    machine_status: str = ""
    rejected: bool = False
    added: bool = False

    def corrections(self) -> list[tuple[str, str, str]]:
        """(kind, before, after) for each way the editors' word differs from the machine's reading.

        A rejection is (rejected, the type the machine read, ""); an addition (added, "", the type added).
        """
        if self.rejected:
            return [(REJECTED, self.machine_type or self.type, "")]
        if self.added:
            return [(ADDED, "", self.type)]
        if not self.machine_type:
            return []
        changed = [(TYPE, self.machine_type, self.type), (STATUS, self.machine_status, self.status),
                   (ACTOR, self.machine_actor, self.actor)]
        return [(kind, before, after) for kind, before, after in changed if before != after]


def editors_commitments(decided: Iterable[Reviewed], waiting: Iterable[tuple[str, str]],
                        ) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """One article's truth by its editors, in the labels' shape: (commitments, unreviewed).

    `decided` are its reviewed commitments, `waiting` the (actor, type) of those nobody reviewed yet. A pair
    is gold when editors confirmed, corrected or added it and none of its statements waits; its status is the
    article's status by the one rule over what they stated (several events of the article may state it).
    A pair with a statement still waiting is unreviewed; a rejected pair is in neither (not a commitment).
    """
    pending = set(waiting)
    said: dict[tuple[str, str], list[str]] = {}
    for item in decided:
        if not item.rejected and (item.actor, item.type) not in pending:
            said.setdefault((item.actor, item.type), []).append(item.status)
    commitments = [{"actor": actor, "type": type_, "status": article_status(statuses)}
                   for (actor, type_), statuses in sorted(said.items())]
    return commitments, [{"actor": actor, "type": type_} for actor, type_ in sorted(pending)]


@dataclass(frozen=True, slots=True)
class Correction:
    """One kind of correction (say, type military_aid → air_defence), how often editors made it, and examples."""

    kind: str  # one of CORRECTION_KINDS
    before: str
    after: str
    count: int
    examples: tuple[int, ...]  # the `ident`s of a few reviewed commitments, in the order given


def corrections(items: Iterable[Reviewed], *, examples: int = 3) -> list[Correction]:
    """Every kind of correction in `items`, the most frequent first (ties: in CORRECTION_KINDS order, then by
    value), each with up to `examples` examples."""
    counts: Counter[tuple[str, str, str]] = Counter()
    shown: dict[tuple[str, str, str], list[int]] = {}
    for item in items:
        for change in item.corrections():
            counts[change] += 1
            picked = shown.setdefault(change, [])
            if len(picked) < examples:
                picked.append(item.ident)
    order = {kind: rank for rank, kind in enumerate(CORRECTION_KINDS)}
    ranked = sorted(counts, key=lambda change: (-counts[change], order[change[0]], change[1], change[2]))
    return [Correction(kind, before, after, counts[(kind, before, after)], tuple(shown[(kind, before, after)]))
            for kind, before, after in ranked]


def correction_totals(found: Iterable[Correction]) -> dict[str, int]:
    """How many corrections of each kind (every kind present, in CORRECTION_KINDS order)."""
    totals = dict.fromkeys(CORRECTION_KINDS, 0)
    for correction in found:
        totals[correction.kind] += correction.count
    return totals


@dataclass(frozen=True, slots=True)
class BadScores:
    checked: int
    correct: int
    wrong: tuple[tuple[str, str, str], ...]  # (file, expected, got)

    @property
    def accuracy(self) -> float:
        return self.correct / self.checked if self.checked else 1.0


def score_bad(outcomes: Mapping[str, bool], expectations: list[dict[str, Any]]) -> BadScores:
    """Accept/refuse accuracy on bad inputs. `outcomes` maps file base name → accepted?

    A duplicate counts as accepted; archives are skipped (they are checked through ingest).
    """
    checked = correct = 0
    wrong: list[tuple[str, str, str]] = []
    for item in expectations:
        expect = item["expect"]
        if expect == "archive":
            continue
        name = base_name(item["file"])
        should_accept = expect in ("accept", "duplicate")
        checked += 1
        got = outcomes.get(name)
        if got is not None and got == should_accept:
            correct += 1
        else:
            wrong.append(
                (
                    name,
                    "accept" if should_accept else "refuse",
                    "missing" if got is None else ("accept" if got else "refuse"),
                )
            )
    return BadScores(checked=checked, correct=correct, wrong=tuple(wrong))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Small helper: one JSON object per non-empty line."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
