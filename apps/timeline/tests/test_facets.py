"""A facet's count is what choosing it shows, also where member, type and status combine (on the dev corpus)."""

from __future__ import annotations

import pytest

from apps.sources import ingest, receive
from apps.sources.archives import IncomingFile
from apps.timeline.filters import TimelineFilter
from apps.timeline.selectors import facet_counts, matching_events
from tests.corpus import DEV

pytestmark = pytest.mark.django_db

FILTERS = ["", "member=FR", "member=FR&type=multinational_force", "type=sanctions", "status=pledged",
           "member=GB&status=approved", "lang=ru&type=military_aid"]


def test_each_facet_count_is_what_choosing_the_value_shows():
    for path in sorted(DEV.glob("*.txt")):
        data = path.read_bytes()
        source = receive.source_receive(upload=None, item=IncomingFile(path.name, data, None, len(data)))
        ingest.source_ingest(source_id=source.pk)
    checked = 0
    for raw in FILTERS:
        flt = TimelineFilter.from_query(dict(pair.split("=") for pair in raw.split("&") if pair))
        facets = facet_counts(flt)
        assert facets.total == matching_events(flt).count()
        for name, attribute in (("member", "members"), ("type", "types"), ("status", "statuses")):
            if getattr(flt, attribute):
                continue  # a second value of a chosen facet widens the result (either value): not a count of it
            for value, count in facets.counts.get(name, []):
                assert matching_events(flt.with_value(name, value)).count() == count, (raw, name, value)
                checked += 1
    assert checked > 50
