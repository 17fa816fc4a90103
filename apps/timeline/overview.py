"""The overview's reads: the member × commitment-type matrix, the monthly chart, the gap list, figures.

All of it comes from the precomputed tallies (coalition.CommitmentCell, StatementMonth), a few hundred
rows whatever the number of articles, plus the latest events and one estimate of the article count.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection

from apps.coalition.models import CommitmentCell, CommitmentType, Member, StatementMonth
from apps.sources.models import SourceText
from apps.timeline.models import TimelineEvent
from apps.timeline.selectors import EVENT_ORDER

STATUS_ORDER = ("proposed", "pledged", "approved", "delivered", "withdrawn")
# The matrix's rows: the coalition as one, its members, the organisations, then everyone else.
ROLE_ORDER = {"coalition": 0, "coalition_member": 1, "organisation": 2, "partner": 3}
GAPS_SHOWN = 25
EXACT_COUNT_BELOW = 100_000


@dataclass(frozen=True)
class MatrixRow:
    member: Member
    cells: list[CommitmentCell | None]  # one per commitment type, in TYPES order
    statements: int


@dataclass(frozen=True)
class Gap:
    cell: CommitmentCell
    days: int


@dataclass(frozen=True)
class Overview:
    types: list[str]
    rows: list[MatrixRow]
    months: list[tuple[date, dict[str, int]]]
    gaps: list[Gap]  # the longest-waiting GAPS_SHOWN
    gap_count: int
    gap_days: int
    statements: int
    commitments: int
    delivered: int
    members: int
    articles: int
    articles_estimated: bool
    latest: list[TimelineEvent]


def article_count() -> tuple[int, bool]:
    """The number of ingested articles: PostgreSQL's estimate once the table is big, else exact."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE relname = %s", [SourceText._meta.db_table])
        row = cursor.fetchone()
    estimate = int(row[0]) if row else -1
    if estimate >= EXACT_COUNT_BELOW:
        return estimate, True
    return SourceText.objects.filter(status=SourceText.Status.INGESTED).count(), False


def matrix_cells(*, sure_only: bool) -> list[CommitmentCell]:
    """One cell per (actor, type): the sure statements alone, or all of them added up (one query)."""
    rows = CommitmentCell.objects.select_related("actor").exclude(actor__code__in=("UA", "RU"))
    if sure_only:
        return list(rows.filter(sure=True))
    by_pair: dict[tuple[int, str], list[CommitmentCell]] = defaultdict(list)
    for cell in rows:
        by_pair[(cell.actor_id, cell.type)].append(cell)
    return [CommitmentCell.combined(cells) for cells in by_pair.values()]


def overview(*, gap_days: int, today: date | None = None, latest: int = 8, sure_only: bool = False) -> Overview:
    """Everything the overview shows, in four queries; `sure_only`: the matrix, figures and gaps count only
    what an editor confirmed or the machine read with high confidence."""
    today = today or date.today()
    types = list(CommitmentType.values)
    cells = matrix_cells(sure_only=sure_only)
    by_member: dict[int, list[CommitmentCell]] = defaultdict(list)
    for cell in cells:
        if cell.statements:
            by_member[cell.actor_id].append(cell)
    rows = []
    for member_cells in by_member.values():
        member = member_cells[0].actor
        by_type = {c.type: c for c in member_cells}
        rows.append(MatrixRow(member, [by_type.get(t) for t in types], sum(c.statements for c in member_cells)))
    rows.sort(key=lambda r: (ROLE_ORDER.get(r.member.role, 4), -r.statements, r.member.code))
    month_counts: dict[date, dict[str, int]] = defaultdict(dict)
    for month, status, count in StatementMonth.objects.filter(count__gt=0).values_list("month", "status", "count"):
        month_counts[month][status] = count
    cutoff = today - timedelta(days=gap_days)
    gaps = [Gap(c, (today - c.first_pledged_on).days) for c in cells
            if c.first_pledged_on and c.first_pledged_on <= cutoff and not c.delivered and c.best_status != "withdrawn"]
    gaps.sort(key=lambda g: (g.cell.first_pledged_on, g.cell.actor.code, g.cell.type))
    articles, estimated = article_count()
    events = list(TimelineEvent.objects.order_by(*EVENT_ORDER.ordering())
                  .only("id", "occurred_on", "headline", "language", "member_codes", "commitment_types",
                        "source_id")[:latest])
    live = [c for c in cells if c.statements]
    return Overview(
        types=types, rows=rows, months=sorted(month_counts.items()), gaps=gaps[:GAPS_SHOWN], gap_count=len(gaps),
        gap_days=gap_days,
        statements=sum(c.statements for c in live), commitments=len(live),
        delivered=sum(1 for c in live if c.delivered), members=len(rows), articles=articles,
        articles_estimated=estimated, latest=events,
    )
