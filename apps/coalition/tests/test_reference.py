"""The reference snapshots the migrations load add up to the extraction's lexicon.

Whoever changes `apps/extraction/data/lexicon.toml` adds a data migration with a snapshot of what
changed (`migrations/reference/<migration>.json`), so a database built from the migrations knows the
same names as `manage.py extract` on a fresh clone.
"""

from __future__ import annotations

import json

from apps.coalition.reference import SNAPSHOTS
from apps.extraction.lexicon import builtin_lexicon


def _merged() -> tuple[dict[str, tuple], dict[str, tuple]]:
    members: dict[str, tuple] = {}
    people: dict[str, tuple] = {}
    for path in sorted(SNAPSHOTS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for m in data.get("members", ()):
            aliases = members.get(m["code"], ((), ))[-1]
            new = tuple(dict.fromkeys([*aliases, *map(tuple, m["aliases"])]))
            members[m["code"]] = (m["role"], m["name_en"], m["name_ru"], m["name_uk"], new)
        for p in data.get("people", ()):
            aliases = people.get(p["slug"], ((), ))[-1]
            new = tuple(dict.fromkeys([*aliases, *map(tuple, p["aliases"])]))
            people[p["slug"]] = (p["member"], p["name_en"], p["name_ru"], p["name_uk"], new)
    return members, people


def test_snapshots_add_up_to_the_lexicon():
    members, people = _merged()
    lexicon = builtin_lexicon()
    assert members == {
        m.code: (m.role, m.name_en, m.name_ru, m.name_uk, tuple((a.text, a.language) for a in m.aliases))
        for m in lexicon.members
    }
    assert people == {
        p.slug: (p.member_code, p.name_en, p.name_ru, p.name_uk, tuple((a.text, a.language) for a in p.aliases))
        for p in lexicon.people
    }
