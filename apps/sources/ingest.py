"""The worker side of the ingest: read a batch of stored sources and write what was read, set-based.

A batch is the ids one task carries (a chunk of an upload, see ``receive.chunked``). The worker claims the
batch's pending sources (``processing``, one attempt more), extracts each one in turn outside any
transaction (pure Python: a refusal, or a crash of the extraction, is that source's own outcome), then
writes the whole batch in one transaction: events, unknown names, draft candidates and contributions
replaced with one DELETE and one INSERT per table, the tallies moved once, every source's status set in one
UPDATE, the data version moved once. The same writer serves re-extraction.

Safe to run twice, or twice at once: the write locks the sources and skips any an earlier delivery
finished, and every derived row is replaced, never added to. A worker killed mid-batch leaves its sources
``processing``; the reconciler queues them again, one per task. This module is the only adapter between
Django and ``apps.extraction``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.utils import timezone

from apps import extraction
from apps.coalition import contributions
from apps.coalition import services as coalition_services
from apps.core.bulk import rows_update
from apps.core.services import audit_record_many
from apps.names import sightings
from apps.sources.models import SourceText
from apps.statements import lineage as statements_lineage
from apps.timeline import services as timeline_services

logger = logging.getLogger(__name__)
Status = SourceText.Status
PENDING = (Status.QUEUED, Status.PROCESSING)
Read = tuple[SourceText, extraction.ExtractedDocument]


def extraction_config() -> extraction.ExtractionConfig:
    """Settings and the current gazetteer (rebuilt when members, people or aliases change)."""
    return extraction.ExtractionConfig(
        max_file_bytes=settings.INGEST_MAX_FILE_BYTES,
        gazetteer=coalition_services.gazetteer_current(),
    )


def sources_ingest(*, source_ids: Sequence[int]) -> list[int]:
    """Extract a batch of stored sources and write what was read; return the ids left unread.

    Those are the sources the task's soft time limit stopped before they were read: still ``processing``,
    for the caller to queue again on their own.
    """
    claimed = _claim(source_ids)
    if not claimed:
        return []  # deleted since they were queued, or finished by an earlier delivery
    reads, unread = _read(claimed)
    with transaction.atomic():
        _commit_without_waiting_for_disk()
        locked = _locked([source.pk for source, _ in reads], PENDING)
        _write([(locked[source.pk], document) for source, document in reads if source.pk in locked])
    return unread


def source_ingest(*, source_id: int) -> SourceText | None:
    """Ingest one source (a batch of one) and return it as it is now; None when it no longer exists."""
    sources_ingest(source_ids=[source_id])
    return SourceText.objects.filter(pk=source_id).first()


def sources_reextract(*, source_ids: Sequence[int]) -> list[int]:
    """Extract ingested sources again (aliases or rules changed) and replace their derived rows.

    Idempotent; editors' confirmed, corrected, rejected or added contributions are kept. A source that is
    now refused keeps its old rows: re-extraction never loses data behind the user's back. Returns the ids
    left unread when the soft time limit stopped the batch.
    """
    sources = list(SourceText.objects.filter(pk__in=source_ids, status=Status.INGESTED).order_by("pk")
                   .only("id", "original_name", "raw_bytes", "attempts"))
    # Re-extraction follows an alias change: look at the tables now rather than within a few seconds.
    coalition_services.gazetteer_invalidate()
    reads, unread = _read(sources)
    for source, document in reads:
        if not document.ok:
            logger.warning("Re-extraction refused source %s: %s", source.pk, document.error)
    with transaction.atomic():
        _commit_without_waiting_for_disk()
        locked = _locked([source.pk for source, document in reads if document.ok], [Status.INGESTED])
        _write([(locked[source.pk], document) for source, document in reads if source.pk in locked])
    return unread


def source_reextract(*, source_id: int) -> SourceText | None:
    """Re-extract one source (a batch of one) and return it as it is now."""
    sources_reextract(source_ids=[source_id])
    return SourceText.objects.filter(pk=source_id).first()


# --- Claim and read -------------------------------------------------------------------------------------------


def _claim(source_ids: Sequence[int]) -> list[SourceText]:
    """Mark the batch's pending sources processing (one attempt more) and load their bytes."""
    with transaction.atomic():
        _commit_without_waiting_for_disk()
        sources = list(SourceText.objects.select_for_update().filter(pk__in=source_ids, status__in=PENDING)
                       .order_by("pk").only("id", "original_name", "raw_bytes", "attempts"))
        now = timezone.now()
        SourceText.objects.filter(pk__in=[s.pk for s in sources]).update(
            status=Status.PROCESSING, attempts=F("attempts") + 1, status_changed_at=now, updated_at=now)
    for source in sources:
        source.attempts += 1
    return sources


