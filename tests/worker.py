"""A real Celery worker (and optional embedded beat) as a subprocess, pointed at the test database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import psutil
from django.conf import settings
from django.db import connection
from kombu.exceptions import OperationalError as KombuOperationalError
from redis.exceptions import RedisError

from config.celery import app as celery_app

ROOT = Path(__file__).resolve().parent.parent
APPLICATION_NAME = "coalition-test-worker"


def database_url_of_test_db() -> str:
    db = connection.settings_dict
    host = db["HOST"] or "localhost"
    if host.startswith("/"):
        return f"postgresql://{db['USER']}:{quote(db['PASSWORD'] or '')}@/{db['NAME']}?host={quote(host, safe='/')}"
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgresql://{db['USER']}:{quote(db['PASSWORD'] or '')}@{host}{port}/{db['NAME']}"


class CeleryWorker:
    """Start, stop, kill and inspect a worker process tree."""

    def __init__(self, log_path: Path, *, beat: bool = False, concurrency: int = 2, queues: str = "",
                 **env: Any) -> None:
        self.log_path = log_path
        self.beat = beat
        self.concurrency = concurrency
        self.queues = queues  # "" serves every queue (settings.CELERY_TASK_QUEUES)
        self.env = {
            **os.environ,
            "DATABASE_URL": database_url_of_test_db(),
            "REDIS_URL": settings.REDIS_URL,
            "SECRET_KEY": settings.SECRET_KEY,
            "PYTHONUNBUFFERED": "1",
            "PGAPPNAME": APPLICATION_NAME,  # libpq labels the worker's sessions, so tests can cut just those
            **{key: str(value) for key, value in env.items()},
        }
        self.process: subprocess.Popen[bytes] | None = None
        self.hostname = f"test-{os.getpid()}-{time.monotonic_ns()}@localhost"

    def start(self, *, wait: bool = True) -> CeleryWorker:
        command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--loglevel", "INFO",
                   "--concurrency", str(self.concurrency), "--hostname", self.hostname, "--without-mingle",
                   "--without-gossip"]
        if self.queues:
            command += ["--queues", self.queues]
        if self.beat:
            command += ["--beat", "--schedule", str(self.log_path.with_suffix(".beat"))]
        log = open(self.log_path, "ab")  # noqa: SIM115 - the child owns it for its lifetime
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        if wait:
            self.wait_ready()
        return self

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process is not None and self.process.poll() is None, self.log()
            # Children are forked once the pool is up; wait until they are there too.
            if self._answers_ping() and len(self.children()) >= self.concurrency:
                return
            time.sleep(0.2)
        raise AssertionError(f"worker did not become ready:\n{self.log()}")

    def _answers_ping(self) -> bool:
        try:
            # A fresh connection each time: pooled ones go stale when a test restarts the broker.
            with celery_app.connection_for_write() as connection:
                return bool(celery_app.control.ping(destination=[self.hostname], timeout=0.5, connection=connection))
        except (OSError, RedisError, KombuOperationalError):
            return False

    def children(self) -> list[psutil.Process]:
        assert self.process is not None
        try:
            return [c for c in psutil.Process(self.process.pid).children() if "celery" in " ".join(c.cmdline())]
        except psutil.NoSuchProcess:
            return []

    def kill(self) -> None:
        """SIGKILL the whole worker (parent and children), as a crash would."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-6000:] if self.log_path.exists() else ""
