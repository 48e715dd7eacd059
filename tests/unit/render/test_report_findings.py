"""Findings, notices and the ATS view in the report and its renderers."""

from __future__ import annotations

import json
from datetime import date

from findings_fixtures import white_tiny_pdf
from markdown_it import MarkdownIt

from resume_checker.api import check
from resume_checker.render import render
from resume_checker.render.html import report_view

TODAY = date(2026, 1, 1)
TRICKY = "Jane ```Example``` <script>alert(1)</script>\nExperience\nBuilt PyTorch models\n"


def test_json_ats_view_lists_every_line_in_reading_order() -> None:
    report = check(white_tiny_pdf(), filename="r.pdf", today=TODAY)
    data = json.loads(render(report, "json"))
    view = data["ats_view"]
    assert [(a["page"], a["line"]) for a in view] == sorted((a["page"], a["line"]) for a in view)
    assert set(view[0]) == {"page", "line", "section", "text", "heading", "origin", "hidden"}
    assert view[-1]["hidden"] == "white_text" and view[0]["hidden"] is None
    assert {a["section"] for a in view} >= {"Experience", "Education", "Skills"}


def test_html_from_stored_json_has_the_same_ats_view_and_findings() -> None:
    report = check(white_tiny_pdf(), filename="r.pdf", today=TODAY)
    data = json.loads(render(report, "json"))
    view = report_view(data)
    assert [(a.page, a.number, a.hidden) for a in view["ats"]] == [
        (a["page"], a["line"], a["hidden"]) for a in data["ats_view"]
    ]
    assert [f["code"] for f in view["findings"]] == [f["code"] for f in data["findings"]]
    html = render(report, "html")
    assert 'class="rc-text rc-hidden"' in html and "hidden text (white_text)" in html


def test_markdown_ats_view_is_one_literal_block() -> None:
    report = check(TRICKY.encode(), filename="r.txt", today=TODAY)
    md = render(report, "md")
    block = md[md.index("## ATS view"):]
    assert block.count("```") == 2 and "<script>alert(1)</script>" in block
    html = MarkdownIt("commonmark", {"html": True}).render(md)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_fence_is_longer_than_any_backtick_run() -> None:
    from resume_checker.render.markdown import fenced

    assert fenced(["a ``` b", "c"]) == ["````text", "a ``` b", "c", "````"]
    assert fenced(["plain"])[0] == "```text"


def test_findings_count_adds_only_notices_no_finding_reports() -> None:
    report = check(TRICKY.encode(), filename="r.txt", today=TODAY)
    assert report.findings_count == len(report.findings) + len(report.extra_notices)
    data = json.loads(render(report, "json"))
    assert data["findings_count"] == report.findings_count


def test_html_escapes_hidden_and_finding_text() -> None:
    report = check(TRICKY.encode(), filename="r.txt", today=TODAY)
    assert "<script>alert" not in render(report, "html")


def test_text_report_findings_have_fixes_and_fit_80_columns() -> None:
    report = check(white_tiny_pdf(), filename="r.pdf", today=TODAY)
    text = render(report, "text", ats_view=True)
    assert "Findings (" in text and "Fix: Delete the hidden text" in text
    assert all(len(line) <= 80 for line in text.splitlines())
