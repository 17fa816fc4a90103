"""Load every member and person of the extraction spec, with names in three languages and their aliases.

The data is the frozen snapshot `reference/0002_reference_data.json` (the lexicon as it stood when the
reference tables were filled, including what 0003 and 0006 once added); from here on the database copy
is the one admins edit and the gazetteer reads.
"""

from django.db import migrations

from apps.coalition.reference import reference_data_load


def forwards(apps, schema_editor):
    reference_data_load(apps, "0002_reference_data")


class Migration(migrations.Migration):
    dependencies = [("coalition", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
