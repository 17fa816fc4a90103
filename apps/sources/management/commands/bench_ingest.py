"""python manage.py bench_ingest — ingest N generated articles end to end through a real worker.

Prints articles/s, the p50/p95 time from upload to visible (row committed → ingested), and
the worker's peak RSS. ``make bench`` runs it on its own embedded stack (.embedded-bench).
"""

from __future__ import annotations

import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import psutil
from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db.models import Max, Min, QuerySet

from apps.core.health import check_worker
from apps.core.management.commands.runstack import database_url
from apps.sources import services
from apps.sources.models import Channel, SourceText

CORPUS = Path(settings.BASE_DIR).parent / "shared" / "corpus" / "dev"


def corpus_sentences() -> list[str]:
    folders = [CORPUS, Path(settings.BASE_DIR) / "seeds"]
    texts = [p.read_text(encoding="utf-8") for folder in folders if folder.exists() for p in folder.glob("*.txt")]
    sentences = []
    for text in texts:
        body = re.sub(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s+", "", text)
        sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", body) if len(s.strip()) > 40]
    return sentences


def generated_articles(count: int, *, seed: int = 7) -> list[tuple[str, bytes]]:
    """Realistic articles: corpus sentences recombined under a dated header, each one distinct."""
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    sentences = corpus_sentences()
    start = date(2025, 3, 1)
    articles = []
    for i in range(count):
        day = start + timedelta(days=rng.randrange(400))
        picked = rng.sample(sentences, k=min(len(sentences), rng.randint(6, 14)))
        paragraphs = [" ".join(picked[j:j + 3]) for j in range(0, len(picked), 3)]
        text = f" date {day.isoformat()} " + "\n\n".join(paragraphs) + f"\n\n(Bench article {i}.)"
        articles.append((f"bench_{i:06d}.txt", text.encode()))
    return articles


class RssSampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_process = 0
        self.peak_total = 0
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            try:
                root = psutil.Process(self.pid)
                rss = [p.memory_info().rss for p in [root, *root.children(recursive=True)]]
                self.peak_process = max(self.peak_process, *rss)
                self.peak_total = max(self.peak_total, sum(rss))
            except psutil.Error:
                pass
            time.sleep(0.2)


class Command(BaseCommand):
    help = "Benchmark the ingest pipeline end to end through a real Celery worker."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--concurrency", type=int, default=2)

    def handle(self, *args: Any, **options: Any) -> None:
        count = options["articles"]
        articles = generated_articles(count, seed=int(time.time()))
        if check_worker():
            self.stderr.write("Another worker is listening on this broker; the figures include it.")
        env = {"DATABASE_URL": database_url(), "REDIS_URL": settings.REDIS_URL, "SECRET_KEY": settings.SECRET_KEY}
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--loglevel", "WARNING",
             "--concurrency", str(options["concurrency"]), "--without-gossip", "--without-mingle"],
            env={**os.environ, **env}, cwd=settings.BASE_DIR,
        )
        sampler = RssSampler(worker.pid)
        try:
            while not check_worker():
                time.sleep(0.3)
            sampler.start()
            started = time.perf_counter()
            batch = settings.INGEST_MAX_FILES_PER_UPLOAD  # as a person would: uploads of at most the limit
            uploads = [
                services.upload_receive(actor=None, channel=Channel.CLI, files=articles[i:i + batch], label="bench")
                for i in range(0, count, batch)
            ]
            received = time.perf_counter() - started
            sources = SourceText.objects.filter(upload__in=uploads)
            pending = [SourceText.Status.QUEUED, SourceText.Status.PROCESSING]
            while sources.filter(status__in=pending).exists():
                time.sleep(0.2)
            elapsed = time.perf_counter() - started
        finally:
            sampler.stopping.set()
            worker.terminate()
            worker.wait(timeout=30)
        self._report(sources, count, received, elapsed, sampler)

    def _report(self, sources: QuerySet[SourceText], count: int, received: float, elapsed: float,
                sampler: RssSampler) -> None:
        rows = sources.values_list("created_at", "processed_at", "status")
        latencies = sorted((done - created).total_seconds() for created, done, _ in rows if done)
        span = sources.aggregate(first=Min("created_at"), last=Max("processed_at"))
        worker_seconds = (span["last"] - span["first"]).total_seconds()
        statuses = {s: sum(1 for *_, st in rows if st == s) for s in {st for *_, st in rows}}
        p95 = latencies[int(0.95 * (len(latencies) - 1))]
        self.stdout.write(f"articles:                 {count:,} ({statuses})")
        self.stdout.write(f"receive (store + queue):  {received:.2f} s ({count / received:,.0f} articles/s)")
        self.stdout.write(f"end to end:               {elapsed:.2f} s → {count / elapsed:,.1f} articles/s")
        self.stdout.write(
            f"first receipt → last done:{worker_seconds:7.2f} s → {count / worker_seconds:,.1f} articles/s")
        self.stdout.write(f"upload → visible:         p50 {statistics.median(latencies):.2f} s, p95 {p95:.2f} s")
        self.stdout.write(f"worker peak RSS:          {sampler.peak_process / 1e6:,.0f} MB per process, "
                          f"{sampler.peak_total / 1e6:,.0f} MB for the whole worker")
