"""The words that name each commitment type (spec §4): `data/types.toml`, plus the systems of `data/means.toml`.

The type vocabulary is regex stems over lowercased text; the means vocabulary names systems, each of the type
it belongs to (IRIS-T → air_defence, Leopard → military_aid). A system that is an aircraft, a missile or a
drone joins the `hardware` group instead, because what it is for depends on the sentence: fighter jets for
an air-policing mission are air defence, F-16s handed to Ukraine military aid (spec §8; commitments.py).
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from .cues import CueTable, cue_table
from .means import builtin_means

TYPES_FILE = Path(__file__).parent / "data" / "types.toml"
HARDWARE_KINDS = frozenset({"aircraft", "missile", "drone", "helicopter"})
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _spelling_pattern(spelling: str) -> str:
    """A system's spelling as a lowercase regex: Cyrillic words in any case form, Latin ones with a plural."""
    words = []
    for word in spelling.lower().split():
        escaped = re.escape(word)
        if _CYRILLIC.search(word) and len(word) >= 4:
            words.append(re.escape(word.rstrip("аяоеиыіїйь")) + r"\w{0,4}")
        else:
            words.append(escaped + r"(?:s|es|'s)?")
    return r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])"


@lru_cache(maxsize=1)
def type_cues() -> CueTable:
    """One table of every type's cues (and the `hardware` and `supply` groups), searched in one pass."""
    with TYPES_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    entries = {name: list(section["patterns"]) for name, section in data.items()}
    for means in builtin_means():
        group = "hardware" if means.kind in HARDWARE_KINDS else means.type
        entries[group].extend(_spelling_pattern(s) for s in means.spellings)
    return cue_table({name: tuple(patterns) for name, patterns in entries.items()})
