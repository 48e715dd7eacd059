"""Batch -> one self-contained HTML page: works offline, loads nothing, escapes every resume text.

A sortable ranking table (a few lines of inline JS, allowed by hash in the CSP), a score histogram
and a "which terms the pool has / lacks" chart as inline SVG, and each candidate's matched and
missing terms with evidence behind ``<details>``.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib.resources import files

from jinja2 import Environment, PackageLoader, select_autoescape

from resume_checker.ranking import BatchResult, Status
from resume_checker.render.batch_csv import depth_cell
from resume_checker.version import __version__

BINS = 10
#: terms shown in the coverage chart (most and least common are both worth seeing)
MAX_TERMS = 40

@cache
def sort_script() -> str:
    """The table-sorting script, shared with the web app (one file, two uses)."""
    return (files("resume_checker.render") / "templates" / "sort_table.js").read_text("utf-8")


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: int
    share: float       # 0..1 of the largest bar (histogram) or of the pool (terms)


def render(result: BatchResult, *, skill_depth: bool = False) -> str:
    """The page; ``skill_depth`` (``batch --skill-depth``) adds a "Skill depth" column (each
    matched term's years of use in dated positions and last year used)."""
    ranked = result.ranked
    scored = [r.summary.score for r in ranked if r.summary and r.summary.scorable]
    return _template().render(
        result=result,
        ranked=ranked,
        failed=[r for r in result.rows if r.status in (Status.ERROR, Status.SKIPPED)],
        counts={s.value: result.count(s) for s in Status},
        histogram=histogram(scored),
        coverage=coverage(result),
        script=sort_script(),
        skill_depth=skill_depth,
        depth_cell=depth_cell,
        csp=_csp(),
        version=__version__,
        started=datetime.fromtimestamp(result.started, UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )


def histogram(scores: list[float]) -> list[Bar]:
    """Scores in ten bins of ten points (100 falls in the last)."""
    counts = Counter(min(int(s // (100 / BINS)), BINS - 1) for s in scores)
    top = max(counts.values(), default=0) or 1
    width = 100 // BINS
    return [
        Bar(f"{i * width}–{(i + 1) * width}", counts[i], counts[i] / top) for i in range(BINS)
    ]


def coverage(result: BatchResult) -> list[Bar]:
    """Share of the ranked resumes that show each term, most common first."""
    summaries = [r.summary for r in result.ranked if r.summary and r.summary.scorable]
    if not summaries:
        return []
    have: Counter[str] = Counter()
    terms: set[str] = set()
    for s in summaries:
        have.update(h.term for h in s.matched)
        terms.update(h.term for h in s.matched)
        terms.update(s.missing)
    bars = sorted(
        (Bar(t, have[t], have[t] / len(summaries)) for t in terms),
        key=lambda b: (-b.value, b.label.lower()),
    )
    if len(bars) > MAX_TERMS:
        half = MAX_TERMS // 2
        bars = bars[:half] + bars[-half:]
    return bars


@cache
def _template():
    env = Environment(
        loader=PackageLoader("resume_checker.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("batch_report.html.j2")


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(sort_script().encode()).digest()).decode()
    return (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
