"""Reads that span models: commitment histories, and the unknown names with where they were seen."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber

from apps.coalition.models import (
    EDITOR_STATES,
    Contribution,
    HistoryStep,
    Member,
    NameCandidate,
    NameSighting,
    Person,
)
from apps.core.keyset import Keyset, place_parse, place_text
from apps.extraction.status import RANK, history_status
from apps.sources.models import SourceText


def commitment_histories(pairs: Iterable[tuple[int, str]]) -> dict[tuple[int, str], list[HistoryStep]]:
    """For each (actor id, type), its live contributions oldest first — one query for all pairs."""
    condition = Q()
    for actor_id, type_ in set(pairs):
        condition |= Q(actor_id=actor_id, type=type_)
    histories: dict[tuple[int, str], list[HistoryStep]] = defaultdict(list)
    if not condition:
        return histories
    rows = (Contribution.objects.live().filter(condition)
            .order_by("actor_id", "type", "stated_on", "id")
            .values_list("actor_id", "type", "status", "stated_on", "evidence", "source_id"))
    for actor_id, type_, status, stated_on, evidence, source_id in rows:
        steps = histories[(actor_id, type_)]
        if not steps or steps[-1].status != status:  # a repeated status is not a new step
            steps.append(HistoryStep(status, stated_on, evidence, source_id))
    return histories


# --- Unknown names ---------------------------------------------------------------------------


# Most seen first, then the oldest, on the (state, count, id) index.
NAMES_ORDER = Keyset("article_count", descending=True, id_descending=False)


@dataclass(frozen=True)
class NameCursor:
    """The last candidate of a page in (article_count desc, id asc) order: where the next page starts."""

    article_count: int
    id: int

    @classmethod
    def parse(cls, raw: str) -> NameCursor | None:
        place = place_parse(raw, int)
        return cls(*place) if place else None

    def __str__(self) -> str:
        return place_text(self.article_count, self.id)

    def rows_after(self) -> Q:
        return NAMES_ORDER.after_with_key(self.article_count, self.id)


@dataclass(frozen=True)
class NamePage:
    candidates: list[NameCandidate]
    next_cursor: NameCursor | None


def open_names(*, hint: str = "", search: str = "") -> models.QuerySet[NameCandidate]:
    """Open candidates still seen somewhere, optionally of one kind and matching a search."""
    queryset = NameCandidate.objects.filter(state=NameCandidate.State.OPEN, article_count__gt=0)
    if hint:
        queryset = queryset.filter(hint=hint)
    if search:
        queryset = queryset.filter(Q(text__icontains=search) | Q(key__icontains=search.lower()))
    return queryset


def names_page(*, hint: str = "", search: str = "", after: NameCursor | None, size: int) -> NamePage:
    """One keyset page of open candidates, most seen first (the (state, count, id) index); one query."""
    queryset = open_names(hint=hint, search=search).order_by(*NAMES_ORDER.ordering()).only(
        "id", "key", "text", "hint", "state", "article_count")
    if after is not None:
        queryset = queryset.filter(after.rows_after())
    rows = list(queryset[: size + 1])
    candidates = rows[:size]
    has_more = len(rows) > size
    next_cursor = NameCursor(candidates[-1].article_count, candidates[-1].id) if has_more and candidates else None
    return NamePage(candidates=candidates, next_cursor=next_cursor)


def name_examples(candidate_ids: Iterable[int], *, per_candidate: int = 2) -> dict[int, list[NameSighting]]:
    """The latest sightings of each candidate (sentence and article), at most ``per_candidate`` each; one query."""
    ids = list(candidate_ids)
    examples: dict[int, list[NameSighting]] = defaultdict(list)
    if not ids:
        return examples
    rows = (
        NameSighting.objects.filter(candidate_id__in=ids)
        .select_related("source").only("id", "candidate_id", "text", "sentence", "source__id",
                                       "source__original_name", "source__published_on")
        .annotate(rank=Window(RowNumber(), partition_by=[F("candidate_id")], order_by=F("id").desc()))
        .filter(rank__lte=per_candidate)
        .order_by("candidate_id", "rank")
    )
    for sighting in rows:
        examples[sighting.candidate_id].append(sighting)
    return examples


def alias_targets() -> tuple[list[Person], list[Member]]:
    """Every person (with the member they speak for) and every member, for the alias pickers; two queries."""
    people = list(Person.objects.select_related("member").only(
        "id", "slug", "name_en", "name_ru", "name_uk", "member__code", "member__name_en", "member__name_ru",
        "member__name_uk").order_by("name_en", "slug"))
    members = list(Member.objects.only("id", "code", "name_en", "name_ru", "name_uk").order_by("name_en", "code"))
    return people, members


def alias_target_resolve(value: str) -> Person | Member | None:
    """What an "Alias of" field names: "person:slug" or "member:CODE" as the list offers, else an exact
    code, slug or English name typed by hand (when only one thing has it)."""
    value = " ".join(value.split())
    kind, _, ident = value.partition(":")
    if kind == "person" and ident:
        return Person.objects.select_related("member").filter(slug=ident).first()
    if kind == "member" and ident:
        return Member.objects.filter(code=ident).first()
    if not value:
        return None
    matches: list[Person | Member] = [
        *Member.objects.filter(Q(code=value.upper()) | Q(name_en__iexact=value)),
        *Person.objects.select_related("member").filter(Q(slug=value.lower()) | Q(name_en__iexact=value)),
    ]
    return matches[0] if len(matches) == 1 else None


def name_reextract_waiting(candidate: NameCandidate) -> int:
    """Articles where the name was seen that have not been re-read since it was resolved; one query."""
    if candidate.resolved_at is None:
        return 0
    before = Q(source__processed_at__lt=candidate.resolved_at) | Q(source__processed_at__isnull=True)
    return candidate.sightings.filter(before, source__status=SourceText.Status.INGESTED).count()


# --- Names for labels --------------------------------------------------------------------------

LABELS_TTL = 60


def _names_in_language(key: str, model: type[Member] | type[Person], field: str) -> dict[str, str]:
    """Identifier → name in the active language (else English); every language's names share one cache entry."""
    from django.core.cache import cache
    from django.utils.translation import get_language

    names: dict[str, tuple[str, str, str]] | None = cache.get(key)
    if names is None:
        names = {ident: (en, ru, uk) for ident, en, ru, uk in
                 model.objects.values_list(field, "name_en", "name_ru", "name_uk")}
        cache.set(key, names, timeout=LABELS_TTL)
    column = {"ru": 1, "uk": 2}.get((get_language() or "en")[:2], 0)
    return {ident: (triple[column] or triple[0]) for ident, triple in names.items()}


