"""Words in a second font keep whole when the usual in-word gap is learned per font.

Regression for issue 16: HTML-to-PDF resumes place every glyph on its own, a steady offset off
its width that depends on the letter and the font.  The usual gap after a letter was learned
over the whole document, so it fitted the main font (Times, drawn tight) and not the lines in
a second font (Helvetica at another size, with a looser offset after a few letters): those
came out as "inf ormation f rom" and "Sum m ary".  The usual gap is now learned per font and
letter, falling back to the per-letter figure where a font has too few pairs.
"""

from __future__ import annotations

import numpy as np
import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from resume_checker.documents.pdf import parse_pdf
from resume_checker.documents.pdf.layout import (
    analyse,
    font_gap_baselines,
    font_key,
    gap_baselines,
)
from tests.pdf_fixtures import canvas_pdf

BODY = [
    "Managed accounts receivable and payable for a regional medical group",
    "Prepared monthly reports from the general ledger for the finance team",
    "Reconciled information from bank statements and vendor invoices",
    "Trained new staff on the billing system and the month end close",
] * 2
SIDE = [
    "Medical billing information from insurers",
    "Formed a common ledger format",
    "Summary of medical information for members",
]
_WORD_GAP_EM = 0.25


def _glyphs(canvas: Canvas, y: float, line: str, font: str, size: float,
            offsets: dict[str, float], usual: float) -> None:
    """Each glyph drawn on its own, ``offsets[ch]`` em (else ``usual``) off its width; word
    spaces are gaps, not space chars."""
    canvas.setFont(font, size)
    x = 40.0
    for word in line.split(" "):
        for ch in word:
            canvas.drawString(x, y, ch)
            x += stringWidth(ch, font, size) + offsets.get(ch, usual) * size
        x += (_WORD_GAP_EM - usual) * size


def _two_fonts(body_offset: float, side_offset: float, side_usual: float) -> bytes:
    """A Times 11.4 body drawn tight, then Helvetica 10.8 lines whose "m", "f" and "o" sit
    ``side_offset`` em off their widths (other letters ``side_usual``)."""
    def draw(canvas: Canvas) -> None:
        y = 720.0
        for line in BODY:
            _glyphs(canvas, y, line, "Times-Roman", 11.4, {}, body_offset)
            y -= 16
        for line in SIDE:
            _glyphs(canvas, y, line, "Helvetica", 10.8, dict.fromkeys("mfo", side_offset),
                    side_usual)
            y -= 16
    return canvas_pdf(draw)


@pytest.mark.parametrize(("body_offset", "side_offset", "side_usual"), [
    (-0.06, 0.04, -0.02), (-0.06, 0.08, 0.0), (-0.06, 0.10, -0.02),
    (-0.10, 0.04, -0.02), (-0.10, 0.08, -0.02), (-0.10, 0.10, 0.0),
])
def test_words_in_a_second_font_stay_whole(
    body_offset: float, side_offset: float, side_usual: float
) -> None:
    data = _two_fonts(body_offset, side_offset, side_usual)
    lines = [line.text for line in parse_pdf(data, source="two-fonts.pdf").lines]
    assert lines == BODY + SIDE


def test_a_font_learns_its_own_gap_after_a_letter() -> None:
    # One line of 10 pt glyph boxes in two fonts: after "m" font 0 leaves -0.1 em, font 1
    # +0.02 em; after any other letter both leave -0.1 em.
    text = "ma" * 6 + "mb" * 6
    font = np.array([0] * 12 + [1] * 12)
    x, boxes = 0.0, []
    for ch, f in zip(text, font.tolist(), strict=True):
        boxes.append((x, 10.0, x + 5.0, 0.0))
        x += 5.0 + (0.02 if ch == "m" and f == 1 else -0.1) * 10.0
    g = analyse(text, boxes, 612.0)
    keys, values = font_gap_baselines([g], [font])
    learned = dict(zip(keys.tolist(), values.round(3).tolist(), strict=True))
    m = np.array([ord("m")], dtype=np.uint32)
    assert learned[int(font_key(np.array([0]), m)[0])] == -0.1
    assert learned[int(font_key(np.array([1]), m)[0])] == 0.02
    # The per-letter figure, what a font with too few pairs falls back to, fits font 0 only.
    codes, per_letter = gap_baselines([g])
    assert round(float(per_letter[codes.tolist().index(ord("m"))]), 3) == -0.1
