"""Will an ATS read the text right?  Text layer, garbled characters, and layout that hides text.

These checks look only at the Document (lines, their origin and column), so they work the same
for PDF, DOCX and text.  Checks that need the PDF itself (hidden or tiny text) live elsewhere.
"""

from __future__ import annotations

import re
import shutil
import string
import unicodedata
from collections import Counter
from collections.abc import Iterator

from resume_checker.checks.model import CheckContext, Finding
from resume_checker.documents.model import Line, Origin, Severity
from resume_checker.documents.sections import classify_heading

MIN_CHARS_PER_PAGE = 250        # below this a page is most likely an image or outlines
_GARBLE = re.compile(r"\(cid:\d+\)|\ufffd|[\ue000-\uf8ff\U000f0000-\U0010ffff]")
_LEADING_PUA = re.compile(r"^[\ue000-\uf8ff]\s*")        # a Symbol/Wingdings bullet
_NON_LETTER = re.compile(r"[^\W\d_]+|\s+")               # removes letters and spaces
_ASCII_LETTERS = (string.ascii_letters + " ").encode("ascii")
#: ASCII characters `_NON_LETTER` removes: letters and whitespace (as `\s` reads it)
_ASCII = bytes(range(128))
#: UTF-8 bytes that are not an ASCII character `_NON_LETTER` keeps: ASCII letters and
#: whitespace (as `\s` reads it), and every byte of a multi-byte character
_NOT_ASCII_OTHER = bytes(range(128, 256)) + bytes(
    c for c in range(128) if _NON_LETTER.fullmatch(chr(c))
)
_MIN_GARBLE_MARKS = 3
_MIN_CHARS_FOR_SHARE = 200
_MIN_LETTER_SHARE = 0.55
_PROSE_WORDS = 12
_PLAIN_BULLETS = frozenset("\u2022-*\u2013\u00b7>")     # •, -, *, –, ·
_ARROWS = range(0x2190, 0x2200)
_OCR_FIX = (
    "Export the resume again from the word processor as a PDF with real text (not 'print to "
    "image' or a scan), or upload the .docx.  To read this file anyway, install tesseract OCR "
    "('apt install tesseract-ocr' or 'brew install tesseract') and run with --ocr."
)


def ocr_available() -> bool:
    """Whether the tesseract OCR program is on PATH."""
    return shutil.which("tesseract") is not None


def _ocr_fix() -> str:
    return _OCR_FIX + ("" if ocr_available() else "  (tesseract is not installed here.)")


def check_text_layer(ctx: CheckContext) -> Iterator[Finding]:
    """No text at all, pages without text, or too little text per page (scans, outlined text)."""
    doc = ctx.document
    if not doc.has_text or doc.notice("no_text_layer"):
        yield Finding(
            code="no_text_layer",
            severity=Severity.ERROR,
            title="No readable text",
            explanation=(
                "No text could be read from this file; it is probably a scanned image or text "
                "turned into shapes.  An ATS sees an empty resume."
            ),
            fix=_ocr_fix() if doc.format == "pdf" else "Save the resume with its text.",
        )
        return
    flagged: set[int] = set()
    for notice in doc.notices:
        if notice.code == "page_without_text" and notice.page is not None:
            flagged.add(notice.page)
    flagged.update(p.number for p in doc.pages if not p.lines)
    for number in sorted(flagged):
        yield Finding(
            code="page_without_text",
            severity=Severity.WARNING,
            title=f"Page {number} has no readable text",
            explanation="This page is probably an image; an ATS skips whatever it shows.",
            fix=_ocr_fix(),
            page=number,
        )
    pages = [p for p in doc.pages if p.lines]
    if doc.format == "pdf" and pages:
        per_page = sum(p.char_count for p in pages) / len(pages)
        if per_page < MIN_CHARS_PER_PAGE:
            yield Finding(
                code="little_text",
                severity=Severity.WARNING,
                title="Very little text per page",
                explanation=(
                    f"Only about {per_page:.0f} characters per page could be read; parts of the "
                    "resume are probably images or shapes an ATS cannot read."
                ),
                fix=_ocr_fix(),
                page=pages[0].number,
                evidence=f"{per_page:.0f} characters per page",
            )


