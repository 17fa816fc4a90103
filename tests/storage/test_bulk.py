"""apps.core.bulk: rows_copy writes every field as bulk_create would, in text or binary COPY."""

from __future__ import annotations

import pytest
from django.db import connection
from django.utils import timezone

from apps.core.bulk import rows_copy
from apps.sources.models import SourceText
from apps.timeline.models import TimelineEvent

pytestmark = pytest.mark.django_db

# to_tsvector('simple', 'air defence') in PostgreSQL's binary format (tsvectorrecv): two lexemes, sorted,
# each NUL-terminated with its count of positions and the positions (weight D).
AIR_DEFENCE = (b"\x00\x00\x00\x02" + b"air\x00" + b"\x00\x01" + b"\x00\x01"
               + b"defence\x00" + b"\x00\x01" + b"\x00\x02")


@pytest.mark.parametrize("binary", [False, True])
def test_rows_copy_writes_what_bulk_create_writes(binary):
    before = timezone.now()
    sources = [SourceText(original_name=f"{i}.txt", sha256=f"{i:064d}", raw_bytes=b"\x00date\xff",
                          report={"notes": ["é"]}, status=SourceText.Status.INGESTED) for i in range(3)]
    rows_copy(SourceText, sources, binary=binary)
    assert all(s.pk and not s._state.adding for s in sources)
    stored = SourceText.objects.get(pk=sources[1].pk)
    assert (stored.original_name, bytes(stored.raw_bytes), stored.report) == ("1.txt", b"\x00date\xff",
                                                                              {"notes": ["é"]})
    assert min(stored.created_at, stored.status_changed_at) >= before  # auto_now dates, set as it writes
    assert stored.attempts == 0  # a default
    events = [TimelineEvent(source_id=s.pk, headline="h", member_codes=["DE", "FR"], commitment_keys=[])
              for s in sources]
    rows_copy(TimelineEvent, events, binary=binary)
    assert TimelineEvent.objects.get(pk=events[0].pk).member_codes == ["DE", "FR"]


def test_binary_rows_copy_takes_a_type_psycopg_cannot_dump_as_its_binary_format():
    source = SourceText(original_name="a.txt", sha256="a" * 64)
    rows_copy(SourceText, [source])
    event = TimelineEvent(source_id=source.pk, headline="h", search_vector=AIR_DEFENCE)
    rows_copy(TimelineEvent, [event], binary=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_vector = to_tsvector('simple', 'air defence') FROM timeline_timelineevent "
                       "WHERE id = %s", [event.pk])
        assert cursor.fetchone() == (True,)
