"""Contributions read from articles, and the tallies kept from them (the matrix cells and the monthly counts).

The ingest writes a whole batch of articles at once: one DELETE and one INSERT of contributions for the
batch, the tallies moved by the difference in a few statements, whatever the batch's size. Editors' reviews
move the tallies through the same functions (``apps.review.services``); ``tallies_rebuild``
recomputes them from scratch (nightly, and in tests as the measure of exactness).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from django.db import connection, transaction
from django.db.models import Q

from apps import extraction
from apps.coalition.models import EDITOR_STATES, HIGH_CONFIDENCE, CommitmentCell, Contribution, StatementMonth, is_sure
from apps.coalition.services import members_ensure
from apps.core.bulk import rows_update
from apps.core.fragments import data_changed

if TYPE_CHECKING:
    from apps.timeline.models import TimelineEvent

Statement = tuple[int, str, str, "date | None", bool]  # actor id, type, status, stated on, sure
MACHINE = Contribution.ReviewState.MACHINE


def statement_of(contribution: Contribution) -> Statement:
    """A contribution as the tallies count it."""
    return (contribution.actor_id, contribution.type, contribution.status, contribution.stated_on,
            contribution.is_sure)


# --- The batch writer --------------------------------------------------------------------------------------

_MACHINE_DELETE = f"""
DELETE FROM {Contribution._meta.db_table} WHERE source_id = ANY(%s::bigint[]) AND review_state = %s
RETURNING actor_id, type, status, stated_on, confidence
"""  # noqa: S608 — constants only


def contributions_replace(*, documents: Mapping[int, extraction.ExtractedDocument],
                          events: Mapping[int, Sequence[TimelineEvent]]) -> set[int]:
    """Replace the machine-read contributions of a batch of sources; return the sources that kept reviewed ones.

    ``documents`` and ``events`` are keyed by source id; the caller holds the transaction and the sources' row
    locks, and has just replaced their events. One per (actor, type) and event, stated on the event's date.
    Pairs an editor confirmed, corrected, rejected or added are kept as they are, not re-created, and linked to
    their event again; only that link is written, never what the editor decided (nor the date an editor gave a
    step). The pair the machine read before an editor corrected it counts as taken too, so reading the article
    again does not bring back what the editor corrected away, and a pair an editor added is not read in again
    beside it.
    """
    source_ids = list(documents)
    if not source_ids:
        return set()
    with connection.cursor() as cursor:
        # DELETE … RETURNING: exactly the rows gone, even if an editor confirmed one of them meanwhile.
        cursor.execute(_MACHINE_DELETE, [source_ids, MACHINE])
        removed = [(a, t, s, on, is_sure(MACHINE, confidence)) for a, t, s, on, confidence in cursor.fetchall()]
    kept = _reviewed_relink(source_ids, events)
    members = members_ensure(sorted({c.actor for d in documents.values() for e in d.events for c in e.commitments}))
    created = Contribution.objects.bulk_create(
        Contribution(source_id=source_id, event=by_ordinal.get(ordinal), event_ordinal=ordinal,
                     actor=members[c.actor], type=c.type, status=c.status, evidence=c.evidence,
                     stated_on=event.occurred_on or document.date, confidence=c.confidence)
        for source_id, document in documents.items()
        for by_ordinal in [{e.ordinal: e for e in events.get(source_id, ())}]
        for ordinal, event in enumerate(document.events)
        for c in event.commitments
        if (source_id, ordinal, members[c.actor].pk, c.type) not in kept
    )
    tallies_apply(removed=removed, added=[statement_of(c) for c in created])
    return {source_id for source_id, *_ in kept}


def _reviewed_relink(source_ids: list[int],
                     events: Mapping[int, Sequence[TimelineEvent]]) -> set[tuple[int, int, int | None, str]]:
    """Link the batch's reviewed contributions to their new events; return the (source, ordinal, actor, type)
    pairs they take, as the editor left them and as the machine had read them."""
    reviewed = list(Contribution.objects.filter(source_id__in=source_ids).values_list(
        "id", "source_id", "event_ordinal", "actor_id", "type", "machine_actor_id", "machine_type"))
    event_ids = {(source_id, e.ordinal): e.pk for source_id, evs in events.items() for e in evs}
    rows_update(Contribution, ["event"], [(pk, event_ids.get((source_id, ordinal)))
                                          for pk, source_id, ordinal, *_ in reviewed])
    kept: set[tuple[int, int, int | None, str]] = {
        (source_id, ordinal, actor_id, type_) for _, source_id, ordinal, actor_id, type_, _, _ in reviewed}
    kept |= {(source_id, ordinal, machine_actor, machine_type)
             for _, source_id, ordinal, _, _, machine_actor, machine_type in reviewed if machine_type}
    return kept


# --- Tallies ------------------------------------------------------------------------------------------------

Cell = tuple[int, str, bool]  # actor id, type, sure


def tallies_apply(*, removed: Sequence[Statement], added: Sequence[Statement]) -> None:
    """Take the removed statements off the matrix cells and monthly counts and add the added ones, exactly.

    The caller holds the transaction. Counts move by the difference (a statement removed and added again
    moves nothing); a cell's first and last dates move forward with what was added; a cell that lost a
    statement is counted again in SQL, since its dates may have to move back. Cells, then months, are locked
    in key order, so concurrent batches never wait on each other in a cycle, and each recount runs under the
    lock, after every earlier writer of that cell committed. Four statements for an ingest however big.
    """
    net_removed, net_added = _net(removed, added)
    if not added and not net_removed:
        return
    keys = sorted({(a, t, sure) for a, t, _, _, sure in [*removed, *added]})
    cells = {(c.actor_id, c.type, c.sure): c for c in CommitmentCell.objects.raw(_lock_sql(_CELLS_LOCK, len(keys)),
                                                                                 [v for key in keys for v in key])}
    rows_update(CommitmentCell, _CELL_FIELDS, _cells_moved(cells, net_removed, net_added, added))
    if net_removed:
        _cells_recount(sorted({cells[(a, t, sure)].pk for a, t, _, _, sure in net_removed}))
    _months_apply(net_removed, net_added)


def _net(removed: Sequence[Statement], added: Sequence[Statement]) -> tuple[list[Statement], list[Statement]]:
    """The statements removed and added, less those in both (a re-extraction that reads the same again)."""
    common = Counter(removed) & Counter(added)
    return _minus(removed, common), _minus(added, common)


def _minus(statements: Sequence[Statement], common: Counter[Statement]) -> list[Statement]:
    left = common.copy()
    kept = []
    for statement in statements:
        if left[statement] > 0:
            left[statement] -= 1
        else:
            kept.append(statement)
    return kept


# Insert the missing rows and lock them all, in key order: the no-op update takes each row's lock as the
# statement reaches it, and returns the row as it is now (its latest committed version).
_CELLS_LOCK = f"""
INSERT INTO {CommitmentCell._meta.db_table} AS cell (actor_id, type, sure, proposed, pledged, approved, delivered,
                                                     withdrawn, last_status)