def check_garbled(ctx: CheckContext) -> Iterator[Finding]:
    """(cid:NN), U+FFFD, private-use characters or mostly non-letters: the ATS reads garbage."""
    for page in ctx.document.pages:
        text = "".join(line.text for line in page.lines)
        marks = 0
        first: Line | None = None
        maybe_garbled, other = _scan(text)
        if maybe_garbled and _GARBLE.search(text):
            for line in page.lines:
                found = len(_GARBLE.findall(_LEADING_PUA.sub("", line.text)))
                if found and first is None:
                    first = line
                marks += found
        non_space = len(text) - text.count(" ")
        share = 1 - other / non_space if non_space else 1.0
        low_share = non_space >= _MIN_CHARS_FOR_SHARE and share < _MIN_LETTER_SHARE
        if marks < _MIN_GARBLE_MARKS and not low_share:
            continue
        severity = Severity.ERROR if marks >= 20 or low_share else Severity.WARNING
        evidence = (
            f"{marks} unreadable character codes" if marks else f"only {share:.0%} letters"
        )
        yield Finding(
            code="garbled_text",
            severity=severity,
            title=f"Garbled text on page {page.number}",
            explanation=(
                "Some characters could not be mapped to letters (the font lacks a character "
                "map, or uses icon or symbol fonts); an ATS reads these as garbage and misses "
                "the words they stand for."
            ),
            fix=(
                "Use a standard font (Arial, Calibri, Times New Roman...) and export the PDF "
                "again with fonts embedded, or upload the .docx.  Replace icon fonts with words."
            ),
            page=page.number,
            line=first.number if first else None,
            evidence=evidence,
        )


def _scan(text: str) -> tuple[bool, int]:
    """Whether `_GARBLE` may match (False: it cannot), and the non-letter count of a page.

    ASCII text: characters other than ASCII letters and the space.  Other text: as
    len(_NON_LETTER.sub("", text)), but the regex runs only over the non-ASCII characters.
    """
    if text.isascii():  # bytes.translate deletes letters and spaces in C
        return "(cid:" in text, len(text.encode("ascii").translate(None, _ASCII_LETTERS))
    encoded = text.encode("utf-8", "surrogatepass")
    non_ascii = encoded.translate(None, _ASCII).decode("utf-8", "surrogatepass")
    # _GARBLE needs "(cid:", or U+FFFD or a private-use character (all >= U+E000)
    maybe_garbled = "(cid:" in text or max(non_ascii) >= "\ue000"
    other = len(encoded.translate(None, _NOT_ASCII_OTHER)) + len(_NON_LETTER.sub("", non_ascii))
    return maybe_garbled, other


def check_layout(ctx: CheckContext) -> Iterator[Finding]:
    """Text in page headers/footers, text boxes, layout tables, columns and decorative bullets."""
    lines = ctx.document.lines
    margin = [ln for ln in lines if ln.in_margin and not _is_page_marker(ln.text)]
    if margin:
        words = sum(len(ln.text.split()) for ln in margin)
        yield Finding(
            code="text_in_header_footer",
            severity=Severity.WARNING if words >= 8 else Severity.INFO,
            title="Text in the page header or footer",
            explanation=(
                "Many ATSs skip page headers and footers, so anything there may be lost."
            ),
            fix="Move that text into the body of the page.",
            page=margin[0].page,
            line=margin[0].number,
            evidence=f"{len(margin)} line(s), {words} word(s)",
        )
    boxes = [ln for ln in lines if ln.origin is Origin.TEXTBOX]
    if boxes:
        yield Finding(
            code="text_box",
            severity=Severity.WARNING,
            title="Text in text boxes",
            explanation=(
                "Text boxes are stored apart from the main text; many ATSs skip them or put "
                "their text in the wrong place."
            ),
            fix="Replace text boxes with ordinary paragraphs.",
            page=boxes[0].page,
            line=boxes[0].number,
            evidence=f"{len(boxes)} line(s)",
        )
    yield from _tables(lines)
    columns = [ln for ln in lines if ln.column > 0]
    if len({ln.column for ln in columns}) >= 2:
        pages = sorted({ln.page for ln in columns})
        yield Finding(
            code="multi_column",
            severity=Severity.WARNING,
            title="Multi-column layout",
            explanation=(
                "Several ATSs read across columns line by line, mixing the two sides into "
                "nonsense (a job title next to a skill list)."
            ),
            fix="Use a single column; put skills in their own section below or above experience.",
            page=pages[0],
            evidence="page(s) " + ", ".join(map(str, pages)),
        )
    yield from _bullets(lines)


