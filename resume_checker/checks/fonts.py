"""Fonts: many font families, or text set in a symbol font, make a resume hard to read.

The parser records the family of each line's first character (`Line.font`; PDF only).  A line
that starts with a lone bullet or icon tells the bullet's font, not the text's, so it is left out;
a symbol font (Word sets its bullets in Symbol) only counts when a run of symbols starts the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from resume_checker.checks.model import CheckContext, Finding
from resume_checker.documents.model import Line, Severity

MAX_FAMILIES = 4
# Symbol and icon fonts, compared without case and spaces ("Zapf Dingbats" = "ZapfDingbats").
_SYMBOL_FONTS = re.compile(
    r"wingdings|webdings|^symbol|dingbats|fontawesome|materialicons|materialsymbols"
)


def check_fonts(ctx: CheckContext) -> Iterator[Finding]:
    """`many_fonts` past four families; `symbol_font` when text is set in a symbol font."""
    fonts: dict[str, Line] = {}  # family -> first line set in it
    symbol_lines: list[Line] = []
    for line in ctx.document.lines:
        family = text_font(line)
        if family is None:
            continue
        fonts.setdefault(family, line)
        if is_symbol_font(family) and _starts_with_symbols(line.text):
            symbol_lines.append(line)
    if len(fonts) > MAX_FAMILIES:
        yield Finding(
            code="many_fonts",
            severity=Severity.INFO,
            title="Many different fonts",
            explanation=(
                "Text set in many font families looks untidy to a reader, and unusual fonts "
                "are more likely to be read wrongly by an ATS."
            ),
            fix="Use one or two standard fonts (e.g. Calibri, Arial, Georgia) for the whole "
                "resume.",
            evidence=f"{len(fonts)} font families: " + ", ".join(fonts),
        )
    if symbol_lines:
        pages = sorted({ln.page for ln in symbol_lines})
        yield Finding(
            code="symbol_font",
            severity=Severity.WARNING,
            title="Text set in a symbol font",
            explanation=(
                "Symbol fonts such as Wingdings or Zapf Dingbats draw pictures in place of "
                "letters; an ATS reads the letters behind them, a reader sees only symbols."
            ),
            fix="Set that text in the resume's normal font; use words instead of icons.",
            page=pages[0],
            line=symbol_lines[0].number,
            evidence=", ".join(sorted({f for f in map(text_font, symbol_lines) if f}))
            + " on page(s) " + ", ".join(map(str, pages)),
        )


def text_font(line: Line) -> str | None:
    """The line's font family when its first character is text rather than a lone bullet."""
    text = line.text
    if not line.font or not text:
        return None
    lone = not text[0].isalnum() and (len(text) == 1 or text[1].isspace() or text[1].isalnum())
    return None if lone else line.font


def _starts_with_symbols(text: str) -> bool:
    """Two symbols in a row: a word drawn in the symbol font, not a bullet before text."""
    return len(text) >= 2 and not any(ch.isalnum() or ch.isspace() for ch in text[:2])


@lru_cache(maxsize=1024)  # asked once per line; a resume uses a handful of families
def is_symbol_font(family: str) -> bool:
    """Wingdings, Webdings, Symbol, Zapf Dingbats, Font Awesome, Material Icons/Symbols."""
    return bool(_SYMBOL_FONTS.search(family.lower().replace(" ", "").replace("-", "")))
