"""Load every member and person of the extraction spec, with names in three languages and their aliases.

The lexicon is plain data in apps/extraction/lexicon.py (the extraction package's default
knowledge); from here on the database copy is the one admins edit and the gazetteer reads.
"""

from django.db import migrations


def forwards(apps, schema_editor):
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


class Migration(migrations.Migration):
    dependencies = [("coalition", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
