"""The terminal report (Rich), readable in 80 columns; colour only when asked."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..report import Report

#: evidence found only here may be missed by an ATS that skips page headers and footers
_MARGINS = ("header", "footer")


def _num(value: float) -> str:
    return f"{value:g}"


def render_text(report: Report, *, color: bool = False, width: int = 80) -> str:
    """Render to a string; with ``color=False`` the output holds no ANSI codes."""
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
        p()
        p(Text(f"Matched terms ({len(report.matched)})", style="bold"))
        for m in report.matched:
            first = m.evidence[0] if m.evidence else None
            where = ""
            if first:
                margin = f" page {first.origin}" if first.origin in _MARGINS else ""
                where = f' p{first.page} l{first.line} {first.section}{margin}: "{first.line_text}"'
            req = " [required]" if m.required else ""
            p(Text(f"  + {m.term}{req} x{m.count}{where}"), no_wrap=True, overflow="ellipsis")
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
    if report.notices:
        p()
        p(Text("Notices", style="bold"))
        for n in report.notices:
            page = f" (page {n.page})" if n.page else ""
            fix = f" Fix: {n.fix}" if n.fix else ""
            p(Text(f"  {n.severity} {n.code}{page}: {n.message}{fix}"))
    output = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in output.splitlines()) + "\n"
