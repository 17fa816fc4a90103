"""Reads for the timeline: filtered keyset pages over (occurred_on desc nulls last, id desc), facet
counts, and full-text search — each a bounded number of queries, whatever the number of events."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet

from apps.extraction.search import QueryTerm
from apps.timeline.filters import TimelineFilter
from apps.timeline.models import TimelineEvent
from apps.timeline.search import search_query, terms_of

# Facets and the total are counted over the newest events that match, at most this many: exact below
# it, "more than" above it. Counting a million rows would make every page as slow as the data is big.
COUNT_CAP = 5000
# Ranking by relevance looks at the newest matches only, at most this many.
RANK_CANDIDATES = 1000
EVENT_FIELDS = (
    "id", "occurred_on", "headline", "snippet", "language", "agency", "member_codes", "person_slugs",
    "commitment_types", "commitment_statuses", "review_states", "source_id",
)


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
    terms: list[QueryTerm] = field(default_factory=list)


def matching_events(flt: TimelineFilter) -> QuerySet[TimelineEvent]:
    """Events matching the filter and its search words, unordered."""
    events = flt.apply(TimelineEvent.objects.all())
    query = search_query(terms_of(flt.q))
    if query is not None:
        events = events.filter(search_vector=query)
    return events


def events_page(*, flt: TimelineFilter | None = None, after: Cursor | None = None, size: int = 50) -> EventPage:
    """One page of matching events, newest first, on the (occurred_on, id) index; one query."""
    flt = flt or TimelineFilter()
    queryset = matching_events(flt).order_by(F("occurred_on").desc(nulls_last=True), "-id").only(*EVENT_FIELDS)
    if after is not None:
        queryset = queryset.filter(after.rows_after())
    rows = list(queryset[: size + 1])
    events = rows[:size]
    next_cursor = Cursor(events[-1].occurred_on, events[-1].id) if len(rows) > size and events else None
    return EventPage(events=events, next_cursor=next_cursor, terms=terms_of(flt.q))


def events_by_relevance(*, flt: TimelineFilter, size: int = 50) -> EventPage:
    """The best matches of a search: the newest RANK_CANDIDATES matches, ranked; one query, no paging."""
    terms = terms_of(flt.q)
    query = search_query(terms)
    if query is None:
        return events_page(flt=flt, size=size)
    newest = (flt.apply(TimelineEvent.objects.all()).filter(search_vector=query)
              .order_by(F("occurred_on").desc(nulls_last=True), "-id").values("id")[:RANK_CANDIDATES])
    events = list(TimelineEvent.objects.filter(id__in=newest)
                  .annotate(rank=SearchRank(F("search_vector"), query))
                  .order_by("-rank", F("occurred_on").desc(nulls_last=True), "-id").only(*EVENT_FIELDS)[:size])
    return EventPage(events=events, next_cursor=None, terms=terms)


@dataclass(frozen=True)
class Facets:
    """How many matching events carry each value of each facet (over at most COUNT_CAP of them)."""

    total: int
    capped: bool
    counts: dict[str, list[tuple[str, int]]]


_FACET_SQL = """
WITH matched AS ({matched})
SELECT 'total', '', count(*) FROM matched
UNION ALL SELECT 'member', v, count(*) FROM matched, unnest(member_codes) v GROUP BY v
UNION ALL SELECT 'person', v, count(*) FROM matched, unnest(person_slugs) v GROUP BY v
UNION ALL SELECT 'type', v, count(*) FROM matched, unnest(commitment_types) v GROUP BY v
UNION ALL SELECT 'status', v, count(*) FROM matched, unnest(commitment_statuses) v GROUP BY v
UNION ALL SELECT 'review', v, count(*) FROM matched, unnest(review_states) v GROUP BY v
UNION ALL SELECT 'lang', language, count(*) FROM matched WHERE language <> '' GROUP BY language
UNION ALL SELECT 'agency', agency, count(*) FROM matched WHERE agency <> '' GROUP BY agency
"""


def facet_counts(flt: TimelineFilter) -> Facets:
    """Counts per facet value of the matching events, and their total; one query, bounded by COUNT_CAP."""
    matched = (matching_events(flt).order_by(F("occurred_on").desc(nulls_last=True), "-id")
               .values("member_codes", "person_slugs", "commitment_types", "commitment_statuses", "review_states",
                       "language", "agency")[: COUNT_CAP + 1])
    sql, params = matched.query.sql_with_params()
    counts: dict[str, list[tuple[str, int]]] = defaultdict(list)
    total = 0
    with connection.cursor() as cursor:
        cursor.execute(_FACET_SQL.format(matched=sql), params)
        for facet, value, count in cursor.fetchall():
            if facet == "total":
                total = count
            else:
                counts[facet].append((value, count))
    for values in counts.values():
        values.sort(key=lambda pair: (-pair[1], pair[0]))
    return Facets(total=min(total, COUNT_CAP), capped=total > COUNT_CAP, counts=dict(counts))
