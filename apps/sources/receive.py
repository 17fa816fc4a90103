"""Receiving files: store them durably, then queue the worker (``apps.sources.ingest`` does the reading).

Receiving stores the bytes and ``queued`` rows of a chunk of files in one transaction and sends one task
for the chunk only after commit. The rows are the truth: a task that is lost, or could not be sent because
the broker was down, is sent again by the reconciler (``sources_requeue_stuck``, beat).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from functools import partial
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as KombuOperationalError
from redis.exceptions import RedisError

from apps.core.bulk import rows_copy
from apps.core.exceptions import InvalidTransition
from apps.core.services import audit_record, audit_record_many
from apps.extraction.decode import human_size
from apps.sources import tasks
from apps.sources.archives import ArchiveLimits, IncomingFile, is_zip, unpack_zip
from apps.sources.models import Reextraction, SourceText, Upload

logger = logging.getLogger(__name__)
Status = SourceText.Status
PENDING = (Status.QUEUED, Status.PROCESSING)
# What sending a task raises while the broker is down or unreachable.
BROKER_ERRORS = (KombuOperationalError, RedisError, OSError)


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


def chunked[T](items: Iterable[T], size_of: Callable[[T], int]) -> Iterator[list[T]]:
    """Consecutive chunks of at most ``INGEST_BATCH_SIZE`` items and about ``INGEST_BATCH_BYTES``: one
    worker task each. A file over the byte budget is a chunk of its own, so a batch never holds two."""
    chunk: list[T] = []
    size = 0
    for item in items:
        item_size = size_of(item)
        if chunk and (len(chunk) >= settings.INGEST_BATCH_SIZE or size + item_size > settings.INGEST_BATCH_BYTES):
            yield chunk
            chunk, size = [], 0
        chunk.append(item)
        size += item_size
    if chunk:
        yield chunk


def file_chunks(items: Iterable[IncomingFile]) -> Iterator[list[IncomingFile]]:
    """Files received as the batches of worker tasks (``chunked``)."""
    return chunked(items, lambda item: item.size or len(item.data or b""))


def id_batches(rows: Iterable[tuple[int, int]]) -> Iterator[list[int]]:
    """(id, size in bytes) rows as the id lists of worker tasks (``chunked``)."""
    for chunk in chunked(rows, lambda row: row[1]):
        yield [pk for pk, _ in chunk]


def upload_receive(*, actor: Any, channel: str, files: Iterable[tuple[str, bytes]], label: str = "") -> Upload:
    """Receive a batch: one Upload and one SourceText row per file (zips expanded), committed chunk by chunk,
    each chunk's new sources queued as one task once committed. ``upload.queued_later`` tells when the queue
    could not be reached: the files are stored and the reconciler queues them once it is back."""
    upload = upload_open(actor=actor, channel=channel, label=label)
    for chunk in file_chunks(incoming_files(files)):
        sources_receive(upload=upload, items=chunk, actor=actor)
    return upload


def source_receive(*, upload: Upload | None, item: IncomingFile, actor: Any = None) -> SourceText:
    """Receive one file (``sources_receive`` of one)."""
    return sources_receive(upload=upload, items=[item], actor=actor)[0]


@transaction.atomic
def sources_receive(*, upload: Upload | None, items: Sequence[IncomingFile], actor: Any = None,
                    queue: bool = True) -> list[SourceText]:
    """Store a chunk of files: queued sources, duplicates and refusals, in one transaction and a few statements.

    Size is checked here, before the bytes are kept; every other rule runs in the worker. The chunk's new
    sources are inserted in one statement, after one query for the digests already received; the task that
    ingests them is sent once they are committed (not at all with ``queue=False``: the caller ingests them
    itself, and the reconciler picks them up if it dies). Returns one source per item, in order.
    """
    stored = [_stored(item) for item in items]
    originals = _accepted_with_digests({digest for _, digest, refusal in stored if digest and not refusal})
    try:
        with transaction.atomic():  # savepoint: a concurrent twin may win the unique index
            received = _chunk_store(upload, stored, originals)
    except IntegrityError:
        received = [_source_receive_one(upload=upload, item=item, digest=digest, refusal=refusal)
                    for item, digest, refusal in stored]
    _audit_receipt(received, actor=actor)
    accepted = [s.pk for s in received if s.status == Status.QUEUED]
    if accepted and queue:
        transaction.on_commit(partial(_queue_ingest, accepted, upload))
    return received


def _stored(item: IncomingFile) -> tuple[IncomingFile, str, str]:
    """The file, its digest, and why it is refused on receipt ("" when it is not)."""
    if item.data is None:
        return item, "", item.refusal or ""
    digest = hashlib.sha256(item.data).hexdigest()
    if len(item.data) > settings.INGEST_MAX_FILE_BYTES:
        return item, digest, (f"The file is {human_size(len(item.data))}, over the limit of "
                              f"{human_size(settings.INGEST_MAX_FILE_BYTES)} per file.")
    return item, digest, ""


def _chunk_store(upload: Upload | None, stored: list[tuple[IncomingFile, str, str]],
                 originals: dict[str, SourceText]) -> list[SourceText]:
    """One COPY for the new sources, then one INSERT for the duplicates (of earlier sources or of this chunk's) and
    the refusals."""
    now = timezone.now()
    first = dict(originals)
    rows: list[SourceText] = []
    for item, digest, refusal in stored:
        name = item.name[:255]
        if refusal:
            rows.append(SourceText(sha256=digest, original_name=name, size_bytes=item.size or len(item.data or b""),
                                   upload=upload, status=Status.FAILED, refusal_reason=refusal, processed_at=now))
        elif digest in first:
            rows.append(_duplicate_row(upload, name, digest, len(item.data or b""), first[digest], now))
        else:
            first[digest] = SourceText(sha256=digest, original_name=name, raw_bytes=item.data,
                                       size_bytes=len(item.data or b""), upload=upload, status=Status.QUEUED)
            rows.append(first[digest])
    rows_copy(SourceText, [row for row in rows if row.status == Status.QUEUED])  # the bytes: COPY
    # Second: a duplicate of a file earlier in this chunk takes its original's id, known only now.
    SourceText.objects.bulk_create([row for row in rows if row.status != Status.QUEUED])
    return rows


def _duplicate_row(upload: Upload | None, name: str, digest: str, size: int, original: SourceText,
                   now: datetime) -> SourceText:
    return SourceText(sha256=digest, original_name=name, size_bytes=size, upload=upload, status=Status.DUPLICATE,
                      duplicate_of=original, processed_at=now,
                      refusal_reason=f"The same file was already received as “{original.original_name}”.")


def _source_receive_one(*, upload: Upload | None, item: IncomingFile, digest: str, refusal: str) -> SourceText:
    """One file, when the chunk lost a race with a concurrent upload of the same bytes: the twin that commits
    first is the source, the other a duplicate of it."""
    size = item.size or len(item.data or b"")
    if refusal:
        return SourceText.objects.create(sha256=digest, original_name=item.name[:255], size_bytes=size, upload=upload,
                                         status=Status.FAILED, refusal_reason=refusal, processed_at=timezone.now())
    original = _accepted_with_digests({digest}).get(digest)
    if original is None:
        try:
            with transaction.atomic():
                return SourceText.objects.create(sha256=digest, original_name=item.name[:255], raw_bytes=item.data,
                                                 size_bytes=size, upload=upload, status=Status.QUEUED)
        except IntegrityError:
            original = _accepted_with_digests({digest}).get(digest)
            if original is None:  # the twin was refused meanwhile: nothing to point at
                raise
    duplicate = _duplicate_row(upload, item.name[:255], digest, size, original, timezone.now())
    duplicate.save()
    return duplicate


def _audit_receipt(received: list[SourceText], *, actor: Any) -> None:
    duplicates = [(s, {"duplicate_of": s.duplicate_of_id}) for s in received if s.status == Status.DUPLICATE]
    refusals = [(s, {"reason": s.refusal_reason}) for s in received if s.status == Status.FAILED]
    if duplicates:
        audit_record_many(actor=actor, action="source.duplicate", entries=duplicates)
    if refusals:
        audit_record_many(actor=actor, action="source.refuse", entries=refusals)


def _queue_ingest(source_ids: list[int], upload: Upload | None) -> None:
    """Send one ingest task for committed sources. An unreachable broker is not an error here: the rows are
    the truth, and the reconciler queues whatever stays queued once the broker is back."""
    if upload is not None and upload.queued_later:
        return  # the broker did not answer for an earlier chunk: do not wait for it again
    try:
        tasks.sources_ingest.delay(source_ids=source_ids)
    except BROKER_ERRORS:
        logger.warning("The broker is unreachable; %d source(s) stay queued for the reconciler.", len(source_ids))
        if upload is not None:
            upload.queued_later = True


def source_known(data: bytes) -> bool:
    """Whether these exact bytes were received before (accepted or refused, not as a duplicate)."""
    digest = hashlib.sha256(data).hexdigest()
    return SourceText.objects.filter(sha256=digest).exclude(status=Status.DUPLICATE).exists()


def _accepted_with_digests(digests: set[str]) -> dict[str, SourceText]:
    """The source each digest was accepted as (queued, processing or ingested), in one query."""
    if not digests:
        return {}
    found: dict[str, SourceText] = {}
    for source in (SourceText.objects.filter(sha256__in=digests, status__in=[*PENDING, Status.INGESTED])
                   .only("id", "sha256", "original_name").order_by("-pk")):
        found[source.sha256] = source  # the first received wins: ordered newest first, the oldest is set last
    return found


def source_retry(*, source: SourceText, actor: Any) -> SourceText:
    """Queue a refused source again (after a limit was raised or an internal error fixed). Needs its bytes, and a
    refusal that can change (``SourceText.retryable``): any other is refused with ``InvalidTransition``."""
    with transaction.atomic():
        source = SourceText.objects.select_for_update().get(pk=source.pk)
        if source.status != Status.FAILED or not source.raw_bytes:
            return source  # retried already (a second click), or nothing kept to read again
        if not source.retryable:
            raise InvalidTransition(_("This refusal depends on the file itself: a retry would refuse it again."))
        if _accepted_with_digests({source.sha256}):
            return source
        source.status, source.status_changed_at, source.refusal_reason, source.attempts = (
            Status.QUEUED, timezone.now(), "", 0)
        source.save(update_fields=["status", "status_changed_at", "refusal_reason", "attempts", "updated_at"])
        audit_record(actor=actor, action="source.retry", obj=source)
        tasks.sources_ingest.delay_on_commit(source_ids=[source.pk])
    return source


def sources_reextract_queue(*, actor: Any, source_ids: Iterable[int] | None = None) -> Reextraction:
    """Queue re-extraction of the given ingested sources (all of them when None), in batches; the run shows
    progress. Re-extraction has a queue of its own, so it never holds up new uploads."""
    ids = SourceText.objects.filter(status=Status.INGESTED)
    chosen = None if source_ids is None else sorted(set(source_ids))
    if chosen is not None:
        ids = ids.filter(pk__in=chosen)
    queued = 0
    rows = ids.order_by("pk").values_list("pk", "size_bytes").iterator(chunk_size=2000)
    for batch in id_batches(rows):
        tasks.sources_reextract.delay_on_commit(source_ids=batch)
        queued += len(batch)
    requested_by = actor if getattr(actor, "is_authenticated", False) else None
    run = Reextraction.objects.create(requested_by=requested_by, total=queued, source_ids=chosen)
    audit_record(actor=actor, action="sources.reextract", obj=run, changes={"queued": queued})
    return run


def sources_requeue_stuck(*, now: datetime | None = None) -> list[int]:
    """Re-queue sources left queued/processing too long: their task was lost (Redis restart, dead worker, the
    broker down on receipt). Sources a worker had started are queued one per task: if one of them is what
    stopped the worker, it no longer takes the rest of its batch down with it."""
    cutoff = (now or timezone.now()) - settings.INGEST_STUCK_AFTER
    with transaction.atomic():
        stuck = list(SourceText.objects.stuck(older_than=cutoff).select_for_update(skip_locked=True)
                     .order_by("pk").values_list("pk", "attempts", "size_bytes")[:1000])
        SourceText.objects.filter(pk__in=[pk for pk, *_ in stuck]).update(status=Status.QUEUED,
                                                                          status_changed_at=timezone.now())
        batches = [*id_batches((pk, size) for pk, attempts, size in stuck if not attempts),
                   *([pk] for pk, attempts, _ in stuck if attempts)]
        for batch in batches:
            tasks.sources_ingest.delay_on_commit(source_ids=batch)
    if stuck:
        logger.warning("Re-queued %d stuck source(s): %s", len(stuck), [pk for pk, *_ in stuck[:20]])
    return [pk for pk, *_ in stuck]
