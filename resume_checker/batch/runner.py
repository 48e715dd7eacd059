"""Run a batch: discover files, check them in worker processes, rank them, cache, record the run.

Several keyword sets can be given: each document is parsed once and scored against every set; the
ranking follows the first set.  With ``options.scheduler`` the per-file work runs on a Dask cluster
(:mod:`.dask_backend`) instead of the local pool, into the same rows.  Ties in the ranking are
broken by the content similarity to the job ad (``options.job_ad``, when given), then the shown
name, then the input position, so a batch ranks the same on any backend.

The per-file work is injectable (``init``/``work``) so tests can make a file hang or crash a worker
without any hook in the production path.  Results are reported to ``on_row`` as they arrive
(completion order), and the ranking is made once every file is in.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from resume_checker.batch.blind import candidate_label
from resume_checker.batch.cache import (
    DEFAULT_RETENTION_DAYS,
    Cache,
    CacheWriter,
    RunRecord,
    stat_key,
)
from resume_checker.batch.discover import Known, Skipped, discover
from resume_checker.batch.remote import is_url, list_urls
from resume_checker.batch.worker import PRELOAD, FileTask, WorkerConfig, check_file, init_worker
from resume_checker.keywords.model import KeywordSet
from resume_checker.limits import DEFAULT_LIMITS, Limits
from resume_checker.ranking import BatchResult, BatchRow, FileResult, SetInfo, Status
from resume_checker.sandbox.pool import LocalPool, Outcome, PoolLimits


@dataclass(frozen=True, slots=True)
class BatchOptions:
    recursive: bool = False
    jobs: int | None = None
    limits: Limits = DEFAULT_LIMITS
    cache_path: Path | None = None          # None: no cache (nothing written, no run recorded)
    retention_days: float = DEFAULT_RETENTION_DAYS
    blind: bool = False
    want_json: bool = False                 # keep each file's full JSON report (for JSON output)
    query: str | None = None                # rank only resumes matching this boolean query
    scheduler: str | None = None            # Dask: "local" (LocalCluster of `jobs`) or tcp://...
    #: a job ad's text: each row gets its TF-IDF content similarity to it, and rows of equal
    #: score are ordered by it (never mixed into the score)
    job_ad: str | None = None


@dataclass(frozen=True, slots=True)
class _Input:
    path: str        # a local absolute path or a URL, as the worker opens it
    display: str
    stat: str | None = None   # a local file's stat key (see cache.stat_key) when it was found


def run_batch(
    paths: Iterable[str | os.PathLike[str]],
    keyword_set: KeywordSet | Sequence[KeywordSet],
    options: BatchOptions = BatchOptions(),
    *,
    on_start: Callable[[int], None] | None = None,
    on_row: Callable[[BatchRow], None] | None = None,
    init: Callable[[Any], Any] = init_worker,
    work: Callable[[Any, Any], FileResult] = check_file,
) -> BatchResult:
    """Check every supported file under ``paths`` against the set(s) and rank by the first one."""
    kwsets = (keyword_set,) if isinstance(keyword_set, KeywordSet) else tuple(keyword_set)
    if not kwsets:
        raise ValueError("run_batch needs at least one keyword set")
    if options.scheduler is not None:
        from resume_checker.batch.dask_backend import require_dask

        require_dask()
    started = time.time()
    clock = time.monotonic()
    cache = Cache(options.cache_path, retention_days=options.retention_days) \
        if options.cache_path else None
    config = _config(kwsets, options, cache)
    pool = _PoolStarter(options, config, init, work)
    try:
        known = cache.file_hashes() if cache is not None else {}
        candidates, skipped = _inputs(paths, options.recursive, pool.start, _unchanged(known))
        if on_start:
            on_start(len(candidates))
        rows: list[BatchRow] = []
        for number, item in enumerate(skipped, start=len(candidates) + 1):
            rows.append(
                BatchRow(number, _shown(item.display, number, options), Status.SKIPPED,
                         error=item.reason, code="skipped", path=item.display)
            )
        checked, peak_rss = _check_all(candidates, config, options, cache, known, on_row, pool)
        rows.extend(checked)
        first = kwsets[0]
        result = BatchResult(
            rows=_rank(rows),
            set_id=first.id,
            set_title=first.title,
            set_hash=first.content_hash,
            started=started,
            seconds=time.monotonic() - clock,
            blind=options.blind,
            run_id=_run_id(started),
            pass_score=_pass_score(first),
            peak_worker_rss_mb=peak_rss,
            options={"jobs": options.jobs, "recursive": options.recursive,
                     "time_seconds": options.limits.time_seconds,
                     "memory_mb": options.limits.memory_mb,
                     "cache": options.cache_path is not None,
                     "scheduler": _scheduler_shown(options.scheduler)},
            extra_sets=tuple(SetInfo(k.id, k.title, k.content_hash, _pass_score(k))
                             for k in kwsets[1:]),
            with_similarity=config.similarity is not None,
        )
        if cache is not None:
            cache.touch((r.sha256 for r in result.rows if r.cached),
                        (c.path for c in candidates if c.stat is not None))
            cache.record_run(run_record(result))
        return result
    finally:
        pool.close()
        if cache is not None:
            cache.close()


def _inputs(
    paths: Iterable[str | os.PathLike[str]], recursive: bool, on_first: Callable[[], object],
    known: Known | None,
) -> tuple[list[_Input], list[Skipped]]:
    """Local paths through :func:`discover`, URLs through fsspec; local ones first."""
    given = list(paths)
    urls = [str(p) for p in given if is_url(str(p))]
    found = discover([p for p in given if not is_url(str(p))], recursive=recursive,
                     on_first=on_first, known=known)
    inputs = [_Input(str(c.path), c.display, stat_key(c.stat) if c.stat else None)
              for c in found.candidates]
    skipped = list(found.skipped)
    if urls:
        remote, remote_skipped = list_urls(urls, recursive=recursive)
        inputs += [_Input(r.url, r.display) for r in remote]
        skipped += remote_skipped
    return inputs, skipped


def _config(
    kwsets: tuple[KeywordSet, ...], options: BatchOptions, cache: Cache | None
) -> WorkerConfig:
    """What every worker is given: the sets, the limits, the cache to read, one day, and the
    job ad's TF-IDF model, fitted here once (the workers only transform each resume)."""
    similarity = None
    if options.job_ad is not None:
        from resume_checker.matching.similarity import fit_job_ad

        similarity = fit_job_ad(options.job_ad)
    return WorkerConfig(
        keyword_set=kwsets[0],
        extra_sets=tuple(kwsets[1:]),
        limits=options.limits,
        cache_path=str(cache.path) if cache else None,
        blind=options.blind,
        want_json=options.want_json,
        query=options.query,
        today=date.today(),
        similarity=similarity,
    )