def _read(sources: list[SourceText]) -> tuple[list[Read], list[int]]:
    """Each source's document, in order; stops at the task's soft time limit and returns the ids not read."""
    config = extraction_config()
    reads: list[Read] = []
    for source in sources:
        try:
            reads.append((source, _extract(source, config)))
        except SoftTimeLimitExceeded:
            unread = [s.pk for s in sources[len(reads):]]
            logger.warning("Time limit: %d source(s) of the batch left for another task: %s", len(unread), unread)
            return reads, unread
        source.raw_bytes = b""  # read: let the bytes go while the rest of the batch is read
    return reads, []


def _extract(source: SourceText, config: extraction.ExtractionConfig) -> extraction.ExtractedDocument:
    if source.attempts > settings.INGEST_MAX_ATTEMPTS:
        # Each earlier attempt ended with the worker gone (killed, out of memory): stop trying.
        logger.error("Source %s stopped the worker %d times; refused.", source.pk, source.attempts - 1)
        return extraction.ExtractedDocument.refusal(
            "The file could not be read: the worker stopped each time it tried. Retry it later.")
    try:
        return extraction.extract(bytes(source.raw_bytes), filename=source.original_name, config=config)
    except (DatabaseError, SoftTimeLimitExceeded):
        raise  # transient: the task retries, or the reconciler re-queues it
    except Exception:
        # Extraction never raises for bad input, so this is a bug. Refuse the file (it can be
        # retried once fixed) rather than crash, which would re-queue it forever.
        logger.exception("Extraction crashed on source %s", source.pk)
        return extraction.ExtractedDocument.refusal(
            "The file could not be read because of an internal error; it was logged. Retry it later.")


# --- Write --------------------------------------------------------------------------------------------------


def _commit_without_waiting_for_disk() -> None:
    """Within this transaction, do not wait for the WAL flush on commit.

    Safe here and only here: everything the worker writes is derived from the source rows,
    which were committed durably on receipt. If PostgreSQL crashes before the flush, the rows
    revert to queued/processing and the reconciler ingests them again (idempotently).
    """
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit TO OFF")


def _locked(source_ids: list[int], statuses: Sequence[str]) -> dict[int, SourceText]:
    """Lock the sources still in one of ``statuses``, in id order (as every writer of sources does)."""
    if not source_ids:
        return {}
    return {s.pk: s for s in SourceText.objects.select_for_update().filter(pk__in=source_ids, status__in=statuses)
            .order_by("pk").only("id", "original_name", "published_on", "status")}


def _write(reads: list[Read]) -> None:
    """Replace every row derived from the batch's sources and record what was read (caller holds the locks).

    The order is the lock order of every batch: the tallies' cells and months (at the end of
    ``contributions_replace``), then unknown names, then draft lineages, so two batches never wait on each
    other in a cycle. The rows every batch contends for (cells, common names, the lineage lock) are all
    taken after the uncontended writes, so batches wait on each other only for the last few statements.
    """
    if not reads:
        return
    read = [(source, document) for source, document in reads if document.ok]
    documents = {source.pk: document for source, document in read}
    events = timeline_services.events_replace(documents=documents)
    reviewed = contributions.contributions_replace(documents=documents, events=events)
    # Editors' kept reviews show on the timeline too: their states, and what they corrected or rejected.
    timeline_services.events_commitments_refresh(source_ids=sorted(reviewed))
    sightings.name_sightings_replace_many({pk: document.unknown_names for pk, document in documents.items()})
    statements_lineage.draft_candidates_replace(items=read)
    now = timezone.now()
    rows_update(SourceText, _STATUS_FIELDS, [_status_row(source, document, now) for source, document in reads])
    refused = [(source, {"reason": _refusal(document)}) for source, document in reads if not document.ok]
    if refused:
        audit_record_many(actor=None, action="source.refuse", entries=refused)


_STATUS_FIELDS = ["status", "status_changed_at", "updated_at", "processed_at", "refusal_reason", "report", "text",
                  "encoding", "language", "published_on", "date_found", "agency"]


def _status_row(source: SourceText, document: extraction.ExtractedDocument, now: datetime) -> tuple[Any, ...]:
    """The source's row once read: what the extraction found, or why it was refused."""
    if not document.ok:
        return (source.pk, Status.FAILED, now, now, now, _refusal(document), _report(document), "", "", "", None,
                SourceText.DateFound.UNKNOWN, "")
    # A source read again keeps its status; one read for the first time is ingested.
    return (source.pk, Status.INGESTED, now, now, now, "", _report(document), document.body or document.text or "",
            document.encoding or "", document.language or "", document.date, document.date_found,
            document.source or "")


def _refusal(document: extraction.ExtractedDocument) -> str:
    return document.error or "The file was refused."


def _report(document: extraction.ExtractedDocument) -> dict[str, Any]:
    return {
        "encoding": document.encoding,
        "notes": list(document.notes),
        "date_found": document.date_found,
        "extraction": extraction.document_to_json(document, file=""),
        # [kind, start, end, ident] spans of the stored text, for the source page (apps.timeline.highlighting).
        "highlights": [highlight.as_row() for highlight in document.highlights],
    }
