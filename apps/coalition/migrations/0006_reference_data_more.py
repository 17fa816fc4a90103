"""The lexicon's newer members and people: their rows are in 0002's frozen snapshot (see 0003)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("coalition", "0005_contribution_per_event")]
    operations = []
