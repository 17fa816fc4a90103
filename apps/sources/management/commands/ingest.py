"""python manage.py ingest PATH... — files, folders and zips, through the same path as a web upload."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from apps.core.health import check_worker
from apps.sources import ingest, receive
from apps.sources.archives import clean_file_name
from apps.sources.models import Channel, SourceText, Upload


def files_under(paths: list[Path]) -> Iterator[tuple[str, Path]]:
    """Each file with the name it is received under: its path within the folder given, or its own name.

    Never the path on this machine: the name shows on pages and in every duplicate's reason.
    """
    for path in paths:
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                yield file.relative_to(path).as_posix(), file
        else:
            yield path.name, path


class Command(BaseCommand):
    help = "Ingest article files, folders and zip archives; print a summary. Exit status 1 if a file was refused."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--no-wait", action="store_true", help="Queue the files and return at once.")
        parser.add_argument("--inline", action="store_true",
                            help="Ingest in this process instead of waiting for a worker.")
        parser.add_argument("--timeout", type=float, default=900, help="Seconds to wait for the workers.")

    def handle(self, *args: Any, **options: Any) -> None:
        missing = [str(p) for p in options["paths"] if not p.exists()]
        if missing:
            raise CommandError(f"No such file or folder: {', '.join(missing)}")
        named = list(files_under(options["paths"]))
        label = clean_file_name(named[0][0]) if len(named) == 1 else f"{len(named)} files from the command line"
        upload = receive.upload_receive(
            actor=None, channel=Channel.CLI, label=label,
            files=((name, path.read_bytes()) for name, path in tqdm(named, desc="Reading", unit="file", disable=None)),
        )
        if options["no_wait"]:
            self.stdout.write(f"Queued upload {upload.pk}.")
            return
        if options["inline"] or not check_worker():
            if not options["inline"]:
                self.stdout.write("No worker is running: ingesting in this process.")
            self._ingest_inline(upload)
        else:
            self._wait_for_workers(upload, timeout=options["timeout"])
        self._summarise(upload)

    def _ingest_inline(self, upload: Upload) -> None:
        pending = upload.sources.filter(status__in=[SourceText.Status.QUEUED]).order_by("pk")
        with tqdm(total=pending.count(), desc="Ingesting", unit="file", disable=None) as bar:
            for batch in receive.id_batches(list(pending.values_list("pk", "size_bytes"))):
                ingest.sources_ingest(source_ids=batch)
                bar.update(len(batch))

    def _wait_for_workers(self, upload: Upload, *, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        counts = Upload.objects.with_counts().get(pk=upload.pk)
        with tqdm(total=counts.file_count, desc="Ingesting", unit="file", disable=None) as bar:
            while True:
                counts = Upload.objects.with_counts().get(pk=upload.pk)
                bar.update(counts.finished_count - bar.n)
                if counts.queued_count == 0:
                    return
                if time.monotonic() > deadline:
                    raise CommandError(f"{counts.queued_count} file(s) still queued after {timeout:.0f} s; "
                                       "they stay queued and the workers will finish them.")
                time.sleep(0.25)

    def _summarise(self, upload: Upload) -> None:
        counts = Upload.objects.with_counts().get(pk=upload.pk)
        self.stdout.write(
            f"Ingested {counts.ingested_count}, duplicates {counts.duplicate_count}, refused {counts.failed_count} "
            f"(upload {upload.pk})."
        )
        for source in upload.sources.filter(status=SourceText.Status.DUPLICATE).order_by("pk"):
            self.stdout.write(f"  duplicate  {source.original_name}: {source.refusal_reason}")
        refused = list(upload.sources.filter(status=SourceText.Status.FAILED).order_by("pk"))
        for source in refused:
            self.stdout.write(self.style.ERROR(f"  refused    {source.original_name}: {source.refusal_reason}"))
        if refused:
            raise SystemExit(1)
