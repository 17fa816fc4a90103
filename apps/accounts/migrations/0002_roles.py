"""Create the analyst, editor and admin groups with their model permissions."""

from django.db import migrations

from apps.accounts.roles import roles_sync


def forwards(apps, schema_editor):
    roles_sync(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("axes", "0010_accessattemptexpiration"),
        ("core", "0001_initial"),
        ("coalition", "0001_initial"),
        ("sources", "0001_initial"),
        ("statements", "0001_initial"),
        ("timeline", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
