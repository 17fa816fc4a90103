"""python manage.py bench_ingest — ingest N generated articles end to end through a real worker.

Prints, in one run: extraction alone on the same articles (one process, no database), the queries per
article (receive + ingest, counted in-process), receive files/s, end-to-end articles/s and the p50/p95
time from upload to visible (row committed → ingested) for a burst of N and then a burst of 100, and the
worker's peak RSS. ``make bench`` runs it on its own embedded stack (.embedded-bench).
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
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import psutil
from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection
from django.db.models import QuerySet
from django.test.utils import CaptureQueriesContext

from apps import extraction
from apps.core.health import check_worker
from apps.core.stack import database_url
from apps.sources import ingest, receive
from apps.sources.ingest import extraction_config
from apps.sources.models import Channel, SourceText

CORPUS = Path(settings.BASE_DIR).parent / "shared" / "corpus" / "dev"
QUERY_SAMPLE = 200  # articles received and ingested in-process to count queries


def corpus_sentences() -> dict[str, list[str]]:
    """The corpus's sentences by the language of their article."""
    folders = [CORPUS, Path(settings.BASE_DIR) / "seeds"]
    sentences: dict[str, list[str]] = defaultdict(list)
    for path in (p for folder in folders if folder.exists() for p in sorted(folder.glob("*.txt"))):
        language = extraction.extract(path.read_bytes(), filename=path.name).language or "?"
        body = re.sub(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s+", "", path.read_text(encoding="utf-8"))
        sentences[language] += [s.strip() for s in re.split(r"(?<=[.!?])\s+", body) if len(s.strip()) > 40]
    return dict(sentences)


def generated_articles(count: int, *, seed: int = 7, mixed_languages: bool = False) -> list[tuple[str, bytes]]:
    """Articles of corpus sentences recombined under a dated header, each one distinct and, as real articles
    are, in one language.

    ``mixed_languages`` draws each article's sentences from all three languages, as this benchmark made them
    until 2026-12 (to compare with those figures): three in four such texts go to lingua's full model to find
    their language, which costs more than the rest of their extraction.
    """
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    by_language = corpus_sentences()
    everything = [s for sentences in by_language.values() for s in sentences]
    languages = sorted(by_language)
    weights = [len(by_language[language]) for language in languages]
    start = date(2025, 3, 1)
    articles = []
    for i in range(count):
        day = start + timedelta(days=rng.randrange(400))
        sentences = by_language[rng.choices(languages, weights)[0]] if not mixed_languages else everything
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
        parser.add_argument("--small-burst", type=int, default=100)
        parser.add_argument("--concurrency", type=int, default=2)
        parser.add_argument("--mixed-languages", action="store_true",
                            help="Mix the three languages in each article (the figures before 2026-12).")

    def handle(self, *args: Any, **options: Any) -> None:
        count, small = options["articles"], options["small_burst"]
        seed = int(time.time())
        articles = generated_articles(count + small + QUERY_SAMPLE, seed=seed,
                                      mixed_languages=options["mixed_languages"])
        burst, small_burst, sample = articles[:count], articles[count:count + small], articles[count + small:]
        self._extraction_alone(burst)
        self._queries_per_article(sample)
        if check_worker():
            self.stderr.write("Another worker is listening on this broker; the figures include it.")
        waiting = SourceText.objects.filter(status__in=[SourceText.Status.QUEUED, SourceText.Status.PROCESSING])
        if waiting.exists():  # e.g. an earlier run stopped half-way: the worker would read those first
            self.stderr.write(f"{waiting.count():,} source(s) were already waiting; the figures include them.")
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
            big = self._burst(burst)
            small_run = self._burst(small_burst) if small_burst else None
        finally:
            sampler.stopping.set()
            worker.terminate()
            worker.wait(timeout=30)
        self._report(big, f"{count:,} burst")
        if small_run:
            self._report(small_run, f"{small:,} burst", first=False)
        self.stdout.write(f"worker peak RSS:          {sampler.peak_process / 1e6:,.0f} MB per process, "
                          f"{sampler.peak_total / 1e6:,.0f} MB for the whole worker")

    def _extraction_alone(self, articles: list[tuple[str, bytes]]) -> None:
        """The same articles read in this process with no database writes: the ceiling for end to end."""
        config = extraction_config()
        started = time.perf_counter()
        for name, data in articles:
            extraction.extract(data, filename=name, config=config)
        elapsed = time.perf_counter() - started
        self.stdout.write(f"extraction alone:         {len(articles):,} articles in {elapsed:.2f} s → "
                          f"{len(articles) / elapsed:,.1f} articles/s (one process)")

    def _queries_per_article(self, articles: list[tuple[str, bytes]]) -> None:
        """Receive and ingest a sample in this process, in batches as the worker does, counting every query."""
        with CaptureQueriesContext(connection) as queries:
            upload = receive.upload_open(actor=None, channel=Channel.CLI, label="bench (queries)")
            for chunk in receive.file_chunks(receive.incoming_files(articles)):
                received = receive.sources_receive(upload=upload, items=chunk, queue=False)
                ingest.sources_ingest(source_ids=[s.pk for s in received])
        self.stdout.write(f"queries per article:      {len(queries) / len(articles):.2f} (receive + ingest of "
                          f"{len(articles)} articles in batches of up to {settings.INGEST_BATCH_SIZE})")

    def _burst(self, articles: list[tuple[str, bytes]]) -> Burst:
        """Upload at once (as a person would: uploads of at most the limit) and wait until every file is done."""
        started = time.perf_counter()
        limit = settings.INGEST_MAX_FILES_PER_UPLOAD
        uploads = [receive.upload_receive(actor=None, channel=Channel.CLI, files=articles[i:i + limit],
                                           label="bench")
                   for i in range(0, len(articles), limit)]
        received = time.perf_counter() - started
        sources = SourceText.objects.filter(upload__in=uploads)
        pending = [SourceText.Status.QUEUED, SourceText.Status.PROCESSING]
        while sources.filter(status__in=pending).exists():
            time.sleep(0.1)
        return Burst(sources, len(articles), received, time.perf_counter() - started)

    def _report(self, burst: Burst, label: str, *, first: bool = True) -> None:
        rows = burst.sources.values_list("created_at", "processed_at", "status")
        latencies = sorted((done - created).total_seconds() for created, done, _ in rows if done)
        statuses = {s: sum(1 for *_, st in rows if st == s) for s in {st for *_, st in rows}}
        p95 = latencies[int(0.95 * (len(latencies) - 1))]
        count = burst.count
        self.stdout.write(f"{label}:{' ' * (25 - len(label))}{count:,} articles ({statuses})")
        if first:
            self.stdout.write(f"receive (store + queue):  {burst.received:.2f} s → {count / burst.received:,.0f} "
                              "files/s")
            self.stdout.write(f"end to end:               {burst.elapsed:.2f} s → {count / burst.elapsed:,.1f} "
                              "articles/s")
        self.stdout.write(f"upload → visible ({label}): p50 {statistics.median(latencies):.2f} s, p95 {p95:.2f} s")


@dataclass(frozen=True)
class Burst:
    sources: QuerySet[SourceText]
    count: int
    received: float  # seconds until every file was stored and queued
    elapsed: float  # seconds until every file was done
