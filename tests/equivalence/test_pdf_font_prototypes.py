"""The PDF font facts read through bare prototypes equal those read through declared types.

`CharFonts` calls PDFium through prototypes without argument types (cheaper per call); the
plain form below makes the same calls through pypdfium2's declared prototypes.  On any page
hypothesis draws (fonts, sizes, scaled text matrices) and for every char index, in range or
not, both give the same size, family and boldness.
"""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_fixtures import raw_pdf, text

from resume_checker.documents.pdf.fonts import CharFonts, font_family

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")


def _plain_size(textpage: pdfium.PdfTextPage, index: int) -> float:
    size = float(pdfium_c.FPDFText_GetFontSize(textpage, index))
    m = pdfium_c.FS_MATRIX()
    if pdfium_c.FPDFText_GetMatrix(textpage, index, m):
        size *= abs(m.a * m.d - m.b * m.c) ** 0.5
    return size


def _plain_font(textpage: pdfium.PdfTextPage, index: int) -> tuple[str | None, bool]:
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int(0)
    n = pdfium_c.FPDFText_GetFontInfo(textpage, index, buffer, 128, ctypes.byref(flags))
    name = (buffer.value if 0 < n <= 128 else b"").decode("utf-8", "replace")
    bold = (
        pdfium_c.FPDFText_GetFontWeight(textpage, index) >= 600
        or bool(flags.value & (1 << 18))
        or any(word in name.lower() for word in _BOLD_NAMES)
    )
    return font_family(name), bold


_ITEM = st.tuples(
    st.floats(20, 500), st.floats(20, 700),
    st.text(st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=12),
    st.floats(1, 40), st.sampled_from(["F1", "F2"]), st.floats(0.25, 3),
)


@FAST
@given(st.lists(_ITEM, max_size=8))
def test_bare_font_calls_equal_declared_ones(items):
    content = "".join(
        f"q {scale:.3f} 0 0 {scale:.3f} 0 0 cm " + text(x, y, s, size=size, font=font) + "Q\n"
        for x, y, s, size, font, scale in items
    )
    pdf = pdfium.PdfDocument(raw_pdf([content]))
    page = pdf[0]
    textpage = page.get_textpage()
    try:
        fonts = CharFonts(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
        for index in range(-2, textpage.count_chars() + 2):
            assert repr(fonts.size(index)) == repr(_plain_size(textpage, index))
            assert fonts.font(index) == _plain_font(textpage, index)
    finally:
        textpage.close()
        page.close()
        pdf.close()
