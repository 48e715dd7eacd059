"""The persistent worker pool: workers kept between tasks, limits held, dead workers replaced."""

from __future__ import annotations

import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from resume_checker.errors import UnreadableDocumentError
from resume_checker.limits import DEFAULT_LIMITS
from resume_checker.sandbox.persistent import WorkerPool
from resume_checker.sandbox.pool import PoolError, PoolLimits
from resume_checker.web import isolate


def init_tag(config):
    return config


def init_fails(config):
    raise RuntimeError("cannot load the keyword set")


def work(state, task):
    """A fake task driven by its name; the value tells which process ran it."""
    if task == "hang":
        time.sleep(120)
    if task == "segv":
        os.kill(os.getpid(), signal.SIGSEGV)
    if task == "corrupt":
        raise UnreadableDocumentError("the PDF is damaged")
    if task == "hog":
        blob = bytearray(400 * 1024 * 1024)  # over the 256 MB test limit
        return len(blob)
    return (state, task, os.getpid())


#: the shared pool's time limit: wide, so a stall on a loaded machine never replaces a worker
#: (the hang test waits this long, and "hang" sleeps far longer)
LIMIT_S = 10.0


@pytest.fixture(scope="module")
def pool():
    with WorkerPool(init=init_tag, work=work, config="T", jobs=2,
                    limits=PoolLimits(time_seconds=LIMIT_S, memory_mb=None)) as p:
        yield p


def test_tasks_from_many_threads_each_come_back_once(pool):
    with ThreadPoolExecutor(8) as threads:
        outcomes = list(threads.map(pool.run, [f"f{i}" for i in range(40)]))
    assert [o.value[1] for o in outcomes] == [f"f{i}" for i in range(40)]
    assert all(o.ok and o.value[0] == "T" for o in outcomes)
    assert len({o.value[2] for o in outcomes}) <= 2, "the same two workers serve every task"


def test_workers_are_kept_between_tasks(pool):
    pids = {pool.run(f"f{i}").value[2] for i in range(10)}
    assert len(pids) <= 2 and os.getpid() not in pids
    assert {pool.run(f"g{i}").value[2] for i in range(10)} <= pids


def test_a_task_that_runs_over_is_killed_and_its_worker_replaced(pool):
    hung = pool.submit("hang")
    after = pool.run("after")
    outcome = hung.result(LIMIT_S + 30)
    assert outcome.code == "timeout" and "longer than 10 s" in outcome.error
    assert after.ok
    assert all(pool.run(f"g{i}").ok for i in range(4))


def test_a_crash_costs_one_task(pool):
    outcome = pool.run("segv")
    assert outcome.code == "crashed" and "signal 11" in outcome.error
    assert pool.run("next").ok


def test_a_library_error_is_that_tasks_outcome(pool):
    outcome = pool.run("corrupt")
    assert outcome.code == "unreadable" and "damaged" in outcome.error
    assert pool.run("next").ok


def test_the_memory_limit_holds():
    with WorkerPool(init=init_tag, work=work, config="T", jobs=1,
                    limits=PoolLimits(time_seconds=20.0, memory_mb=256)) as pool:
        outcome = pool.run("hog")
        assert outcome.code == "out_of_memory" and "256 MB" in outcome.error
        assert pool.run("next").ok


def test_a_worker_is_replaced_after_max_tasks():
    with WorkerPool(init=init_tag, work=work, config="T", jobs=1, max_tasks=2,
                    limits=PoolLimits(time_seconds=5.0, memory_mb=None)) as pool:
        pids = [pool.run(f"f{i}").value[2] for i in range(4)]
    assert pids[0] == pids[1] != pids[2] == pids[3]


def test_closed_pool_refuses_work_and_close_is_idempotent():
    pool = WorkerPool(init=init_tag, work=work, config="T", jobs=1)
    assert pool.run("f").ok
    pool.close()
    pool.close()
    with pytest.raises(PoolError, match="closed"):
        pool.submit("late")


def test_a_worker_that_cannot_start_fails_the_waiting_tasks():
    pool = WorkerPool(init=init_fails, work=work, jobs=1,
                      limits=PoolLimits(time_seconds=5.0, memory_mb=None))
    try:
        with pytest.raises(PoolError, match="cannot load the keyword set"):
            pool.run("f", timeout=60)
        with pytest.raises(PoolError):
            pool.submit("again").result(60)
    finally:
        pool.close()


def test_parse_isolated_uses_the_started_pool():
    pool = isolate.start_parse_pool(DEFAULT_LIMITS, jobs=1)
    try:
        assert isolate.start_parse_pool(DEFAULT_LIMITS) is pool
        document = isolate.parse_isolated(b"Skills\nPyTorch and CUDA\n", "cv.txt", DEFAULT_LIMITS)
        assert "PyTorch" in document.text
        with pytest.raises(UnreadableDocumentError) as caught:
            isolate.parse_isolated(b"", "empty.txt", DEFAULT_LIMITS)
        assert caught.value.source == "empty.txt"
    finally:
        isolate.stop_parse_pools()
    with pytest.raises(PoolError):
        pool.submit("late")
