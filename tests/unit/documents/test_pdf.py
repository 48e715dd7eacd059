"""The PDF parser on PDFs the tests make: reading order, word spacing, errors, notices."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from locations import SHARED
from pdf_fixtures import (
    PAGE_H,
    VERA_TTF,
    canvas_pdf,
    glyph_by_glyph,
    image,
    lines_at,
    raw_pdf,
    text,
    tj,
    words_with_gaps,
)
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from resume_checker.documents.model import Origin, Severity
from resume_checker.documents.pdf import accepts, parse_pdf
from resume_checker.errors import (
    LimitExceededError,
    PasswordProtectedError,
    UnreadableDocumentError,
)
from resume_checker.limits import Limits

LEFT = [f"Left column line {i} about Python testing" for i in range(12)]
RIGHT = [f"Right column line {i} about Kubernetes" for i in range(12)]


def texts(doc) -> list[str]:
    return [line.text for line in doc.lines]


def assert_columns_in_order(doc) -> None:
    lines = texts(doc)
    assert lines == LEFT + RIGHT, lines
    assert {line.column for line in doc.lines if line.text.startswith("Left")} == {1}
    assert {line.column for line in doc.lines if line.text.startswith("Right")} == {2}


def test_accepts_sniffs_the_header() -> None:
    assert accepts(b"%PDF-1.7\n...")
    assert accepts(b"\x00" * 500 + b"%PDF-1.4")
    assert not accepts(b"PK\x03\x04 docx")
    assert not accepts(b"\x00" * 1100 + b"%PDF-1.4")


def test_two_columns_drawn_column_by_column_read_left_then_right() -> None:
    def page(canvas) -> None:
        lines_at(50, 700, LEFT)(canvas)
        lines_at(330, 700, RIGHT)(canvas)

    assert_columns_in_order(parse_pdf(canvas_pdf(page), source="cols.pdf"))


def test_two_columns_drawn_row_by_row_are_not_interleaved() -> None:
    # Like a table-based HTML export: each row draws its left cell, then its right cell.
    stream = "".join(
        text(50, 700 - 14 * i, left) + text(330, 700 - 14 * i, right)
        for i, (left, right) in enumerate(zip(LEFT, RIGHT, strict=True))
    )
    assert_columns_in_order(parse_pdf(raw_pdf([stream]), source="rows.pdf"))


def test_columns_under_a_title_end_before_the_next_heading() -> None:
    # A skills list set in two columns between one-sided lines: the title and heading above
    # are read first, the next section's heading after both columns, not inside the left one.
    left = ["Python", "Apache Spark", "SQL", "Airflow scheduling", "dbt", "Data modelling"]
    right = ["Kubernetes", "Terraform", "AWS Glue", "Kafka streaming", "Docker", "CI/CD"]
    stream = text(50, 740, "DATA ENGINEER") + text(50, 720, "Skills")
    stream += "".join(
        text(60, 700 - 12 * i, a) + text(300, 700 - 12 * i, b)
        for i, (a, b) in enumerate(zip(left, right, strict=True))
    )
    stream += text(50, 610, "Experience") + text(50, 596, "Built pipelines at Acme")
    doc = parse_pdf(raw_pdf([stream]), source="skills.pdf")
    assert texts(doc) == ["DATA ENGINEER", "Skills", *left, *right, "Experience",
                          "Built pipelines at Acme"]
    assert [line.column for line in doc.lines] == [0, 0] + [1] * 6 + [2] * 6 + [0, 0]


def test_sidebar_running_on_below_the_main_column_stays_in_the_sidebar() -> None:
    # Regression: the sidebar's last lines (an Education entry) came after the main column,
    # under its last heading, because the column zone ended where the main column did.
    side = [f"Sidebar skill {i}" for i in range(8)] + ["Education", "MSc Computer Science",
                                                        "Bayview Polytechnic, 2017"]
    main = [f"Main column line {i} on CUDA kernels" + " and profiling" * (i % 3) for i in range(7)]

    def page(canvas) -> None:
        lines_at(40, 700, side)(canvas)
        lines_at(250, 700, main)(canvas)

    doc = parse_pdf(canvas_pdf(page), source="sidebar.pdf")
    assert texts(doc) == side + main
    assert {line.column for line in doc.lines if line.text in side} == {1}


def test_right_aligned_dates_at_a_tab_stop_stay_on_their_line() -> None:
    jobs = [
        ("Acme Corporation, Data Engineer", "2019 - 2021"),
        ("Globex, Senior Analyst", "Jan 2017 - Dec 2018"),
        ("Initech, Analyst", "2015 - 2017"),
        ("Umbrella Labs, Research Intern", "Summer 2014"),
        ("Hooli, Junior Developer", "Mar 2012 - Aug 2014"),
        ("Stark Industries, Trainee", "2011"),
        ("Wayne Enterprises, Intern", "Summer 2010"),
        ("Cyberdyne, Lab Assistant", "2009 - 2010"),
        ("Soylent, Volunteer", "Oct 2008 - May 2009"),
        ("Tyrell Corp, Tutor", "2008"),
    ]

    def page(canvas) -> None:
        canvas.setFont("Helvetica", 10)
        y = 720
        canvas.drawString(50, y, "Summary of a career in data engineering that spans a full line "
                                 "of text across the page.")
        for company, dates in jobs:
            y -= 16
            canvas.drawString(50, y, company)
            canvas.drawRightString(560, y, dates)
        y -= 16
        canvas.drawString(50, y, "Certified Kubernetes Administrator " + "." * 60 + " 2020")

    doc = parse_pdf(canvas_pdf(page), source="tabs.pdf")
    lines = texts(doc)
    for company, dates in jobs:
        assert f"{company} {dates}" in lines, lines
    assert any(line.startswith("Certified Kubernetes") and line.endswith("2020") for line in lines)
    assert {line.column for line in doc.lines} == {0}


def test_tight_kerning_keeps_word_spaces() -> None:
    items = ["Curr", 40, "ently", 60, " ", 150, "I", 30, " ", 150, "dev", 50, "elop", 60, " ",
             150, "and", 40, " ", 150, "ev", 50, "aluate", 40, " ", 150, "Py", 70, "Torch"]
    doc = parse_pdf(raw_pdf([tj(50, 700, items)]), source="kern.pdf")
    assert texts(doc) == ["Currently I develop and evaluate PyTorch"]


def test_words_drawn_with_gaps_and_no_space_chars_get_spaces() -> None:
    stream = words_with_gaps(50, 700, ["PowerShell", "and", "VBScript", "scripting"])
    stream += words_with_gaps(50, 680, ["VMWare", "experience"], gap_em=0.25)
    doc = parse_pdf(raw_pdf([stream]), source="gaps.pdf")
    assert texts(doc) == ["PowerShell and VBScript scripting", "VMWare experience"]


def test_glyph_by_glyph_placement_with_skewed_widths_gets_spaces() -> None:
    # After "l" and "i" the in-word gap is -0.11 em, so a word gap after "l" is only
    # 0.11 em: a fixed threshold glues "PowerShell and"; the per-char baseline does not.
    offsets = {"l": 0.11, "i": 0.11}
    sentences = [
        "PowerShell and VBScript skills",
        "install all small tools well",
        "fill the mill list daily",
        "VMWare experience in all labs",
    ]
    stream = "".join(
        glyph_by_glyph(50, 700 - 20 * i, s, offsets=offsets) for i, s in enumerate(sentences)
    )
    doc = parse_pdf(raw_pdf([stream]), source="glyphs.pdf")
    assert texts(doc) == sentences


def test_word_hyphenated_across_lines_is_joined() -> None:
    lines = ["Built and operated distrib-", "uted systems for payments"]
    doc = parse_pdf(canvas_pdf(lines_at(50, 700, lines)), source="hyphen.pdf")
    assert "distributed" in doc.text
    assert doc.lines[0].text.endswith("distributed")


def test_soft_hyphens_are_dropped_and_join_words() -> None:
    lines = ["Ten years of ex\u00ad", "perience with cloud platforms"]
    doc = parse_pdf(canvas_pdf(lines_at(50, 700, lines)), source="soft.pdf")
    assert texts(doc) == ["Ten years of experience", "with cloud platforms"]
    assert "\u00ad" not in doc.text and "\ufffe" not in doc.text


def test_ligatures_come_out_as_letters() -> None:
    pdfmetrics.registerFont(TTFont("VeraTest", str(VERA_TTF)))

    def page(canvas) -> None:
        canvas.setFont("VeraTest", 11)
        canvas.drawString(50, 700, "\ufb01nance and work\ufb02ow of\ufb01ce")

    doc = parse_pdf(canvas_pdf(page), source="lig.pdf")
    assert texts(doc) == ["finance and workflow office"]


def test_user_password_is_reported() -> None:
    encrypt = StandardEncryption("secret", ownerPassword="owner")
    data = canvas_pdf(lines_at(50, 700, ["Hidden"]), encrypt=encrypt)
    with pytest.raises(PasswordProtectedError) as err:
        parse_pdf(data, source="locked.pdf")
    assert "remove the password" in str(err.value)
    assert err.value.source == "locked.pdf"


def test_owner_password_only_is_read_normally() -> None:
    encrypt = StandardEncryption("", ownerPassword="owner", canPrint=0, canCopy=0)
    data = canvas_pdf(lines_at(50, 700, ["Readable resume text"]), encrypt=encrypt)
    assert texts(parse_pdf(data, source="perm.pdf")) == ["Readable resume text"]


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\nthis is not a pdf at all",
        canvas_pdf(lines_at(50, 700, ["Some text"]))[:600],
        b"%PDF-1.7\n" + bytes(range(256)) * 20,
    ],
    ids=["garbage", "truncated", "binary"],
)
def test_broken_pdf_is_unreadable(data: bytes) -> None:
    with pytest.raises(UnreadableDocumentError) as err:
        parse_pdf(data, source="broken.pdf")
    assert "not a readable PDF" in str(err.value)


def test_file_over_the_size_limit_is_refused() -> None:
    data = canvas_pdf(lines_at(50, 700, ["Some text"]))
    with pytest.raises(LimitExceededError):
        parse_pdf(data, source="big.pdf", limits=Limits(max_file_bytes=100))


def test_image_only_pdf_has_no_text_layer() -> None:
    doc = parse_pdf(raw_pdf([image()]), source="scan.pdf")
    assert doc.lines == ()
    notice = doc.notice("no_text_layer")
    assert notice is not None and notice.severity is Severity.ERROR
    assert "not a scan" in (notice.fix or "")
    assert doc.pages[0].image_count == 1


def test_page_without_text_in_a_texty_pdf_is_noticed() -> None:
    doc = parse_pdf(raw_pdf([text(50, 700, "Jane Doe, Data Engineer"), image()]), source="x.pdf")
    notice = doc.notice("page_without_text")
    assert notice is not None and notice.page == 2
    assert doc.notice("no_text_layer") is None
    assert [p.image_count for p in doc.pages] == [0, 1]


def test_pages_beyond_the_limit_are_not_read() -> None:
    pages = [text(50, 700, f"Content of page {n}") for n in range(1, 5)]
    doc = parse_pdf(raw_pdf(pages), source="long.pdf", limits=Limits(max_pages=2))
    assert [p.number for p in doc.pages] == [1, 2]
    assert doc.page_count == 4
    notice = doc.notice("page_limit")
    assert notice is not None and "2 of 4" in notice.message
    assert "page 3" not in doc.text


def test_lines_carry_page_number_box_font_size_and_weight() -> None:
    page = (text(72, 700, "Experience", size=14, font="F2")
            + text(72, 680, "Built data pipelines in Python")
            + text(72, 666, "Ran Kubernetes clusters"))
    doc = parse_pdf(raw_pdf([page, text(72, 700, "Education")]), source="x.pdf")
    first, second, third = doc.pages[0].lines
    assert [(ln.page, ln.number) for ln in doc.lines] == [(1, 1), (1, 2), (1, 3), (2, 1)]
    assert first.bold is True and second.bold is False
    assert first.font_size == pytest.approx(14, abs=0.1)
    assert second.font_size == pytest.approx(10, abs=0.1)
    assert second.bbox is not None and first.bbox is not None
    # Top-left origin: the baseline at y=680 is 112 pt below the top edge.
    assert second.bbox.bottom == pytest.approx(PAGE_H - 680, abs=3)
    assert second.bbox.top < second.bbox.bottom
    assert first.bbox.top < second.bbox.top < third.bbox.top
    assert second.bbox.x0 == pytest.approx(72, abs=1)
    assert doc.pages[0].width == 612 and doc.pages[0].height == PAGE_H


def test_repeated_top_lines_and_page_numbers_are_margins() -> None:
    pages = [
        text(50, 770, "Jane Doe - Curriculum Vitae")
        + text(50, 700, f"Body text of page {n} with Python")
        + text(290, 30, f"Page {n} of 3")
        for n in range(1, 4)
    ]
    doc = parse_pdf(raw_pdf(pages), source="x.pdf")
    for page in doc.pages:
        origins = {line.text: line.origin for line in page.lines}
        assert origins["Jane Doe - Curriculum Vitae"] is Origin.HEADER
        assert origins[f"Page {page.number} of 3"] is Origin.FOOTER
        assert origins[f"Body text of page {page.number} with Python"] is Origin.BODY


def test_text_flowing_onto_page_tops_is_not_a_header() -> None:
    # The same line opens pages 2 and 3 by chance and also appears in the body: content.
    pages = [text(50, 700, "Company Name - City, State") + text(50, 686, "Body one")]
    pages += [text(50, 770, "Company Name - City, State") + text(50, 700, f"Body {n}")
              for n in (2, 3)]
    doc = parse_pdf(raw_pdf(pages), source="x.pdf")
    assert {line.origin for line in doc.lines} == {Origin.BODY}


def test_single_page_name_at_the_top_is_not_a_header() -> None:
    page = text(50, 770, "Jane Doe", size=18) + text(50, 700, "Data engineer") + text(300, 30, "1")
    doc = parse_pdf(raw_pdf([page]), source="x.pdf")
    origins = {line.text: line.origin for line in doc.lines}
    assert origins == {"Jane Doe": Origin.BODY, "Data engineer": Origin.BODY, "1": Origin.FOOTER}


def test_parse_is_deterministic_and_records_the_source() -> None:
    data = canvas_pdf(lines_at(50, 700, LEFT))
    first, second = parse_pdf(data, source="a.pdf"), parse_pdf(data, source="a.pdf")
    assert first == second
    assert first.format == "pdf" and first.source == "a.pdf" and first.byte_size == len(data)


# --- the shared reference corpus ------------------------------------------------------------

def _shared() -> Path:
    beside = SHARED
    return beside if beside.is_dir() else Path("/work/shared")


def _shared_file(relative: str) -> Path:
    path = _shared() / relative
    if not path.is_file():
        pytest.skip(f"{path} is absent: the shared reference corpus is not available here")
    return path


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.shared
def test_shared_latex_two_column_keeps_spaces_and_joins_hyphens() -> None:
    path = _shared_file("corpus/resumes-templates/latexcv/two_column.pdf")
    doc = parse_pdf(path.read_bytes(), source=path.name)
    flat = _words(doc.text)
    for phrase in ("Currently I develop and evaluate", "project experience in educational",
                   "love fitness", "Software Development"):
        assert phrase in flat
    assert "\ufffe" not in doc.text
    assert {1, 2} <= {line.column for line in doc.lines}


@pytest.mark.shared
@pytest.mark.parametrize(
    ("relative", "phrases"),
    [
        ("corpus/resumes-livecareer/INFORMATION-TECHNOLOGY/10089434.pdf",
         ["PowerShell and VBScript", "VMWare experience"]),
        ("corpus/resumes-livecareer/INFORMATION-TECHNOLOGY/10553553.pdf",
         ["with PowerShell and DAS"]),
    ],
)
def test_shared_livecareer_gaps_become_spaces(relative: str, phrases: list[str]) -> None:
    path = _shared_file(relative)
    flat = _words(parse_pdf(path.read_bytes(), source=path.name).text)
    for phrase in phrases:
        assert phrase in flat
    assert not re.search(r"PowerShelland|VMWareexperience", flat)
