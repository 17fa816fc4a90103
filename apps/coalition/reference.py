"""The reference members, people and aliases, loaded from the extraction lexicon.

Takes an app registry so the data migration (historical models) and tests (after a flush)
share one loader. Idempotent: existing rows are updated, aliases added only when missing.
"""

from __future__ import annotations

from typing import Any


def reference_data_load(apps: Any) -> None:
    from apps.extraction.lexicon import MEMBERS, PEOPLE

    Member = apps.get_model("coalition", "Member")
    Person = apps.get_model("coalition", "Person")
    Alias = apps.get_model("coalition", "Alias")
    members = {}
    for entry in MEMBERS:
        member, _ = Member.objects.update_or_create(
            code=entry.code,
            defaults={"name_en": entry.name_en, "name_ru": entry.name_ru, "name_uk": entry.name_uk,
                      "role": entry.role},
        )
        members[entry.code] = member
        for alias in entry.aliases:
            Alias.objects.get_or_create(text=alias.text, language=alias.language, member=member, person=None)
    for entry in PEOPLE:
        person, _ = Person.objects.update_or_create(
            slug=entry.slug,
            defaults={"name_en": entry.name_en, "name_ru": entry.name_ru, "name_uk": entry.name_uk,
                      "member": members.get(entry.member_code)},
        )
        for alias in entry.aliases:
            Alias.objects.get_or_create(text=alias.text, language=alias.language, member=None, person=person)