VALUES {{rows}}
ON CONFLICT (actor_id, type, sure) DO UPDATE SET last_status = cell.last_status
RETURNING *
""", "(%s, %s, %s, 0, 0, 0, 0, 0, '')"  # noqa: S608 — constants only
_MONTHS_LOCK = f"""
INSERT INTO {StatementMonth._meta.db_table} AS month_row (month, status, count) VALUES {{rows}}
ON CONFLICT (month, status) DO UPDATE SET count = month_row.count
RETURNING *
""", "(%s, %s, 0)"  # noqa: S608 — constants only
_CELL_FIELDS = [*CommitmentCell.STATUSES, "first_pledged_on", "first_delivered_on", "last_on", "last_status"]


def _lock_sql(statement: tuple[str, str], count: int) -> str:
    sql, row = statement
    return sql.format(rows=", ".join([row] * count))


def _cells_moved(cells: Mapping[Cell, CommitmentCell], removed: Sequence[Statement], added_net: Sequence[Statement],
                 added: Sequence[Statement]) -> list[tuple]:
    """Each locked cell's new values: counts moved by the net difference, dates moved forward by what was added."""
    for statements, sign in ((removed, -1), (added_net, 1)):
        for actor_id, type_, status, _, sure in statements:
            cell = cells[(actor_id, type_, sure)]
            setattr(cell, status, max(0, getattr(cell, status) + sign))
    # Every added statement moves the dates, even one read again as it was: its row is the newest now, and
    # the rebuild's latest statement is the newest of those with the latest date.
    for actor_id, type_, status, stated_on, sure in added:
        cell = cells[(actor_id, type_, sure)]
        if stated_on is not None:
            if status == "pledged" and (cell.first_pledged_on is None or stated_on < cell.first_pledged_on):
                cell.first_pledged_on = stated_on
            if status == "delivered" and (cell.first_delivered_on is None or stated_on < cell.first_delivered_on):
                cell.first_delivered_on = stated_on
        if cell.last_on is None or (stated_on is not None and stated_on >= cell.last_on):
            cell.last_on, cell.last_status = stated_on, status
    return [(c.pk, *(getattr(c, field) for field in _CELL_FIELDS)) for c in cells.values()]


