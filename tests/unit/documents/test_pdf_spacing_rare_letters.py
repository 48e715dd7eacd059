"""A letter seen only a few times in a font still learns that font's usual gap.

Regression for issue 16: in a Word-exported resume "N" and "M" were followed by a letter in
the bold font only four times ("Company Name", "Sales Manager"), too few to learn the bold
font's gap after them, so they fell back to the figure over the whole document, which one
tight pair in a heading font had set.  The gap after "N" in "Name" then read as a word
break: "Company N ame", "Sales M anager".  A font now learns its gap after a letter from
two pairs; a lone pair may be the very word gap it should find (PDFium lost the space char
of "Problem Solving" drawn over the "m"), so it stays unlearned.
"""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from resume_checker.documents.pdf import parse_pdf
from tests.pdf_fixtures import canvas_pdf

SIZE = 11.0
USUAL = 0.04   # em the glyphs sit closer than their widths, as HTML-to-PDF tools place them
BODY = [  # Times: no capital N or M followed by a letter
    "Greeted customers and kept the front end of the store stocked",
    "Answered questions about products and prices at the counter",
    "Trained new cashiers on the register and the store policies",
    "Kept the stock room in order and the aisles clear for shoppers",
] * 2
HEADING = "SKILLS AND MANAGEMENT"  # Helvetica-Bold, drawn tight after "N" and "M"
JOBS = [  # Times-Bold: a few capital N and M, at the usual gap
    "Company Name City State Sales Manager",
    "Company Name City State Store Manager",
]


def _line(canvas: Canvas, y: float, line: str, font: str, offsets: dict[str, float],
          word_gap: float = 0.25) -> None:
    """Each glyph drawn on its own, ``offsets[ch]`` em (else USUAL) closer than its width;
    word spaces are gaps of ``word_gap`` em, not space chars."""
    canvas.setFont(font, SIZE)
    x = 40.0
    for word in line.split(" "):
        for ch in word:
            canvas.drawString(x, y, ch)
            x += stringWidth(ch, font, SIZE) - offsets.get(ch, USUAL) * SIZE
        x += (word_gap + USUAL) * SIZE


def _resume(tight: float) -> bytes:
    """The heading's "N" and "M" drawn ``tight`` em closer than the usual gap."""
    def draw(canvas: Canvas) -> None:
        y = 720.0
        _line(canvas, y, HEADING, "Helvetica-Bold", dict.fromkeys("NM", USUAL + tight))
        for line in BODY:
            y -= 16
            _line(canvas, y, line, "Times-Roman", {})
        for line in JOBS:
            y -= 16
            _line(canvas, y, line, "Times-Bold", {})
    return canvas_pdf(draw)


@pytest.mark.parametrize("tight", [0.15, 0.2, 0.25])
def test_a_letter_with_few_pairs_in_its_font_keeps_words_whole(tight: float) -> None:
    lines = [line.text for line in parse_pdf(_resume(tight), source="rare.pdf").lines]
    assert lines == [HEADING, *BODY, *JOBS]


@pytest.mark.parametrize("word_gap", [0.08, 0.1])
def test_a_lone_pair_is_not_learned_as_the_usual_gap(word_gap: float) -> None:
    """The only "m" of the bold font is followed by a narrow word gap: learning it as that
    font's usual gap would hide the break."""
    def draw(canvas: Canvas) -> None:
        y = 720.0
        for line in BODY:
            _line(canvas, y, line, "Times-Roman", {"m": USUAL + 0.15})
            y -= 16
        _line(canvas, y, "Problem Solving", "Times-Bold", {}, word_gap)
    lines = [line.text for line in parse_pdf(canvas_pdf(draw), source="lone.pdf").lines]
    assert lines == [*BODY, "Problem Solving"]
