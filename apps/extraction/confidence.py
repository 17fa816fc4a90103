"""How sure the extraction is of one (actor, type, status): a logistic score over the rules that fired.

Each statement of a commitment records how it was read (`Reading`): where its actor came from (named
in the clause, through a person, an earlier sentence, a document's issuer), what gave its status (a
verb of the clause, a draft, the default), how its type was named, how far actor and means stand apart,
how crowded the sentence is, and whether a hedge or a list is around. The weights are data
(`data/confidence.toml`), fitted on the labelled development sets by `fit` (`manage.py
calibrate_confidence`), so a score of 0.8 means about four readings in five like it were right there.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

WEIGHTS_FILE = Path(__file__).parent / "data" / "confidence.toml"
HIGH = 0.8  # "high confidence": analysts may show only editor-confirmed or high-confidence commitments

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
    return out


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    with WEIGHTS_FILE.open("rb") as handle:
        return {str(k): float(v) for k, v in tomllib.load(handle)["weights"].items()}


def score(reading: Reading, agreeing: int = 1) -> float:
    """The confidence (0–1) of a commitment read this way, rounded to two places."""
    table = weights()
    z = sum(table.get(name, 0.0) * value for name, value in features(reading, agreeing).items())
    return round(1 / (1 + math.exp(-z)), 2)


def fit(examples: Sequence[tuple[Reading, int, bool]], *, epochs: int = 400, rate: float = 0.3,
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


def weights_toml(table: dict[str, float], note: Iterable[str] = ()) -> str:
    """The weights as the data file's text."""
    lines = [f"# {line}" for line in note]
    lines += ["[weights]", *(f"{name} = {value}" for name, value in sorted(table.items()))]
    return "\n".join(lines) + "\n"

