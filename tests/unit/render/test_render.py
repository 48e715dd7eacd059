"""Report model and renderers: JSON fields, Markdown escaping, 80 columns, no ANSI, unreadable."""

from __future__ import annotations

import json
import re

import pytest

from resume_checker.documents.assemble import RawLine, RawPage, build_document
from resume_checker.documents.model import Notice
from resume_checker.keywords.model import Category, KeywordSet, Term
from resume_checker.matching import compile_matcher
from resume_checker.render import render
from resume_checker.report import build_report
from resume_checker.scoring import score

KWSET = KeywordSet(
    id="nna",
    title="Neural Network Architect",
    categories={
        "frameworks": Category(title="Frameworks", weight=2),
        "certifications": Category(title="Certifications"),
    },
    terms=(
        Term(name="PyTorch", category="frameworks", weight=3, required=True),
        Term(name="TensorFlow", category="frameworks", weight=2),
        Term(name="JAX", category="frameworks"),
        Term(name="CUDA", category="frameworks", weight=2, required=True),
        Term(name="AWS Certified Machine Learning - Specialty", category="certifications"),
    ),
)
ANSI = re.compile(r"\x1b\[")


def make_report(*lines: str, notices=(), pages=None):
    raw = pages if pages is not None else [RawPage(1, [RawLine(t) for t in lines])]
    doc = build_document(source="jane|<b>.pdf", fmt="pdf", data=b"x", pages=raw, notices=notices)
    result = compile_matcher(KWSET).match(doc)
    return build_report(doc, KWSET, result, score(KWSET, result))


LONG = "Experience " + "very long line of TensorFlow work " * 10


@pytest.fixture
def report():
    hostile = "TensorFlow, JAX | <script>alert(1)</script> *x* _y_ `z`"
    return make_report("Jane Doe", "Skills", hostile, LONG)


def test_missing_sorted_required_first_then_weight_then_name(report) -> None:
    assert [m.term for m in report.missing] == [
        "PyTorch", "CUDA", "AWS Certified Machine Learning - Specialty"
    ]
    assert [m.term for m in report.missing_certifications] == [
        "AWS Certified Machine Learning - Specialty"
    ]
    assert report.knocked_out and report.missing_required == ("PyTorch", "CUDA")
    assert len(report.suggestions) == 2 and "PyTorch" in report.suggestions[0].text


def test_json_fields(report) -> None:
    data = json.loads(render(report, "json"))
    assert data["schema_version"] == "1.1"
    assert list(data)[:3] == ["schema_version", "tool", "document"]
    assert isinstance(data["score"], float) and data["scorable"] is True
    assert data["knocked_out"] is True and data["band"] == "filtered out"
    tf = next(m for m in data["matched"] if m["term"] == "TensorFlow")
    assert tf["category"] == "frameworks" and tf["count"] == 11
    assert set(tf["evidence"][0]) >= {"alias", "text", "line_text", "page", "line", "section"}
    assert len(tf["evidence"]) == 5
    assert {"term", "category", "weight", "required"} <= set(data["missing"][0])
    assert data["missing_certifications"][0]["is_certification"] is True
    assert data["document"]["sha256"] and data["keyword_set"]["content_hash"]


def test_json_is_stable_and_keeps_unicode() -> None:
    r = make_report("Skills", "TensorFlow in Zürich")
    assert render(r, "json") == render(r, "json")
    assert "Zürich" in render(r, "json")


def test_markdown_escapes_resume_text(report) -> None:
    from markdown_it import MarkdownIt

    md = render(report, "md")
    # the ATS view quotes the resume verbatim in a fenced block: literal text in Markdown
    prose = re.sub(r"(?ms)^(`{3,})text\n.*?^\1$", "", md)
    assert "<script>" not in prose and "<b>" not in prose
    assert "<script>" not in MarkdownIt("commonmark", {"html": True}).render(md)
    assert "&lt;script&gt;" in md
    for row in (line for line in md.splitlines() if line.startswith("| TensorFlow")):
        assert row.count("|") - row.count("\\|") == 5  # the resume's "|" does not add a column
    assert "\\*x\\*" in md and "\\_y\\_" in md and "\\`z\\`" in md


def test_markdown_groups_missing_by_category(report) -> None:
    md = render(report, "md")
    assert md.index("### Frameworks") < md.index("### Certifications")


def test_text_fits_80_columns_without_ansi(report) -> None:
    text = render(report, "text", color=False)
    assert all(len(line) <= 80 for line in text.splitlines())
    assert not ANSI.search(text)
    assert "Score:" in text and "PyTorch" in text


def test_text_with_color_has_ansi(report) -> None:
    assert ANSI.search(render(report, "text", color=True))


def test_unknown_format() -> None:
    with pytest.raises(ValueError):
        render(make_report("x"), "pdf")


@pytest.mark.parametrize(
    ("pages", "notices"),
    [
        ([RawPage(1, [])], ()),
        ([RawPage(1, [RawLine("PyTorch")])],
         (Notice(code="no_text_layer", message="no text layer"),)),
    ],
    ids=["no-lines", "no-text-layer-notice"],
)
def test_unscorable_document(pages, notices) -> None:
    r = make_report(pages=pages, notices=notices)
    assert not r.scorable and not r.knocked_out and r.missing == () and r.band is None
    data = json.loads(render(r, "json"))
    assert data["scorable"] is False and data["score"] is None
    assert "could not be read" in data["unreadable_message"]
    for fmt in ("text", "md"):
        out = render(r, fmt)
        assert "not available" in out and "could not be read" in out
    if notices:
        assert "`no_text_layer`" in render(r, "md")


def test_evidence_from_page_header_is_marked() -> None:
    from resume_checker.documents.model import Origin

    r = make_report(pages=[RawPage(1, [RawLine("PyTorch engineer", origin=Origin.HEADER),
                                       RawLine("Skills"), RawLine("CUDA")])])
    assert "page header" in render(r, "text") and "page header" in render(r, "md")
    assert json.loads(render(r, "json"))["matched"][0]["evidence"][0]["origin"] == "header"


def test_text_evidence_snippet_always_shows_the_matched_words() -> None:
    from resume_checker.render.text import snippet

    line = "inference in production, and I publish at NeurIPS, ICML and ICLR. Fluent in PyTorch,"
    assert "PyTorch" in snippet(line, "PyTorch", 30)
    assert len(snippet(line, "PyTorch", 30)) == 30
    assert snippet(line, "inference", 30).startswith("inference")
    assert snippet("short line", "line", 30) == "short line"
