"""The ingest service: receive files durably, then extract them into timeline rows.

Receiving stores the bytes and a ``queued`` row in one transaction and queues the task only
after commit. Ingesting is idempotent: it locks the row, extracts (pure Python, no DB) and
replaces the source's derived rows in one transaction. This module is the only adapter
between Django and ``apps.extraction``.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps import extraction
from apps.coalition import services as coalition_services
from apps.core.exceptions import InvalidTransition
from apps.core.services import audit_record
from apps.extraction.decode import human_size
from apps.sources.archives import ArchiveLimits, IncomingFile, is_zip, unpack_zip
from apps.sources.models import Reextraction, SourceText, Upload
from apps.statements import services as statements_services
from apps.timeline import services as timeline_services

logger = logging.getLogger(__name__)
Status = SourceText.Status


# --- Receiving ------------------------------------------------------------------------------


def archive_limits() -> ArchiveLimits:
    return ArchiveLimits(
        max_file_bytes=settings.INGEST_MAX_FILE_BYTES,
        max_entries=settings.INGEST_MAX_ZIP_ENTRIES,
        max_total_bytes=settings.INGEST_MAX_ZIP_TOTAL_BYTES,
        max_ratio=settings.INGEST_MAX_ZIP_RATIO,
    )


def incoming_files(named_data: Iterable[tuple[str, bytes]]) -> Iterator[IncomingFile]:
    """Expand zips and apply the per-file and per-upload limits, refusing file by file."""
    limit = settings.INGEST_MAX_FILES_PER_UPLOAD
    count = 0
    for name, data in named_data:
        items = unpack_zip(name, data, archive_limits()) if is_zip(name, data[:4]) else [
            IncomingFile(name, data, None, len(data))]
        for item in items:
            count += 1
            if count > limit:
                yield IncomingFile(item.name, None, f"One upload takes at most {limit:,} files; this one was "
                                   "left out. Upload it again on its own.", item.size)
            else:
                yield item


def upload_open(*, actor: Any, channel: str, label: str = "") -> Upload:
    user = actor if getattr(actor, "is_authenticated", False) else None
    upload = Upload.objects.create(uploaded_by=user, channel=channel, label=label[:255])
    audit_record(actor=actor, action="upload.create", obj=upload, changes={"channel": channel, "label": label})
    return upload


def source_receive(*, upload: Upload | None, item: IncomingFile, actor: Any = None) -> SourceText:
    """Store one file: a queued source (task sent on commit), a duplicate, or a refusal.

    Size is checked here, before the bytes are kept; every other rule runs in the worker.
    """
    name = item.name[:255]
    if item.data is None:
        return _source_refuse_on_receipt(upload=upload, name=name, size=item.size, reason=item.refusal or "",
                                         actor=actor)
    if len(item.data) > settings.INGEST_MAX_FILE_BYTES:
        reason = (f"The file is {human_size(len(item.data))}, over the limit of "
                  f"{human_size(settings.INGEST_MAX_FILE_BYTES)} per file.")
        return _source_refuse_on_receipt(upload=upload, name=name, size=len(item.data), reason=reason, actor=actor,
                                         sha256=hashlib.sha256(item.data).hexdigest())
    digest = hashlib.sha256(item.data).hexdigest()
    with transaction.atomic():
        original = _accepted_with_digest(digest)
        if original is None:
            try:
                with transaction.atomic():  # savepoint: a concurrent twin may win the unique index
                    source = SourceText.objects.create(
                        sha256=digest, original_name=name, raw_bytes=item.data, size_bytes=len(item.data),
                        upload=upload, status=Status.QUEUED,
                    )
            except IntegrityError:
                original = _accepted_with_digest(digest)
                if original is None:  # the twin was refused meanwhile: nothing to point at
                    raise
            else:
                from apps.sources import tasks  # tasks import this module; import at call time

                tasks.source_ingest.delay_on_commit(source_id=source.pk)
                return source
        duplicate = SourceText.objects.create(
            sha256=digest, original_name=name, size_bytes=len(item.data), upload=upload,
            status=Status.DUPLICATE, duplicate_of=original, processed_at=timezone.now(),
            refusal_reason=f"The same file was already received as “{original.original_name}”.",
        )
        audit_record(actor=actor, action="source.duplicate", obj=duplicate, changes={"duplicate_of": original.pk})
        return duplicate


def source_known(data: bytes) -> bool:
    """Whether these exact bytes were received before (accepted or refused, not as a duplicate)."""
    digest = hashlib.sha256(data).hexdigest()
    return SourceText.objects.filter(sha256=digest).exclude(status=Status.DUPLICATE).exists()


def _accepted_with_digest(digest: str) -> SourceText | None:
    return (SourceText.objects.filter(sha256=digest, status__in=[Status.QUEUED, Status.PROCESSING, Status.INGESTED])
            .order_by("pk").first())


def _source_refuse_on_receipt(*, upload: Upload | None, name: str, size: int, reason: str, actor: Any,
                              sha256: str = "") -> SourceText:
    source = SourceText.objects.create(
        sha256=sha256, original_name=name, size_bytes=size, upload=upload, status=Status.FAILED,
        refusal_reason=reason, processed_at=timezone.now(),
    )
    audit_record(actor=actor, action="source.refuse", obj=source, changes={"reason": reason})
    return source


def upload_receive(*, actor: Any, channel: str, files: Iterable[tuple[str, bytes]], label: str = "") -> Upload:
    """Receive a batch: one Upload and one SourceText row per file (zips expanded)."""
    upload = upload_open(actor=actor, channel=channel, label=label)
    for item in incoming_files(files):
        source_receive(upload=upload, item=item, actor=actor)
    return upload


def source_retry(*, source: SourceText, actor: Any) -> SourceText:
    """Queue a refused source again (after a limit was raised or an internal error fixed). Needs its bytes, and a
    refusal that can change (``SourceText.retryable``): any other is refused with ``InvalidTransition``."""
    with transaction.atomic():
        source = SourceText.objects.select_for_update().get(pk=source.pk)
        if source.status != Status.FAILED:
            return source  # retried already (a second click)
        if not source.retryable:
            raise InvalidTransition(_("This refusal depends on the file itself: a retry would refuse it again."))
        if _accepted_with_digest(source.sha256) is not None:
            return source
        _status_set(source, Status.QUEUED, refusal_reason="")
        audit_record(actor=actor, action="source.retry", obj=source)
        from apps.sources import tasks

        tasks.source_ingest.delay_on_commit(source_id=source.pk)
    return source


# --- Ingesting (in the worker) -------------------------------------------------------------


def _status_set(source: SourceText, status: str, **fields: Any) -> None:
    source.status = status
    source.status_changed_at = timezone.now()
    for name, value in fields.items():
        setattr(source, name, value)
    source.save(update_fields=["status", "status_changed_at", "updated_at", *fields])


def _commit_without_waiting_for_disk() -> None:
    """Within this transaction, do not wait for the WAL flush on commit.

    Safe here and only here: everything the worker writes is derived from the source row,
    which was committed durably on receipt. If PostgreSQL crashes before the flush, the row
    reverts to queued/processing and the reconciler ingests it again (idempotently).
    """
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit TO OFF")


def source_ingest(*, source_id: int) -> SourceText | None:
    """Extract one stored source and replace its derived rows. Safe to run twice, or at once."""
    with transaction.atomic():
        _commit_without_waiting_for_disk()
        source = SourceText.objects.select_for_update().filter(pk=source_id).first()
        if source is None or not source.is_pending:
            return source  # deleted since it was queued, or finished by an earlier delivery
        _status_set(source, Status.PROCESSING, attempts=source.attempts + 1)
    document = _extract(source)
    with transaction.atomic():
        _commit_without_waiting_for_disk()
        source = SourceText.objects.select_for_update().get(pk=source_id)
        if not source.is_pending:
            return source
        if not document.ok:
            _status_set(source, Status.FAILED, refusal_reason=document.error or "The file was refused.",
                        processed_at=timezone.now(), report=_report(document))
            audit_record(actor=None, action="source.refuse", obj=source, changes={"reason": source.refusal_reason})
            return source
        _document_apply(source=source, document=document)
    return source


def source_reextract(*, source_id: int) -> SourceText | None:
    """Extract an ingested source again (aliases or rules changed) and replace its derived rows.

    Idempotent; editors' confirmed, corrected, rejected or added contributions are kept. A source that
    is now refused keeps its old rows: re-extraction never loses data behind the user's back.
    """
    source = SourceText.objects.filter(pk=source_id, status=Status.INGESTED).first()
    if source is None:
        return None
    # Re-extraction follows an alias change: look at the tables now rather than within a few seconds.
    coalition_services.gazetteer_invalidate()
    document = _extract(source)
    if not document.ok:
        logger.warning("Re-extraction refused source %s: %s", source_id, document.error)
        return source
    with transaction.atomic():
        _commit_without_waiting_for_disk()
        source = SourceText.objects.select_for_update().get(pk=source_id)
        if source.status == Status.INGESTED:
            _document_apply(source=source, document=document)
    return source


def _extract(source: SourceText) -> extraction.ExtractedDocument:
    try:
        return extraction.extract(bytes(source.raw_bytes), filename=source.original_name, config=extraction_config())
    except (DatabaseError, SoftTimeLimitExceeded):
        raise  # transient: the task retries, or the reconciler re-queues it
    except Exception:
        # Extraction never raises for bad input, so this is a bug. Refuse the file (it can be
        # retried once fixed) rather than crash, which would re-queue it forever.
        logger.exception("Extraction crashed on source %s", source.pk)
        return extraction.ExtractedDocument.refusal(
            "The file could not be read because of an internal error; it was logged. Retry it later.")


def _document_apply(*, source: SourceText, document: extraction.ExtractedDocument) -> None:
    """Replace every row derived from ``source`` and record what was read (caller holds the lock)."""
    events = timeline_services.events_replace(source=source, document=document)
    coalition_services.contributions_replace(source=source, document=document, events=events)
    # Editors' kept reviews show on the timeline too: their states, and what they corrected or rejected.
    timeline_services.events_commitments_refresh(source_ids=[source.pk])
    coalition_services.name_sightings_replace(source=source, sightings=document.unknown_names)
    statements_services.draft_candidate_replace(source=source, document=document)
    _status_set(
        source, Status.INGESTED, text=document.body or document.text or "", encoding=document.encoding or "",
        language=document.language or "", published_on=document.date, date_found=document.date_found,
        agency=document.source or "", report=_report(document), processed_at=timezone.now(),
    )


def sources_reextract_queue(*, actor: Any, source_ids: Iterable[int] | None = None) -> Reextraction:
    """Queue re-extraction of the given ingested sources (all of them when None); the run shows progress."""
    from apps.sources import tasks

    ids = SourceText.objects.filter(status=Status.INGESTED)
    chosen = None if source_ids is None else sorted(set(source_ids))
    if chosen is not None:
        ids = ids.filter(pk__in=chosen)
    queued = 0
    for source_id in ids.values_list("pk", flat=True).iterator(chunk_size=2000):
        tasks.source_reextract.delay_on_commit(source_id=source_id)
        queued += 1
    requested_by = actor if getattr(actor, "is_authenticated", False) else None
    run = Reextraction.objects.create(requested_by=requested_by, total=queued, source_ids=chosen)
    audit_record(actor=actor, action="sources.reextract", obj=run, changes={"queued": queued})
    return run


def _report(document: extraction.ExtractedDocument) -> dict[str, Any]:
    return {
        "encoding": document.encoding,
        "notes": list(document.notes),
        "date_found": document.date_found,
        "extraction": extraction.document_to_json(document, file=""),
        # [kind, start, end, ident] spans of the stored text, for the source page (apps.timeline.highlighting).
        "highlights": [highlight.as_row() for highlight in document.highlights],
    }


def sources_requeue_stuck(*, now: datetime | None = None) -> list[int]:
    """Re-queue sources left queued/processing too long: their task was lost (Redis restart, dead worker)."""
    from apps.sources import tasks

    cutoff = (now or timezone.now()) - settings.INGEST_STUCK_AFTER
    with transaction.atomic():
        stuck = list(SourceText.objects.stuck(older_than=cutoff).select_for_update(skip_locked=True)
                     .values_list("pk", flat=True)[:1000])
        SourceText.objects.filter(pk__in=stuck).update(status=Status.QUEUED, status_changed_at=timezone.now())
        for source_id in stuck:
            tasks.source_ingest.delay_on_commit(source_id=source_id)
    if stuck:
        logger.warning("Re-queued %d stuck source(s): %s", len(stuck), stuck[:20])
    return stuck


# --- Extraction configuration --------------------------------------------------------------

def extraction_config() -> extraction.ExtractionConfig:
    """Settings and the current gazetteer (rebuilt when members, people or aliases change)."""
    return extraction.ExtractionConfig(
        max_file_bytes=settings.INGEST_MAX_FILE_BYTES,
        gazetteer=coalition_services.gazetteer_current(),
    )