def _months_apply(removed: Sequence[Statement], added: Sequence[Statement]) -> None:
    deltas: dict[tuple[date, str], int] = defaultdict(int)
    for statements, sign in ((removed, -1), (added, 1)):
        for _, _, status, stated_on, _ in statements:
            if stated_on is not None:
                deltas[(stated_on.replace(day=1), status)] += sign
    keys = sorted(k for k, delta in deltas.items() if delta)
    if not keys:
        return
    months = {(m.month, m.status): m for m in StatementMonth.objects.raw(_lock_sql(_MONTHS_LOCK, len(keys)),
                                                                         [v for key in keys for v in key])}
    rows_update(StatementMonth, ["count"], [(months[k].pk, max(0, months[k].count + deltas[k])) for k in keys])
    if any(deltas[k] < 0 for k in keys):  # as a rebuild leaves them: no row for a month with no statement
        StatementMonth.objects.filter(pk__in=[m.pk for m in months.values()], count=0).delete()


# Is a contribution (alias k) sure: confirmed by an editor or read with high confidence (models.is_sure)?
_SURE = (f"(k.review_state IN ({', '.join(repr(state) for state in EDITOR_STATES)}) "
         "OR (k.review_state = 'machine' AND coalesce(k.confidence >= %(high)s, false)))")
_REBUILD_CELLS = f"""
INSERT INTO coalition_commitmentcell (actor_id, type, sure, proposed, pledged, approved, delivered, withdrawn,
                                      first_pledged_on, first_delivered_on, last_on, last_status)
SELECT actor_id, type, {_SURE},
       count(*) FILTER (WHERE status = 'proposed'), count(*) FILTER (WHERE status = 'pledged'),
       count(*) FILTER (WHERE status = 'approved'), count(*) FILTER (WHERE status = 'delivered'),
       count(*) FILTER (WHERE status = 'withdrawn'),
       min(stated_on) FILTER (WHERE status = 'pledged'), min(stated_on) FILTER (WHERE status = 'delivered'),
       max(stated_on), (array_agg(status ORDER BY stated_on DESC NULLS LAST, id DESC))[1]
FROM coalition_contribution k WHERE review_state <> 'rejected' GROUP BY actor_id, type, 3
"""  # noqa: S608 — constants only
_REBUILD_MONTHS = """
INSERT INTO coalition_statementmonth (month, status, count)
SELECT date_trunc('month', stated_on)::date, status, count(*)
FROM coalition_contribution WHERE review_state <> 'rejected' AND stated_on IS NOT NULL GROUP BY 1, 2
"""


