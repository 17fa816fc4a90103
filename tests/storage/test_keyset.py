"""apps.core.keyset: paging by (key, id) reads every row once, in the order the database sorts them, whichever
way the key runs and wherever rows without a key sort; and the rows before a row are those the reverse reads."""

from __future__ import annotations

from datetime import date

import pytest

from apps.core.keyset import Keyset, place_parse, place_text
from apps.sources.models import SourceText
from apps.timeline.models import TimelineEvent

pytestmark = pytest.mark.django_db

ORDERS = [
    Keyset("occurred_on", descending=True, nulls_last=True),  # the timeline's
    Keyset("occurred_on", descending=True, nulls_last=False),
    Keyset("occurred_on", descending=False, nulls_last=True),
    Keyset("occurred_on", descending=False, nulls_last=False),  # the review queue's "least sure first" shape
    Keyset("occurred_on", descending=True, nulls_last=True, id_descending=False),  # the names page's shape
]


@pytest.fixture
def events() -> None:
    source = SourceText.objects.create(original_name="a.txt", sha256="a" * 64)
    days = [date(2026, 3, 2), date(2026, 3, 2), None, date(2026, 1, 5), None, date(2026, 3, 2), date(2025, 12, 31)]
    TimelineEvent.objects.bulk_create(TimelineEvent(source=source, ordinal=i, occurred_on=day, headline=str(i))
                                      for i, day in enumerate(days * 3))


@pytest.mark.parametrize("order", ORDERS, ids=str)
def test_pages_read_every_row_once_in_order(events: None, order: Keyset) -> None:
    rows = TimelineEvent.objects.order_by(*order.ordering())
    everything = list(rows.values_list("occurred_on", "id"))
    read: list[tuple[date | None, int]] = []
    after: tuple[date | None, int] | None = None
    while True:
        page = list((rows.filter(order.after(*after)) if after else rows).values_list("occurred_on", "id")[:4])
        if not page:
            break
        read += page
        after = page[-1]
    assert read == everything and len(everything) == 21


@pytest.mark.parametrize("order", ORDERS, ids=str)
def test_the_rows_before_a_row_are_those_the_order_reads_before_it(events: None, order: Keyset) -> None:
    everything = list(TimelineEvent.objects.order_by(*order.ordering()).values_list("occurred_on", "id"))
    for i in (0, 3, 10, 20):
        before = TimelineEvent.objects.filter(order.before(*everything[i]))
        assert sorted(before.values_list("id", flat=True)) == sorted(row_id for _, row_id in everything[:i])


def test_a_place_reads_back_as_written() -> None:
    for key, read_key in ((date(2026, 3, 2), date.fromisoformat), (0.73, float), (4, int), (None, int)):
        text = place_text(key, 51)
        assert place_parse(text, read_key) == (key, 51)
    assert place_parse("", int) is None
    with pytest.raises(ValueError):
        place_parse("51", int)
