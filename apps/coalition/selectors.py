"""Reads that span models: commitment histories, names for labels, a member's commitments."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from apps.coalition.models import EDITOR_STATES, Contribution, HistoryStep, Member, Person
from apps.extraction.status import RANK, history_status


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
