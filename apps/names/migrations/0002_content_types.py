"""The content types of the moved models follow them: ``coalition.namecandidate`` becomes ``names.namecandidate``.

Renaming the rows (rather than letting post_migrate create new ones) keeps their permissions, the groups that
hold them and the admin's history of the objects. A database built from scratch may already hold the new rows
(post_migrate made them): then nothing is renamed and the old rows stay stale, as Django leaves any other.
Uses the historical ContentType model only, no app code.
"""

from django.db import migrations

MODELS = ('namecandidate', 'namesighting')


def _move(apps, schema_editor, old, new):
    ContentType = apps.get_model('contenttypes', 'ContentType')
    rows = ContentType.objects.using(schema_editor.connection.alias)
    for model in MODELS:
        if not rows.filter(app_label=new, model=model).exists():
            rows.filter(app_label=old, model=model).update(app_label=new)
    ContentType.objects.clear_cache()


def forwards(apps, schema_editor):
    _move(apps, schema_editor, 'coalition', 'names')


def backwards(apps, schema_editor):
    _move(apps, schema_editor, 'names', 'coalition')


class Migration(migrations.Migration):

    dependencies = [
        ('names', '0001_initial'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