class _PoolStarter:
    """The local worker pool.  Its first worker starts when discovery finds the first file, so
    the forkserver (which imports spaCy, about a second in a new process) starts while the rest
    of a large folder is listed, and nothing starts for a batch with nothing to read; the other
    workers start once the files are counted (never more than files).  Dask runs its own."""

    def __init__(self, options: BatchOptions, config: WorkerConfig, init: Callable[[Any], Any],
                 work: Callable[[Any, Any], FileResult]) -> None:
        self.options, self.config, self.init, self.work = options, config, init, work
        self.pool: LocalPool | None = None

    @property
    def limits(self) -> PoolLimits:
        return PoolLimits(self.options.limits.time_seconds, self.options.limits.memory_mb)

    def start(self) -> None:
        if self.pool is None and self.options.scheduler is None:
            self.pool = LocalPool(init=self.init, work=self.work, config=self.config,
                                  jobs=1, limits=self.limits, preload=PRELOAD)

    def run(self, tasks: list[FileTask]) -> Iterator[Outcome[FileResult]]:
        """The tasks' outcomes in completion order, on Dask or on the local pool."""
        if self.options.scheduler is not None:
            from resume_checker.batch.dask_backend import run_dask

            return run_dask(tasks, init=self.init, work=self.work, config=self.config,
                            jobs=self.options.jobs, limits=self.limits, preload=PRELOAD,
                            scheduler=self.options.scheduler)
        if not tasks:
            return iter(())
        self.start()
        assert self.pool is not None
        self.pool.grow(min(self.options.jobs or os.cpu_count() or 1, len(tasks)))
        return self.pool.run(tasks)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()


