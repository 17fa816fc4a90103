"""The wider lexicon (more countries, leaders, ministers and officials): its rows are in 0002's snapshot.

This migration once re-read the extraction's lexicon; a migration must not rebuild yesterday's data from
today's code, so the data it added now comes with 0002's frozen snapshot and this step does nothing.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("coalition", "0002_reference_data")]

    operations = []
