"""Load every member and person of the extraction spec, with names in three languages and their aliases.

The lexicon is plain data in apps/extraction/lexicon.py (the extraction package's default
knowledge); from here on the database copy is the one admins edit and the gazetteer reads.
"""

from django.db import migrations

from apps.coalition.reference import reference_data_load


def forwards(apps, schema_editor):
    reference_data_load(apps)


class Migration(migrations.Migration):
    dependencies = [("coalition", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
