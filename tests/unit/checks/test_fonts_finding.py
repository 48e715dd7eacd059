"""The `many_fonts` and `symbol_font` findings, on PDFs drawn here with reportlab."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from resume_checker.checks import run_checks
from resume_checker.checks.fonts import is_symbol_font
from resume_checker.documents.pdf import font_family, parse_pdf

_TEXT = "Senior data engineer who built pipelines for ten years"


def _pdf(fonts: list[str]) -> bytes:
    if "Vera" in fonts:
        vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
        pdfmetrics.registerFont(TTFont("Vera", str(vera)))
    buf = io.BytesIO()
    page = canvas.Canvas(buf)
    y = 780
    for font in fonts:
        for _ in range(3):
            page.setFont(font, 11)
            page.drawString(72, y, _TEXT)
            y -= 18
    page.save()
    return buf.getvalue()


def test_six_faces_in_five_families_are_many_fonts_and_zapf_is_a_symbol_font() -> None:
    data = _pdf(["Helvetica", "Helvetica-Bold", "Times-Roman", "Courier", "Vera", "ZapfDingbats"])
    findings = run_checks(parse_pdf(data, source="fonts.pdf"))
    (many,) = findings.with_code("many_fonts")
    assert many.evidence is not None and many.evidence.startswith("5 font families:")
    assert many.evidence.count("Helvetica") == 1  # the bold face is not a family of its own
    (symbol,) = findings.with_code("symbol_font")
    assert symbol.evidence == "ZapfDingbats on page(s) 1"
    assert symbol.page == 1 and symbol.line == 16


def test_four_families_are_not_many_fonts() -> None:
    data = _pdf(["Helvetica", "Helvetica-Bold", "Times-Roman", "Times-Italic", "Courier", "Vera"])
    codes = run_checks(parse_pdf(data, source="fonts.pdf")).codes
    assert "many_fonts" not in codes and "symbol_font" not in codes


def test_one_font_gives_neither_finding() -> None:
    document = parse_pdf(_pdf(["Helvetica"]), source="plain.pdf")
    assert {line.font for line in document.lines} == {"Helvetica"}
    codes = run_checks(document).codes
    assert "many_fonts" not in codes and "symbol_font" not in codes


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("ABCDEF+Arial-BoldMT", "Arial"),
        ("ArialMT", "Arial"),
        ("Arial,BoldItalic", "Arial"),
        ("TimesNewRomanPS-BoldMT", "TimesNewRoman"),
        ("TimesNewRomanPSMT", "TimesNewRoman"),
        ("Calibri-Italic", "Calibri"),
        ("CMBX12", "CMBX"),
        ("", None),
    ],
)
def test_font_family_drops_subset_and_style_tags(name: str, family: str | None) -> None:
    assert font_family(name) == family


@pytest.mark.parametrize(
    ("family", "symbolic"),
    [("Wingdings", True), ("Zapf Dingbats", True), ("FontAwesome", True),
     ("Font Awesome 6 Free", True), ("MaterialSymbolsOutlined", True), ("Symbol", True),
     ("Arial", False), ("Georgia", False), ("Calibri", False)],
)
def test_symbol_font_names(family: str, symbolic: bool) -> None:
    assert is_symbol_font(family) is symbolic


def test_the_batch_cache_keeps_the_font() -> None:
    from resume_checker.batch.codec import document_from_json, document_to_json

    document = parse_pdf(_pdf(["Times-Bold"]), source="cached.pdf")
    assert document_from_json(document_to_json(document)).lines[0].font == "Times"
