"""How many resumes of a pool have each term of a set: terms no one has (an unrealistic
requirement, or a missing alias) and terms everyone has (no signal) stand out.

The pool is read with the batch machinery (:func:`resume_checker.batch.parsed.read_pool`:
worker processes with limits, and the batch document cache).  :func:`coverage` is pure;
renderers make text, CSV and an HTML chart.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Sequence
from dataclasses import dataclass

from resume_checker.documents.model import Document
from resume_checker.keywords.model import KeywordSet

NOBODY = "no one has it: an unrealistic requirement, or a missing alias?"
EVERYBODY = "everyone has it: it does not tell resumes apart"


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
    #: resumes that lack a required term or a required any_of group (knocked out)
    knocked_out: int = 0

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
    required = [t.name for t in keyword_set.terms if t.required]
    groups = [g.terms for g in keyword_set.any_of if g.required]
    knocked = sum(
        any(name not in f for name in required) or any(not set(g) & f for g in groups)
        for f in found
    )
    return Coverage(keyword_set.id, keyword_set.title, n, tuple(items), knocked)


def knockout_warning(c: Coverage) -> str | None:
    """A warning when the set's required terms knock out every resume (or most of them):
    such a set ranks nobody, and a drafted ``required`` is often the reason."""
    if not c.resumes or not c.knocked_out:
        return None
    nobody = [_label(t) for t in c.terms if t.required and t.count == 0]
    rare = sorted((t for t in c.terms if t.required), key=lambda t: t.count)
    blame = nobody or [f"{_label(t)} ({t.count})" for t in rare[:3]]
    reason = ("no resume has " if nobody else "fewest resumes have ") + ", ".join(blame)
    if c.knocked_out == c.resumes:
        return (f"warning: the required terms knock out all {c.resumes} resume(s) ({reason}); "
                "make some of them not required")
    if c.knocked_out * 2 > c.resumes:
        return (f"warning: the required terms knock out {c.knocked_out} of {c.resumes} resumes "
                f"({reason})")
    return None


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
    if any(t.required for t in c.terms):
        out.append(f"{c.knocked_out} of {c.resumes} resume(s) lack a required term (knocked out)")
    warning = knockout_warning(c)
    if warning:
        out.append(warning)
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
    warning = knockout_warning(c)
    if warning:
        flagged = f"<li><strong>{esc(warning)}</strong></li>" + flagged
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
