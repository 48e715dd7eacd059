"""The terminal report (Rich), readable in 80 columns; colour only when asked."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from resume_checker.matching.exactness import VARIANT_LABELS
from resume_checker.report import Report

#: evidence found only here may be missed by an ATS that skips page headers and footers
_MARGINS = ("header", "footer")


def _num(value: float) -> str:
    return f"{value:g}"


def _structure(report: Report, p: Any) -> None:
    """What was found: years of experience, positions and the highest degree, with places."""
    s = report.structure
    if s is None or not report.scorable:
        return
    p()
    p(Text("Structure found", style="bold"))
    count = len(s.positions)
    p(Text(f"  Experience: about {_num(s.experience_years)} years over {count} dated "
           f"position{'s' if count != 1 else ''}"))
    for pos in s.positions[:6]:
        d = pos.dates
        title = f" {pos.title.value}" if pos.title else ""
        p(Text(f"    p{d.page} l{d.line}: {d.text}{title}"), no_wrap=True, overflow="ellipsis")
    degree = s.highest_degree
    if degree is None:
        p(Text("  Highest degree: none found"))
    else:
        field = f" in {degree.field}" if degree.field else ""
        p(Text(f"  Highest degree: {degree.name}{field} (p{degree.page} l{degree.line})"))


def _depth(report: Report, p: Any) -> None:
    """Per matched term: years of use in dated positions, the last year used, where else."""
    rows = [m for m in report.matched if m.depth is not None]
    if not rows:
        return
    p()
    p(Text("Skill depth (from the dates of the positions that name each term)", style="bold"))
    for m in rows:
        d = m.depth
        assert d is not None
        extra = f"; also in {', '.join(d.elsewhere)}" if d.positions and d.elsewhere else ""
        p(Text(f"  {m.term}: {d.summary}{extra}"), no_wrap=True, overflow="ellipsis")


def _kinds(kinds: tuple[str, ...]) -> str:
    """The variant kinds as a report names them ("plural or singular or possessive")."""
    return " or ".join(VARIANT_LABELS.get(k, k) for k in kinds) or "a variant"


def _exact(report: Report, p: Any) -> None:
    """``--ats-mode exact``: the terms an exact-string search misses, and the terms written
    only as an acronym or only in full (nothing in the normal mode: its report is unchanged)."""
    if report.exact_score is None:
        return
    if report.not_exact:
        p()
        p(Text(f"Missed by an exact-string ATS ({len(report.not_exact)}): write as listed",
               style="bold"))
        for m in report.not_exact:
            p(Text(f'  ~ {m.term}: found only as {_kinds(m.variants)}; write '
                   f'"{m.listed_spelling}"'))
    if report.one_form:
        p()
        p(Text(f"Acronym or full form only ({len(report.one_form)}): write both", style="bold"))
        for m in report.one_form:
            f = m.forms
            if f is None:
                continue
            shown, other = (f.acronym, f.full) if f.acronym_written else (f.full, f.acronym)
            p(Text(f'  ~ {m.term}: only "{shown}"; also write "{other}"'))


def _job_ad(report: Report, p: Any) -> None:
    """The job ad beside the resume (``check --jd``): each drafted term, required ones first,
    with how often the ad and the resume name it and the ad's words for it."""
    ad = report.job_ad
    if ad is None:
        return
    p()
    p(Text(f"The job ad beside the resume ({ad.source})", style="bold"))
    table = Table("Term", "Ad", "Resume", "The ad's words", box=None, pad_edge=False)
    for t in ad.terms:
        name = f"{t.term} [required]" if t.required else t.term
        words = f'"{t.excerpt}"' if t.excerpt else ", ".join(t.written_as)
        table.add_row(Text(name, style="red" if t.required and not t.resume_mentions else ""),
                      str(t.ad_mentions), str(t.resume_mentions), Text(words))
    p(table)