@transaction.atomic
def tallies_rebuild() -> tuple[int, int]:
    """Recompute every matrix cell and monthly count from the contributions; returns how many rows of each.

    Ingests wait while it runs (it locks both tables), so nothing is counted twice or missed.
    """
    data_changed()
    with connection.cursor() as cursor:
        cursor.execute("LOCK TABLE coalition_commitmentcell, coalition_statementmonth IN EXCLUSIVE MODE")
        cursor.execute("DELETE FROM coalition_commitmentcell")
        cursor.execute(_REBUILD_CELLS, {"high": HIGH_CONFIDENCE})
        cells = cursor.rowcount
        cursor.execute("DELETE FROM coalition_statementmonth")
        cursor.execute(_REBUILD_MONTHS)
        return cells, cursor.rowcount


_RECOUNT_CELLS = f"""
UPDATE coalition_commitmentcell cell
SET proposed = s.proposed, pledged = s.pledged, approved = s.approved, delivered = s.delivered,
    withdrawn = s.withdrawn, first_pledged_on = s.first_pledged_on, first_delivered_on = s.first_delivered_on,
    last_on = s.last_on, last_status = coalesce(s.last_status, '')
FROM (
    SELECT c.id,
           count(k.id) FILTER (WHERE k.status = 'proposed') AS proposed,
           count(k.id) FILTER (WHERE k.status = 'pledged') AS pledged,
           count(k.id) FILTER (WHERE k.status = 'approved') AS approved,
           count(k.id) FILTER (WHERE k.status = 'delivered') AS delivered,
           count(k.id) FILTER (WHERE k.status = 'withdrawn') AS withdrawn,
           min(k.stated_on) FILTER (WHERE k.status = 'pledged') AS first_pledged_on,
           min(k.stated_on) FILTER (WHERE k.status = 'delivered') AS first_delivered_on,
           max(k.stated_on) AS last_on,
           (array_agg(k.status ORDER BY k.stated_on DESC NULLS LAST, k.id DESC) FILTER (WHERE k.id IS NOT NULL))[1]
               AS last_status
    FROM coalition_commitmentcell c
    LEFT JOIN coalition_contribution k ON k.actor_id = c.actor_id AND k.type = c.type AND k.review_state <> 'rejected'
                                       AND {_SURE} = c.sure
    WHERE c.id = ANY(%(ids)s::bigint[])
    GROUP BY c.id
) s
WHERE cell.id = s.id
"""  # noqa: S608 — constants only


def _cells_recount(ids: list[int]) -> None:
    """Count the (locked) cells again from the contributions; delete those left with no statement, as a
    rebuild would leave them."""
    with connection.cursor() as cursor:
        cursor.execute(_RECOUNT_CELLS, {"ids": ids, "high": HIGH_CONFIDENCE})
    CommitmentCell.objects.filter(pk__in=ids, proposed=0, pledged=0, approved=0, delivered=0, withdrawn=0).delete()


def tallies_recount(*, removed: Sequence[Statement], added: Sequence[Statement]) -> None:
    """`tallies_apply`, then the cells of the pairs concerned counted again exactly from the contributions.

    For an editor's review (a few statements): a review changes a contribution in place, so what it added
    may also leave a cell's dates to move back. The caller holds the transaction; the cells stay locked by it.
    """
    data_changed()
    tallies_apply(removed=removed, added=added)
    keys = sorted({(a, t, sure) for a, t, _, _, sure in [*removed, *added]})
    if not keys:
        return
    condition = Q()
    for actor_id, type_, sure in keys:
        condition |= Q(actor_id=actor_id, type=type_, sure=sure)
    ids = list(CommitmentCell.objects.filter(condition).order_by("actor_id", "type", "sure")
               .values_list("id", flat=True))
    _cells_recount(ids)
