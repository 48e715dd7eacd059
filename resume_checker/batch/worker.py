"""A batch worker's per-file work: read, hash, parse (or load from the cache), check, summarise.

Runs inside a worker process of :mod:`resume_checker.sandbox.pool`.  ``init_worker`` runs once per
worker (keyword set compiled, cache opened read-only); ``check_file`` runs per file
(``read_document`` instead when only the parsed documents are wanted).  The parent
is the only writer of the cache: a worker returns each newly parsed document, and each new
analysis (the set-independent half of a check, :mod:`resume_checker.analysis`), for it to store.

The cheapest path is a file whose content hash the parent already knows (its stat is unchanged
since a past run) and whose analysis for this day is cached: the file is not even opened, and
only the set-dependent half of the check runs.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from resume_checker.batch.blind import Redactor, redact_tree
from resume_checker.batch.cache import analysis_key, parser_key
from resume_checker.batch.codec import (
    analysis_from_json,
    cache_entries,
    document_to_json,
    document_with_tokens,
)
from resume_checker.batch.remote import is_url, read_url
from resume_checker.batch.summary import summarize
from resume_checker.documents.model import Document
from resume_checker.errors import LimitExceededError, UnreadableDocumentError
from resume_checker.keywords.model import KeywordSet
from resume_checker.limits import DEFAULT_LIMITS, Limits
from resume_checker.ranking import FileResult
from resume_checker.report import is_scorable

if TYPE_CHECKING:
    from resume_checker.analysis import Analysis
    from resume_checker.matching.codec import KnownTokens
    from resume_checker.matching.similarity import AdSimilarity

T = TypeVar("T")

#: modules the forkserver imports once, so each new worker starts warm
PRELOAD = ("resume_checker.batch.preload", "resume_checker.batch.worker")


@dataclass(frozen=True, slots=True)
class WorkerConfig:
    keyword_set: KeywordSet
    limits: Limits = DEFAULT_LIMITS
    cache_path: str | None = None
    blind: bool = False
    want_json: bool = False
    query: str | None = None     # a boolean query (matching.query) a resume must satisfy
    extra_sets: tuple[KeywordSet, ...] = ()   # more sets each document is scored against
    today: date | None = None   # the day ongoing jobs count to: one day for the whole batch
    #: the job ad's fitted TF-IDF model (fitted once, in the parent), when the batch has one
    similarity: AdSimilarity | None = None

    @property
    def keyword_sets(self) -> tuple[KeywordSet, ...]:
        return (self.keyword_set, *self.extra_sets)


@dataclass(frozen=True, slots=True)
class FileTask:
    path: str
    display: str     # the name reports use (already "candidate-NNN" in blind runs)
    #: the content hash the parent remembers for this path (its stat unchanged), if any
    sha256: str | None = None


@dataclass(slots=True)
class WorkerState:
    config: WorkerConfig
    cache: sqlite3.Connection | None


def init_worker(config: WorkerConfig) -> WorkerState:
    """Compile each keyword set's matcher once and open the cache for reading."""
    from resume_checker.matching import compile_matcher

    for kwset in config.keyword_sets:
        compile_matcher(kwset)
    cache = None
    if config.cache_path:
        uri = Path(config.cache_path).absolute().as_uri() + "?mode=ro"
        cache = sqlite3.connect(uri, uri=True, timeout=30, check_same_thread=False)
    return WorkerState(config, cache)


def check_file(state: WorkerState, task: FileTask) -> FileResult:
    """Check one file against every set (parsed once); raise a ResumeCheckerError when it cannot."""
    from resume_checker.analysis import check_analysis

    config = state.config
    loaded = _load(state, task)
    analysis = loaded.analysis
    document = analysis.document
    if config.query is not None:
        from resume_checker.matching.query import require_match

        require_match(config.query, document, config.keyword_set)
    redactor = Redactor.for_document(document) if config.blind else None
    # from the analysis's lines, so a resume re-ranked from the cache gets the same number
    similarity = (config.similarity.similarity(document.text)
                  if config.similarity is not None and is_scorable(document) else None)
    summaries, reports = [], []
    for kwset in config.keyword_sets:
        report = check_analysis(analysis, kwset, ats_view=config.want_json)
        if similarity is not None:
            report = replace(report, content_similarity=similarity)
        summaries.append(summarize(report, document, redactor))
        reports.append(_report_json(report, document, task, redactor) if config.want_json else None)
    return FileResult(
        sha256=loaded.sha256,
        cached=loaded.cached,
        summary=summaries[0],
        report_json=reports[0],
        document_json=loaded.document_json,
        extra_summaries=tuple(summaries[1:]),
        extra_reports=tuple(reports[1:]) if config.extra_sets else (),
        analysis_json=loaded.analysis_json,
    )