def render_text(
    report: Report, *, color: bool = False, width: int = 80, ats_view: bool = False
) -> str:
    """Render to a string; with ``color=False`` the output holds no ANSI codes.  With
    ``ats_view`` the text as an ATS reads it (section labels, hidden lines flagged) follows."""
    console = Console(
        file=io.StringIO(),
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
    )
    doc, ks, score = report.document, report.keyword_set, report.score
    p = console.print
    p(Text(f"Resume check: {doc.source}", style="bold"))
    p(Text(f"Keyword set: {ks.title} ({ks.id})"))
    p(Text(f"Document: {doc.format}, {doc.pages} page(s), {doc.words} words"))
    p()
    if not report.scorable:
        p(Text("Score: not available", style="bold red"))
        p(Text(report.unreadable_message or ""))
    else:
        band = f" ({score.band})" if score.band else ""
        style = "bold red" if score.knocked_out else "bold green"
        p(Text(f"Score: {_num(score.value)} / 100{band}", style=style))
        exact = report.exact_score
        if exact is not None:
            exact_band = f" ({exact.band})" if exact.band else ""
            p(Text(f"Exact-string ATS score: {_num(exact.value)} / 100{exact_band} (only "
                   f"terms written as listed count; {len(report.not_exact)} not)"))
            lost = [t for t in exact.missing_required if t not in score.missing_required]
            if lost:
                p(Text("An exact search would filter it out: required term(s) found only as "
                       "variants: " + ", ".join(lost) + ".", style="red"))
        if score.knocked_out:
            p(
                Text(
                    "Would be filtered out: required term(s) missing: "
                    + ", ".join(score.missing_required)
                    + ". The number shows how close the resume is otherwise.",
                    style="red",
                )
            )
        if report.content_similarity is not None:
            p(
                Text(
                    f"Content similarity to the job ad (secondary, TF-IDF cosine): "
                    f"{report.content_similarity:.2f}"
                )
            )
        p()
        table = Table("Category", "Weight", "Matched", "Score", box=None, pad_edge=False)
        for c in score.categories:
            table.add_row(Text(c.title), _num(c.weight), f"{c.matched}/{c.total}", _num(c.score))
        p(table)
        for r in score.requirements:
            mark = "met" if r.met else ("NOT met, required" if r.required else "not met")
            where = f" (p{r.page} l{r.line})" if r.page else ""
            p(Text(f"  {r.name}: {mark}; found {r.found}{where}"))
        for d in score.depth:
            p(Text(f"  {d.term}: counts {_num(round(d.factor, 3))} of its weight ({d.reason})"))
        if report.hidden_included:
            p(Text("Hidden text was included in this score (--include-hidden), for comparison.",
                   style="red"))
        p()
        p(Text(f"Matched terms ({len(report.matched)})", style="bold"))
        for m in report.matched:
            first = m.evidence[0] if m.evidence else None
            req = " [required]" if m.required else ""
            head = f"  + {m.term}{req} x{m.count}"
            where = ""
            if first:
                margin = f" page {first.origin}" if first.origin in _MARGINS else ""
                where = f" p{first.page} l{first.line} {first.section}{margin}: "
                room = width - len(head) - len(where) - 2
                where += f'"{snippet(first.line_text, first.text, room)}"'
            p(Text(head + where), no_wrap=True, overflow="ellipsis")
        _depth(report, p)
        _exact(report, p)
        p()
        p(Text(f"Missing terms ({len(report.missing)})", style="bold"))
        for title, terms in report.missing_by_category():
            p(Text(f"  {title}", style="bold"))
            for t in terms:
                tags = "".join(
                    f" [{tag}]"
                    for tag, on in (("required", t.required), ("certification", t.is_certification))
                    if on
                )
                line = f"    - {t.term} (weight {_num(t.weight)}){tags}"
                p(Text(line, style="red" if t.required else ""))
        if report.missing_certifications:
            p()
            certs = ", ".join(m.term for m in report.missing_certifications)
            p(Text(f"Certifications not found: {certs}"))
        if report.suggestions:
            p()
            p(Text("Suggestions", style="bold"))
            for s in report.suggestions:
                p(Text(f"  - {s.text}"))
        _job_ad(report, p)
    _structure(report, p)
    if report.findings:
        p()
        p(Text(f"Findings ({len(report.findings)})", style="bold"))
        for f in report.findings:
            where = f" (page {f.page}{f', line {f.line}' if f.line else ''})" if f.page else ""
            p(Text(f"  {f.severity.value} {f.code}{where}: {f.title}",
                   style="red" if f.severity.value == "error" else ""))
            p(Text(f"    {f.explanation}"))
            if f.evidence:
                p(Text(f'    Evidence: "{f.evidence}"'))
            p(Text(f"    Fix: {f.fix}"))
    if report.extra_notices:
        p()
        p(Text("Notices", style="bold"))
        for n in report.extra_notices:
            page = f" (page {n.page})" if n.page else ""
            fix = f" Fix: {n.fix}" if n.fix else ""
            p(Text(f"  {n.severity} {n.code}{page}: {n.message}{fix}"))
    if ats_view:
        p()
        p(Text("ATS view (the text in the order an ATS reads it)", style="bold"))
        section = None
        for a in report.ats_view:
            if a.section != section:
                p(Text(f"[{a.section}]", style="bold"))
                section = a.section
            flag = f"  [hidden: {a.hidden}]" if a.hidden else (
                f"  [{a.origin}]" if a.origin != "body" else "")
            p(Text(f"  {a.page}:{a.line:<3} {a.text}{flag}"))
    output = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in output.splitlines()) + "\n"


def snippet(line: str, hit: str, room: int) -> str:
    """The part of ``line`` around ``hit`` that fits in ``room`` characters, so the evidence
    shown always contains the words that matched."""
    if len(line) <= room or room < 12:
        return line
    at = line.lower().find(hit.lower())
    if at < 0:
        return line[: room - 1] + "…"
    start = max(0, min(at - room // 3, len(line) - room))
    text = line[start : start + room]
    if start > 0:
        text = "…" + text[1:]
    if start + room < len(line):
        text = text[:-1] + "…"
    return text
