"""The parsed documents of a folder, read with the batch machinery but not checked.

For tools that need the documents themselves (tuning's ``sets coverage``): discovery, worker
processes with time and memory limits, and the batch document cache, so a folder already checked
is not parsed again and the documents parsed here serve the next batch.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from resume_checker.documents.model import Document
from resume_checker.keywords.model import KeywordSet
from resume_checker.limits import DEFAULT_LIMITS, Limits


@dataclass(frozen=True)
class ResumePool:
    """Parsed resumes of a folder, in discovery order, and the files that could not be read."""

    documents: tuple[tuple[str, Document], ...]   # (name shown, document)
    failed: tuple[tuple[str, str], ...]           # (name shown, reason)
    skipped: int = 0                              # files not read at all (unsupported, hidden)
    cached: int = 0                               # documents taken from the cache


def read_pool(
    paths: Iterable[str | os.PathLike[str]],
    keyword_set: KeywordSet,
    *,
    recursive: bool = False,
    jobs: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
    cache_path: Path | None = None,
) -> ResumePool:
    """Parse every supported file under ``paths`` in batch workers (cached documents are not
    parsed again; newly parsed ones are added to the cache).  The workers start as a batch's do,
    with ``keyword_set`` compiled."""
    from resume_checker.batch.cache import Cache
    from resume_checker.batch.codec import document_from_json
    from resume_checker.batch.discover import discover
    from resume_checker.batch.worker import (
        PRELOAD,
        FileTask,
        WorkerConfig,
        init_worker,
        read_document,
    )
    from resume_checker.sandbox.pool import PoolLimits, run_pool

    found = discover(paths, recursive=recursive)
    tasks = [FileTask(str(c.path), c.display) for c in found.candidates]
    cache = Cache(cache_path) if cache_path else None
    config = WorkerConfig(keyword_set=keyword_set, limits=limits,
                          cache_path=str(cache.path) if cache else None)
    try:
        pool_limits = PoolLimits(limits.time_seconds, limits.memory_mb)
        outcomes = list(run_pool(tasks, init=init_worker, work=read_document, config=config,
                                 jobs=jobs, limits=pool_limits, preload=PRELOAD))
        outcomes.sort(key=lambda o: o.index)
        documents: list[tuple[str, Document]] = []
        failed: list[tuple[str, str]] = []
        fresh: list[tuple[str, str]] = []
        used: list[tuple[str, str]] = []
        for outcome in outcomes:
            shown = tasks[outcome.index].display
            if not outcome.ok or outcome.value is None:
                failed.append((shown, outcome.error or "unreadable"))
                continue
            sha, body, was_cached = outcome.value
            documents.append((shown, document_from_json(body)))
            (used if was_cached else fresh).append((sha, body))
        if cache is not None:
            cache.put_many(fresh)
            cache.touch(sha for sha, _ in used)
    finally:
        if cache is not None:
            cache.close()
    return ResumePool(tuple(documents), tuple(failed), len(found.skipped), len(used))
