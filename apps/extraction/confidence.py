"""How sure the extraction is of one (actor, type, status): a logistic score over the rules that fired.

Each statement of a commitment records how it was read (`Reading`): where its actor came from (named
in the clause, through a person, an earlier sentence, a document's issuer), what gave its status (a
verb of the clause, a draft, the default), how its type was named, how far actor and means stand apart,
how crowded the sentence is, and whether a hedge or a list is around. The weights are data
(`data/confidence.toml`), fitted on the labelled development sets by `fit` (`manage.py
calibrate_confidence`). The logistic probability is then mapped, monotonically, so that HIGH (0.8) starts
where the readings of the development sets were right at least PRECISION_TARGET of the time: "high
confidence" is a filter analysts can trust, and the order of the scores is the model's.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

WEIGHTS_FILE = Path(__file__).parent / "data" / "confidence.toml"
HIGH = 0.8  # "high confidence": analysts may show only editor-confirmed or high-confidence commitments
# Readings from HIGH up were right this often out of fold (each article scored by weights fitted without it;
# `calibrate_confidence`): a margin for what a set written in another hand costs.
PRECISION_TARGET = 0.97
MIN_SURE = 20  # the fewest readings the precision from HIGH up is measured on

ACTOR_SOURCES = ("named", "person", "anaphora", "issuer", "group", "coalition_word")
STATUS_SOURCES = ("verb", "cue", "default", "draft", "document", "carried")
TYPE_SOURCES = ("means", "cue", "reference")


@dataclass(frozen=True, slots=True)
class Reading:
    """How one statement of a commitment was read (the features its confidence is scored on)."""

    actor_source: str = "named"
    status_source: str = "cue"
    type_source: str = "cue"
    distance: int = 0  # characters between the actor's mention and the words naming the type
    actors: int = 1  # actors the sentence names
    types: int = 1  # types the sentence names
    hedged: bool = False  # a modal or hedge word stands in the sentence
    listed: bool = False  # the sentence is a point of a list or draft
    words: int = 20  # the sentence's length in words
    status: str = "pledged"  # the status read
    first: bool = True  # the actor is the first member the sentence names
    same_clause: bool = True  # the actor and the words naming the type stand in one clause
    lead: bool = False  # the sentence opens the article
    language: str = ""
    hearsay: bool = False  # the sentence passes on what someone said or reported


def features(reading: Reading, agreeing: int) -> dict[str, float]:
    """The named features of a reading; `agreeing`: statements of the article that say the same."""
    out: dict[str, float] = {"bias": 1.0}
    out[f"actor_{reading.actor_source}"] = 1.0
    out[f"status_{reading.status_source}"] = 1.0
    out[f"type_{reading.type_source}"] = 1.0
    out["far"] = min(reading.distance, 300) / 100
    out["crowded_actors"] = min(max(reading.actors - 1, 0), 6) / 3
    out["crowded_types"] = min(max(reading.types - 1, 0), 6) / 3
    out["hedged"] = float(reading.hedged)
    out["listed"] = float(reading.listed)
    out["long"] = min(reading.words, 120) / 40
    out["agreeing"] = math.log(1 + max(agreeing - 1, 0))
    out[f"is_{reading.status}"] = 1.0
    out["first"] = float(reading.first)
    out["same_clause"] = float(reading.same_clause)
    out["lead"] = float(reading.lead)
    out["hearsay"] = float(reading.hearsay)
    # One actor, named first, in the clause that names the only type: the reading the rules get right most.
    clean = reading.first and reading.same_clause and reading.actors == 1 and reading.types == 1
    out["clean"] = float(clean)
    out["clean_done"] = float(clean and reading.status in ("delivered", "approved"))
    out["clean_named"] = float(clean and reading.actor_source == "named")
    if reading.language:
        out[f"lang_{reading.language}"] = 1.0
    return out


Knots = tuple[tuple[float, float], ...]
PLAIN: Knots = ((0.0, 0.0), (1.0, 1.0))


@lru_cache(maxsize=1)
def model() -> tuple[dict[str, float], Knots]:
    """The weights and the probability → confidence knots of the data file."""
    with WEIGHTS_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    knots = tuple((float(a), float(b)) for a, b in data.get("calibration", {}).get("knots", PLAIN))
    return {str(k): float(v) for k, v in data["weights"].items()}, knots


@lru_cache(maxsize=65_536)
def score(reading: Reading, agreeing: int = 1) -> float:
    """The confidence (0–1) of a commitment read this way, rounded to two places."""
    table, knots = model()
    return round(mapped(probability(table, reading, agreeing), knots), 2)


def probability(table: dict[str, float], reading: Reading, agreeing: int = 1) -> float:
    """The logistic probability a table of weights gives a reading."""
    z = sum(table.get(name, 0.0) * value for name, value in features(reading, agreeing).items())
    return 1 / (1 + math.exp(-z))


def mapped(p: float, knots: Knots) -> float:
    """A probability through the piecewise-linear, increasing calibration map."""
    for (x0, y0), (x1, y1) in pairwise(knots):
        if p <= x1:
            return y0 + (y1 - y0) * (p - x0) / (x1 - x0) if x1 > x0 else y1
    return knots[-1][1]


def calibrate(scored: Sequence[tuple[float, bool]]) -> Knots:
    """Knots that put HIGH at the lowest probability from which readings were right PRECISION_TARGET of the
    time (on at least MIN_SURE readings); 0.5 stays 0.5 below it."""
    ordered = sorted(scored, key=lambda pair: -pair[0])
    threshold, right = 1.0, 0
    for count, (p, ok) in enumerate(ordered, start=1):
        right += ok
        tie_ends = count == len(ordered) or ordered[count][0] != p  # a cut never splits equal probabilities
        if tie_ends and count >= MIN_SURE and right / count >= PRECISION_TARGET:
            threshold = p
    threshold = min(max(threshold, 0.5 + 1e-3), 1 - 1e-3)
    return ((0.0, 0.0), (0.5, 0.5), (round(threshold, 4), HIGH), (1.0, 1.0))


def fit(examples: Sequence[tuple[Reading, int, bool]], *, epochs: int = 3000, rate: float = 0.5,
        l2: float = 0.01) -> dict[str, float]:
    """Logistic weights from (reading, agreeing statements, was it right) examples, by gradient descent.

    Small and dependency-free: a few hundred examples and a dozen features.
    """
    rows = [(features(reading, agreeing), 1.0 if right else 0.0) for reading, agreeing, right in examples]
    names = sorted({name for row, _ in rows for name in row})
    w = dict.fromkeys(names, 0.0)
    n = max(len(rows), 1)
    for _ in range(epochs):
        grad = dict.fromkeys(names, 0.0)
        for row, y in rows:
            z = sum(w[name] * value for name, value in row.items())
            error = 1 / (1 + math.exp(-z)) - y
            for name, value in row.items():
                grad[name] += error * value
        for name in names:
            penalty = 0.0 if name == "bias" else l2 * w[name]
            w[name] -= rate * (grad[name] / n + penalty)
    return {name: round(value, 4) for name, value in w.items()}


def out_of_fold(examples: Sequence[tuple[Reading, int, bool]], groups: Sequence[str], *,
                folds: int = 5) -> list[tuple[float, bool]]:
    """(probability, was it right) of each example from weights fitted without its article's fold.

    The calibration is read off these rather than off the fit's own examples: a model scores what it was
    fitted on too well, and HIGH must hold on articles it has never seen.
    """
    names = sorted(set(groups))
    fold_of = {name: i % folds for i, name in enumerate(names)}
    scored: list[tuple[float, bool] | None] = [None] * len(examples)
    for fold in range(folds):
        inside = [i for i, group in enumerate(groups) if fold_of[group] == fold]
        table = fit([examples[i] for i, group in enumerate(groups) if fold_of[group] != fold])
        for i in inside:
            reading, agreeing, right = examples[i]
            scored[i] = (probability(table, reading, agreeing), right)
    return [pair for pair in scored if pair is not None]


def weights_toml(table: dict[str, float], knots: Knots, note: Iterable[str] = ()) -> str:
    """The weights and calibration knots as the data file's text."""
    lines = [f"# {line}" for line in note]
    lines += ["[weights]", *(f"{name} = {value}" for name, value in sorted(table.items()))]
    lines += ["", "# probability → confidence: HIGH starts where the development sets were right "
              f"{PRECISION_TARGET:.0%} of the time out of fold", "[calibration]",
              "knots = [" + ", ".join(f"[{a}, {b}]" for a, b in knots) + "]"]
    return "\n".join(lines) + "\n"