def _is_page_marker(text: str) -> bool:
    return bool(re.fullmatch(r"(?i)(page\s*)?\d+(\s*(of|/)\s*\d+)?", text.strip()))


def _tables(lines: tuple[Line, ...]) -> Iterator[Finding]:
    cells = [ln for ln in lines if ln.origin is Origin.TABLE]
    if not cells:
        return
    layout = [
        ln for ln in cells
        if ln.is_heading or classify_heading(ln.text) or len(ln.text.split()) >= _PROSE_WORDS
    ]
    if layout:
        yield Finding(
            code="layout_table",
            severity=Severity.WARNING,
            title="Table used for page layout",
            explanation=(
                "Section headings or paragraphs sit inside a table.  Many ATSs read tables "
                "cell by cell or skip them, so whole sections can be lost or scrambled."
            ),
            fix="Lay the resume out with ordinary paragraphs and headings instead of a table.",
            page=layout[0].page,
            line=layout[0].number,
            evidence=f"{len(cells)} line(s) in tables",
        )
    else:
        yield Finding(
            code="table",
            severity=Severity.INFO,
            title="Table found",
            explanation="Some ATSs read tables cell by cell; short lists usually survive.",
            fix="If a section reads oddly in the text view, turn the table into a plain list.",
            page=cells[0].page,
            line=cells[0].number,
            evidence=f"{len(cells)} line(s) in tables",
        )


def is_decorative(ch: str) -> bool:
    """A symbol used as a bullet that ATSs garble: ★ ✔ ➤ ◆ ■ ●, arrows, emoji, icon fonts."""
    if ch in _PLAIN_BULLETS or ch.isalnum():
        return False
    if 0xE000 <= ord(ch) <= 0xF8FF or ord(ch) in _ARROWS:
        return True
    return unicodedata.category(ch) == "So"


def _bullets(lines: tuple[Line, ...]) -> Iterator[Finding]:
    symbols: Counter[str] = Counter()
    first: Line | None = None
    for ln in lines:
        ch = ln.text[0]
        if ch.isalnum() or ch in _PLAIN_BULLETS:
            continue
        if is_decorative(ch):
            symbols[ch] += 1
            first = first or ln
    if first is None:
        return
    yield Finding(
        code="decorative_bullets",
        severity=Severity.WARNING,
        title="Decorative symbols as bullets or icons",
        explanation=(
            "Symbols such as \u2605 \u2714 \u27a4 \u25c6 or emoji at the start of lines often "
            "come out as '?' or odd characters in an ATS and can break the line they start."
        ),
        fix="Use plain round bullets (\u2022) or hyphens, and words instead of icons.",
        page=first.page,
        line=first.number,
        evidence=", ".join(
            f"{_show(ch)} \u00d7{n}" for ch, n in symbols.most_common(5)
        ),
    )


def _show(ch: str) -> str:
    return f"U+{ord(ch):04X}" if 0xE000 <= ord(ch) <= 0xF8FF else ch
