"""NameCandidate and NameSighting move here from the coalition app: a change of the migration state only.

The tables stay where they are (``coalition_namecandidate``, ``coalition_namesighting``, named by
``Meta.db_table``), with their rows, indexes and constraints: no database operation runs. The coalition app
forgets the models in its own state in ``coalition/0012``, which depends on this one.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('coalition', '0011_added_by_editor'),
        ('sources', '0002_text_help'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
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
                        'db_table': 'coalition_namecandidate',
                        'ordering': ['-article_count', 'id'],
                        'indexes': [models.Index(fields=['state', '-article_count', 'id'], name='namecandidate_by_count')],
                    },
                ),
                migrations.CreateModel(
                    name='NameSighting',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('text', models.CharField(max_length=255)),
                        ('sentence', models.TextField(blank=True)),
                        ('candidate', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='sightings', to='names.namecandidate')),
                        ('source', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='name_sightings', to='sources.sourcetext')),
                    ],
                    options={
                        'db_table': 'coalition_namesighting',
                        'indexes': [models.Index(fields=['candidate', '-id'], name='namesighting_latest')],
                        'constraints': [models.UniqueConstraint(fields=('candidate', 'source'), name='namesighting_one_per_source')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
