"""Load the wider lexicon (more countries, leaders, ministers and officials) into the reference tables.

Runs the same idempotent loader as 0002: existing members and people are updated, new ones and any
missing aliases are added, nothing is deleted. Reversing it leaves the rows in place.
"""

from typing import Any

from django.db import migrations

from apps.coalition.reference import reference_data_load


def forwards(apps: Any, schema_editor: Any) -> None:
    reference_data_load(apps)


class Migration(migrations.Migration):
    dependencies = [("coalition", "0002_reference_data")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
