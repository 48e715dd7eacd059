"""The one sandbox worker, driven by hand: an answer, a time-out and a crash, in plain words."""

from __future__ import annotations

import os
import signal
import time
from multiprocessing.connection import wait

from resume_checker.sandbox.worker import MESSAGE_LIMIT, PoolLimits, Worker, clip, context


def init_tag(config):
    return config


def work(state, task):
    if task == "hang":
        time.sleep(60)
    if task == "segv":
        os.kill(os.getpid(), signal.SIGSEGV)
    return f"{state}:{task}"


def _outcome(worker: Worker, limits: PoolLimits):
    """Wait on the worker as the pools do, until the task it holds has an outcome."""
    while True:
        deadline = worker.deadline(limits.time_seconds)
        timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
        outcome, alive = worker.poll(wait([worker.conn, worker.process.sentinel], timeout), limits)
        if outcome is not None:
            return outcome, alive
        assert alive


def _ready(worker: Worker, limits: PoolLimits) -> None:
    while not worker.ready:
        worker.poll(wait([worker.conn, worker.process.sentinel], 60), limits)


def test_a_worker_answers_times_out_and_crashes_in_plain_words():
    limits = PoolLimits(time_seconds=2.0, memory_mb=None)
    ctx = context(())
    worker = Worker.start(ctx, init_tag, work, "T", limits)
    try:
        _ready(worker, limits)
        worker.assign(0, "f")
        outcome, alive = _outcome(worker, limits)
        assert outcome.ok and outcome.value == "T:f" and alive
        worker.assign(1, "hang")
        outcome, alive = _outcome(worker, limits)
        assert (outcome.index, outcome.code) == (1, "timeout")
        assert outcome.error == "took longer than 2 s"
        assert not alive
    finally:
        worker.stop()
    worker = Worker.start(ctx, init_tag, work, "T", limits)
    try:
        _ready(worker, limits)
        worker.assign(2, "segv")
        outcome, alive = _outcome(worker, limits)
        assert (outcome.code, outcome.error) == ("crashed", "worker crashed (signal 11)")
        assert not alive
    finally:
        worker.stop()


def test_clip_keeps_short_messages_and_cuts_long_ones():
    assert clip("short") == "short"
    long = "x" * (MESSAGE_LIMIT + 50)
    assert len(clip(long)) == MESSAGE_LIMIT and clip(long).endswith("…")
