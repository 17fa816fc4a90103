"""The means the news names (weapon systems and equipment): `data/means.toml`, read once.

The file is the vocabulary: each entry's English name, its other spellings (ru/uk/en) and the commitment
type (spec §4) the system belongs to. This module only reads it into frozen records and checks what a
reader relies on: a known type, every spelling given once. Matching is the readers' business (the
unknown-name candidates leave these names out; commitment types may read them too).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

MEANS_FILE = Path(__file__).parent / "data" / "means.toml"
AIR_DEFENCE = "air_defence"
MILITARY_AID = "military_aid"
TYPES = (AIR_DEFENCE, MILITARY_AID)


@dataclass(frozen=True, slots=True)
class MeansEntry:
    """One weapon system or piece of equipment."""

    name: str  # as English-language news writes it
    aliases: tuple[str, ...]  # other spellings, base forms
    type: str  # AIR_DEFENCE or MILITARY_AID
    kind: str = ""  # "sam", "tank", "howitzer", ...: what the system is

    @property
    def spellings(self) -> tuple[str, ...]:
        """The name and every alias."""
        return (self.name, *self.aliases)


def means_entry(entry: dict[str, Any]) -> MeansEntry:
    name = entry["name"]
    if entry["type"] not in TYPES:
        raise ValueError(f"means {name!r}: unknown type {entry['type']!r} (one of {', '.join(TYPES)})")
    return MeansEntry(name, tuple(entry.get("aliases", ())), entry["type"], entry.get("kind", ""))


def read_means(path: Path) -> tuple[MeansEntry, ...]:
    """The entries of a means file (the shape of `data/means.toml`); a spelling given twice is an error."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    entries = tuple(means_entry(e) for e in data.get("means", ()))
    owners: dict[str, str] = {}
    for entry in entries:
        for spelling in entry.spellings:
            other = owners.setdefault(spelling.casefold(), entry.name)
            if other != entry.name or entry.spellings.count(spelling) > 1:
                raise ValueError(f"means: {spelling!r} is given twice ({other}, {entry.name})")
    return entries


@lru_cache(maxsize=1)
def builtin_means() -> tuple[MeansEntry, ...]:
    """The package's own means vocabulary, read once per process."""
    return read_means(MEANS_FILE)
