"""A small process pool that survives its workers: time and memory limits per task, crash recovery.

``concurrent.futures.ProcessPoolExecutor`` marks the whole pool broken when one worker dies, and a
native crash in a PDF library (PDFium is not thread-safe, so threads are no option either) must
cost one file, not the batch.  Here the parent owns one pipe per worker, watches every deadline and
every worker's liveness, kills a worker that runs over, replaces any worker that dies, and turns
each of those events into a plain-worded failure for that one task.

The work is injected: ``init(config)`` runs once per worker (load the keyword set, compile the
matcher), then ``work(state, task)`` runs per task.  Both must be importable module-level
functions (workers start with the forkserver or spawn method).

Two ways to use it: :func:`run_pool` runs one batch of tasks and stops its workers;
:class:`WorkerPool` (see :mod:`.pool_persistent`) keeps its workers for the life of a server and
takes tasks one at a time from any thread.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import selectors
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

from resume_checker.errors import ResumeCheckerError

T = TypeVar("T")

#: how long a new worker may take to run ``init`` before the batch gives up
START_TIMEOUT_S = 120.0
_MESSAGE_LIMIT = 300


class PoolError(ResumeCheckerError):
    """The pool itself cannot run (a worker cannot even start), as opposed to one task failing."""

    code = "pool_error"


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T]):
    """What became of one task: a value, or a reason it failed (and a stable code for it)."""

    index: int            # position of the task in the input
    task: Any
    value: T | None = None
    error: str | None = None   # plain reason, e.g. "took longer than 10 s"
    code: str | None = None    # "timeout" | "crashed" | "out_of_memory" | an error's code
    seconds: float = 0.0
    peak_rss_mb: float = 0.0   # the worker's peak resident memory so far (0 when it died)

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True, slots=True)
class PoolLimits:
    time_seconds: float = 10.0
    memory_mb: int | None = 512


def run_pool(
    tasks: Iterable[Any],
    *,
    init: Callable[[Any], Any],
    work: Callable[[Any, Any], T],
    config: Any = None,
    jobs: int | None = None,
    limits: PoolLimits = PoolLimits(),
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
        limits: PoolLimits = PoolLimits(),
        preload: tuple[str, ...] = (),
        depth: int = 2,
    ) -> None:
        self._ctx = _context(preload)
        self._args = (init, work, config, limits)
        self._depth = max(1, depth)
        count = max(1, jobs or os.cpu_count() or 1)
        self._workers = [_Worker.start(self._ctx, init, work, config, limits)
                         for _ in range(count)]

    def grow(self, jobs: int) -> None:
        """Start more workers, up to ``jobs`` in all."""
        init, work, config, limits = self._args
        while len(self._workers) < jobs:
            self._workers.append(_Worker.start(self._ctx, init, work, config, limits))

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
                    workers[i] = _Worker.start(ctx, init, work, config, limits)
                    watch.add(workers[i])


class _Watch:
    """One selector over every worker's pipe and exit sentinel, kept for the whole run
    (``multiprocessing.connection.wait`` builds and fills a new one per call, which costs more
    than reading a short task's answer)."""

    def __init__(self, workers: list[_Worker]) -> None:
        self._selector = selectors.DefaultSelector()
        for worker in workers:
            self.add(worker)

    def __enter__(self) -> _Watch:
        return self

    def __exit__(self, *exc: object) -> None:
        self._selector.close()

    def add(self, worker: _Worker) -> None:
        self._selector.register(worker.conn, selectors.EVENT_READ, worker.conn)
        self._selector.register(worker.process.sentinel, selectors.EVENT_READ,
                                worker.process.sentinel)

    def forget(self, worker: _Worker) -> None:
        for handle in (worker.conn, worker.process.sentinel):
            self._selector.unregister(handle)

    def wait(self, timeout: float) -> list[Any]:
        """The pipes and sentinels that are ready, as ``connection.wait`` gives them."""
        return [key.data for key, _ in self._selector.select(timeout)]


class _Worker:
    """The parent's handle on one worker process and the tasks sent to it, oldest first."""

    def __init__(self, process, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.ready = False
        self.started = time.monotonic()
        self.queue: deque[tuple[int, Any]] = deque()
        self.since = 0.0   # when the oldest task started: sent to an idle worker, or the last reply

    @classmethod
    def start(cls, ctx, init, work, config, limits: PoolLimits) -> _Worker:
        parent, child = ctx.Pipe(duplex=True)
        process = ctx.Process(
            target=_worker_main, args=(child, init, work, config, limits.memory_mb), daemon=True
        )
        process.start()
        child.close()
        return cls(process, parent)

    @property
    def busy(self) -> bool:
        return bool(self.queue)

    @property
    def current(self) -> tuple[int, Any] | None:
        """The task the worker is working on (the oldest one sent)."""
        return self.queue[0] if self.queue else None

    def assign(self, index: int, task: Any) -> None:
        if not self.queue:
            self.since = time.monotonic()
        self.queue.append((index, task))
        self.conn.send((index, task))

    def deadline(self, time_seconds: float) -> float | None:
        if not self.ready:
            return self.started + START_TIMEOUT_S
        return self.since + time_seconds if self.queue else None

    def poll(self, ready: list[Any], limits: PoolLimits) -> tuple[Outcome[Any] | None, bool]:
        """Collect a reply, a death or a timeout; return (outcome, still alive)."""
        if self.conn in ready:
            try:
                message = self.conn.recv()
            except (EOFError, OSError):
                message = None
            if message is not None:
                return self._reply(message), True
        if self.process.sentinel in ready:  # readable once the process has ended
            self.process.join(1)
            return self._died(limits), False
        deadline = self.deadline(limits.time_seconds)
        if deadline is not None and time.monotonic() >= deadline:
            if not self.ready:
                raise PoolError(f"a worker did not start within {START_TIMEOUT_S:.0f} s")
            return self._fail("timeout", f"took longer than {_seconds(limits.time_seconds)}"), False
        return None, True

    def _reply(self, message: tuple) -> Outcome[Any] | None:
        kind = message[0]
        if kind == "ready":
            self.ready = True
            return None
        if kind == "init_error":
            raise PoolError(f"a worker could not start: {message[1]}")
        index, task = self.queue.popleft() if self.queue else (-1, None)
        now = time.monotonic()
        seconds, self.since = now - self.since, now  # the next task started as this one ended
        if kind == "ok":
            return Outcome(index, task, value=message[1], seconds=seconds, peak_rss_mb=message[2])
        return Outcome(index, task, error=message[2], code=message[1], seconds=seconds,
                       peak_rss_mb=message[3])

    def _died(self, limits: PoolLimits) -> Outcome[Any] | None:
        if not self.ready:
            reason = _exit_reason(self.process, limits)
            raise PoolError(f"a worker exited while starting ({reason})")
        if not self.queue:
            return None
        code = "out_of_memory" if self.process.exitcode == -signal.SIGKILL else "crashed"
        return self._fail(code, _exit_reason(self.process, limits))

    def _fail(self, code: str, reason: str) -> Outcome[Any]:
        index, task = self.queue.popleft() if self.queue else (-1, None)
        return Outcome(index, task, error=reason, code=code, seconds=time.monotonic() - self.since)

    def stop(self) -> None:
        """Kill (if needed) and reap the worker; SIGKILL cannot be ignored, so the join ends."""
        if self.process.exitcode is None:
            self.process.kill()
        self.process.join(30)
        self.conn.close()
        if self.process.exitcode is not None:
            self.process.close()


def _exit_reason(process, limits: PoolLimits) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        if -code == signal.SIGKILL and limits.memory_mb:
            return f"worker killed (signal 9), likely out of memory (limit {limits.memory_mb} MB)"
        return f"worker crashed (signal {-code})"
    return f"worker exited unexpectedly (status {code})"


def _seconds(value: float) -> str:
    return f"{value:g} s"


def _context(preload: tuple[str, ...]):
    if sys.platform != "win32" and "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        if preload:
            ctx.set_forkserver_preload(list(preload))
        return ctx
    return mp.get_context("spawn")


# ---------------------------------------------------------------- worker side


def _worker_main(conn: Connection, init, work, config, memory_mb: int | None) -> None:
    """Worker loop: init once, then one reply per task until the parent closes the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        state = init(config)
        _limit_memory(memory_mb)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which stops the batch
        conn.send(("init_error", _describe(exc)))
        return
    conn.send(("ready",))
    while True:
        try:
            index, task = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", work(state, task), _peak_rss_mb()))
        except MemoryError:
            reason = f"ran out of memory (limit {memory_mb} MB)"
            conn.send(("error", "out_of_memory", reason, _peak_rss_mb()))
        except ResumeCheckerError as exc:
            conn.send(("error", exc.code, _clip(exc.reason), _peak_rss_mb()))
        except Exception as exc:  # noqa: BLE001 - one file's failure must not end the batch
            conn.send(("error", "internal_error", _describe(exc), _peak_rss_mb()))


def _limit_memory(memory_mb: int | None) -> None:
    if not memory_mb:
        return
    try:
        import resource
    except ImportError:  # not on this platform: the time limit still applies
        return
    limit = memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _peak_rss_mb() -> float:
    try:
        import resource
    except ImportError:
        return 0.0
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 / (1024 if sys.platform == "darwin" else 1)  # bytes on macOS, KiB on Linux


def _describe(exc: BaseException) -> str:
    return _clip(f"{type(exc).__name__}: {exc}")


def _clip(text: str) -> str:
    return text if len(text) <= _MESSAGE_LIMIT else text[: _MESSAGE_LIMIT - 1] + "…"
