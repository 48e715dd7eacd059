"""A line set a little apart (slight character spacing) keeps its words whole.

Regression for issue 16: a Word-exported resume wrote its upper-case lines with a small
character spacing (about 0.06 em), below the level that marked a line as letter-spaced.  The
usual gap after "P" had been learned from the body, where "P" is drawn tight (a kerned
"PA"), so on those lines the gap after "P" or "V" passed the plain threshold: "SP ECIALIST",
"P ROMOTED", "NOV EMBER".  A line whose letter gaps sit steadily above the usual ones is now
judged from its own letter gap at that level too.
"""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from resume_checker.documents.pdf import parse_pdf
from tests.pdf_fixtures import canvas_pdf

FONT, SIZE = "Times-Roman", 11.0
USUAL = 0.03       # em the glyphs sit closer than their widths, as HTML-to-PDF tools place them
TIGHT = {"P": 0.10, "V": 0.12}  # letters the body draws tighter (kerned pairs)
BODY = [  # the capitals of the spaced lines occur here too, drawn at the usual gap
    "Prepared Payroll Vouchers for the ACCOUNTS PAYABLE group",
    "Posted Payments and Vendor credits as SPECIALIST in charge",
    "Processed Purchase orders when PROMOTED in NOVEMBER",
    "Verified Petty cash and Valued the PAYROLL of each SUPERVISOR",
    "INITIALLY HIRED for the Plant inventory of each Period",
] * 2
CAPS = [
    "INITIALLY HIRED AS ACCOUNTS PAYABLE SPECIALIST",
    "PROMOTED NOVEMBER TO PAYROLL SUPERVISOR",
]
_WORD_GAP_EM = 0.25


def _line(canvas: Canvas, y: float, line: str, offsets: dict[str, float], usual: float) -> None:
    """Each glyph drawn on its own, ``offsets[ch]`` em (else ``usual``) closer than its width;
    word spaces are gaps, not space chars."""
    canvas.setFont(FONT, SIZE)
    x = 40.0
    for word in line.split(" "):
        for ch in word:
            canvas.drawString(x, y, ch)
            x += stringWidth(ch, FONT, SIZE) - offsets.get(ch, usual) * SIZE
        x += (_WORD_GAP_EM + usual) * SIZE


def _resume(tracking: float) -> bytes:
    """The body drawn tight after "P" and "V", then upper-case lines spaced ``tracking`` em
    apart beyond the usual gap, after every letter alike."""
    def draw(canvas: Canvas) -> None:
        y = 720.0
        for line in BODY:
            _line(canvas, y, line, TIGHT, USUAL)
            y -= 16
        for line in CAPS:
            _line(canvas, y, line, {}, USUAL - tracking)
            y -= 16
    return canvas_pdf(draw)


def _texts(data: bytes) -> list[str]:
    return [line.text for line in parse_pdf(data, source="slight.pdf").lines]


@pytest.mark.parametrize("tracking", [0.06, 0.07, 0.09])
def test_slightly_spaced_capitals_keep_their_words(tracking: float) -> None:
    assert _texts(_resume(tracking)) == BODY + CAPS

