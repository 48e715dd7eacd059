"""The worker pool: results stream back, and a slow, crashing or failing task costs only itself."""

from __future__ import annotations

import os
import signal
import time

import pytest

from resume_checker.errors import UnreadableDocumentError
from resume_checker.sandbox.pool import PoolError, PoolLimits, run_pool


def init_tag(config):
    return {"tag": config, "pid": os.getpid()}


def init_fails(config):
    raise RuntimeError("cannot load the keyword set")


def work(state, task):
    """A fake per-file work function driven by the task name."""
    if task == "hang":
        time.sleep(60)
    if task == "abort":
        os.abort()
    if task == "segv":
        os.kill(os.getpid(), signal.SIGSEGV)
    if task == "exit":
        os._exit(3)
    if task == "corrupt":
        raise UnreadableDocumentError("the PDF is damaged")
    if task == "bug":
        raise ValueError("unexpected")
    if task == "hog":
        blob = bytearray(400 * 1024 * 1024)  # over the 256 MB test limit
        return len(blob)
    return f"{state['tag']}:{task}"


def _run(tasks, **kwargs):
    kwargs.setdefault("limits", PoolLimits(time_seconds=1.0, memory_mb=None))
    outcomes = run_pool(tasks, init=init_tag, work=work, config="T", jobs=2, **kwargs)
    return {o.task: o for o in outcomes}


def test_every_task_comes_back_once():
    tasks = [f"f{i}" for i in range(20)]
    outcomes = _run(tasks)
    assert sorted(outcomes) == sorted(tasks)
    assert all(o.ok and o.value == f"T:{o.task}" for o in outcomes.values())
    assert {outcomes[t].index for t in tasks} == set(range(20))


def test_empty_input_starts_nothing():
    assert list(run_pool([], init=init_tag, work=work)) == []


def test_hang_crash_and_errors_cost_only_their_task():
    tasks = ["a", "hang", "b", "abort", "c", "segv", "d", "exit", "corrupt", "bug", "e"]
    started = time.monotonic()
    outcomes = _run(tasks)
    assert time.monotonic() - started < 20
    assert sorted(outcomes) == sorted(tasks)
    for name in "abcde":
        assert outcomes[name].value == f"T:{name}"
    assert outcomes["hang"].code == "timeout"
    assert outcomes["hang"].error == "took longer than 1 s"
    assert outcomes["abort"].error == f"worker crashed (signal {int(signal.SIGABRT)})"
    assert outcomes["segv"].error == f"worker crashed (signal {int(signal.SIGSEGV)})"
    assert outcomes["exit"].error == "worker exited unexpectedly (status 3)"
    assert outcomes["corrupt"].code == "unreadable"
    assert outcomes["corrupt"].error == "the PDF is damaged"
    assert outcomes["bug"].code == "internal_error"
    assert "ValueError" in outcomes["bug"].error


@pytest.mark.skipif(not hasattr(os, "getrlimit") and os.name != "posix", reason="needs rlimits")
def test_memory_limit_becomes_an_error_row():
    outcomes = _run(["hog", "ok"], limits=PoolLimits(time_seconds=5, memory_mb=256))
    assert outcomes["hog"].code == "out_of_memory"
    assert outcomes["hog"].error == "ran out of memory (limit 256 MB)"
    assert outcomes["ok"].value == "T:ok"


def test_a_worker_that_cannot_start_stops_the_batch():
    with pytest.raises(PoolError, match="cannot load the keyword set"):
        list(run_pool(["a"], init=init_fails, work=work, jobs=1))


@pytest.mark.parametrize("depth", [1, 3])
def test_tasks_queued_behind_a_failure_are_not_lost(depth):
    """A worker holds several tasks: when it dies or runs over, only the task it was on fails,
    and the ones queued behind it are done by its replacement."""
    tasks = ["a", "abort", "b", "c", "hang", "d", "e", "exit", "f"]
    outcomes = run_pool(tasks, init=init_tag, work=work, config="T", jobs=1, depth=depth,
                        limits=PoolLimits(time_seconds=1.0, memory_mb=None))
    by_task = {o.task: o for o in outcomes}
    assert sorted(by_task) == sorted(tasks)
    assert {t for t, o in by_task.items() if not o.ok} == {"abort", "hang", "exit"}
    assert by_task["hang"].code == "timeout" and by_task["abort"].code == "crashed"
    assert all(by_task[t].value == f"T:{t}" for t in "abcdef")
