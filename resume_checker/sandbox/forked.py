"""One call in a forked child under the worker limits: the cheapest isolation for a single task.

A pool worker (:mod:`.worker`) starts from a forkserver with its preload, worth it for many tasks;
for one (the CLI's `check`), a plain fork costs a few milliseconds and needs nothing preloaded,
since the child is a copy of this process.  The child holds the same limits as a worker (the
address-space cap of :func:`.worker.limit_memory`; a timer whose default action ends it at the
time limit), sends its value back pickled and leaves without cleanup handlers.  ``meanwhile``
runs in the parent while the child works, so the two costs overlap instead of adding up.

A child forked while another thread held a lock it needs would wait for ever; the time limit ends
it all the same, so the worst case is a plain time-out.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from resume_checker.sandbox.worker import PoolLimits, limit_memory


@dataclass(frozen=True, slots=True)
class Forked:
    """What came back from the child: its value, or why there was none."""

    value: Any = None
    failure: str | None = None   # "timeout" | "out_of_memory" | "crashed" | "no_answer"
    signal: int | None = None    # the signal that ended the child, when one did

    @property
    def ok(self) -> bool:
        return self.failure is None


def can_fork() -> bool:
    """Whether this platform can fork (not on Windows); without it, run the call in process."""
    return hasattr(os, "fork")


def run_forked(
    fn: Callable[..., Any],
    args: tuple[Any, ...],
    limits: PoolLimits,
    *,
    meanwhile: Callable[[], object] | None = None,
) -> Forked:
    """``fn(*args)`` in a forked child limited to ``limits``; its value or why it gave none.

    An exception ``fn`` raises ends the child without an answer ("no_answer"): a caller that wants
    its errors back returns them as values.  If ``meanwhile`` raises, the child is killed and the
    exception goes on.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, send the value, leave without cleanup handlers
        os.close(read_end)
        _child(write_end, fn, args, limits)
    os.close(write_end)
    try:
        if meanwhile is not None:
            meanwhile()
    except BaseException:
        os.close(read_end)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()
    _, status = os.waitpid(pid, 0)
    if payload and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
        return Forked(pickle.loads(payload))  # our own child's bytes, never the input's
    return _ended(status, limits)


def _child(fd: int, fn: Callable[..., Any], args: tuple[Any, ...], limits: PoolLimits) -> None:
    code = 0
    try:
        _limit(limits)
        value = fn(*args)
        with os.fdopen(fd, "wb") as pipe:
            pipe.write(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except BaseException:  # noqa: BLE001 - the parent turns a silent exit into a plain reason
        code = 70
    finally:
        os._exit(code)


def _limit(limits: PoolLimits) -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    if limits.time_seconds:
        signal.setitimer(signal.ITIMER_REAL, limits.time_seconds)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)  # the default action ends the child
    limit_memory(limits.memory_mb)


def _ended(status: int, limits: PoolLimits) -> Forked:
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        if sig == signal.SIGALRM:
            return Forked(failure="timeout", signal=sig)
        if sig in (signal.SIGABRT, signal.SIGKILL) and limits.memory_mb:
            return Forked(failure="out_of_memory", signal=sig)
        return Forked(failure="crashed", signal=sig)
    return Forked(failure="no_answer")
