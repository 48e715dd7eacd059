"""Hyphens printed inside a line but encoded as soft hyphens stay hyphens.

Regression for issue 16: LuaTeX maps the hyphen it prints in compounds to U+00AD, so
"high-impact" read as "highimpact".  Only a soft hyphen at the end of a line is a break.
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from resume_checker.documents.pdf import parse_pdf
from tests.pdf_fixtures import VERA_TTF, canvas_pdf


def _soft(lines: list[str]) -> list[str]:
    # A TrueType font: reportlab writes a ToUnicode map, so PDFium reports U+00AD as drawn.
    pdfmetrics.registerFont(TTFont("VeraSoft", str(VERA_TTF)))

    def draw(canvas: Canvas) -> None:
        canvas.setFont("VeraSoft", 10)
        for i, line in enumerate(lines):
            canvas.drawString(50, 700 - 14 * i, line)
    return [line.text for line in parse_pdf(canvas_pdf(draw), source="soft.pdf").lines]


def test_soft_hyphen_inside_a_line_is_a_printed_hyphen() -> None:
    lines = ["Delivered high\u00adimpact cloud\u00adnative systems",
             "multi\u00adaccount and on\u00adpremise estates"]
    assert _soft(lines) == ["Delivered high-impact cloud-native systems",
                            "multi-account and on-premise estates"]


def test_soft_hyphen_at_a_line_end_still_joins_the_word() -> None:
    lines = ["Ten years of high\u00adimpact ex\u00ad", "perience with cloud platforms"]
    texts = _soft(lines)
    assert texts == ["Ten years of high-impact experience", "with cloud platforms"]
    assert not any("\u00ad" in t or "\ufffe" in t for t in texts)
