"""How many resumes of a pool have each term of a set: terms no one has (an unrealistic
requirement, or a missing alias) and terms everyone has (no signal) stand out.

The pool is read with the batch machinery (:func:`read_pool`): discovery, worker processes with
time and memory limits, and the batch document cache, so a folder already checked is not
parsed again.  :func:`coverage` is pure; renderers make text, CSV and an HTML chart.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from resume_checker.documents.model import Document
from resume_checker.keywords.model import KeywordSet
from resume_checker.limits import DEFAULT_LIMITS, Limits

NOBODY = "no one has it: an unrealistic requirement, or a missing alias?"
EVERYBODY = "everyone has it: it does not tell resumes apart"


# --------------------------------------------------------------------------- reading a pool


@dataclass(frozen=True)
class ResumePool:
    """Parsed resumes of a folder, in discovery order, and the files that could not be read."""

    documents: tuple[tuple[str, Document], ...]   # (name shown, document)
    failed: tuple[tuple[str, str], ...]           # (name shown, reason)
    skipped: int = 0                              # files not read at all (unsupported, hidden)
    cached: int = 0                               # documents taken from the cache


def read_document(state, task) -> tuple[str, str, bool]:
    """Batch-worker work: (sha256, document JSON, taken from the cache) for one file."""
    from resume_checker.batch.serialize import document_to_json
    from resume_checker.batch.worker import _cached, _read
    from resume_checker.documents import parse_document

    limits = state.config.limits
    data = _read(task.path, limits)
    sha = hashlib.sha256(data).hexdigest()
    document = _cached(state, sha)
    if document is not None:
        return sha, document_to_json(document), True
    document = parse_document(data, filename=Path(task.path).name, limits=limits)
    return sha, document_to_json(document), False


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
    parsed again; newly parsed ones are added to the cache)."""
    from resume_checker.batch.cache import Cache
    from resume_checker.batch.discover import discover
    from resume_checker.batch.serialize import document_from_json
    from resume_checker.batch.worker import PRELOAD, FileTask, WorkerConfig, init_worker
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


# --------------------------------------------------------------------------- coverage


def presence(keyword_set: KeywordSet, documents: Sequence[Document]) -> list[frozenset[str]]:
    """The names of the set's terms each document has (same order as ``documents``)."""
    from resume_checker.matching import compile_matcher

    matcher = compile_matcher(keyword_set)
    return [frozenset(m.term for m in matcher.match(d).matched) for d in documents]


@dataclass(frozen=True)
class TermCoverage:
    name: str
    category: str
    weight: float
    required: bool
    count: int            # resumes that have it
    share: float          # count / resumes (0-1)
    flag: str | None      # NOBODY, EVERYBODY or None
    group: bool = False   # an any_of group, not a term


@dataclass(frozen=True)
class Coverage:
    set_id: str
    set_title: str
    resumes: int
    terms: tuple[TermCoverage, ...]   # terms in set order, then any_of groups

    @property
    def nobody(self) -> tuple[TermCoverage, ...]:
        return tuple(t for t in self.terms if t.flag == NOBODY)

    @property
    def everybody(self) -> tuple[TermCoverage, ...]:
        return tuple(t for t in self.terms if t.flag == EVERYBODY)


def coverage(keyword_set: KeywordSet, found: Sequence[frozenset[str]]) -> Coverage:
    """Share of resumes with each term (``found``: the terms of each resume, from presence)."""
    n = len(found)

    def item(name: str, category: str, weight: float, required: bool, count: int,
             group: bool = False) -> TermCoverage:
        flag = None
        if n and count == 0:
            flag = NOBODY
        elif n > 1 and count == n:
            flag = EVERYBODY
        return TermCoverage(name, category, weight, required, count,
                            count / n if n else 0.0, flag, group)

    items = [item(t.name, t.category, t.weight, t.required, sum(t.name in f for f in found))
             for t in keyword_set.terms]
    items += [item(g.name, "any_of", 0.0, g.required,
                   sum(any(name in f for name in g.terms) for f in found), group=True)
              for g in keyword_set.any_of]
    return Coverage(keyword_set.id, keyword_set.title, n, tuple(items))


# --------------------------------------------------------------------------- rendering


def _label(t: TermCoverage) -> str:
    return f"any of: {t.name}" if t.group else t.name


def render_text(c: Coverage) -> str:
    width = max((len(_label(t)) for t in c.terms), default=4)
    out = [f"Coverage of {c.set_title} ({c.set_id}) over {c.resumes} resume(s)"]
    for t in c.terms:
        bar = "#" * round(20 * t.share)
        req = " (required)" if t.required else ""
        note = f"  <- {t.flag}" if t.flag else ""
        out.append(f"  {_label(t):<{width}}  {100 * t.share:5.1f}%  {t.count:>4}  {bar:<20}"
                   f"{req}{note}")
    out.append(f"{len(c.nobody)} term(s) no one has, {len(c.everybody)} term(s) everyone has")
    return "\n".join(out) + "\n"


def render_csv(c: Coverage) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["term", "kind", "category", "weight", "required", "resumes_with_it",
                     "resumes", "share", "flag"])
    for t in c.terms:
        writer.writerow([_cell(t.name), "any_of" if t.group else "term", t.category,
                         f"{t.weight:g}", str(t.required).lower(), t.count, c.resumes,
                         f"{t.share:.4f}", t.flag or ""])
    return buffer.getvalue()


def _cell(text: str) -> str:
    """Keep a spreadsheet from reading a cell as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


_BAR_W, _ROW_H, _LABEL_W = 300, 22, 260


def render_html(c: Coverage) -> str:
    """A self-contained page: one inline-SVG bar a term (no script, no external files)."""
    esc = html.escape
    rows = []
    for i, t in enumerate(c.terms):
        y = i * _ROW_H
        colour = "#c0392b" if t.flag == NOBODY else "#7f8c8d" if t.flag == EVERYBODY else "#2e86c1"
        title = f"{_label(t)}: {t.count} of {c.resumes}" + (f" ({t.flag})" if t.flag else "")
        rows.append(
            f'<g><title>{esc(title)}</title>'
            f'<text x="{_LABEL_W - 6}" y="{y + 15}" text-anchor="end">{esc(_label(t))}'
            f'{" *" if t.required else ""}</text>'
            f'<rect x="{_LABEL_W}" y="{y + 4}" width="{_BAR_W * t.share:.1f}" height="14" '
            f'fill="{colour}"/>'
            f'<text x="{_LABEL_W + _BAR_W * t.share + 6:.1f}" y="{y + 15}">'
            f'{100 * t.share:.0f}%</text></g>'
        )
    height = max(len(c.terms), 1) * _ROW_H
    flagged = "".join(f"<li>{esc(_label(t))}: {esc(t.flag or '')}</li>"
                      for t in c.terms if t.flag)
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>Coverage: {esc(c.set_title)}</title>"
        "<style>body{font-family:sans-serif;margin:2em}svg text{font-size:12px}"
        "li{margin:.2em 0}</style></head><body>"
        f"<h1>Coverage of {esc(c.set_title)} <small>({esc(c.set_id)})</small></h1>"
        f"<p>{c.resumes} resume(s). Red: no one has it; grey: everyone has it; "
        "* required.</p>"
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_LABEL_W + _BAR_W + 60}" '
        f'height="{height}" role="img" aria-label="share of resumes with each term">'
        + "".join(rows) + "</svg>"
        + (f"<h2>Flagged</h2><ul>{flagged}</ul>" if flagged else "")
        + "</body></html>\n"
    )
