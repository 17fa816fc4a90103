"""The API's reads: keyset pages, each one query for its rows plus at most one to prefetch what they carry.

No OFFSET and no COUNT: a page costs the same on the millionth row as on the first. Filters are the timeline's
(apps.timeline.filters), so the API and the pages always agree on what matches.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from apps.coalition.models import Contribution, Member, Person
from apps.timeline.filters import TimelineFilter
from apps.timeline.models import TimelineEvent
from apps.timeline.selectors import (
    EVENT_FIELDS,
    EVENT_ORDER,
    Cursor,
    matching_contributions,
    matching_events,
    rows_after_cursor,
)

CONTRIBUTION_FIELDS = ("id", "actor__code", "type", "status", "review_state", "confidence", "stated_on", "evidence",
                       "source_id", "event_id", "created_at", "updated_at")


@dataclass(frozen=True)
class Page[T, K]:
    items: list[T]
    next_key: K | None  # the keyset of the last item when there are more, else None


def _contributions() -> QuerySet[Contribution]:
    return Contribution.objects.select_related("actor").only(*CONTRIBUTION_FIELDS).order_by("actor__code", "type", "id")


def _with_contributions(events: QuerySet[TimelineEvent]) -> QuerySet[TimelineEvent]:
    return (events.only(*EVENT_FIELDS, "ordinal", "created_at")
            .prefetch_related(Prefetch("contributions", queryset=_contributions())))


def events_page(*, flt: TimelineFilter, updated_since: datetime | None, after: Cursor | None,
                size: int) -> Page[TimelineEvent, Cursor]:
    """Matching events newest first, in the timeline's order on its (occurred_on, id) index; two queries (four on
    the page where the dated events run out)."""
    events = matching_events(flt)
    if updated_since is not None:
        # An event changes when its article is read again (a new row) or when one of its commitments is reviewed.
        changed = Contribution.objects.filter(event=OuterRef("pk"), updated_at__gte=updated_since)
        events = events.filter(Q(created_at__gte=updated_since) | Exists(changed))
    rows = rows_after_cursor(_with_contributions(events.order_by(*EVENT_ORDER.ordering())),
                             after, size + 1)
    items = rows[:size]
    more = len(rows) > size
    return Page(items, Cursor(items[-1].occurred_on, items[-1].id) if more else None)


def event_detail(event_id: int) -> TimelineEvent | None:
    """One event with its commitments; two queries."""
    return _with_contributions(TimelineEvent.objects.filter(pk=event_id)).first()


def contributions_page(*, flt: TimelineFilter, updated_since: datetime | None, after: int | None,
                       size: int) -> Page[Contribution, int]:
    """Matching commitments, newest row first, on the primary key; one query.

    The keyset is the id, not updated_at: the primary key is indexed and never changes, so a walk neither skips
    nor repeats a row that is reviewed while it goes on (that row has a newer updated_at, which the next
    updated_since catches).
    """
    rows = matching_contributions(flt)
    if updated_since is not None:
        rows = rows.filter(updated_at__gte=updated_since)
    if after is not None:
        rows = rows.filter(id__lt=after)
    found = list(rows.select_related("actor").only(*CONTRIBUTION_FIELDS).order_by("-id")[: size + 1])
    items = found[:size]
    return Page(items, items[-1].id if len(found) > size else None)


def members_page(*, roles: tuple[str, ...], after: str | None, size: int) -> Page[Member, str]:
    """Members by code; one query."""
    rows = Member.objects.order_by("code")
    if roles:
        rows = rows.filter(role__in=roles)
    if after is not None:
        rows = rows.filter(code__gt=after)
    found = list(rows[: size + 1])
    items = found[:size]
    return Page(items, items[-1].code if len(found) > size else None)


def member_detail(code: str) -> Member | None:
    """One member (its code in any case) with the people who speak for it; two queries."""
    people = Person.objects.order_by("slug").only("slug", "name_en", "member")
    return Member.objects.prefetch_related(Prefetch("people", queryset=people)).filter(code=code.upper()).first()


def people_page(*, members: tuple[str, ...], after: str | None, size: int) -> Page[Person, str]:
    """People by slug, each with their member's code; one query."""
    rows = Person.objects.select_related("member").order_by("slug")
    if members:
        rows = rows.filter(member__code__in=members)
    if after is not None:
        rows = rows.filter(slug__gt=after)
    found = list(rows[: size + 1])
    items = found[:size]
    return Page(items, items[-1].slug if len(found) > size else None)


def person_detail(slug: str) -> Person | None:
    """One person with their member's code; one query."""
    return Person.objects.select_related("member").filter(slug=slug.lower()).first()
