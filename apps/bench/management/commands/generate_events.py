"""python manage.py generate_events N [--seed S] [--batch B] [--clear] — synthetic events for benchmarks.

Adds N articles recombined from corpus sentences (apps.bench.synthetic), each one a source, an event
and its contributions, loaded a batch at a time with COPY through apps.core.bulk.rows_copy (the writer the
ingest uses); then rebuilds the tallies and ANALYZEs.
Synthetic sources are named "synthetic-<seed>-<n>.txt"; --clear removes them (and only them) first.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from apps.bench import synthetic


class Command(BaseCommand):
    help = "Generate N synthetic timeline events (default 100,000) from corpus sentences, loaded with COPY."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("count", nargs="?", type=int, default=100_000, help="articles (events) to add")
        parser.add_argument("--seed", type=int, default=1, help="the same seed makes the same articles")
        parser.add_argument("--batch", type=int, default=5000, help="articles per COPY transaction")
        parser.add_argument("--clear", action="store_true", help="remove every synthetic source first")

    def handle(self, *args: Any, **options: Any) -> None:
        count, seed, batch = options["count"], options["seed"], options["batch"]
        if count < 0 or batch < 1 or seed < 0:
            self.stderr.write("N and the seed must be 0 or more, the batch 1 or more.")
            raise SystemExit(2)
        if options["clear"]:
            started = time.perf_counter()
            removed = synthetic.clear()
            self.stdout.write(f"cleared {removed:,} synthetic sources in {time.perf_counter() - started:.1f} s")
        if not count:
            return
        last_report = [0.0]

        def progress(done: int, total: int, seconds: float) -> None:
            if done == total or seconds - last_report[0] >= 5:
                last_report[0] = seconds
                self.stdout.write(f"  {done:>10,} / {total:,} events  {seconds:7.1f} s  {done / seconds:,.0f} events/s")

        self.stdout.write(f"generating {count:,} synthetic events (seed {seed}, batches of {batch:,})")
        result = synthetic.generate(count, seed=seed, batch=batch, progress=progress)
        self.stdout.write(
            f"generated {result.events:,} events and {result.contributions:,} contributions "
            f"(articles {result.first_index:,}–{result.first_index + result.events - 1:,} of seed {seed}) "
            f"in {result.seconds:.1f} s → {result.rate:,.0f} events/s, tallies rebuilt and analysed")
