"""A gap as wide as a space is a word break whatever the character before it.

Regression for issue 16: a resume whose text held the mojibake "Â" + no-break space (a UTF-8
NBSP read as Latin-1) read "LeaderÂwho".  Its glyphs were placed a little tighter than their
widths (as HTML-to-PDF tools do) and the word spaces were gaps; every "Â" was followed by the
bare advance of the NBSP, so the gap after it was the usual gap the "Â" learned, and no break
was found.  The same held for a comma always followed by a gap.  The stray "Â" itself is
mojibake and is dropped.
"""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from resume_checker.documents.normalize import normalize_line
from resume_checker.documents.pdf import parse_pdf
from tests.pdf_fixtures import canvas_pdf

# "\u00c2" ends a word where the NBSP followed it; the other word spaces are wider gaps.
LINES = [
    "Energetic Team Leader\u00c2 who creates strategic alliances with partners",
    "Skilled in Python,\u00c2 Go and SQL, with sales and support teams",
    "Led the plan,\u00c2 the budget and the build of three sites\u00c2 on time",
]
EXPECTED = [
    "Energetic Team Leader who creates strategic alliances with partners",
    "Skilled in Python, Go and SQL, with sales and support teams",
    "Led the plan, the budget and the build of three sites on time",
]


def _glyph_placed(size: float, offset_em: float, nbsp_gap_em: float) -> bytes:
    """Every glyph drawn on its own, ``offset_em`` off its width (negative: tighter), as in
    the resume that broke; a word space is a visible gap of 0.21 em (a space with word
    spacing), but after "Â" only ``nbsp_gap_em``, the bare NBSP (no word spacing)."""
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", size)
        for row, line in enumerate(LINES):
            x, y = 40.0, 700 - row * 2 * size
            for word in line.split(" "):
                for ch in word:
                    canvas.drawString(x, y, ch)
                    x += stringWidth(ch, "Helvetica", size) + offset_em * size
                gap = nbsp_gap_em if word.endswith("\u00c2") else 0.21
                x += (gap - offset_em) * size
    return canvas_pdf(draw)


@pytest.mark.parametrize("size", [9, 11])
@pytest.mark.parametrize("offset_em", [-0.03, -0.05])
@pytest.mark.parametrize("nbsp_gap_em", [0.14, 0.15])
def test_gap_after_mojibake_nbsp_is_a_word_break(
    size: float, offset_em: float, nbsp_gap_em: float
) -> None:
    data = _glyph_placed(size, offset_em, nbsp_gap_em)
    assert [line.text for line in parse_pdf(data, source="mojibake.pdf").lines] == EXPECTED


@pytest.mark.parametrize(("raw", "clean"), [
    ("Team Leader\u00c2\u00a0who", "Team Leader who"),   # the double-encoded NBSP pair
    ("Team Leader\u00c2 who", "Team Leader who"),        # the NBSP drawn as a gap
    ("under budget\u00c2", "under budget"),               # at the end of a line
    ("\u00c2\u00a0Reduced costs", "Reduced costs"),
    ("\u00c2ge moyen", "\u00c2ge moyen"),                 # a real letter starting a word
    ("ROM\u00c2 X", "ROM\u00c2 X"),                       # after a capital: may be a word's end
    ("\u00c2A Motivated", "\u00c2A Motivated"),           # not before a space: left alone
])
def test_stray_a_circumflex_before_a_space_is_dropped(raw: str, clean: str) -> None:
    assert normalize_line(raw) == clean
