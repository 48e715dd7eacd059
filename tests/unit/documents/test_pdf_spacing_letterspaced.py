"""Letter-spaced text (character spacing, as Word for Mac's Quartz writes it) reads as words.

Regression for issue 16: such a line came out as "E n e r g e t i c l e a de r wh o s e"; a
tracked line has one steady gap between letters and clearly wider word gaps, so its own gaps
decide where words break.
"""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from resume_checker.documents.pdf import parse_pdf
from tests.pdf_fixtures import canvas_pdf, raw_pdf

SENTENCES = [  # short enough to fit the page at the widest spacing
    "Energetic leader whose team",
    "shipped payments software",
    "Skilled in Python and Go",
]


def _texts(data: bytes) -> list[str]:
    return [line.text for line in parse_pdf(data, source="tracked.pdf").lines]


def _tracked(size: float, spacing: float) -> bytes:
    def draw(canvas: Canvas) -> None:
        for i, sentence in enumerate(SENTENCES):
            text = canvas.beginText(40, 700 - i * 2.2 * size)
            text.setFont("Helvetica", size)
            text.setCharSpace(spacing)
            text.textLine(sentence)
            canvas.drawText(text)
    return canvas_pdf(draw)


@pytest.mark.parametrize("size", [9, 10.5, 12, 16])
@pytest.mark.parametrize("spacing_em", [0.05, 0.1, 0.15, 0.25, 0.4])
def test_character_spacing_keeps_words_whole(size: float, spacing_em: float) -> None:
    assert _texts(_tracked(size, spacing_em * size)) == SENTENCES


def test_letter_spaced_heading_over_plain_lines() -> None:
    def draw(canvas: Canvas) -> None:
        heading = canvas.beginText(40, 720)
        heading.setFont("Helvetica-Bold", 12)
        heading.setCharSpace(3)
        heading.textLine("PROFESSIONAL EXPERIENCE")
        canvas.drawText(heading)
        canvas.setFont("Helvetica", 10)
        canvas.drawString(40, 700, "Led a team of five engineers")
    assert _texts(canvas_pdf(draw)) == ["PROFESSIONAL EXPERIENCE", "Led a team of five engineers"]


def test_tracked_words_placed_without_space_characters() -> None:
    """Words drawn one by one with character spacing and no space char between them."""
    size, spacing = 10.0, 2.0
    stream, x = "", 40.0
    for word in SENTENCES[0].split():
        stream += f"BT /F1 {size} Tf {spacing} Tc {x:.2f} 700 Td ({word}) Tj ET\n"
        x += stringWidth(word, "Helvetica", size) + spacing * len(word) + 0.3 * size
    assert _texts(raw_pdf([stream])) == [SENTENCES[0]]
