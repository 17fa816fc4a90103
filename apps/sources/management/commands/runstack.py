"""python manage.py runstack — the whole product on one machine: what ``make run`` calls.

Migrates, creates the demo users, starts web, worker and beat as child processes, ingests
``seeds/`` through the real worker, prints the URL, and on Ctrl-C stops every child. A child that
dies is started again with a growing pause (apps/core/supervisor.py); one that keeps dying soon after
its start makes runstack stop everything and exit with status 1. This process holds the embedded
PostgreSQL and Redis (when used), so they stop when it exits.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from apps.accounts.services import demo_users_ensure
from apps.core.health import check_worker
from apps.core.stack import database_url
from apps.core.supervisor import ChildGaveUp, Supervisor
from apps.sources import receive
from apps.sources.models import Channel, SourceText


class Command(BaseCommand):
    help = "Run web, worker and beat with the demo users and the seed ingested (make run)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))

    def handle(self, *args: Any, **options: Any) -> None:
        self.supervisor: Supervisor | None = None
        # Explicit handlers: a process started in the background inherits SIGINT as ignored.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        signal.signal(signal.SIGHUP, lambda *_: sys.exit(0))
        try:
            self._prepare()
            self._start_children(options["host"], options["port"])
            self._seed()
            self.stdout.write(self.style.SUCCESS(
                f"\nCoalition Tracker is running at http://{options['host']}:{options['port']}/ — Ctrl-C stops it.\n"))
            assert self.supervisor is not None  # _start_children made it
            self.supervisor.run()  # returns only by giving up
        except ChildGaveUp as gave_up:
            self.stderr.write(f"{gave_up} Stopping everything.")
            raise SystemExit(1) from gave_up
        except KeyboardInterrupt:
            self.stdout.write("\nStopping…")
        finally:
            if self.supervisor is not None:
                self.supervisor.stop()

    def _prepare(self) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database migrated.")
        if not settings.DEBUG:
            call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write("Demo users (log in with one of these):")
        for user in demo_users_ensure(password=settings.DEMO_PASSWORD):
            shown = user.password if user.password else "(unchanged; set DEMO_PASSWORD or use the admin)"
            self.stdout.write(f"  {user.username:<8} {shown}")

    def _child_env(self) -> dict[str, str]:
        env = dict(os.environ)
        # runstack serves plain HTTP (gunicorn without TLS): HTTPS-only cookies would make login impossible,
        # so it is off unless HTTPS_ONLY says otherwise (e.g. behind a TLS proxy).
        env.setdefault("HTTPS_ONLY", "0")
        env.update(DATABASE_URL=database_url(), REDIS_URL=settings.REDIS_URL, SECRET_KEY=settings.SECRET_KEY,
                   PYTHONUNBUFFERED="1")
        return env

    def _start_children(self, host: str, port: int) -> None:
        python = sys.executable
        bin_dir = Path(python).parent
        beat_schedule = settings.EMBEDDED_DIR / "celerybeat-schedule"
        settings.EMBEDDED_DIR.mkdir(parents=True, exist_ok=True)
        if settings.DEBUG:
            web = [python, "manage.py", "runserver", f"{host}:{port}", "--noreload"]
        else:
            web = [str(bin_dir / "gunicorn"), "config.wsgi", "--bind", f"{host}:{port}", "--workers", "2",
                   "--threads", "4", "--access-logfile", "-"]
        celery = [str(bin_dir / "celery"), "-A", "config", "worker", "--loglevel", "INFO"]
        commands = {
            # New uploads and the periodic housekeeping; re-extraction has a worker of its own, at a lower CPU
            # priority, so reading every source again never holds up an upload.
            "worker": [*celery, "--queues", "ingest,housekeeping", "--concurrency", "2", "--hostname", "worker@%h"],
            "reextract-worker": ["nice", "-n", "10", *celery, "--queues", "reextract", "--concurrency", "1",
                                 "--hostname", "reextract@%h"],
            "beat": [str(bin_dir / "celery"), "-A", "config", "beat", "--loglevel", "INFO",
                     "--schedule", str(beat_schedule)],
            "web": web,
        }
        self.supervisor = Supervisor(commands, env=self._child_env(), cwd=settings.BASE_DIR)
        self.supervisor.start()
        deadline = time.monotonic() + 60
        while not check_worker():
            self.supervisor.check()
            if time.monotonic() > deadline:
                raise SystemExit("The worker did not start within 60 s; see its log above.")
            time.sleep(0.5)

    def _seed(self) -> None:
        seeds = sorted(p for p in (settings.BASE_DIR / "seeds").glob("*.txt"))
        new = [(p.name, p.read_bytes()) for p in seeds]
        new = [(name, data) for name, data in new if not receive.source_known(data)]
        if not new:
            self.stdout.write("Seed articles already ingested.")
            return
        upload = receive.upload_receive(actor=None, channel=Channel.SEED, files=new, label="Seed articles")
        deadline = time.monotonic() + 120
        while upload.sources.filter(status__in=[SourceText.Status.QUEUED, SourceText.Status.PROCESSING]).exists():
            if time.monotonic() > deadline:
                self.stderr.write("The seed is still being ingested; it will appear shortly.")
                return
            time.sleep(0.3)
        self.stdout.write(f"Ingested {len(new)} seed article(s) through the worker.")
