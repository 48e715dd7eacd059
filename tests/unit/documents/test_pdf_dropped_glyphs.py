"""Glyphs PDFium drops as repeats are read back; real repeats (a bold effect) stay dropped.

Regression: a Word export draws every glyph as its own text object and sets "ff" closer than
an "f" is wide; PDFium took the second "f" for a repeat of the first and the words read
"of ering", "dif icult".  The PDFs here are written by reportlab, one text object a glyph.
"""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from resume_checker.documents.pdf import parse_pdf
from resume_checker.documents.pdf.dropped import unowned_text_objects
from resume_checker.documents.pdf.pdfium_calls import address

FONT, SIZE = "Times-Italic", 20


def _glyph_pdf(word: str, *, ff_advance: float = 1.0, copies: int = 1,
               copy_shift: float = 0.0) -> bytes:
    """``word`` at 20 pt, each glyph its own text object; an "f" after an "f" advances only
    ``ff_advance`` of its width, and each glyph is drawn ``copies`` times, ``copy_shift`` pt
    apart (a bold effect)."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(400, 200))
    x, previous = 50.0, ""
    for char in word:
        advance = stringWidth(char, FONT, SIZE)
        if char == previous == "f":
            x -= advance * (1 - ff_advance)
        for k in range(copies):
            text = page.beginText(x + k * copy_shift, 100)
            text.setFont(FONT, SIZE)
            text.textOut(char)
            page.drawText(text)
        x += advance
        previous = char
    page.showPage()
    page.save()
    return out.getvalue()


def _pdfium_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    try:
        page = pdf[0]
        textpage = page.get_textpage()
        text: str = textpage.get_text_range()
        textpage.close()
        page.close()
        return text
    finally:
        pdf.close()


def _text(data: bytes) -> str:
    return " ".join(line.text for line in parse_pdf(data, source="glyphs.pdf").lines)


def test_pdfium_drops_an_f_set_closer_than_its_width() -> None:
    """The premise: PDFium's own text page loses the second "f"."""
    assert "ff" not in _pdfium_text(_glyph_pdf("offering", ff_advance=0.7))


@pytest.mark.parametrize("ff_advance", [0.6, 0.7, 0.85])
def test_an_f_pdfium_dropped_as_a_repeat_is_read(ff_advance: float) -> None:
    assert _text(_glyph_pdf("offering", ff_advance=ff_advance)) == "offering"


def test_words_with_several_kerned_ff_read_whole() -> None:
    assert _text(_glyph_pdf("difficult offices", ff_advance=0.7)) == "difficult offices"


@pytest.mark.parametrize("copy_shift", [0.0, 0.3, 0.6])
def test_a_glyph_drawn_twice_for_bold_is_read_once(copy_shift: float) -> None:
    assert _text(_glyph_pdf("offering", copies=2, copy_shift=copy_shift)) == "offering"


def test_kerned_ff_drawn_twice_for_bold_is_read_once() -> None:
    data = _glyph_pdf("offering", ff_advance=0.7, copies=2, copy_shift=0.3)
    assert _text(data) == "offering"


@pytest.mark.parametrize(("ff_advance", "copies"), [(0.7, 1), (1.0, 2)])
def test_the_c_and_ctypes_loops_find_the_same_objects(ff_advance: float, copies: int) -> None:
    """The dropped objects: found by the C loop when it is built, else by ctypes; both agree."""
    pdf = pdfium.PdfDocument(_glyph_pdf("offering", ff_advance=ff_advance, copies=copies,
                                        copy_shift=0.3))
    try:
        page = pdf[0]
        textpage = page.get_textpage()
        handles = address(page), address(textpage)
        assert handles[0] and handles[1]
        count = len(textpage.get_text_range())
        ctypes_found = unowned_text_objects(*handles, count, native=False)
        assert ctypes_found  # each test PDF has at least one
        assert unowned_text_objects(*handles, count) == ctypes_found
        textpage.close()
        page.close()
    finally:
        pdf.close()
