"""runstack's supervisor with real child processes: restarts with back-off, gives up after quick failures.

No assertion is about how long anything took: the children either exit at once or wait for a signal, and
the tests wait for the processes themselves.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from apps.core.supervisor import ChildGaveUp, Supervisor

EXITS = [sys.executable, "-c", "import sys; sys.exit(3)"]
# Exits 1 the first time (leaving a mark), then stays up until it is sent SIGTERM.
FAILS_ONCE = """
import pathlib, signal, sys
mark = pathlib.Path(sys.argv[1])
if not mark.exists():
    mark.touch()
    sys.exit(1)
signal.pause()
"""


def test_a_child_that_keeps_dying_is_restarted_with_growing_pauses_then_given_up(caplog):
    caplog.set_level(logging.WARNING, logger="apps.core.supervisor")
    supervisor = Supervisor({"worker": EXITS}, max_quick_failures=3, backoff_first=0.001, poll_interval=0.001)
    supervisor.start()
    with pytest.raises(ChildGaveUp, match="The worker process stopped 3 times in a row"):
        supervisor.run()
    child = supervisor.children["worker"]
    assert child.starts == 3 and child.exit_codes == [3, 3, 3]
    restarts = [r.getMessage() for r in caplog.records if "starting it again" in r.getMessage()]
    assert restarts == ["The worker process stopped (exit status 3); starting it again in 0.0 s."] * 2
    assert supervisor.backoff(1) < supervisor.backoff(2) < supervisor.backoff(3)


def test_the_back_off_doubles_up_to_its_ceiling():
    supervisor = Supervisor({}, backoff_first=1.0, backoff_max=30.0)
    assert [supervisor.backoff(n) for n in range(1, 8)] == [1, 2, 4, 8, 16, 30, 30]


def test_a_child_that_dies_once_is_started_again_and_kept(tmp_path: Path, caplog):
    caplog.set_level(logging.WARNING, logger="apps.core.supervisor")
    supervisor = Supervisor({"beat": [sys.executable, "-c", FAILS_ONCE, str(tmp_path / "mark")]},
                            backoff_first=0.0)
    supervisor.start()
    child = supervisor.children["beat"]
    try:
        assert child.process is not None and child.process.wait(timeout=60) == 1
        supervisor.check()  # notices the exit; with no pause, starts it again at once
        assert child.starts == 2 and child.process.poll() is None
        supervisor.check()
        assert child.starts == 2  # a running child is left alone
        assert any("The beat process was started again" in r.getMessage() for r in caplog.records)
    finally:
        supervisor.stop(grace=30)
    assert child.process.returncode is not None  # stopped with SIGTERM


def test_a_child_that_ran_a_while_before_dying_starts_counting_afresh():
    # stable_after=0: every run counts as a long one, so no failure is a quick one in a row.
    supervisor = Supervisor({"web": EXITS}, max_quick_failures=2, stable_after=0.0, backoff_first=0.0)
    supervisor.start()
    child = supervisor.children["web"]
    for _ in range(4):
        assert child.process is not None
        child.process.wait(timeout=60)
        supervisor.check()  # never gives up
        assert child.quick_failures == 1
    assert child.starts == 5
    supervisor.stop()