@dataclass(frozen=True, slots=True)
class _Loaded:
    analysis: Analysis
    sha256: str
    cached: bool                  # parsing was skipped (document or analysis from the cache)
    document_json: str | None     # new entries for the parent to cache
    analysis_json: str | None


def _load(state: WorkerState, task: FileTask) -> _Loaded:
    """The file's analysis: cached (the file unread when its hash is known), else from the
    cached document, else parsed; new cache entries are returned for the parent to store."""
    from resume_checker.analysis import analyse
    from resume_checker.documents import parse_document

    config = state.config
    day = (config.today or date.today()).isoformat()
    sha, data = task.sha256, None
    if sha is None:
        data = read_bytes(task.path, config.limits)
        sha = hashlib.sha256(data).hexdigest()
    analysis = _cached_analysis(state, sha, day)
    if analysis is not None:
        return _Loaded(analysis, sha, True, None, None)
    document, tokens = _cached(state, sha) or (None, None)
    cached = document is not None
    if document is None:
        if data is None:  # the hash came from the parent: now the bytes are needed
            data = read_bytes(task.path, config.limits)
            sha = hashlib.sha256(data).hexdigest()
        document = parse_document(data, filename=_name(task.path), limits=config.limits)
    analysis = analyse(document, today=config.today)
    if tokens is not None:  # the cached document's stored tokens: its text is not tokenized again
        analysis = replace(analysis, tokens=tokens)
    if state.cache is None:
        return _Loaded(analysis, sha, cached, None, None)
    return _Loaded(analysis, sha, cached, *cache_entries(analysis, with_document=not cached))


def read_document(state: WorkerState, task: FileTask) -> tuple[str, str, bool]:
    """Parse-only work, for tools that need the documents rather than checks: the file's
    sha256, its document as JSON, and whether it came from the cache (else it is new)."""
    from resume_checker.documents import parse_document

    limits = state.config.limits
    data = read_bytes(task.path, limits)
    sha = hashlib.sha256(data).hexdigest()
    stored = _cached(state, sha)
    if stored is not None:
        return sha, document_to_json(*stored), True
    document = parse_document(data, filename=_name(task.path), limits=limits)
    return sha, document_to_json(document), False


def _report_json(report, document: Document, task: FileTask, redactor: Redactor | None) -> dict:
    import json

    from resume_checker.render import render

    report_json = json.loads(render(report, "json"))
    if redactor is not None:
        names = {document.source, _name(task.path), Path(_name(task.path)).stem}
        report_json = redact_tree(report_json, redactor, names=names)
        if isinstance(report_json.get("document"), dict):
            report_json["document"]["source"] = task.display
    return report_json


def _name(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[-1] if is_url(path) else Path(path).name


def read_bytes(source: str, limits: Limits) -> bytes:
    """A task's file (or URL) as bytes, refused with a plain reason when empty or over a limit."""
    if is_url(source):
        return read_url(source, limits)
    path = Path(source)
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            limit_mb = limits.max_file_bytes // 1048576
            raise LimitExceededError(f"file is {size / 1048576:.1f} MB, over {limit_mb} MB")
        if size == 0:
            raise UnreadableDocumentError("empty file (0 bytes)")
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableDocumentError(f"cannot be read ({exc.strerror or exc})") from None


def _cached_analysis(state: WorkerState, sha: str, day: str) -> Analysis | None:
    return _fetch(state, analysis_from_json,
                  "SELECT body FROM analyses WHERE sha256 = ? AND key = ? AND day = ?",
                  (sha, analysis_key(), day))


def _cached(state: WorkerState, sha: str) -> tuple[Document, KnownTokens | None] | None:
    """The cached document, and the matcher's tokens stored with it."""
    return _fetch(state, document_with_tokens,
                  "SELECT body FROM documents WHERE sha256 = ? AND parser = ?", (sha, parser_key()))


def _fetch(state: WorkerState, decode: Callable[[str], T], sql: str, args: tuple) -> T | None:
    """One cached entry, decoded; a damaged entry is a miss (made again, and stored again)."""
    if state.cache is None:
        return None
    row = state.cache.execute(sql, args).fetchone()
    if row is None:
        return None
    try:
        return decode(row[0])
    except ValueError:
        return None
