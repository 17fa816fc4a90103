"""Durability with a real Celery worker: crashes, broker loss and dropped connections lose and double nothing.

These tests commit for real (transactional) so that the worker, a separate process, sees the rows.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable

import pytest
from django.conf import settings
from django.db import close_old_connections, connection

from apps.coalition.models import Contribution
from apps.core.embedded import EmbeddedRedis
from apps.sources import ingest, receive
from apps.sources.archives import IncomingFile
from apps.sources.models import Channel, SourceText, Upload
from apps.timeline.models import TimelineEvent
from tests.corpus import DEV
from tests.worker import APPLICATION_NAME, CeleryWorker

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PENDING = [SourceText.Status.QUEUED, SourceText.Status.PROCESSING]
# Short reconciler settings so recovery happens within the test's patience.
# Recovery is what these tests check, not the task time limit: on a busy 2-core machine one 1.5 MB article
# can take longer than the production limit of 60 s, which would kill the task for the wrong reason.
FAST_RECOVERY = {"INGEST_STUCK_AFTER_SECONDS": 4, "INGEST_REQUEUE_EVERY_SECONDS": 2, "INGEST_INBOX_SCAN_SECONDS": 3600,
                 "CELERY_TASK_SOFT_TIME_LIMIT": 300, "CELERY_TASK_TIME_LIMIT": 360}


def big_articles(count: int, *, size: int = 1_500_000) -> list[tuple[str, bytes]]:
    """Distinct, long, valid articles: extracting one takes long enough to be interrupted. Each runs through
    every dev article in turn (one article pasted over and over is refused as not natural language)."""
    bodies = [p.read_text().split(" ", 3)[-1] for p in sorted(DEV.glob("0*.txt"))]
    articles = []
    for i in range(count):
        parts: list[str] = []
        length = 0
        while length < size:
            body = bodies[(i + len(parts)) % len(bodies)]
            parts.append(body)
            length += len(body.encode()) + 2
        text = f" date 2026-02-{i % 27 + 1:02d} Article {i}. " + "\n\n".join(parts)
        # Cut at a character, not inside one: a broken last character would make the whole file undecodable.
        articles.append((f"big_{i:02d}.txt", text.encode()[:size].decode("utf-8", "ignore").encode()))
    return articles


def small_articles(count: int) -> list[tuple[str, bytes]]:
    texts = [p.read_bytes() for p in sorted(DEV.glob("0*.txt"))]
    return [(f"small_{i:02d}.txt", texts[i % len(texts)] + f"\n\nCopy {i}.".encode()) for i in range(count)]


def wait_until(predicate: Callable[[], bool], *, timeout: float, what: str, worker: CeleryWorker | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        close_old_connections()
        if predicate():
            return
        time.sleep(0.2)
    log = worker.log() if worker else ""
    raise AssertionError(f"timed out waiting for {what}\n{log}")


def all_done(upload: Upload) -> bool:
    return not upload.sources.filter(status__in=PENDING).exists()


def assert_nothing_lost_nothing_doubled(upload: Upload, expected: int) -> None:
    sources = list(upload.sources.all())
    assert len(sources) == expected
    assert {s.status for s in sources} == {SourceText.Status.INGESTED}, [(s.original_name, s.status) for s in sources]
    for source in sources:
        assert TimelineEvent.objects.filter(source=source).count() == 1
        pairs = list(Contribution.objects.filter(source=source).values_list("actor_id", "type"))
        assert len(pairs) == len(set(pairs))
    assert SourceText.objects.count() == expected


def test_the_worker_ingests_an_upload(worker_factory):
    worker = worker_factory().start()
    upload = receive.upload_receive(actor=None, channel=Channel.CLI, files=small_articles(6))
    wait_until(lambda: all_done(upload), timeout=60, what="ingest", worker=worker)
    assert_nothing_lost_nothing_doubled(upload, 6)


def test_a_worker_child_killed_mid_ingest_loses_nothing(worker_factory):
    worker = worker_factory(**FAST_RECOVERY, beat=True).start()
    upload = receive.upload_receive(actor=None, channel=Channel.CLI, files=big_articles(6))
    wait_until(lambda: upload.sources.filter(status=SourceText.Status.PROCESSING).exists(), timeout=60,
               what="a source in processing", worker=worker)
    children = worker.children()
    assert children
    for child in children:
        os.kill(child.pid, signal.SIGKILL)
    wait_until(lambda: all_done(upload), timeout=180, what="recovery after SIGKILL", worker=worker)
    assert_nothing_lost_nothing_doubled(upload, 6)
    assert upload.sources.filter(attempts__gte=2).exists()  # the killed work ran again


def test_the_whole_worker_killed_and_restarted_loses_nothing(worker_factory):
    worker = worker_factory(**FAST_RECOVERY, beat=True).start()
    upload = receive.upload_receive(actor=None, channel=Channel.CLI, files=big_articles(4))
    wait_until(lambda: upload.sources.filter(status=SourceText.Status.PROCESSING).exists(), timeout=60,
               what="a source in processing", worker=worker)
    worker.kill()
    assert upload.sources.filter(status__in=PENDING).exists()
    replacement = worker_factory(**FAST_RECOVERY, beat=True).start()
    wait_until(lambda: all_done(upload), timeout=180, what="recovery after restart", worker=replacement)
    assert_nothing_lost_nothing_doubled(upload, 4)


def test_redis_killed_and_restarted_with_work_queued_loses_nothing(worker_factory):
    if os.environ.get("REDIS_URL"):
        pytest.skip("kills the embedded Redis; REDIS_URL points at a server these tests do not own")
    upload = receive.upload_receive(actor=None, channel=Channel.CLI, files=small_articles(8))
    assert upload.sources.filter(status=SourceText.Status.QUEUED).count() == 8
    redis = EmbeddedRedis(settings.EMBEDDED_DIR / "redis")
    state = redis._running_state()
    assert state is not None
    os.kill(state["pid"], signal.SIGKILL)  # no clean shutdown: whatever was not fsynced is gone
    wait_until(lambda: redis._running_state() is None, timeout=10, what="Redis to die")
    redis.restart()
    worker = worker_factory(**FAST_RECOVERY, beat=True).start()
    wait_until(lambda: all_done(upload), timeout=120, what="ingest after Redis restart", worker=worker)
    assert_nothing_lost_nothing_doubled(upload, 8)


def test_database_connection_dropped_mid_task_is_retried(worker_factory):
    worker = worker_factory(**FAST_RECOVERY).start()
    upload = receive.upload_receive(actor=None, channel=Channel.CLI, files=big_articles(3))
    wait_until(lambda: upload.sources.filter(status=SourceText.Status.PROCESSING).exists(), timeout=60,
               what="a source in processing", worker=worker)
    with connection.cursor() as cursor:  # cut the worker's sessions, as a network blip or failover would
        cursor.execute("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                       "WHERE datname = current_database() AND application_name = %s) AS killed", [APPLICATION_NAME])
        assert cursor.fetchone()[0] >= 1
    wait_until(lambda: all_done(upload), timeout=180, what="retry after the dropped connection", worker=worker)
    assert_nothing_lost_nothing_doubled(upload, 3)
    for source in upload.sources.all():  # no half-written source: text and events came together
        assert source.text and source.published_on is not None


def test_the_same_file_uploaded_twice_at_once_is_one_source(worker_factory):
    data = (DEV / "003_a08b9a6fd285efb4.txt").read_bytes()
    barrier = threading.Barrier(2)
    results: list[SourceText] = []

    def upload_once(name: str) -> None:
        try:
            barrier.wait()
            results.append(receive.source_receive(upload=None, item=IncomingFile(name, data, None, len(data))))
        finally:
            connection.close()

    threads = [threading.Thread(target=upload_once, args=(f"copy_{i}.txt",)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(s.status for s in results) == [SourceText.Status.DUPLICATE, SourceText.Status.QUEUED]
    worker = worker_factory().start()
    wait_until(lambda: not SourceText.objects.filter(status__in=PENDING).exists(), timeout=60, what="ingest",
               worker=worker)
    assert SourceText.objects.filter(status=SourceText.Status.INGESTED).count() == 1
    assert TimelineEvent.objects.count() == 1


def test_inbox_files_are_ingested_and_filed_by_outcome(tmp_path, worker_factory):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.txt").write_bytes((DEV / "010_b36f7273a0550b98.txt").read_bytes())
    (inbox / "empty.txt").write_bytes(b"")
    past = time.time() - 60
    for path in inbox.iterdir():
        os.utime(path, (past, past))
    worker = worker_factory(INGEST_INBOX_DIR=inbox, INGEST_INBOX_SCAN_SECONDS=1, beat=True).start()
    wait_until(lambda: (inbox / "processed" / "good.txt").exists() and (inbox / "failed" / "empty.txt").exists(),
               timeout=60, what="the inbox scan", worker=worker)
    assert "The file is empty." in (inbox / "failed" / "empty.txt.reason.txt").read_text()
    assert SourceText.objects.filter(original_name="good.txt", status=SourceText.Status.INGESTED).exists()
    assert Upload.objects.filter(channel=Channel.INBOX).exists()


def test_readyz_is_200_with_a_live_worker(worker_factory, client):
    worker_factory().start()
    response = client.get("/readyz")
    assert response.status_code == 200, response.content
    assert response.json()["checks"] == {"database": True, "broker": True, "worker": True}


def test_a_worker_child_killed_mid_batch_loses_nothing_and_doubles_nothing(worker_factory, settings):
    # Batches of six ~150 kB articles: each batch takes seconds to read, so the kill lands inside batches.
    settings.INGEST_BATCH_BYTES = 1_000_000
    worker = worker_factory(**FAST_RECOVERY, beat=True).start()
    upload = receive.upload_receive(actor=None, channel=Channel.CLI, files=big_articles(12, size=150_000))
    wait_until(lambda: upload.sources.filter(status=SourceText.Status.PROCESSING).count() >= 6, timeout=60,
               what="a batch in processing", worker=worker)
    assert not upload.sources.filter(status=SourceText.Status.INGESTED).exists()  # mid-batch: nothing written yet
    for child in worker.children():
        os.kill(child.pid, signal.SIGKILL)
    wait_until(lambda: all_done(upload), timeout=240, what="recovery after SIGKILL", worker=worker)
    assert_nothing_lost_nothing_doubled(upload, 12)
    assert upload.sources.filter(attempts__gte=2).count() >= 6  # the killed batch ran again


def test_an_upload_while_the_broker_is_down_is_queued_by_the_reconciler_once_it_is_back(worker_factory):
    if os.environ.get("REDIS_URL"):
        pytest.skip("kills the embedded Redis; REDIS_URL points at a server these tests do not own")
    redis = EmbeddedRedis(settings.EMBEDDED_DIR / "redis")
    state = redis._running_state()
    assert state is not None
    os.kill(state["pid"], signal.SIGKILL)
    wait_until(lambda: redis._running_state() is None, timeout=10, what="Redis to die")
    try:
        upload = receive.upload_receive(actor=None, channel=Channel.CLI, files=small_articles(7))
    finally:
        redis.restart()
    assert upload.queued_later  # what the upload page tells the user
    assert upload.sources.filter(status=SourceText.Status.QUEUED).count() == 7  # stored, nothing sent
    worker = worker_factory(**FAST_RECOVERY, beat=True).start()
    wait_until(lambda: all_done(upload), timeout=120, what="the reconciler to queue the upload", worker=worker)
    assert_nothing_lost_nothing_doubled(upload, 7)


def test_a_re_extraction_backlog_does_not_hold_up_a_new_upload(worker_factory):
    first = receive.upload_receive(actor=None, channel=Channel.CLI, files=small_articles(4))
    ids = list(first.sources.values_list("pk", flat=True))
    for source_id in ids:
        ingest.source_ingest(source_id=source_id)
    run = receive.sources_reextract_queue(actor=None, source_ids=ids)  # sits on the "reextract" queue
    assert run.total == 4
    worker = worker_factory(queues="ingest,housekeeping").start()  # as `make run` starts the ingest worker
    upload = receive.upload_receive(actor=None, channel=Channel.CLI, files=big_articles(1, size=20_000))
    wait_until(lambda: all_done(upload), timeout=60, what="the new upload", worker=worker)
    assert upload.sources.get().status == SourceText.Status.INGESTED
    assert run.done_count() == 0  # the re-extraction waits for its own worker
    worker.stop()
    worker_factory(queues="reextract").start()
    wait_until(lambda: run.done_count() == 4, timeout=60, what="the re-extraction")
