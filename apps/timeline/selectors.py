"""Reads for the timeline: filtered keyset pages over (occurred_on desc nulls last, id desc), facet
counts, and full-text search — each a bounded number of queries, whatever the number of events."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet

from apps.coalition.models import CommitmentStatus, CommitmentType, Contribution
from apps.core.keyset import Keyset, place_parse, place_text
from apps.extraction.search import QueryTerm
from apps.timeline.filters import TimelineFilter
from apps.timeline.models import TimelineEvent
from apps.timeline.search import search_query, terms_of

# Facets and the total are counted over the newest events that match, at most this many: exact below
# it, "more than" above it. Counting a million rows would make every page as slow as the data is big;
# counting 5,000 took a first page 20–40 ms of PostgreSQL's time (make bench), 1,000 a fifth of that.
COUNT_CAP = 1000
# Ranking by relevance looks at the newest matches only, at most this many.
RANK_CANDIDATES = 1000
EVENT_FIELDS = (
    "id", "occurred_on", "headline", "snippet", "language", "agency", "member_codes", "person_slugs",
    "commitment_types", "commitment_statuses", "review_states", "source_id",
)


# Newest first on the (occurred_on, id) index; undated events last.
EVENT_ORDER = Keyset("occurred_on", descending=True, nulls_last=True)


@dataclass(frozen=True)
class Cursor:
    """The last row of a page: where the next page starts. ``occurred_on`` None sorts last."""

    occurred_on: date | None
    id: int

    @classmethod
    def parse(cls, raw: str) -> Cursor | None:
        place = place_parse(raw, date.fromisoformat)
        return cls(*place) if place else None

    def __str__(self) -> str:
        return place_text(self.occurred_on, self.id)

    def rows_after(self) -> Q:
        """Every row after this one, undated rows included (one condition; see dated_rows_after)."""
        return EVENT_ORDER.after(self.occurred_on, self.id)

    def dated_rows_after(self) -> Q:
        """The dated rows after this dated one, as a range of the (occurred_on, id) index."""
        return EVENT_ORDER.after_with_key(self.occurred_on, self.id)


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


def rows_after_cursor(events: QuerySet[TimelineEvent], after: Cursor | None, limit: int) -> list[TimelineEvent]:
    """At most `limit` events of a queryset ordered newest first that come after the cursor, read as index
    ranges: the dated rows after it, then — only when those run out — the undated ones, which sort last."""
    if after is None or after.occurred_on is None:
        return list((events.filter(after.rows_after()) if after else events)[:limit])
    rows = list(events.filter(after.dated_rows_after())[:limit])
    if len(rows) < limit:
        rows += list(events.filter(occurred_on__isnull=True)[: limit - len(rows)])
    return rows


def matching_contributions(flt: TimelineFilter) -> QuerySet[Contribution]:
    """Contributions matching a timeline filter, unordered. Who committed what in which state, when and how
    reviewed apply to the contribution itself; people, language, agency and words to the event it belongs to."""
    rows = Contribution.objects.all()
    if flt.people or flt.langs or flt.agencies or flt.q:
        on_event = TimelineFilter(people=flt.people, langs=flt.langs, agencies=flt.agencies, q=flt.q)
        rows = rows.filter(event__in=matching_events(on_event).values("id"))
    if flt.members:
        rows = rows.filter(actor__code__in=flt.members)
    if flt.types:
        rows = rows.filter(type__in=flt.types)
    if flt.statuses:
        rows = rows.filter(status__in=flt.statuses)
    if flt.reviews:
        rows = rows.filter(review_state__in=flt.reviews)
    if flt.sure:
        rows = rows.sure()
    if flt.date_from:
        rows = rows.filter(stated_on__gte=flt.date_from)
    if flt.date_to:
        rows = rows.filter(stated_on__lte=flt.date_to)
    return rows


def _card_fields(events: QuerySet[TimelineEvent], terms: list[QueryTerm]) -> QuerySet[TimelineEvent]:
    """What a card shows; with search words, the article's text too (in the same query), for the passage where
    they are when the headline and snippet do not have them."""
    if terms:
        return events.select_related("source").only(*EVENT_FIELDS, "source__text")
    return events.only(*EVENT_FIELDS)


def events_page(*, flt: TimelineFilter | None = None, after: Cursor | None = None, size: int = 50) -> EventPage:
    """One page of matching events, newest first, on the (occurred_on, id) index; one query (two on the page
    where the dated events run out and the undated ones begin)."""
    flt = flt or TimelineFilter()
    terms = terms_of(flt.q)
    queryset = _card_fields(matching_events(flt).order_by(*EVENT_ORDER.ordering()), terms)
    rows = rows_after_cursor(queryset, after, size + 1)
    events = rows[:size]
    next_cursor = Cursor(events[-1].occurred_on, events[-1].id) if len(rows) > size and events else None
    return EventPage(events=events, next_cursor=next_cursor, terms=terms)


def events_by_relevance(*, flt: TimelineFilter, size: int = 50) -> EventPage:
    """The best matches of a search: the newest RANK_CANDIDATES matches, ranked; one query, no paging."""
    terms = terms_of(flt.q)
    query = search_query(terms)
    if query is None:
        return events_page(flt=flt, size=size)
    newest = (flt.apply(TimelineEvent.objects.all()).filter(search_vector=query)
              .order_by(*EVENT_ORDER.ordering()).values("id")[:RANK_CANDIDATES])
    ranked = (TimelineEvent.objects.filter(id__in=newest).annotate(rank=SearchRank(F("search_vector"), query))
              .order_by("-rank", F("occurred_on").desc(nulls_last=True), "-id"))
    events = list(_card_fields(ranked, terms)[:size])
    return EventPage(events=events, next_cursor=None, terms=terms)


@dataclass(frozen=True)
class Facets:
    """How many matching events carry each value of each facet (over at most COUNT_CAP of them)."""

    total: int
    capped: bool
    counts: dict[str, list[tuple[str, int]]]


# Two unnest passes over the matches instead of five: member codes (upper case) with person slugs (lower
# case), and the types, statuses and review states (three vocabularies without a word in common); the
# values are sorted back into their facets in Python. Half the time of a pass per facet.
_FACET_SQL = """
WITH matched AS ({matched})
SELECT 'total', '', count(*) FROM matched
UNION ALL SELECT 'code', v, count(*) FROM matched, unnest(member_codes || person_slugs) v GROUP BY v
UNION ALL SELECT 'word', v, count(*) FROM matched, unnest(commitment_types || commitment_statuses || review_states) v
 GROUP BY v
