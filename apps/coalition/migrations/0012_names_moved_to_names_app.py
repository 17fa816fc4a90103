"""NameCandidate and NameSighting now belong to the names app (``names/0001_initial``): the coalition app forgets
them in its migration state only. Their tables keep their names and rows; no database operation runs."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('coalition', '0011_added_by_editor'),
        ('names', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='NameSighting'),
                migrations.DeleteModel(name='NameCandidate'),
            ],
            database_operations=[],
        ),
    ]
