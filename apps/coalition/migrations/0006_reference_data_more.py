"""Load the lexicon's newer members and people (the loader is idempotent: nothing is doubled)."""

from django.db import migrations


def load(apps, schema_editor):
    from apps.coalition.reference import reference_data_load

    reference_data_load(apps)


class Migration(migrations.Migration):
    dependencies = [("coalition", "0005_contribution_per_event")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
