"""Finer planner statistics on the search vectors.

With the default statistics target PostgreSQL keeps the ~1,000 commonest lexemes and takes any other
word for one in 200 events, so the newest rare word (71 events in a million) was looked for by reading
the timeline's index from the top and testing every event: 15 s. Ten times the target keeps lexemes
down to about one event in 2,000 and guesses the others at a tenth of that, so rare words go through
the GIN index (a few ms) and frequent ones still read the newest events first (make bench).
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("timeline", "0002_event_filters_and_search"),
    ]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE timeline_timelineevent ALTER COLUMN search_vector SET STATISTICS 1000",
            reverse_sql="ALTER TABLE timeline_timelineevent ALTER COLUMN search_vector SET STATISTICS -1",
        ),
    ]
