"""Reads for the timeline: keyset pages over (occurred_on desc nulls last, id desc)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from apps.timeline.models import TimelineEvent


@dataclass(frozen=True)
class Cursor:
    """The last row of a page: where the next page starts. ``occurred_on`` None sorts last."""

    occurred_on: date | None
    id: int

    @classmethod
    def parse(cls, raw: str) -> Cursor | None:
        if not raw:
            return None
        day, _, ident = raw.partition("_")
        return cls(date.fromisoformat(day) if day != "none" else None, int(ident))

    def __str__(self) -> str:
        return f"{self.occurred_on.isoformat() if self.occurred_on else 'none'}_{self.id}"

    def rows_after(self) -> Q:
        if self.occurred_on is None:
            return Q(occurred_on__isnull=True, id__lt=self.id)
        return (Q(occurred_on__lt=self.occurred_on) | Q(occurred_on=self.occurred_on, id__lt=self.id)
                | Q(occurred_on__isnull=True))


@dataclass(frozen=True)
class EventPage:
    events: list[TimelineEvent]
    next_cursor: Cursor | None


def events_page(*, after: Cursor | None, size: int) -> EventPage:
    """One page of events, newest first, using the (occurred_on, id) index; one query."""
    queryset = TimelineEvent.objects.newest_first().select_related("source").only(
        "id", "occurred_on", "headline", "snippet", "language", "agency", "member_codes", "commitment_types",
        "commitment_statuses", "source__id", "source__original_name",
    )
    if after is not None:
        queryset = queryset.filter(after.rows_after())
    rows = list(queryset[: size + 1])
    events = rows[:size]
    has_more = len(rows) > size
    next_cursor = Cursor(events[-1].occurred_on, events[-1].id) if has_more and events else None
    return EventPage(events=events, next_cursor=next_cursor)
