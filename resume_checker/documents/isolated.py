"""Parse one file in a forked child with the per-file time and memory limits (the CLI's `check`).

Some PDFs cannot be made safe by checks before parsing: two Form XObjects that each draw the
other twice make PDFium expand 2^n drawings and exhaust memory in a second, from 1 KB.  A batch
and the web app parse in worker processes with limits (:mod:`resume_checker.sandbox.pool`); a
single `check` forks once instead (a few milliseconds, nothing to preload), so such a file
costs a plain error, never the user's machine.  Where ``fork`` is unavailable (Windows) the
file is parsed in process.  A child forked while another thread held a lock it needs would
wait for ever; the time limit ends it all the same, so the worst case is a plain time-out.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from collections.abc import Callable

from resume_checker import errors
from resume_checker.documents import Source, parse_document, read_source
from resume_checker.documents.model import Document
from resume_checker.errors import (
    DocumentError,
    LimitExceededError,
    ResumeCheckerError,
    UnreadableDocumentError,
)
from resume_checker.limits import DEFAULT_LIMITS, Limits


def parse_document_isolated(
    source: Source,
    *,
    filename: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    meanwhile: Callable[[], object] | None = None,
) -> Document:
    """:func:`parse_document` in a child process limited to ``limits.time_seconds`` and
    ``limits.memory_mb``; a child that runs over or dies becomes a DocumentError.

    ``meanwhile`` runs in this process while the child parses (the CLI loads spaCy and
    compiles the matcher there), so the two costs overlap instead of adding up.
    """
    data, name = read_source(source, filename=filename, limits=limits)
    if not hasattr(os, "fork"):
        if meanwhile is not None:
            meanwhile()
        return parse_document(data, filename=name, limits=limits)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: parse, send the outcome, leave without cleanup handlers
        os.close(read_end)
        _child(write_end, data, name, limits)
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
        outcome = pickle.loads(payload)  # our own child's bytes, never the file's
        if outcome[0] == "ok":
            return outcome[1]
        if outcome[0] == "bug":
            raise RuntimeError(f"the parser failed on {name} (a bug, please report it): "
                               f"{outcome[1]}")
        _, kind, reason = outcome
        error = getattr(errors, kind, None)
        if not (isinstance(error, type) and issubclass(error, DocumentError)):
            error = UnreadableDocumentError
        raise error(reason, source=name)
    raise _death(status, name, limits)


def _child(fd: int, data: bytes, name: str, limits: Limits) -> None:
    code = 0
    try:
        _limit(limits)
        try:
            outcome: tuple = ("ok", parse_document(data, filename=name, limits=limits))
        except ResumeCheckerError as exc:
            outcome = ("error", type(exc).__name__, exc.reason)
        except MemoryError:
            outcome = ("error", "LimitExceededError", _out_of_memory(name, limits).reason)
        except RecursionError:
            outcome = ("error", "UnreadableDocumentError",
                       "the file nests objects too deeply to read")
        except Exception as exc:  # noqa: BLE001 - a parser bug: raised again in the parent
            outcome = ("bug", f"{type(exc).__name__}: {exc}")
        with os.fdopen(fd, "wb") as pipe:
            pipe.write(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    except BaseException:  # noqa: BLE001 - the parent turns a silent exit into a plain error
        code = 70
    finally:
        os._exit(code)


def _limit(limits: Limits) -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    if limits.time_seconds:
        signal.setitimer(signal.ITIMER_REAL, limits.time_seconds)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)  # the default action ends the child
    if limits.memory_mb and sys.platform != "win32":
        import resource

        soft = limits.memory_mb * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            soft = min(soft, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _death(status: int, name: str, limits: Limits) -> DocumentError:
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        if sig == signal.SIGALRM:
            return LimitExceededError(
                f"reading it took longer than {limits.time_seconds:g} s (time_seconds)",
                source=name,
            )
        if sig in (signal.SIGABRT, signal.SIGKILL) and limits.memory_mb:
            return _out_of_memory(name, limits)
        return UnreadableDocumentError(
            f"the parser crashed on this file (signal {sig}); it is damaged or hostile",
            source=name,
        )
    return UnreadableDocumentError("the parser stopped without a result", source=name)


def _out_of_memory(name: str, limits: Limits) -> LimitExceededError:
    return LimitExceededError(
        f"reading it needs more than {limits.memory_mb} MB of memory (memory_mb)", source=name
    )
