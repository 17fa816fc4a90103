"""The inbox folder channel: files dropped in a folder are ingested, then filed by outcome.

A file is claimed by an atomic rename into ``.claimed/`` (so two scans never take the same
file), received and ingested, then moved to ``processed/`` or ``failed/``; a refused file gets
a ``<name>.reason.txt`` note beside it. A scan that dies half-way leaves the file in
``.claimed/``; the next scan takes it up again (its bytes are then recorded as a duplicate of
the row the first scan stored, so nothing is ingested twice).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from django.db import connection

from apps.sources import ingest, receive
from apps.sources.models import Channel, SourceText, Upload

logger = logging.getLogger(__name__)

# A file modified more recently than this may still be being copied in.
SETTLE_SECONDS = 2.0
_SCAN_LOCK_KEY = 0x1B0C5  # pg advisory lock id: one scan at a time across all workers


def inbox_scan(folder: Path, *, settle_seconds: float = SETTLE_SECONDS) -> list[SourceText]:
    """Ingest every settled file in ``folder``; return the sources made."""
    for sub in (".claimed", "processed", "failed"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [_SCAN_LOCK_KEY])
        if not cursor.fetchone()[0]:
            return []
    try:
        claimed = sorted((folder / ".claimed").iterdir())
        now = time.time()
        for path in sorted(folder.iterdir()):
            if path.is_file() and not path.name.startswith(".") and now - path.stat().st_mtime >= settle_seconds:
                claimed.append(_claim(path, folder / ".claimed"))
        if not claimed:
            return []
        upload = receive.upload_open(actor=None, channel=Channel.INBOX, label=f"Inbox scan of {len(claimed)} file(s)")
        sources: list[SourceText] = []
        for path in claimed:
            sources.extend(_file_ingest(path, folder, upload))
        return sources
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [_SCAN_LOCK_KEY])


def _claim(path: Path, claimed_dir: Path) -> Path:
    target = _free_name(claimed_dir, path.name)
    path.rename(target)  # atomic on one filesystem: only one scan wins
    return target


def _free_name(directory: Path, name: str) -> Path:
    target = directory / name
    counter = 1
    while target.exists():
        target = directory / f"{Path(name).stem}-{counter}{Path(name).suffix}"
        counter += 1
    return target


def _file_ingest(path: Path, folder: Path, upload: Upload) -> list[SourceText]:
    data = path.read_bytes()
    made: list[SourceText] = []
    for chunk in receive.file_chunks(receive.incoming_files([(path.name, data)])):
        # We are already in a worker: ingest now, so the file can be filed by its outcome. Nothing is queued;
        # if this scan dies, the reconciler queues what it left.
        received = receive.sources_receive(upload=upload, items=chunk, queue=False)
        ingest.sources_ingest(source_ids=[s.pk for s in received if s.is_pending])
        outcome = SourceText.objects.only("id", "original_name", "status", "refusal_reason").in_bulk(
            [s.pk for s in received])
        made.extend(outcome[s.pk] for s in received)
    _file_away(path, folder, made)
    return made


def _file_away(path: Path, folder: Path, sources: list[SourceText]) -> None:
    refused = [s for s in sources if s.status == SourceText.Status.FAILED]
    accepted = len(sources) - len(refused)
    destination = _free_name(folder / ("processed" if accepted else "failed"), path.name)
    path.rename(destination)
    if refused:
        lines = [f"{s.original_name}: {s.refusal_reason}" for s in refused]
        destination.with_name(destination.name + ".reason.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    logger.info("Inbox file %s → %s (%d accepted, %d refused)", path.name, destination.parent.name, accepted,
                len(refused))
