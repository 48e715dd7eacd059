"""Hidden text in PDFs: found, quoted in a finding, kept out of the score (unless asked)."""

from __future__ import annotations

from datetime import date

import pytest
from findings_fixtures import (
    STUFFED,
    covered_pdf,
    off_page_pdf,
    plain_pdf,
    tiny_pdf,
    white_on_dark_pdf,
    white_pdf,
    white_tiny_pdf,
)

from resume_checker.api import check
from resume_checker.documents import parse_document
from resume_checker.documents.model import Line

TODAY = date(2026, 1, 1)


@pytest.mark.parametrize(
    ("factory", "reason"),
    [
        (white_tiny_pdf, "white_text"),
        (white_pdf, "white_text"),
        (tiny_pdf, "tiny_text"),
        (off_page_pdf, "off_page"),
        (covered_pdf, "covered"),
    ],
)
def test_hidden_text_is_moved_out_of_the_matchable_lines(factory, reason) -> None:
    doc = parse_document(factory(), filename="r.pdf")
    assert [line.hidden for line in doc.hidden_lines] == [reason]
    assert doc.hidden_lines[0].text == STUFFED
    assert "TensorFlow" not in doc.text
    assert "PyTorch" in doc.text
    visible = len(doc.pages[0].lines)
    assert doc.hidden_lines[0].number == visible + 1  # numbered after the page's own lines


def test_white_text_on_a_dark_band_is_visible() -> None:
    doc = parse_document(white_on_dark_pdf(), filename="r.pdf")
    assert doc.hidden_lines == ()
    assert "Portfolio: example.com/jane" in doc.text


def test_plain_resume_has_no_hidden_text() -> None:
    assert parse_document(plain_pdf(), filename="r.pdf").hidden_lines == ()


def test_stuffing_does_not_raise_the_score() -> None:
    """A white 1-pt copy of missing keywords leaves the score exactly as without it."""
    clean = check(plain_pdf(), filename="r.pdf", today=TODAY)
    stuffed = check(white_tiny_pdf(), filename="r.pdf", today=TODAY)
    assert stuffed.score == clean.score
    assert [m.term for m in stuffed.matched] == [m.term for m in clean.matched]
    finding = next(f for f in stuffed.findings if f.code == "hidden_text")
    assert finding.page == 1 and finding.severity.value == "error"
    assert "TensorFlow JAX Kubernetes" in (finding.evidence or "")


def test_include_hidden_scores_it_for_comparison() -> None:
    stuffed = check(white_tiny_pdf(), filename="r.pdf", today=TODAY)
    kept = check(white_tiny_pdf(), filename="r.pdf", today=TODAY, include_hidden=True)
    assert kept.hidden_included and not stuffed.hidden_included
    assert kept.score.value > stuffed.score.value
    assert "TensorFlow" in {m.term for m in kept.matched}
    assert any(f.code == "hidden_text" for f in kept.findings)  # still reported


def test_hidden_lines_are_flagged_in_the_ats_view() -> None:
    report = check(white_tiny_pdf(), filename="r.pdf", today=TODAY)
    hidden = [a for a in report.ats_view if a.hidden]
    assert [(a.text, a.hidden) for a in hidden] == [(STUFFED, "white_text")]
    assert report.ats_view[-1] is hidden[0]


def test_with_hidden_puts_lines_back_at_the_end_of_their_page() -> None:
    doc = parse_document(white_tiny_pdf(), filename="r.pdf")
    merged = doc.with_hidden()
    assert merged.hidden_lines == () and merged.pages[0].lines[-1] == doc.hidden_lines[0]
    assert isinstance(merged.pages[0].lines[-1], Line) and STUFFED in merged.text
    plain = parse_document(plain_pdf(), filename="r.pdf")
    assert plain.with_hidden() is plain


def test_stray_hidden_initials_are_left_out_but_not_reported() -> None:
    """An emptied monogram ("AS" in white on white) is no stuffing: unscored, no finding."""
    from findings_fixtures import PAGE_H, _resume, canvas_pdf

    def draw(canvas) -> None:  # type: ignore[no-untyped-def]
        _resume(canvas)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.drawString(40, PAGE_H - 40, "AS")

    data = canvas_pdf(draw)
    assert [line.text for line in parse_document(data, filename="r.pdf").hidden_lines] == ["AS"]
    report = check(data, filename="r.pdf", today=TODAY)
    assert not any(f.code == "hidden_text" for f in report.findings)
