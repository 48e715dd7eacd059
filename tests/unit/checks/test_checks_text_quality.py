"""Text-layer, garbled-text and layout findings on Documents built in code."""

from __future__ import annotations

from datetime import date

from resume_checker.checks import Severity, run_checks
from resume_checker.checks.text_quality import is_decorative, ocr_available
from resume_checker.documents.assemble import RawLine, RawPage, build_document
from resume_checker.documents.model import Notice, Origin

TODAY = date(2024, 6, 15)
FILLER = [
    "Built data pipelines in Python and SQL for the analytics team of a retailer.",
    "Designed neural network models with PyTorch and deployed them on Kubernetes.",
    "Led code reviews, mentored two engineers and improved test coverage to 90 percent.",
]


def make(*pages, fmt="pdf", notices=()):
    raw = []
    for number, lines in enumerate(pages, start=1):
        raw_lines = [ln if isinstance(ln, RawLine) else RawLine(ln) for ln in lines]
        raw.append(RawPage(number, raw_lines))
    return build_document(source="t.pdf", fmt=fmt, data=b"%PDF", pages=raw, notices=notices)


def only(findings, code):
    found = findings.with_code(code)
    assert len(found) == 1, findings.codes
    return found[0]


def test_no_text_layer_is_an_error_with_ocr_fix():
    doc = make([], notices=[Notice("no_text_layer", "no text")])
    f = only(run_checks(doc, today=TODAY), "no_text_layer")
    assert f.severity is Severity.ERROR
    assert "tesseract" in f.fix
    assert isinstance(ocr_available(), bool)


def test_page_without_text_names_the_page():
    doc = make(["Jane Doe", *FILLER * 5], [], notices=[Notice("page_without_text", "x", page=2)])
    f = only(run_checks(doc, today=TODAY), "page_without_text")
    assert f.page == 2 and f.severity is Severity.WARNING


def test_little_text_per_page():
    doc = make(["Jane Doe", "Engineer"], ["Python"])
    f = only(run_checks(doc, today=TODAY), "little_text")
    assert f.severity is Severity.WARNING


def test_garbled_cid_text_names_the_page():
    garbled = "(cid:72)(cid:101)(cid:108)(cid:108)(cid:111) (cid:87)(cid:111)(cid:114)"
    doc = make(FILLER * 3, ["Skills", garbled, *FILLER])
    f = only(run_checks(doc, today=TODAY), "garbled_text")
    assert f.page == 2 and f.line == 2
    assert f.severity is Severity.WARNING


def test_replacement_and_private_use_characters_are_garbled():
    doc = make(["Python \ufffd\ufffd \ue000\ue001 engineer", *FILLER])
    assert only(run_checks(doc, today=TODAY), "garbled_text").page == 1


def test_mostly_non_letters_is_garbled():
    junk = "#$%& *+,- ./:; <=>? @[\\] ^_`{ |}~! " * 8
    doc = make([junk, junk, "Python"])
    assert only(run_checks(doc, today=TODAY), "garbled_text").severity is Severity.ERROR


def test_clean_text_is_not_garbled():
    doc = make(["Jane Doe", "\u2022 Python, SQL, C++ (5 yrs)", "\uf0b7 Led a team", *FILLER])
    assert not run_checks(doc, today=TODAY).with_code("garbled_text")


def test_header_text_and_page_markers():
    doc = make([
        RawLine("Jane Doe, Senior Machine Learning Engineer, Austin", origin=Origin.HEADER),
        RawLine("Page 1 of 2", origin=Origin.FOOTER),
        *FILLER,
    ])
    f = only(run_checks(doc, today=TODAY), "text_in_header_footer")
    assert (f.page, f.line, f.severity) == (1, 1, Severity.INFO)
    footer_only = make([*FILLER, RawLine("Page 1 of 2", origin=Origin.FOOTER)])
    assert not run_checks(footer_only, today=TODAY).with_code("text_in_header_footer")


def test_text_box():
    doc = make([*FILLER, RawLine("Skills: Python, Go", origin=Origin.TEXTBOX)])
    f = only(run_checks(doc, today=TODAY), "text_box")
    assert (f.page, f.line) == (1, 4)


def test_layout_table_holding_a_heading():
    doc = make([
        "Jane Doe",
        RawLine("Experience", origin=Origin.TABLE),
        RawLine(FILLER[0], origin=Origin.TABLE),
        *FILLER,
    ])
    f = only(run_checks(doc, today=TODAY), "layout_table")
    assert (f.severity, f.page, f.line) == (Severity.WARNING, 1, 2)


def test_short_table_cells_are_only_info():
    cells = [RawLine("Python", origin=Origin.TABLE), RawLine("SQL", origin=Origin.TABLE)]
    doc = make([*FILLER, *cells])
    findings = run_checks(doc, today=TODAY)
    assert only(findings, "table").severity is Severity.INFO
    assert not findings.with_code("layout_table")


def test_multi_column():
    doc = make([
        RawLine("Skills", column=1), RawLine("Python", column=1),
        RawLine("Experience", column=2), RawLine(FILLER[0], column=2),
    ])
    f = only(run_checks(doc, today=TODAY), "multi_column")
    assert f.page == 1 and f.severity is Severity.WARNING


def test_decorative_bullets_flagged_plain_bullets_not():
    doc = make(["Jane Doe", "\u2605 Led a team", "\u2714 Shipped", "\u27a4 Grew", "\U0001f680 Fast",
                "\u2022 Plain", "- Plain", *FILLER])
    f = only(run_checks(doc, today=TODAY), "decorative_bullets")
    assert (f.page, f.line, f.severity) == (1, 2, Severity.WARNING)
    assert "\u2605" in f.evidence
    plain = make(["\u2022 Plain", "- Plain", "* Plain", *FILLER])
    assert not run_checks(plain, today=TODAY).with_code("decorative_bullets")


def test_is_decorative_table():
    for ch in "\u2605\u2714\u27a4\u25c6\u25a0\u25cf\u2192\ue000\U0001f4bb":
        assert is_decorative(ch), ch
    for ch in "\u2022-*aZ9(":
        assert not is_decorative(ch), ch
