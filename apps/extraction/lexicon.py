"""The members (spec §2) and people (spec §3) the extraction knows: `data/lexicon.toml`, read once.

The file is the vocabulary; this module only reads it into frozen records and expands what the file
says briefly: every name is an alias, and a person's surname alone is one too unless the entry says
`surname_alone = false`. The gazetteer (the matcher) takes any records of this shape, so the
database's edited copy of the reference data reads through the same records.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"
LEXICON_FILE = DATA_DIR / "lexicon.toml"

BENEFICIARY = "beneficiary"
ADVERSARY = "adversary"
PARTNER = "partner"
COALITION_MEMBER = "coalition_member"
ORGANISATION = "organisation"
COALITION = "coalition"
ROLES = (BENEFICIARY, ADVERSARY, PARTNER, COALITION_MEMBER, ORGANISATION, COALITION)
LANGUAGES = ("en", "ru", "uk")


@dataclass(frozen=True, slots=True)
class AliasEntry:
    text: str
    language: str


@dataclass(frozen=True, slots=True)
class MemberEntry:
    code: str
    role: str
    name_en: str
    name_ru: str
    name_uk: str
    aliases: tuple[AliasEntry, ...]


@dataclass(frozen=True, slots=True)
class PersonEntry:
    slug: str
    member_code: str
    name_en: str
    name_ru: str
    name_uk: str
    aliases: tuple[AliasEntry, ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    members: tuple[MemberEntry, ...]
    people: tuple[PersonEntry, ...]
    venue_only_aliases: frozenset[str]  # dropped after a locative preposition ("in Brussels")


_PARTICLES = {"von", "der", "de", "фон", "дер", "де", "van", "ван"}


def surname(full: str) -> str:
    """The part of a full name used on its own: 'von der Leyen', 'De Wever', 'Kosiniak-Kamysz'."""
    words = full.split()
    start = len(words) - 1
    while start > 0 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    return " ".join(words[start:])


def _names(entry: dict[str, Any]) -> tuple[str, str, str]:
    return entry["name_en"], entry.get("name_ru", ""), entry.get("name_uk", "")


def _aliases(entry: dict[str, Any], names: tuple[str, str, str], extra: tuple[str, str, str]) -> tuple[AliasEntry, ...]:
    """The names, the extra forms given per language and the entry's own aliases, each once, in that order."""
    aliases = [
        AliasEntry(text, language)
        for language, name, more in zip(LANGUAGES, names, extra, strict=True)
        for text in (name, more, *entry.get(language, ()))
        if text
    ]
    left_out = set(entry.get("omit", ()))
    return tuple(dict.fromkeys(a for a in aliases if a.text not in left_out))


def member_entry(entry: dict[str, Any]) -> MemberEntry:
    if entry["role"] not in ROLES:
        raise ValueError(f"member {entry['code']}: unknown role {entry['role']!r}")
    names = _names(entry)
    return MemberEntry(entry["code"], entry["role"], *names, _aliases(entry, names, ("", "", "")))


def person_entry(entry: dict[str, Any]) -> PersonEntry:
    names = _names(entry)
    alone = tuple(surname(n) if entry.get("surname_alone", True) and n else "" for n in names)
    return PersonEntry(entry["slug"], entry["member"], *names, _aliases(entry, names, alone))  # type: ignore[arg-type]


def read_lexicon(path: Path) -> Lexicon:
    """The records of a lexicon file (the shape of `data/lexicon.toml`)."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return Lexicon(
        members=tuple(member_entry(e) for e in data.get("member", ())),
        people=tuple(person_entry(e) for e in data.get("person", ())),
        venue_only_aliases=frozenset(data.get("venue_only_aliases", ())),
    )


@lru_cache(maxsize=1)
def builtin_lexicon() -> Lexicon:
    """The package's own lexicon, read once per process."""
    return read_lexicon(LEXICON_FILE)
