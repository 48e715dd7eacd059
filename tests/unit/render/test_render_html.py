"""The standalone HTML report: escaped, self-contained, with the ATS view and highlights."""

from __future__ import annotations

import re

from resume_checker.api import check
from resume_checker.documents import parse_document
from resume_checker.render import render
from resume_checker.render.html import mark, render_html

TEXT = b"Jane <img src=x onerror=alert(1)>\nSkills\nPyTorch and CUDA on a GPU\n"


def test_html_report_is_escaped_self_contained_and_highlights_evidence():
    document = parse_document(TEXT, filename="<b>cv</b>.txt")
    report = check(document, "neural-network-architect")
    html = render_html(report, document=document)
    assert "<img" not in html and "&lt;img" in html and "<b>cv" not in html
    assert "Content-Security-Policy" in html and "<script" not in html
    assert not re.search(r"(src|href)=\"https?:", html)
    assert "<mark>PyTorch</mark>" in html and "ATS view" in html
    assert render(report, "html").startswith("<!doctype html>")


def test_mark_merges_overlaps_and_keeps_text():
    segments = mark("Deep learning and learning", ["learning", "deep learning"])
    assert "".join(s.text for s in segments) == "Deep learning and learning"
    assert [s.text for s in segments if s.marked] == ["Deep learning", "learning"]
