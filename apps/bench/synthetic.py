"""Synthetic timeline events for the benchmarks: real corpus sentences recombined, loaded with COPY.

A synthetic article (apps.bench.articles) is a few sentences of one language from the corpus, each read once
by the real extraction pipeline (apps.bench.sentences); a run's articles are dated across 2022–2026 in the
order they are made, as an archive fills up. Its source, event and contributions are the rows an ingest of it
stores, as far as sentences read one by one can tell.

This is a bulk loader for benchmarks: rather than through the ingest services (which take about 40 ms an
article, most of a day for a million), it makes the rows an ingest would make as model objects and writes
them with the writer the ingest uses for its bulky rows (``apps.core.bulk.rows_copy``, in its binary format:
parsing the tsvectors' text took most of PostgreSQL's time), one batch per transaction; `tallies_rebuild`
then makes the overview's tallies exact. The search vector is exactly what ingest's ``to_tsvector('simple',
lemmas) || to_tsvector('english', latin)`` makes of the whole article (``articles.search_vector``).
Synthetic sources are named ``synthetic-<seed>-<n>.txt``; `clear` removes them and what hangs off them, and
nothing else.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import DatabaseError, connection, transaction
from django.db.models import Model
from django.db.models.deletion import CASCADE, SET_NULL
from django.utils import timezone

from apps.bench.articles import NAME_PREFIX, Article, make_article
from apps.bench.sentences import SentencePool, sentence_pool
from apps.coalition.contributions import tallies_rebuild
from apps.coalition.models import Contribution, is_sure
from apps.core.bulk import rows_copy
from apps.sources.models import SourceText
from apps.timeline.models import TimelineEvent
from apps.timeline.services import Stated, commitment_keys

__all__ = ["NAME_PREFIX", "Generated", "analyze", "clear", "generate", "next_index"]


# --- Loading -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Generated:
    events: int
    contributions: int
    seconds: float
    first_index: int

    @property
    def rate(self) -> float:
        return self.events / self.seconds if self.seconds else 0.0


def next_index(seed: int) -> int:
    """The index after the last synthetic article of `seed` already stored (0 when none)."""
    last = (SourceText.objects.filter(original_name__startswith=f"{NAME_PREFIX}{seed}-")
            .order_by("-original_name").values_list("original_name", flat=True).first())
    return int(last.removeprefix(f"{NAME_PREFIX}{seed}-").removesuffix(".txt")) + 1 if last else 0


def generate(count: int, *, seed: int = 1, batch: int = 5000,
             progress: Callable[[int, int, float], None] | None = None) -> Generated:
    """Add `count` synthetic articles of `seed` (numbered after those already there, dated from FIRST_DAY to
    LAST_DAY in the order made), then rebuild the tallies and ANALYZE. Memory stays that of two batches."""
    started = time.perf_counter()
    pool = sentence_pool()
    first = next_index(seed)
    now = timezone.now()

    def batch_rows(start: int) -> tuple[int, Rows]:
        articles = [make_article(pool, seed=seed, index=first + i, when=(i + 0.5) / count)
                    for i in range(start, min(start + batch, count))]
        return len(articles), rows_of(articles, pool=pool, seed=seed, now=now)

    done = contributions = 0
    # One thread makes the next batch while PostgreSQL takes in this one (psycopg lets go of the GIL
    # while it waits), so the two cores both work. At most two batches are in memory.
    with ThreadPoolExecutor(max_workers=1) as maker:
        upcoming = maker.submit(batch_rows, 0)
        while done < count:
            made, rows = upcoming.result()
            if done + made < count:
                upcoming = maker.submit(batch_rows, done + made)
            contributions += _load(rows)
            done += made
            if progress is not None:
                progress(done, count, time.perf_counter() - started)
    if count:
        tallies_rebuild()
        analyze()
    return Generated(events=count, contributions=contributions, seconds=time.perf_counter() - started,
                     first_index=first)


@dataclass(frozen=True)
class Rows:
    """A batch's rows as an ingest makes them, ids and links still to come: one source and one event an
    article, and each contribution with the index of its article."""

    sources: list[SourceText]
    events: list[TimelineEvent]
    contributions: list[tuple[int, Contribution]]


def rows_of(articles: Sequence[Article], *, pool: SentencePool, seed: int, now: datetime) -> Rows:
    """The model objects an ingest of these articles stores (the timestamps ``pre_save`` sets aside)."""
    rows = Rows([], [], [])
    for index, a in enumerate(articles):
        date_found = SourceText.DateFound.HEADER if a.occurred_on else SourceText.DateFound.UNKNOWN
        rows.sources.append(SourceText(
            original_name=a.name, raw_bytes=a.raw, size_bytes=len(a.raw),
            # The digest covers the name too: two recombinations that happen to coincide stay two sources.
            sha256=hashlib.sha256(a.name.encode() + b"\0" + a.raw).hexdigest(), encoding="utf-8",
            text=a.body, language=a.language, published_on=a.occurred_on, date_found=date_found,
            agency=a.agency, status=SourceText.Status.INGESTED, attempts=1, processed_at=now,
            report={"synthetic": {"seed": seed, "name": a.name}, "encoding": "utf-8", "notes": [],
                    "date_found": date_found.value}))
        rows.events.append(TimelineEvent(
            ordinal=0, occurred_on=a.occurred_on, headline=a.headline, snippet=a.snippet,
            language=a.language, agency=a.agency, member_codes=a.members, person_slugs=a.people,
            commitment_types=sorted({c.type for c in a.commitments}),
            commitment_statuses=sorted({c.status for c in a.commitments}),
            commitment_keys=commitment_keys([Stated(c.actor, c.type, c.status, is_sure(state, c.confidence))
                                             for c, state in zip(a.commitments, a.review, strict=True)]),
            review_states=sorted(set(a.review)), search_vector=a.search_vector))
        for c, state in zip(a.commitments, a.review, strict=True):
            actor_id = pool.actor_ids[c.actor]
            # A reviewed contribution keeps what the machine read beside it (here: the same).
            reviewed: dict[str, Any] = {} if state == "machine" else {
                "machine_actor_id": actor_id, "machine_type": c.type, "machine_status": c.status,
                "machine_evidence": c.evidence, "reviewed_at": now, "version": 2}
            rows.contributions.append((index, Contribution(
                event_ordinal=0, actor_id=actor_id, type=c.type, status=c.status, evidence=c.evidence,
                stated_on=a.occurred_on, review_state=state, confidence=c.confidence, **reviewed)))
    return rows


def _skip_reference_checks(cursor: Any) -> bool:
    """Leave out the foreign-key checks for this transaction, as pg_restore --disable-triggers does, when
    the database lets us (a superuser, like the embedded server's): each row points at ids allocated just
    before in this same transaction, and the checks took a quarter of PostgreSQL's time."""
    try:
        with transaction.atomic():
            cursor.execute("SET LOCAL session_replication_role TO replica")
    except DatabaseError:
        return False  # not a superuser: the checks run, a little slower
    return True


@transaction.atomic
def _load(rows: Rows) -> int:
    """COPY one batch: its sources, events and contributions, in one transaction. Returns the contributions."""
    with connection.cursor() as cursor:
        # As the ingest worker does: everything here can be made again, so do not wait for the WAL flush.
        cursor.execute("SET LOCAL synchronous_commit TO OFF")
        # New GIN entries wait in each index's pending list until it holds this much, then go in sorted,
        # in bulk, far cheaper than a few at a time; the VACUUM at the end merges what is left.
        cursor.execute("SET LOCAL gin_pending_list_limit TO '256MB'")
        cursor.execute("SET LOCAL work_mem TO '256MB'")
        unchecked = _skip_reference_checks(cursor)
    rows_copy(SourceText, rows.sources, binary=True)
    for source, event in zip(rows.sources, rows.events, strict=True):
        event.source_id = source.pk
    rows_copy(TimelineEvent, rows.events, binary=True)
    for index, contribution in rows.contributions:
        contribution.source_id, contribution.event_id = rows.sources[index].pk, rows.events[index].pk
    rows_copy(Contribution, [contribution for _, contribution in rows.contributions], binary=True)
    if unchecked:  # SET LOCAL lasts to the end of the outermost transaction: a caller's goes on checking
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL session_replication_role TO DEFAULT")
    return len(rows.contributions)


_TABLES = (SourceText, TimelineEvent, Contribution)


def analyze() -> None:
    """Fresh planner statistics for the loaded tables; outside a transaction also VACUUM, as autovacuum
    soon would, so the visibility map is set and the GIN indexes' pending entries are merged."""
    vacuum = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        for model in _TABLES:
            cursor.execute(f"{vacuum} {model._meta.db_table}")


# --- Clearing ----------------------------------------------------------------------------------


def _reverse_relations(model: type[Model]) -> list[tuple[type[Model], str, Any]]:
    return [(rel.related_model, str(rel.field.column), rel.on_delete)
            for rel in model._meta.related_objects]


def _statement(related: type[Model], column: str, on_delete: Any, ids_sql: str) -> str:
    table = related._meta.db_table
    if on_delete is CASCADE:
        if related._meta.related_objects:
            raise RuntimeError(f"{table} rows have dependants of their own; clear() does not follow them.")
        return f"DELETE FROM {table} WHERE {column} IN ({ids_sql})"  # noqa: S608 - names from the models
    if on_delete is SET_NULL:
        return f"UPDATE {table} SET {column} = NULL WHERE {column} IN ({ids_sql})"  # noqa: S608
    raise RuntimeError(f"clear() does not know how to treat {table}.{column} ({on_delete.__name__}).")


def clear() -> int:
    """Delete every synthetic source with its events and contributions, as Django's deletion would (rows
    pointing at them set to null or deleted), in set-based SQL; rebuild the tallies. Returns the sources."""
    sources_table, events_table = SourceText._meta.db_table, TimelineEvent._meta.db_table
    sources = f"SELECT id FROM {sources_table} WHERE original_name LIKE %s"  # noqa: S608 - names from the models
    events = f"SELECT id FROM {events_table} WHERE source_id IN ({sources})"  # noqa: S608
    statements = [  # children first; the events (and what points at them) before their sources
        *(_statement(m, c, d, sources) for m, c, d in _reverse_relations(SourceText)
          if m is not TimelineEvent and d is CASCADE),
        *(_statement(m, c, d, events) for m, c, d in _reverse_relations(TimelineEvent)),
        f"DELETE FROM {events_table} WHERE source_id IN ({sources})",  # noqa: S608
        *(_statement(m, c, d, sources) for m, c, d in _reverse_relations(SourceText)
          if m is not TimelineEvent and d is not CASCADE),
        f"DELETE FROM {sources_table} WHERE original_name LIKE %s",  # noqa: S608
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        for sql in statements:  # each has one placeholder: the name pattern
            cursor.execute(sql, [f"{NAME_PREFIX}%"])
        removed = cursor.rowcount
    tallies_rebuild()
    analyze()
    return removed