def _check_all(
    candidates: list[_Input], config: WorkerConfig, options: BatchOptions, cache: Cache | None,
    known: dict[str, tuple[str, str]], on_row: Callable[[BatchRow], None] | None,
    pool: _PoolStarter,
) -> tuple[list[BatchRow], float]:
    """A row for each candidate (completion order) and the workers' peak memory; what the
    workers made new goes to the cache as it arrives."""
    tasks = [
        FileTask(c.path, _shown(c.display, n, options), _known_hash(known, c.path, c.stat))
        for n, c in enumerate(candidates, 1)
    ]
    rows: list[BatchRow] = []
    assert config.today is not None
    store = CacheWriter(cache, config.today.isoformat(), known)
    peak_rss = 0.0
    try:
        for outcome in pool.run(tasks):
            row = _row(outcome, candidates[outcome.index], options)
            peak_rss = max(peak_rss, outcome.peak_rss_mb)
            if outcome.value is not None:
                candidate = candidates[outcome.index]
                store.add(outcome.value, candidate.path, candidate.stat)
            rows.append(row)
            if on_row:
                on_row(row)
        store.flush()
    finally:
        store.close()
    return rows, peak_rss


def _unchanged(known: dict[str, tuple[str, str]]) -> Known | None:
    """Whether a file is one the cache remembers, with the stat it had then."""
    if not known:
        return None
    return lambda path, st: (entry := known.get(str(path))) is not None and entry[0] == stat_key(st)


def _known_hash(known: dict[str, tuple[str, str]], path: str, stat: str | None) -> str | None:
    """The content hash remembered for ``path`` if its stat is what it was then."""
    entry = known.get(path)
    return entry[1] if entry is not None and stat is not None and entry[0] == stat else None


def _row(outcome: Outcome[FileResult], candidate: _Input, options: BatchOptions) -> BatchRow:
    number = outcome.index + 1
    shown = _shown(candidate.display, number, options)
    value = outcome.value
    if outcome.code == "filtered_by_query":
        return BatchRow(number, shown, Status.SKIPPED, error="filtered by the query",
                        code=outcome.code, seconds=outcome.seconds, path=candidate.display)
    if not outcome.ok or value is None:
        return BatchRow(number, shown, Status.ERROR, error=outcome.error, code=outcome.code,
                        seconds=outcome.seconds, path=candidate.display)
    return BatchRow(
        number, shown, Status.WARNING if value.summary.notices else Status.OK,
        summary=value.summary, cached=value.cached, seconds=outcome.seconds,
        sha256=value.sha256, report_json=value.report_json, path=candidate.display,
        extra_summaries=value.extra_summaries, extra_reports=value.extra_reports,
    )


def _rank(rows: list[BatchRow]) -> tuple[BatchRow, ...]:
    """Ranked rows first (best first; knocked-out and unreadable ones below), then failures."""
    checked = [r for r in rows if r.summary is not None]
    checked.sort(key=_rank_key)
    ranked = [replace(r, rank=i) for i, r in enumerate(checked, 1)]
    rest = sorted((r for r in rows if r.summary is None),
                  key=lambda r: (r.status.value, r.file, r.number))
    return tuple(ranked + rest)


def _run_id(started: float) -> str:
    return time.strftime("%Y%m%d-%H%M%S", time.localtime(started)) + "-" + uuid.uuid4().hex[:6]


def _rank_key(row: BatchRow) -> tuple[bool, bool, float, float, str, int]:
    """Best first; equal scores by the content similarity to the job ad (when the batch has
    one; otherwise 0 for all), then by name and input position."""
    s = row.summary
    assert s is not None
    return (not s.scorable, s.knocked_out, -s.score, -(s.content_similarity or 0.0), row.file,
            row.number)


def _scheduler_shown(scheduler: str | None) -> str | None:
    """The scheduler as recorded: its kind, never a host (a run record may be shared)."""
    if scheduler is None:
        return None
    return "local" if scheduler == "local" else "remote"


def _shown(display: str, number: int, options: BatchOptions) -> str:
    return candidate_label(number) if options.blind else display


def _pass_score(keyword_set: KeywordSet) -> float | None:
    """The pass threshold: the lowest band above zero (e.g. "fair" >= 40), if the set has one."""
    above_zero = [b.min_score for b in keyword_set.bands if b.min_score > 0]
    return min(above_zero) if above_zero else None


def run_record(result: BatchResult) -> RunRecord:
    """What the cache keeps of a run: enough to tell who moved, nothing of the resume's text."""
    ranking = tuple(
        {"file": r.path, "sha256": r.sha256, "rank": r.rank, "score": r.score,
         "band": r.summary.band if r.summary else None,
         "knocked_out": r.summary.knocked_out if r.summary else None}
        for r in result.rows if r.status is not Status.SKIPPED
    )
    return RunRecord(result.run_id, result.started, result.set_id, result.set_hash, ranking)
