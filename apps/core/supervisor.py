"""Keeping child processes alive: what ``runstack`` (``make run``) uses for web, worker and beat.

A child that exits is started again after a pause that doubles with each quick failure (one that came
within ``stable_after`` seconds of its start), up to ``backoff_max``; a child that ran longer than that starts
counting afresh. After ``max_quick_failures`` quick failures in a row the supervisor gives up
(``ChildGaveUp``), and its caller stops everything and exits non-zero: a stack that cannot keep a worker
up must say so rather than serve pages over a queue nobody reads.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

logger = logging.getLogger(__name__)


class ChildGaveUp(Exception):
    """A child failed too often in a row to be worth starting again."""

    def __init__(self, name: str, failures: int, returncode: int | None) -> None:
        super().__init__(f"The {name} process stopped {failures} times in a row, soon after each start "
                         f"(last exit status {returncode}); giving up.")
        self.name = name


@dataclass
class Child:
    name: str
    command: list[str]
    process: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0
    starts: int = 0
    quick_failures: int = 0  # in a row: reset when a run lasts ``stable_after`` seconds
    restart_at: float | None = None  # when it is due to start again; None while it runs
    exit_codes: list[int] = field(default_factory=list)


class Supervisor:
    def __init__(self, commands: Mapping[str, Sequence[str]], *, env: Mapping[str, str] | None = None,
                 cwd: Path | str | None = None, max_quick_failures: int = 5, stable_after: float = 60.0,
                 backoff_first: float = 1.0, backoff_max: float = 30.0, poll_interval: float = 0.5,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.children = {name: Child(name, list(command)) for name, command in commands.items()}
        self.env = dict(env) if env is not None else None
        self.cwd = cwd
        self.max_quick_failures = max_quick_failures
        self.stable_after = stable_after
        self.backoff_first = backoff_first
        self.backoff_max = backoff_max
        self.poll_interval = poll_interval
        self.clock = clock

    def start(self) -> None:
        for child in self.children.values():
            self._spawn(child)

    def _spawn(self, child: Child) -> None:
        # A new process group: Ctrl-C reaches the supervisor, which stops the children in order.
        child.process = subprocess.Popen(child.command, env=self.env, cwd=self.cwd, start_new_session=True)
        child.started_at = self.clock()
        child.starts += 1
        child.restart_at = None

    def backoff(self, quick_failures: int) -> float:
        return min(self.backoff_first * 2 ** max(quick_failures - 1, 0), self.backoff_max)

    def check(self) -> None:
        """Notice children that exited (schedule their restart, or give up), and start those that are due."""
        now = self.clock()
        for child in self.children.values():
            if child.process is None or child.restart_at is not None:
                continue
            returncode = child.process.poll()
            if returncode is None:
                continue
            child.exit_codes.append(returncode)
            child.quick_failures = 1 if now - child.started_at >= self.stable_after else child.quick_failures + 1
            if child.quick_failures >= self.max_quick_failures:
                raise ChildGaveUp(child.name, child.quick_failures, returncode)
            delay = self.backoff(child.quick_failures)
            child.restart_at = now + delay
            logger.warning("The %s process stopped (exit status %s); starting it again in %.1f s.", child.name,
                           returncode, delay)
        for child in self.children.values():
            if child.restart_at is not None and now >= child.restart_at:
                self._spawn(child)
                logger.warning("The %s process was started again (start %d).", child.name, child.starts)

    def run(self) -> None:
        """Keep the children alive until one gives up (``ChildGaveUp``) or the caller is interrupted."""
        while True:
            self.check()
            time.sleep(self.poll_interval)

    def stop(self, *, grace: float = 20.0) -> None:
        """SIGTERM every running child, last started first; kill those still there after ``grace`` seconds."""
        running = [c.process for c in reversed(self.children.values()) if c.process and c.process.poll() is None]
        for process in running:
            process.send_signal(signal.SIGTERM)
        for process in running:
            try:
                process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
