"""One call in a forked child: its value, or why there was none (time, memory, crash, no answer)."""

from __future__ import annotations

import faulthandler
import os
import signal
import time

import pytest

from resume_checker.sandbox.forked import can_fork, run_forked
from resume_checker.sandbox.worker import PoolLimits

pytestmark = pytest.mark.skipif(not can_fork(), reason="needs fork")

LIMITS = PoolLimits(time_seconds=5.0, memory_mb=256)


def job(task):
    if task == "hang":
        time.sleep(60)
    if task == "segv":
        faulthandler.disable()  # pytest's, inherited by the fork: no traceback on stderr
        os.kill(os.getpid(), signal.SIGSEGV)
    if task == "raise":
        raise ValueError("not answered")
    if task == "hog":
        return len(bytearray(400 * 1024 * 1024))  # over the 256 MB limit
    return ("done", task, os.getpid())


def test_the_value_comes_back_from_another_process():
    forked = run_forked(job, ("f",), LIMITS)
    assert forked.ok and forked.value[:2] == ("done", "f") and forked.value[2] != os.getpid()


def test_each_way_of_ending_without_an_answer_is_named():
    assert run_forked(job, ("hang",), PoolLimits(0.2, None)).failure == "timeout"
    crashed = run_forked(job, ("segv",), LIMITS)
    assert (crashed.failure, crashed.signal) == ("crashed", signal.SIGSEGV)
    assert run_forked(job, ("raise",), LIMITS).failure == "no_answer"
    # a MemoryError that escapes job leaves no value to send; a kill at the cap is named for it
    assert run_forked(job, ("hog",), LIMITS).failure in ("no_answer", "out_of_memory")


def test_meanwhile_overlaps_the_child_and_its_error_kills_it():
    seen = []
    forked = run_forked(job, ("f",), LIMITS, meanwhile=lambda: seen.append(os.getpid()))
    assert forked.ok and seen == [os.getpid()]

    def fail():
        raise KeyboardInterrupt

    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        run_forked(job, ("hang",), LIMITS, meanwhile=fail)
    assert time.monotonic() - started < 5.0  # the hanging child was killed, not waited for
