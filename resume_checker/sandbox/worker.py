"""One worker process the parent can always stop: a pipe, a time and a memory limit, crash news.

The parent owns the pipe and the process: it sends tasks, reads answers, watches the deadline and
the exit sentinel, and kills a worker that runs over.  A worker that dies (a native crash in a PDF
library, the memory limit) becomes a plain-worded failed :class:`Outcome` for the task it was
working on, never an exception in the parent.  :mod:`.pool` (a batch) and :mod:`.persistent` (a
server) drive many of these; the Dask backend keeps one per Dask worker thread.

The work is injected: ``init(config)`` runs once per worker (load the keyword set, compile the
matcher), then ``work(state, task)`` runs per task.  Both must be importable module-level
functions (workers start with the forkserver or spawn method, see :func:`context`).
"""

from __future__ import annotations

import multiprocessing as mp
import signal
import sys
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

from resume_checker.errors import ResumeCheckerError

T = TypeVar("T")

#: how long a new worker may take to run ``init`` before the batch gives up
START_TIMEOUT_S = 120.0
#: characters of an error message sent back from a worker at most
MESSAGE_LIMIT = 300


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


def context(preload: tuple[str, ...]):
    """The multiprocessing context workers start from: a forkserver that imported ``preload``
    once (so each new worker starts warm), or spawn where there is no forkserver."""
    if sys.platform != "win32" and "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        if preload:
            ctx.set_forkserver_preload(list(preload))
        return ctx
    return mp.get_context("spawn")


def clip(text: str) -> str:
    """``text`` cut to :data:`MESSAGE_LIMIT` characters (a reason must fit a CSV cell)."""
    return text if len(text) <= MESSAGE_LIMIT else text[: MESSAGE_LIMIT - 1] + "…"


class Worker:
    """The parent's handle on one worker process and the tasks sent to it, oldest first."""

    def __init__(self, process, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.ready = False
        self.started = time.monotonic()
        self.queue: deque[tuple[int, Any]] = deque()
        self.since = 0.0   # when the oldest task started: sent to an idle worker, or the last reply

    @classmethod
    def start(cls, ctx, init, work, config, limits: PoolLimits) -> Worker:
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


# ---------------------------------------------------------------- worker side


def _worker_main(conn: Connection, init, work, config, memory_mb: int | None) -> None:
    """Worker loop: init once, then one reply per task until the parent closes the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        state = init(config)
        limit_memory(memory_mb)
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
            conn.send(("error", exc.code, clip(exc.reason), _peak_rss_mb()))
        except Exception as exc:  # noqa: BLE001 - one file's failure must not end the batch
            conn.send(("error", "internal_error", _describe(exc), _peak_rss_mb()))


def limit_memory(memory_mb: int | None) -> None:
    """Cap this process's address space at ``memory_mb`` (never above the hard limit); an
    allocation past it raises MemoryError or kills the process.  A no-op without ``resource``."""
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
    return clip(f"{type(exc).__name__}: {exc}")
