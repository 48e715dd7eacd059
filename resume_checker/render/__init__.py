"""Pure renderers: Report -> text (Rich), JSON, Markdown or a standalone HTML page."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from resume_checker.report import Report

FORMATS = ("text", "json", "md", "html")


def render(
    report: Report, fmt: str, *, color: bool = False, width: int = 80, ats_view: bool = False
) -> str:
    """Render ``report`` as ``fmt`` (text | json | md | html).  ``color`` only affects text;
    ``ats_view`` adds the ATS view to the text report (the other formats always hold it)."""
    if fmt == "text":
        from resume_checker.render.text import render_text

        return render_text(report, color=color, width=width, ats_view=ats_view)
    if fmt == "json":
        from resume_checker.render.json import render_json

        return render_json(report)
    if fmt in ("md", "markdown"):
        from resume_checker.render.markdown import render_markdown

        return render_markdown(report)
    if fmt == "html":
        from resume_checker.render.html import render_html

        return render_html(report)
    raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
