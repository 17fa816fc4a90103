"""The reference members, people and aliases, loaded from frozen snapshots kept beside the migrations.

A data migration loads its own snapshot (`migrations/reference/<migration>.json`), never the extraction's
lexicon of today, so a fresh database is built with the data each migration had when it was written.
Takes an app registry so the migrations (historical models) and tests (after a flush) share one loader.
Idempotent: existing rows are updated, aliases added only when missing, nothing deleted.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SNAPSHOTS = Path(__file__).parent / "migrations" / "reference"


def reference_data_load(apps: Any, snapshot: str) -> None:
    """Load one snapshot (its file name without `.json`) into the reference tables."""
    data = json.loads((SNAPSHOTS / f"{snapshot}.json").read_text(encoding="utf-8"))
    Member = apps.get_model("coalition", "Member")
    Person = apps.get_model("coalition", "Person")
    Alias = apps.get_model("coalition", "Alias")
    members = {m.code: m for m in Member.objects.all()}
    for entry in data.get("members", ()):
        member, _ = Member.objects.update_or_create(
            code=entry["code"],
            defaults={"name_en": entry["name_en"], "name_ru": entry["name_ru"], "name_uk": entry["name_uk"],
                      "role": entry["role"]},
        )
        members[entry["code"]] = member
        for text, language in entry["aliases"]:
            Alias.objects.get_or_create(text=text, language=language, member=member, person=None)
    for entry in data.get("people", ()):
        person, _ = Person.objects.update_or_create(
            slug=entry["slug"],
            defaults={"name_en": entry["name_en"], "name_ru": entry["name_ru"], "name_uk": entry["name_uk"],
                      "member": members.get(entry["member"])},
        )
        for text, language in entry["aliases"]:
            Alias.objects.get_or_create(text=text, language=language, member=None, person=person)


def reference_data_load_all(apps: Any) -> None:
    """Every snapshot in migration order: the reference data a fully migrated database starts with."""
    for path in sorted(SNAPSHOTS.glob("*.json")):
        reference_data_load(apps, path.stem)
