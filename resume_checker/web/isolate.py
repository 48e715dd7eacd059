"""Parse an uploaded file in a throw-away worker process with the batch's time and memory limits.

A hostile PDF (a parser hang, a memory bomb, a native crash) costs one request, never the server:
the batch pool (:func:`resume_checker.batch.pool.run_pool`) kills a worker that runs over and turns
its death into a plain reason.  Only parsing runs there; matching and scoring are pure and bounded
by the character limit, so they run in the server process.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass

from resume_checker.batch.pool import PoolLimits, run_pool
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

_ERRORS: dict[str, type[DocumentError]] = {
    "unsupported_format": UnsupportedFormatError,
    "password_protected": PasswordProtectedError,
    "limit_exceeded": LimitExceededError,
    "timeout": LimitExceededError,
    "out_of_memory": LimitExceededError,
}

#: the batch's preload plus the parsers (see :mod:`resume_checker.web.preload`)
WEB_PRELOAD = (*PRELOAD, "resume_checker.web.preload")

#: parses running at once in this process (each one is a worker process)
_SLOTS = threading.BoundedSemaphore(max(2, 2 * (os.cpu_count() or 1)))


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


def parse_isolated(data: bytes, filename: str, limits: Limits) -> Document:
    """Parse ``data`` in a worker process; raise the DocumentError the worker met, by its code."""
    with _SLOTS:
        outcomes = list(
            run_pool(
                [ParseTask(data, filename)],
                init=init_parser,
                work=parse_task,
                config=limits,
                jobs=1,
                limits=PoolLimits(limits.time_seconds, limits.memory_mb),
                preload=WEB_PRELOAD,
            )
        )
    outcome = outcomes[0]
    if outcome.ok and outcome.value is not None:
        return outcome.value
    error = _ERRORS.get(outcome.code or "", UnreadableDocumentError)
    exc = error(outcome.error or "could not be read", source=filename)
    exc.code = outcome.code or error.code  # keep "timeout" / "crashed" visible to clients
    raise exc


def warm_up(limits: Limits) -> None:
    """Start the forkserver with the web preload now, not on the first upload."""
    parse_isolated(b"warm up\n", "warm-up.txt", limits)
