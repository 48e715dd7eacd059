"""A small process pool that survives its workers: time and memory limits per task, crash recovery.

``concurrent.futures.ProcessPoolExecutor`` marks the whole pool broken when one worker dies, and a
native crash in a PDF library (PDFium is not thread-safe, so threads are no option either) must
cost one file, not the batch.  Here the parent drives many :class:`~.worker.Worker` processes
(each with its pipe, deadline and liveness watch), replaces any worker that dies or runs over,
and turns each of those events into a plain-worded failure for that one task.

Two ways to use it: :func:`run_pool` runs one batch of tasks and stops its workers;
:class:`~.persistent.WorkerPool` keeps its workers for the life of a server and takes tasks one
at a time from any thread.
"""

from __future__ import annotations

import os
import selectors
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from resume_checker.sandbox.worker import (
    START_TIMEOUT_S,
    Outcome,
    PoolError,
    PoolLimits,
    Worker,
    context,
)

__all__ = ["START_TIMEOUT_S", "LocalPool", "Outcome", "PoolError", "PoolLimits", "run_pool"]

T = TypeVar("T")

_DEFAULT_LIMITS = PoolLimits()


def run_pool(
    tasks: Iterable[Any],
    *,
    init: Callable[[Any], Any],
    work: Callable[[Any, Any], T],
    config: Any = None,
    jobs: int | None = None,
    limits: PoolLimits = _DEFAULT_LIMITS,
    preload: tuple[str, ...] = (),
    depth: int = 2,
) -> Iterator[Outcome[T]]:
    """Run ``work`` over ``tasks`` in worker processes; yield outcomes in completion order.

    Each worker holds up to ``depth`` tasks, so it starts the next one the moment it answers
    instead of idling while the parent reads the answer and sends more work (what keeps short
    tasks, such as re-ranking from the cache, from being paced by the parent).  A task's time
    limit runs from the answer before it.  When a worker dies, only the task it was working on
    fails; the tasks queued behind it go to another worker.
    """
    pending = list(tasks)
    if not pending:
        return
    jobs = min(jobs or os.cpu_count() or 1, len(pending))
    with LocalPool(init=init, work=work, config=config, jobs=jobs, limits=limits,
                   preload=preload, depth=depth) as pool:
        yield from pool.run(pending)


class LocalPool:
    """:func:`run_pool` in two steps: the workers start when the pool is made, so they start
    (the forkserver imports spaCy, each worker compiles its keyword sets) while the caller is
    still listing the tasks; :meth:`run` then works through them.  Close it when done."""

    def __init__(
        self,
        *,
        init: Callable[[Any], Any],
        work: Callable[[Any, Any], Any],
        config: Any = None,
        jobs: int | None = None,
        limits: PoolLimits = _DEFAULT_LIMITS,
        preload: tuple[str, ...] = (),
        depth: int = 2,
    ) -> None:
        self._ctx = context(preload)
        self._args = (init, work, config, limits)
        self._depth = max(1, depth)
        count = max(1, jobs or os.cpu_count() or 1)
        self._workers = [Worker.start(self._ctx, init, work, config, limits)
                         for _ in range(count)]

    def grow(self, jobs: int) -> None:
        """Start more workers, up to ``jobs`` in all."""
        init, work, config, limits = self._args
        while len(self._workers) < jobs:
            self._workers.append(Worker.start(self._ctx, init, work, config, limits))

    def run(self, tasks: Iterable[Any]) -> Iterator[Outcome[Any]]:
        """Outcomes of ``tasks`` in completion order (see :func:`run_pool`)."""
        pending = deque(enumerate(tasks))
        if pending:
            init, work, config, limits = self._args
            yield from _drive(self._ctx, self._workers, pending, init, work, config, limits,
                              self._depth)

    def close(self) -> None:
        for worker in self._workers:
            worker.stop()

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _drive(ctx, workers, pending, init, work, config, limits, depth) -> Iterator[Outcome[Any]]:
    with _Watch(workers) as watch:
        while pending or any(w.busy for w in workers):
            for worker in workers:
                while worker.ready and len(worker.queue) < depth and pending:
                    worker.assign(*pending.popleft())
            now = time.monotonic()
            deadlines = [w.deadline(limits.time_seconds) for w in workers]
            ready = watch.wait(max(0.0, min(d for d in deadlines if d is not None) - now))
            for i, worker in enumerate(workers):
                outcome, alive = worker.poll(ready, limits)
                if outcome is not None:
                    yield outcome
                if not alive:
                    pending.extendleft(reversed(worker.queue))  # queued, never started
                    worker.queue.clear()
                    watch.forget(worker)
                    worker.stop()
                    workers[i] = Worker.start(ctx, init, work, config, limits)
                    watch.add(workers[i])


class _Watch:
    """One selector over every worker's pipe and exit sentinel, kept for the whole run
    (``multiprocessing.connection.wait`` builds and fills a new one per call, which costs more
    than reading a short task's answer)."""

    def __init__(self, workers: list[Worker]) -> None:
        self._selector = selectors.DefaultSelector()
        for worker in workers:
            self.add(worker)

    def __enter__(self) -> _Watch:
        return self

    def __exit__(self, *exc: object) -> None:
        self._selector.close()

    def add(self, worker: Worker) -> None:
        self._selector.register(worker.conn, selectors.EVENT_READ, worker.conn)
        self._selector.register(worker.process.sentinel, selectors.EVENT_READ,
                                worker.process.sentinel)

    def forget(self, worker: Worker) -> None:
        for handle in (worker.conn, worker.process.sentinel):
            self._selector.unregister(handle)

    def wait(self, timeout: float) -> list[Any]:
        """The pipes and sentinels that are ready, as ``connection.wait`` gives them."""
        return [key.data for key, _ in self._selector.select(timeout)]