def member_names() -> dict[str, str]:
    """Member code → name in the active language, from the cache (refreshed every minute): pages label codes
    without a query."""
    return _names_in_language("labels:members:3", Member, "code")


def person_names() -> dict[str, str]:
    """Person slug → name in the active language, cached like member_names."""
    return _names_in_language("labels:people:3", Person, "slug")


# --- A member's commitments ----------------------------------------------------------------------

@dataclass(frozen=True)
class StatusStep:
    """One status a member's commitment of one type reached: when first, how often stated, on what evidence."""

    status: str
    first_on: date | None
    last_on: date | None
    statements: int
    evidence: str
    source_id: int
    confirmed: int = 0  # statements of this status an editor confirmed, corrected or added


@dataclass(frozen=True)
class MemberCommitment:
    type: str
    steps: list[StatusStep]  # in the order they were first reached

    @property
    def current(self) -> StatusStep:
        """The step of the current status, by the one status rule over each step's latest statement."""
        status = history_status((s.last_on, s.status) for s in self.steps)
        return next(s for s in self.steps if s.status == status)

    @property
    def statements(self) -> int:
        return sum(s.statements for s in self.steps)


def member_commitments(member: Member) -> list[MemberCommitment]:
    """Per commitment type, the statuses the member reached, each with its first date and evidence.

    One query however many articles, reading a few index entries per (type, status) rather than every
    contribution of the member: the pairs and their counts from the member's matrix cells (kept exact by
    ingest and review), the earliest and latest contribution of each on the (actor, type, status,
    stated_on) index, the editor-approved ones on a partial index. Rejected contributions do not count.
    """
    # The IN list is the partial index's condition (EDITOR_STATES), so the count reads that index.
    editor_states = ", ".join(f"'{state}'" for state in EDITOR_STATES)
    sql = f"""
        SELECT c.type, s.status, first.stated_on, first.evidence, first.source_id, s.statements,
               (SELECT max(x.stated_on) FROM coalition_contribution x WHERE x.actor_id = %(actor)s
                  AND x.type = c.type AND x.status = s.status AND x.review_state <> 'rejected'),
               (SELECT count(*) FROM coalition_contribution x WHERE x.actor_id = %(actor)s
                  AND x.type = c.type AND x.status = s.status AND x.review_state IN ({editor_states}))
        FROM (SELECT type, sum(proposed) AS proposed, sum(pledged) AS pledged, sum(approved) AS approved,
                     sum(delivered) AS delivered, sum(withdrawn) AS withdrawn
              FROM coalition_commitmentcell WHERE actor_id = %(actor)s GROUP BY type) c
        CROSS JOIN LATERAL (VALUES ('proposed', c.proposed), ('pledged', c.pledged), ('approved', c.approved),
                                   ('delivered', c.delivered), ('withdrawn', c.withdrawn)) AS s(status, statements)
        CROSS JOIN LATERAL (SELECT x.stated_on, x.evidence, x.source_id FROM coalition_contribution x
                            WHERE x.actor_id = %(actor)s AND x.type = c.type AND x.status = s.status
                              AND x.review_state <> 'rejected'
                            ORDER BY x.stated_on NULLS LAST, x.id LIMIT 1) AS first
        WHERE s.statements > 0
    """  # noqa: S608 — constants only
    from django.db import connection

    by_type: dict[str, list[StatusStep]] = defaultdict(list)
    with connection.cursor() as cursor:
        cursor.execute(sql, {"actor": member.pk})
        for type_, status, first_on, evidence, source_id, count, last_on, confirmed in cursor.fetchall():
            by_type[type_].append(StatusStep(status, first_on, last_on, count, evidence, source_id, confirmed))
    commitments = [
        MemberCommitment(type_, sorted(steps, key=lambda s: (s.first_on or date.max, RANK.get(s.status, 9))))
        for type_, steps in by_type.items()
    ]
    return sorted(commitments, key=lambda c: c.type)
