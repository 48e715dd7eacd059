"""Parse an uploaded file in a worker process with the batch's time and memory limits.

A hostile PDF (a parser hang, a memory bomb, a native crash) costs one request, never the server:
the pool kills a worker that runs over and turns its death into a plain reason.  Only parsing runs
there; matching and scoring are pure and bounded by the character limit, so they run in the
server process.

The server starts a persistent pool (:func:`start_parse_pool`, from the app's lifespan): workers
started once, replaced when one dies or runs over.  Without one (tests, scripts), each parse
starts a throw-away worker (:func:`resume_checker.sandbox.pool.run_pool`), about 75 ms more.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass

from resume_checker.batch.worker import PRELOAD
from resume_checker.documents.model import Document
from resume_checker.errors import (
    DocumentError,
    LimitExceededError,
    PasswordProtectedError,
    UnreadableDocumentError,
    UnsupportedFormatError,
)
from resume_checker.limits import Limits
from resume_checker.sandbox.persistent import WorkerPool
from resume_checker.sandbox.pool import Outcome, PoolLimits, run_pool

_ERRORS: dict[str, type[DocumentError]] = {
    "unsupported_format": UnsupportedFormatError,
    "password_protected": PasswordProtectedError,
    "limit_exceeded": LimitExceededError,
    "timeout": LimitExceededError,
    "out_of_memory": LimitExceededError,
}

#: the batch's preload plus the parsers (see :mod:`resume_checker.web.preload`)
WEB_PRELOAD = (*PRELOAD, "resume_checker.web.preload")

#: throw-away parses running at once in this process (each one is a worker process)
_SLOTS = threading.BoundedSemaphore(max(2, 2 * (os.cpu_count() or 1)))
#: a persistent worker is replaced after this many parses (bounds slow leaks)
MAX_PARSES_PER_WORKER = 500

_POOLS: dict[Limits, WorkerPool] = {}
_POOLS_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class ParseTask:
    data: bytes
    filename: str


def init_parser(limits: Limits) -> Limits:
    """Worker start: nothing to compile, the limits are the state."""
    return limits


def parse_task(limits: Limits, task: ParseTask) -> Document:
    """Worker side: bytes in, Document out (runs under the pool's memory limit)."""
    from resume_checker.documents import parse_document

    return parse_document(task.data, filename=task.filename, limits=limits)


def start_parse_pool(limits: Limits, jobs: int | None = None) -> WorkerPool:
    """Start (or return) the persistent parse pool for ``limits``; parses with these limits use
    it until :func:`stop_parse_pools`."""
    with _POOLS_LOCK:
        pool = _POOLS.get(limits)
        if pool is None:
            pool = WorkerPool(
                init=init_parser,
                work=parse_task,
                config=limits,
                jobs=jobs,
                limits=PoolLimits(limits.time_seconds, limits.memory_mb),
                preload=WEB_PRELOAD,
                max_tasks=MAX_PARSES_PER_WORKER,
            )
            _POOLS[limits] = pool
        return pool


def stop_parse_pools() -> None:
    """Stop every persistent parse pool (parses in flight fail; later ones start throw-away
    workers)."""
    with _POOLS_LOCK:
        pools = list(_POOLS.values())
        _POOLS.clear()
    for pool in pools:
        pool.close()


def parse_isolated(data: bytes, filename: str, limits: Limits) -> Document:
    """Parse ``data`` in a worker process; raise the DocumentError the worker met, by its code."""
    task = ParseTask(data, filename)
    with _POOLS_LOCK:
        pool = _POOLS.get(limits)
    if pool is not None:
        outcome: Outcome[Document] = pool.run(task)
    else:
        with _SLOTS:
            outcome = list(
                run_pool(
                    [task],
                    init=init_parser,
                    work=parse_task,
                    config=limits,
                    jobs=1,
                    limits=PoolLimits(limits.time_seconds, limits.memory_mb),
                    preload=WEB_PRELOAD,
                )
            )[0]
    if outcome.ok and outcome.value is not None:
        return outcome.value
    error = _ERRORS.get(outcome.code or "", UnreadableDocumentError)
    exc = error(outcome.error or "could not be read", source=filename)
    exc.code = outcome.code or error.code  # keep "timeout" / "crashed" visible to clients
    raise exc


def warm_up(limits: Limits) -> None:
    """Start the forkserver with the web preload (and the pool's workers) now, not on the first
    upload."""
    parse_isolated(b"warm up\n", "warm-up.txt", limits)
