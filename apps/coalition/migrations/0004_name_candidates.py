"""Unknown names seen in articles (candidates for aliases) and where each was seen.

The roles are synced again so the admin group holds the new models' permissions.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from apps.accounts.roles import roles_sync


def roles_forwards(apps, schema_editor):
    roles_sync(apps)


class Migration(migrations.Migration):

    dependencies = [
        ('coalition', '0003_reference_data_wider'),
        ('sources', '0002_text_help'),
        ('accounts', '0002_roles'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='NameCandidate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('key', models.CharField(max_length=255, unique=True)),
                ('text', models.CharField(help_text='The name as most often written.', max_length=255)),
                ('hint', models.CharField(choices=[('person', 'Person'), ('organisation', 'Organisation'), ('place', 'Place'), ('name', 'Name')], default='name', max_length=16)),
                ('state', models.CharField(choices=[('open', 'Open'), ('aliased', 'Aliased'), ('dismissed', 'Dismissed')], default='open', max_length=16)),
                ('article_count', models.PositiveIntegerField(default=0)),
                ('resolved_at', models.DateTimeField(blank=True, null=True)),
                ('alias', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='candidates', to='coalition.alias')),
                ('resolved_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-article_count', 'id'],
            },
        ),
        migrations.CreateModel(
            name='NameSighting',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('text', models.CharField(max_length=255)),
                ('sentence', models.TextField(blank=True)),
                ('candidate', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='sightings', to='coalition.namecandidate')),
                ('source', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='name_sightings', to='sources.sourcetext')),
            ],
        ),
        migrations.AddIndex(
            model_name='namecandidate',
            index=models.Index(fields=['state', '-article_count', 'id'], name='namecandidate_by_count'),
        ),
        migrations.AddIndex(
            model_name='namesighting',
            index=models.Index(fields=['candidate', '-id'], name='namesighting_latest'),
        ),
        migrations.AddConstraint(
            model_name='namesighting',
            constraint=models.UniqueConstraint(fields=('candidate', 'source'), name='namesighting_one_per_source'),
        ),
        migrations.RunPython(roles_forwards, migrations.RunPython.noop),
    ]