UNION ALL SELECT 'lang', language, count(*) FROM matched WHERE language <> '' GROUP BY language
UNION ALL SELECT 'agency', agency, count(*) FROM matched WHERE agency <> '' GROUP BY agency
"""
_WORD_FACETS = {**dict.fromkeys(CommitmentType.values, "type"), **dict.fromkeys(CommitmentStatus.values, "status"),
                **dict.fromkeys(Contribution.ReviewState.values, "review")}
# Once a member, type or status is chosen, the other two facets count what was committed with it, as the
# filter means it ("France" + "Pledged": events where France pledged, not events naming France where
# anyone pledged), so a facet's count is what choosing it shows. From the full "actor:type:status" keys.
_COMMITTED_SQL = """
UNION ALL SELECT %s, split_part(k, ':', {part}), count(DISTINCT id) FROM matched, unnest(commitment_keys) k
 WHERE split_part(k, ':', 1) <> '' AND split_part(k, ':', 2) <> '' AND split_part(k, ':', 3) <> ''
   AND (cardinality(%s::text[]) = 0 OR split_part(k, ':', {a}) = ANY(%s::text[]))
   AND (cardinality(%s::text[]) = 0 OR split_part(k, ':', {b}) = ANY(%s::text[])) GROUP BY 2
"""


def facet_counts(flt: TimelineFilter) -> Facets:
    """Counts per facet value of the matching events, and their total; one query, bounded by COUNT_CAP."""
    committed_sql, committed_params = "", list[str | list[str]]()
    committed: dict[str, list[tuple[str, int]]] = {}
    parts = {"member": (1, flt.members), "type": (2, flt.types), "status": (3, flt.statuses)}
    for name, (part, _) in parts.items():
        (a, a_values), (b, b_values) = [(p, list(v)) for n, (p, v) in parts.items() if n != name]
        if a_values or b_values:
            committed_sql += _COMMITTED_SQL.format(part=part, a=a, b=b)
            committed_params += [f"committed-{name}", a_values, a_values, b_values, b_values]
            committed[name] = []
    # Only the columns counted: the rows are read from the table, a narrower CTE is a faster one.
    columns = ["member_codes", "person_slugs", "commitment_types", "commitment_statuses", "review_states", "language",
               "agency", *(("id", "commitment_keys") if committed else ())]
    matched = (matching_events(flt).order_by(*EVENT_ORDER.ordering())
               .values(*columns)[: COUNT_CAP + 1])
    sql, params = matched.query.sql_with_params()
    counts: dict[str, list[tuple[str, int]]] = defaultdict(list)
    total = 0
    with connection.cursor() as cursor:
        cursor.execute(_FACET_SQL.format(matched=sql) + committed_sql, (*params, *committed_params))
        for facet, value, count in cursor.fetchall():
            if facet == "total":
                total = count
            elif facet.startswith("committed-"):
                committed[facet[10:]].append((value, count))
            elif facet == "code":
                counts["member" if value.isupper() else "person"].append((value, count))
            elif facet == "word":
                counts[_WORD_FACETS.get(value, "review")].append((value, count))
            else:
                counts[facet].append((value, count))
    counts.update(committed)
    for values in counts.values():
        values.sort(key=lambda pair: (-pair[1], pair[0]))
    return Facets(total=min(total, COUNT_CAP), capped=total > COUNT_CAP, counts=dict(counts))
