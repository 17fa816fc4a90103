"""python manage.py bench_pages [--events N] — server time and queries of the analyst's pages, then
requests/s under load.

Against the current database (``make bench`` uses its own stack, .embedded-bench): with --events N
it first tops the synthetic events up to N (apps.bench.synthetic). Each page is requested in this
process through django.test.Client, logged in as an analyst: a few warm-up requests, then --samples
timed ones (time.perf_counter around the whole request, content included). The filters, search terms
and member are picked from the data (the commonest member, a rare one, a word in about 40 % of the
events, a rare word...), so the figures mean the same on any data set. Then the CSV export of about
10,000 rows (time and peak Python memory), and the timeline under concurrent load: gunicorn on
loopback with wrk (or, without wrk, a small threaded Python client) for --duration seconds.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection
from django.db.models import F
from django.http import StreamingHttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from apps.accounts.models import User
from apps.accounts.roles import ANALYST
from apps.bench import synthetic
from apps.coalition.models import CommitmentCell
from apps.core.stack import database_url
from apps.sources.models import SourceText
from apps.timeline import selectors
from apps.timeline.filters import TimelineFilter
from apps.timeline.models import TimelineEvent

BENCH_USER = "bench-analyst"
EXPORT_ROWS = 10_000


@dataclass
class Page:
    name: str
    url: str
    htmx: bool = False
    flt: TimelineFilter | None = None  # for the matching count and rows shown
    after: selectors.Cursor | None = None
    matching: int | None = None
    rows: int | None = None
    samples: list[float] = field(default_factory=list)
    sql: list[float] = field(default_factory=list)  # time in the database, per sample
    cached: list[float] = field(default_factory=list)  # server time when the rendered fragment is cached
    queries: int = 0
    status: int = 0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Command(BaseCommand):
    help = "Benchmark the analyst pages (p50/p95 server time, queries), the CSV export and requests/s under load."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--events", type=int, help="first top the synthetic events up to this many")
        parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic events added by --events")
        parser.add_argument("--samples", type=int, default=30)
        parser.add_argument("--warmup", type=int, default=3)
        parser.add_argument("--export-samples", type=int, default=5)
        parser.add_argument("--duration", type=int, default=10, help="seconds of concurrent load")
        parser.add_argument("--connections", type=int, default=8, help="concurrent connections of the load")
        # One sync worker per core serves the (CPU-bound, mostly cached) timeline fastest on a small machine:
        # 2 × 1 gave 426 requests/s here, 3 × 2 315, 2 × 4 347 (wrk on the same two cores).
        parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="gunicorn workers for the load")
        parser.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker")
        parser.add_argument("--skip-load", action="store_true", help="leave out the concurrent load")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["events"] is not None:
            self._top_up(options["events"], options["seed"])
        total = TimelineEvent.objects.count()
        self.stdout.write(f"events: {total:,} ({self._synthetic_count():,} synthetic), "
                          f"sources: {SourceText.objects.count():,}, machine: {os.cpu_count()} cores, "
                          f"load average {os.getloadavg()[0]:.1f} at the start")
        client = self._client()
        pages = self._pages(total)
        for page in pages:
            self._measure(client, page, options["samples"], options["warmup"])
        self._report(pages)
        self._export(client, options["export_samples"])
        if not options["skip_load"]:
            self._load(client, options)

    # --- data --------------------------------------------------------------------------------------

    def _synthetic_count(self) -> int:
        return SourceText.objects.filter(original_name__startswith=synthetic.NAME_PREFIX).count()

    def _top_up(self, wanted: int, seed: int) -> None:
        have = self._synthetic_count()
        if have >= wanted:
            self.stdout.write(f"{have:,} synthetic events already (asked for {wanted:,}): none added")
            return
        call_command("generate_events", str(wanted - have), "--seed", str(seed), stdout=self.stdout)

    def _client(self) -> Client:
        user = User.objects.filter(username=BENCH_USER).first()
        if user is None:
            user = User.objects.create_user(username=BENCH_USER, password=None)
            user.groups.add(Group.objects.get(name=ANALYST))
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        # Templates name static files through the manifest, which only collectstatic writes.
        call_command("collectstatic", interactive=False, verbosity=0)
        return client

    def _pages(self, total: int) -> list[Page]:
        """The pages to time, with filter values and words picked from the data."""
        everything = selectors.facet_counts(TimelineFilter())  # over the newest events
        counts = {name: [v for v, _ in values] for name, values in everything.counts.items()}
        members = [m for m in counts.get("member", []) if m not in ("UA", "RU")]
        common_member = members[0] if members else "DE"
        rare_member = members[-1] if members else "DE"
        common_type = counts.get("type", ["air_defence"])[0]
        person = counts.get("person", ["zelensky"])[0]
        agency = counts.get("agency", ["Reuters"])[0]
        cells: dict[str, int] = {}
        for code, statements in CommitmentCell.objects.values_list("actor__code", F("proposed") + F("pledged")
                                                                   + F("approved") + F("delivered") + F("withdrawn")):
            cells[code] = cells.get(code, 0) + statements
        busiest = max((c for c in cells if c not in ("UA", "RU")), key=cells.__getitem__, default=common_member)
        words = self._search_words(total)
        timeline = reverse("timeline:index")

        def page(name: str, flt: TimelineFilter, **extra: str) -> Page:
            query = urlencode([*flt.query_items(), *extra.items()])
            return Page(name, timeline + (f"?{query}" if query else ""), flt=flt)

        first = selectors.events_page(flt=TimelineFilter(), size=50)
        deep = self._cursor_at(total // 2)
        pages = [
            Page("overview", reverse("timeline:overview")),
            page("timeline, first page", TimelineFilter()),
            Page("timeline, page 2 (htmx)", f"{timeline}?after={first.next_cursor}", htmx=True, flt=TimelineFilter(),
                 after=first.next_cursor),
            Page(f"timeline, deep page (row {total // 2:,}, htmx)", f"{timeline}?after={deep}", htmx=True,
                 flt=TimelineFilter(), after=deep),
            Page(f"timeline, deep page (row {total // 2:,}, full)", f"{timeline}?after={deep}", flt=TimelineFilter(),
                 after=deep),
            page(f"filter member={common_member}", TimelineFilter(members=(common_member,))),
            page(f"filter member={rare_member} (rare)", TimelineFilter(members=(rare_member,))),
            page(f"filter person={person}", TimelineFilter(people=(person,))),
            page(f"filter type={common_type}", TimelineFilter(types=(common_type,))),
            page("filter status=delivered", TimelineFilter(statuses=("delivered",))),
            page("filter lang=uk", TimelineFilter(langs=("uk",))),
            page(f"filter agency={agency}", TimelineFilter(agencies=(agency,))),
            page("filter date 2024-03-01..2024-05-31",
                 TimelineFilter(date_from=date(2024, 3, 1), date_to=date(2024, 5, 31))),
            page("filter review=confirmed", TimelineFilter(reviews=("confirmed",))),
            page(f"filter {common_member} + {common_type} + pledged",
                 TimelineFilter(members=(common_member,), types=(common_type,), statuses=("pledged",))),
            page("filters combined (member, type, status, lang, dates)",
                 TimelineFilter(members=(common_member,), types=(common_type,), statuses=("pledged", "delivered"),
                                langs=("ru",), date_from=date(2023, 1, 1), date_to=date(2025, 12, 31))),
        ]
        for label, word in words:
            pages.append(page(f"search {label} «{word}»", TimelineFilter(q=word)))
        if words:
            label, word = words[0]
            pages.append(page(f"search {label} «{word}», by relevance", TimelineFilter(q=word), sort="relevance"))
        pages.append(Page(f"member page {busiest}", reverse("timeline:member_detail", args=[busiest])))
        for item in pages:
            if item.flt is not None:
                item.matching = selectors.matching_events(item.flt).count()
                if "sort=relevance" in item.url:
                    item.rows = len(selectors.events_by_relevance(flt=item.flt, size=50).events)
                else:
                    item.rows = len(selectors.events_page(flt=item.flt, after=item.after, size=50).events)
        return pages

    def _cursor_at(self, offset: int) -> selectors.Cursor:
        row = (TimelineEvent.objects.order_by(*selectors.EVENT_ORDER.ordering())
               .values_list("occurred_on", "id")[offset:offset + 1].first())
        return selectors.Cursor(*row) if row else selectors.Cursor(None, 0)

    def _search_words(self, total: int) -> list[tuple[str, str]]:
        """(label, word): for Cyrillic and for Latin words, one in about 40 % of the events (or the most
        frequent there is) and a rare one (in about 0.01 % of them, at least a few), from a sample.

        A Cyrillic lexeme is a lemma key, itself a word; an English one is a stem, which the english
        configuration stems to itself: either is what a search box could be given."""
        percent = min(100.0, 100.0 * max(2000, min(20_000, total // 50)) / max(total, 1))
        sample = f"FROM timeline_timelineevent TABLESAMPLE SYSTEM ({percent:.4f}) REPEATABLE (7)"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT word, ndoc FROM ts_stat($$SELECT search_vector {sample}$$) "  # noqa: S608
                           "WHERE length(word) >= 5")
            stats = cursor.fetchall()
            cursor.execute(f"SELECT count(*) {sample}")
            sampled = cursor.fetchone()[0] or 1
        words: list[tuple[str, str]] = []
        target = max(5, total // 10_000)
        for script, pattern in (("ru", r"^[а-яё]+$"), ("en", r"^[a-z]+$")):
            candidates = [(w, n) for w, n in stats if re.match(pattern, w)]
            if not candidates:
                continue
            words.append((f"frequent {script}", min(candidates, key=lambda c: abs(c[1] / sampled - 0.4))[0]))
            best: tuple[str, int] | None = None
            for word in sorted((w for w, n in candidates if n <= 2 and len(w) >= 6), key=lambda w: (len(w), w))[:200]:
                found = selectors.matching_events(TimelineFilter(q=word)).count()
                if found and (best is None or abs(found - target) < abs(best[1] - target)):
                    best = (word, found)
                if best and target // 2 <= best[1] <= 2 * target:
                    break
            if best:
                words.append((f"rare {script}", best[0]))
        order = {"frequent ru": 0, "frequent en": 1, "rare ru": 2, "rare en": 3}
        return sorted(words, key=lambda w: order.get(w[0], 9))

    # --- measuring ---------------------------------------------------------------------------------

    def _get(self, client: Client, page: Page) -> Any:
        headers = {"HX-Request": "true"} if page.htmx else {}
        response = client.get(page.url, secure=True, headers=headers)
        if response.streaming:
            for _ in _streamed(response):
                pass
        else:
            _ = response.content
        return response

    def _measure(self, client: Client, page: Page, samples: int, warmup: int) -> None:
        # Every page rendered afresh first (what the first analyst asking pays), then from the fragment cache
        # (what everyone asking the same after them pays, until the data changes).
        with override_settings(FRAGMENT_CACHE_SECONDS=0):
            for _ in range(warmup):
                self._get(client, page)
            with CaptureQueriesContext(connection) as queries:
                page.status = self._get(client, page).status_code
            page.queries = len(queries)
            for _ in range(samples):
                with CaptureQueriesContext(connection) as queries:  # adds some µs a query, timed in both columns
                    started = time.perf_counter()
                    self._get(client, page)
                    page.samples.append((time.perf_counter() - started) * 1000)
                page.sql.append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
        with override_settings(FRAGMENT_CACHE_SECONDS=max(60, settings.FRAGMENT_CACHE_SECONDS)):
            self._get(client, page)
            for _ in range(samples):
                started = time.perf_counter()
                self._get(client, page)
                page.cached.append((time.perf_counter() - started) * 1000)

    def _report(self, pages: list[Page]) -> None:
        width = max(len(p.name) for p in pages)
        self.stdout.write("")
        self.stdout.write(f"{'page':<{width}}  {'p50 ms':>7}  {'p95 ms':>7}  {'SQL p50':>7}  {'queries':>7}  "
                          f"{'rows':>5}  {'matching':>10}  {'cached p50':>10}  {'cached p95':>10}")
        for p in pages:
            rows = "" if p.rows is None else str(p.rows)
            matching = "" if p.matching is None else f"{p.matching:,}"
            status = "" if p.status == 200 else f"  HTTP {p.status}!"
            self.stdout.write(f"{p.name:<{width}}  {statistics.median(p.samples):7.1f}  "
                              f"{percentile(p.samples, 0.95):7.1f}  {statistics.median(p.sql):7.1f}  {p.queries:>7}  "
                              f"{rows:>5}  {matching:>10}  {statistics.median(p.cached):10.1f}  "
                              f"{percentile(p.cached, 0.95):10.1f}{status}")

    def _export(self, client: Client, samples: int) -> None:
        newest = (TimelineEvent.objects.order_by(*selectors.EVENT_ORDER.ordering())
                  .values_list("occurred_on", flat=True)[EXPORT_ROWS - 1:EXPORT_ROWS].first())
        flt = TimelineFilter(date_from=newest) if newest else TimelineFilter()
        url = reverse("timeline:export_csv") + (f"?{flt.querystring()}" if flt.querystring() else "")

        def export() -> int:
            response = client.get(url, secure=True)
            return sum(chunk.count(b"\n") for chunk in _streamed(response)) - 1  # less the header

        rows = export()  # warm-up
        executed: list[str] = []

        def count(execute: Callable[..., Any], sql: str, *rest: Any) -> Any:
            executed.append(sql)  # the streamed rows come from a server-side cursor the debug log does not see
            return execute(sql, *rest)

        with connection.execute_wrapper(count):
            export()
        times = []
        for _ in range(samples):
            started = time.perf_counter()
            export()
            times.append(time.perf_counter() - started)
        tracemalloc.start()
        export()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        self.stdout.write(f"\nCSV export, {rows:,} rows ({flt.querystring() or 'no filter'}): "
                          f"p50 {statistics.median(times) * 1000:,.0f} ms, best {min(times) * 1000:,.0f} ms "
                          f"({rows / statistics.median(times):,.0f} rows/s), {len(executed)} queries, "
                          f"peak Python memory {peak / 1e6:.1f} MB")

    # --- load --------------------------------------------------------------------------------------

    def _load(self, client: Client, options: dict[str, Any]) -> None:
        port = _free_port()
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        env = {**os.environ, "DATABASE_URL": database_url(), "REDIS_URL": settings.REDIS_URL,
               "SECRET_KEY": settings.SECRET_KEY, "HTTPS_ONLY": "0", "DEBUG": "0",
               "ALLOWED_HOSTS": "127.0.0.1,localhost"}
        gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable)) or "gunicorn"
        command = [gunicorn, "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(options["workers"]),
                   "--threads", str(options["threads"]), "--log-level", "warning"]
        server = subprocess.Popen(command, env=env, cwd=settings.BASE_DIR)
        try:
            if not _wait_until_up(port, timeout=60):
                self.stderr.write("gunicorn did not answer within 60 s; no load figures.")
                return
            path = reverse("timeline:index")
            cookie = f"{settings.SESSION_COOKIE_NAME}={session}"
            status = _get_status(port, path, cookie)
            if status != 200:
                self.stderr.write(f"The timeline answered HTTP {status} through gunicorn; no load figures.")
                return
            for _ in range(20):  # warm every worker up
                _get_status(port, path, cookie)
            label = (f"timeline under load: gunicorn {options['workers']} workers × {options['threads']} threads, "
                     f"{options['connections']} connections, {options['duration']} s")
            wrk = shutil.which("wrk")
            if wrk:
                result = self._wrk(wrk, port, path, cookie, options)
            else:
                self.stdout.write("(wrk is not installed — `apt-get install wrk` — so a threaded Python client "
                                  "makes the load; it takes CPU from the server, so the figure is a floor)")
                result = _python_load(port, path, cookie, options["connections"], options["duration"])
            self.stdout.write(f"\n{label}:\n{result}")
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()

    def _wrk(self, wrk: str, port: int, path: str, cookie: str, options: dict[str, Any]) -> str:
        output = subprocess.run(
            [wrk, "-t", "2", "-c", str(options["connections"]), "-d", f"{options['duration']}s", "--latency",
             "--timeout", "10s",
             "-H", f"Cookie: {cookie}", f"http://127.0.0.1:{port}{path}"],
            capture_output=True, text=True, check=False).stdout
        requests = re.search(r"Requests/sec:\s+([\d.]+)", output)
        latency = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", output, re.MULTILINE))
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        socket_errors = re.search(r"Socket errors: (.*)", output)
        if not requests:
            return output
        return (f"  {float(requests.group(1)):,.1f} requests/s (wrk), latency p50 {latency.get('50', '?')}, "
                f"p90 {latency.get('90', '?')}, p99 {latency.get('99', '?')}"
                + (f", {errors.group(1)} non-2xx responses!" if errors else "")
                + (f", socket errors: {socket_errors.group(1)}" if socket_errors else ""))


def _streamed(response: Any) -> Iterator[bytes]:
    return cast(Iterator[bytes], cast(StreamingHttpResponse, response).streaming_content)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(port: int, *, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if _get_status(port, "/healthz", "") == 200:
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def _get_status(port: int, path: str, cookie: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def _python_load(port: int, path: str, cookie: str, connections: int, duration: int) -> str:
    """Requests/s and latency with `connections` threads, each on a keep-alive connection, for `duration` s."""
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + duration

    def run(record: Callable[[float], None]) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Cookie": cookie})
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    failures[0] += 1
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
            except (OSError, http.client.HTTPException):
                failures[0] += 1
                conn.close()
                continue
            record(time.perf_counter() - started)
        conn.close()

    def record(seconds: float) -> None:
        with lock:
            latencies.append(seconds)

    started = time.monotonic()
    threads = [threading.Thread(target=run, args=(record,)) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    if not latencies:
        return "  no request answered"
    return (f"  {len(latencies) / elapsed:,.0f} requests/s (Python client), latency p50 "
            f"{statistics.median(latencies) * 1000:.1f} ms, p90 {percentile(latencies, 0.9) * 1000:.1f} ms, "
            f"p99 {percentile(latencies, 0.99) * 1000:.1f} ms" + (f", {failures[0]} failures!" if failures[0] else ""))
