"""A persistent worker pool: workers started once, tasks submitted one at a time from any thread.

The web app parses every upload in a worker process (a hostile file costs one request, never the
server).  Starting a process per request costs about 75 ms and serialises badly under load; here
the workers (:class:`.worker.Worker`) start once (forkserver), each task goes over the worker's
pipe, and one dispatcher thread watches deadlines and liveness exactly as :func:`.pool.run_pool`
does: a task that runs over is killed, a worker that dies (crash, memory limit) is replaced, and
either event becomes that task's failed :class:`Outcome`.  ``submit`` returns a
``concurrent.futures.Future`` of the Outcome.
"""

from __future__ import annotations

import itertools
import os
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from multiprocessing.connection import wait
from typing import Any

from resume_checker.sandbox.worker import Outcome, PoolError, PoolLimits, Worker, context


class WorkerPool:
    """``jobs`` workers that run ``work(init(config), task)``; thread-safe; close when done.

    ``max_tasks``: a worker is replaced after this many tasks (bounds slow leaks in a long-lived
    server); None keeps it as long as it lives.
    """

    def __init__(
        self,
        *,
        init: Callable[[Any], Any],
        work: Callable[[Any, Any], Any],
        config: Any = None,
        jobs: int | None = None,
        limits: PoolLimits | None = None,
        preload: tuple[str, ...] = (),
        max_tasks: int | None = None,
    ) -> None:
        limits = limits or PoolLimits()
        self._ctx = context(preload)
        self._args = (init, work, config, limits)
        self._limits = limits
        self._max_tasks = max_tasks
        self._lock = threading.Lock()
        self._queue: deque[tuple[int, Any, Future[Outcome[Any]]]] = deque()
        self._futures: dict[int, Future[Outcome[Any]]] = {}
        self._numbers = itertools.count()
        self._closed = False
        self._broken: PoolError | None = None
        self._wake_r, self._wake_w = self._ctx.Pipe(duplex=False)
        jobs = max(1, jobs or os.cpu_count() or 1)
        self._workers = [self._start() for _ in range(jobs)]
        self._done: dict[int, int] = {}  # id(worker) -> tasks it finished
        self._thread = threading.Thread(target=self._loop, name="worker-pool", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------------ public

    def submit(self, task: Any) -> Future[Outcome[Any]]:
        """Queue ``task``; the future's result is its Outcome (a value or a plain failure)."""
        future: Future[Outcome[Any]] = Future()
        with self._lock:
            if self._broken is not None:
                raise self._broken
            if self._closed:
                raise PoolError("the worker pool is closed")
            number = next(self._numbers)
            self._queue.append((number, task, future))
            self._wake_w.send_bytes(b"!")
        return future

    def run(self, task: Any, timeout: float | None = None) -> Outcome[Any]:
        """Submit and wait (the pool's own time limit applies; ``timeout`` is a backstop)."""
        return self.submit(task).result(timeout)

    @property
    def jobs(self) -> int:
        return len(self._workers)

    def close(self) -> None:
        """Stop the workers; tasks not finished fail with PoolError.  Idempotent."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._wake_w.send_bytes(b"!")
        self._thread.join(60)
        self._wake_w.close()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ dispatcher thread

    def _start(self) -> Worker:
        init, work, config, limits = self._args
        return Worker.start(self._ctx, init, work, config, limits)

    def _loop(self) -> None:
        try:
            while not self._closed:
                self._step()
        except PoolError as exc:
            with self._lock:
                self._broken = exc
            self._fail_all(exc)
        except BaseException as exc:  # noqa: BLE001 - waiting clients must not hang
            error = PoolError(f"the worker pool stopped: {type(exc).__name__}")
            with self._lock:
                self._broken = error
            self._fail_all(error)
        finally:
            for worker in self._workers:
                worker.stop()
            self._fail_all(PoolError("the worker pool is closed"))
            self._wake_r.close()

    def _step(self) -> None:
        with self._lock:
            for worker in self._workers:
                if worker.ready and not worker.busy and self._queue:
                    number, task, future = self._queue.popleft()
                    if not future.set_running_or_notify_cancel():
                        continue  # cancelled while queued
                    self._futures[number] = future
                    worker.assign(number, task)
        deadlines = [d for w in self._workers if (d := w.deadline(self._limits.time_seconds))]
        timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        objects = [self._wake_r, *(c for w in self._workers for c in (w.conn, w.process.sentinel))]
        ready = wait(objects, timeout)
        if self._wake_r in ready:
            while self._wake_r.poll():
                self._wake_r.recv_bytes()
        for i, worker in enumerate(self._workers):
            running = worker.current[0] if worker.current else None
            outcome, alive = worker.poll(ready, self._limits)
            if outcome is not None:
                self._resolve(running, outcome)
                self._done[id(worker)] = self._done.get(id(worker), 0) + 1
                if self._max_tasks and self._done[id(worker)] >= self._max_tasks:
                    alive = False
            if not alive:
                self._done.pop(id(worker), None)
                worker.stop()
                self._workers[i] = self._start()

    def _resolve(self, number: int | None, outcome: Outcome[Any]) -> None:
        future = self._futures.pop(number, None) if number is not None else None
        if future is not None:
            future.set_result(outcome)

    def _fail_all(self, error: PoolError) -> None:
        with self._lock:
            waiting = [f for *_, f in self._queue] + list(self._futures.values())
            self._queue.clear()
            self._futures.clear()
        for future in waiting:
            if not future.done() and (future.running() or future.set_running_or_notify_cancel()):
                future.set_exception(error)
