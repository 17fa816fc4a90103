"""python manage.py bench_extract — extraction alone (no database writes, no worker), as make bench prints it.

Repeats the dev corpus and the seed up to N articles and reports articles/s, words/s, the
gazetteer build time and the peak RSS of this process.
"""

from __future__ import annotations

import gc
import resource
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from apps import extraction
from apps.coalition.services import gazetteer_build
from apps.sources.ingest import extraction_config

CORPUS = Path(settings.BASE_DIR).parent / "shared" / "corpus" / "dev"


class Command(BaseCommand):
    help = "Benchmark extraction alone over the dev corpus repeated to N articles."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--articles", type=int, default=10_000)

    def handle(self, *args: Any, **options: Any) -> None:
        files = [p.read_bytes() for p in sorted(CORPUS.glob("*.txt"))]
        files += [p.read_bytes() for p in sorted((Path(settings.BASE_DIR) / "seeds").glob("*.txt"))]
        started = time.perf_counter()
        gazetteer_build()
        build_seconds = time.perf_counter() - started
        config = extraction_config()
        extraction.warm_up()
        gc.freeze()  # as the worker does once it has loaded everything (apps.sources.tasks)
        count = options["articles"]
        words = 0
        started = time.perf_counter()
        for i in range(count):
            document = extraction.extract(files[i % len(files)], filename=f"{i}.txt", config=config)
            words += len((document.body or "").split())
        elapsed = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"extraction alone:         {count:,} articles in {elapsed:.1f} s → "
                          f"{count / elapsed:,.0f} articles/s, {words / elapsed:,.0f} words/s (one process)")
        self.stdout.write(f"gazetteer build (from DB):{build_seconds:6.2f} s")
        self.stdout.write(f"peak RSS:                 {peak_mb:,.0f} MB")
