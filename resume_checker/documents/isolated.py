"""Parse one file in a forked child with the per-file time and memory limits (the CLI's `check`).

Some PDFs cannot be made safe by checks before parsing: two Form XObjects that each draw the
other twice make PDFium expand 2^n drawings and exhaust memory in a second, from 1 KB.  A batch
and the web app parse in worker processes with limits (:mod:`resume_checker.sandbox.pool`); a
single `check` forks once instead (:func:`resume_checker.sandbox.forked.run_forked`: a few
milliseconds, nothing to preload), so such a file costs a plain error, never the user's machine.
Where ``fork`` is unavailable (Windows) the file is parsed in process.
"""

from __future__ import annotations

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
from resume_checker.sandbox.forked import Forked, can_fork, run_forked
from resume_checker.sandbox.worker import PoolLimits


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
    if not can_fork():
        if meanwhile is not None:
            meanwhile()
        return parse_document(data, filename=name, limits=limits)
    forked = run_forked(_parse, (data, name, limits),
                        PoolLimits(limits.time_seconds, limits.memory_mb), meanwhile=meanwhile)
    if not forked.ok:
        raise _death(forked, name, limits)
    outcome = forked.value
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


def _parse(data: bytes, name: str, limits: Limits) -> tuple:
    """In the child: the parse's result or error as plain values (an exception's class name and
    reason, raised again in the parent; a memory or nesting failure as the error it means)."""
    try:
        return ("ok", parse_document(data, filename=name, limits=limits))
    except ResumeCheckerError as exc:
        return ("error", type(exc).__name__, exc.reason)
    except MemoryError:
        return ("error", "LimitExceededError", _out_of_memory(name, limits).reason)
    except RecursionError:
        return ("error", "UnreadableDocumentError", "the file nests objects too deeply to read")
    except Exception as exc:  # noqa: BLE001 - a parser bug: raised again in the parent
        return ("bug", f"{type(exc).__name__}: {exc}")


def _death(forked: Forked, name: str, limits: Limits) -> DocumentError:
    if forked.failure == "timeout":
        return LimitExceededError(
            f"reading it took longer than {limits.time_seconds:g} s (time_seconds)", source=name
        )
    if forked.failure == "out_of_memory":
        return _out_of_memory(name, limits)
    if forked.failure == "crashed":
        return UnreadableDocumentError(
            f"the parser crashed on this file (signal {forked.signal}); it is damaged or hostile",
            source=name,
        )
    return UnreadableDocumentError("the parser stopped without a result", source=name)


def _out_of_memory(name: str, limits: Limits) -> LimitExceededError:
    return LimitExceededError(
        f"reading it needs more than {limits.memory_mb} MB of memory (memory_mb)", source=name
    )
