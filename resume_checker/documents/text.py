"""Plain-text and Markdown resumes: decode honestly, strip Markdown marks, split pages on \\f.

Encodings: UTF-8 (with or without BOM) and UTF-16/UTF-32 with a BOM are read as such.
Anything else is decoded as cp1252 (what Windows editors write), and when even that fails,
as latin-1, which never fails; either fallback is reported with a ``fallback_encoding``
notice naming the encoding, so a garbled character is never a silent surprise.

Markdown marks are stripped from every text file, not only ``.md`` ones (the name is not
trusted): heading marks, ``**``/``__`` emphasis, list bullets, rules, table pipes, and
``[text](url)`` becomes ``text (url)``, so "## Skills" is found as the Skills heading.
"""

from __future__ import annotations

import re

from resume_checker.documents.assemble import RawLine, RawPage, build_document
from resume_checker.documents.model import Document, Format, Notice, Severity
from resume_checker.limits import DEFAULT_LIMITS, Limits

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_FALLBACKS = ("cp1252", "latin-1")
#: bytes that do not occur in text: C0 controls except tab, LF, VT, FF and CR
CONTROL_BYTES = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0B, 0x0C, 0x0D))
_MAX_CONTROL_RATIO = 0.10

_ATX_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_RULE = re.compile(r"^\s*([-=*_~])(?:\s*\1){2,}\s*$")
_BULLET = re.compile(r"^(\s*)(?:[-*+\u2022\u25aa\u25cf\u2023\u2043\u25e6]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"\n]*\")?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_EM_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])")
_CODE = re.compile(r"`+([^`\n]+)`+")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def accepts(head: bytes) -> bool:
    """True when the first bytes look like text: a BOM, or few control characters (a stray NUL
    is tolerated).  A PDF header is text-like too: which format comes first is the sniffer's."""
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return True
    if not head:
        return False
    control = len(head) - len(head.translate(None, CONTROL_BYTES))
    return control / len(head) <= _MAX_CONTROL_RATIO


def parse_text(data: bytes, *, source: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Decode, strip Markdown marks and build the Document; form feeds (\\f) split pages."""
    text, encoding, notices = decode(data)
    if "\x00" in text:
        count = text.count("\x00")
        text = text.replace("\x00", "")
        notices.append(
            Notice(
                code="nul_removed",
                message=f"{count} NUL character(s) were removed from the text",
                severity=Severity.INFO,
                fix="save the resume again from a text editor as UTF-8",
            )
        )
    segments = text.split("\f")
    while len(segments) > 1 and not segments[-1].strip():
        segments.pop()  # a trailing form feed (pdftotext writes one) is not a page
    pages = [
        RawPage(number=n, lines=_lines(segment))
        for n, segment in enumerate(segments, start=1)
    ]
    return build_document(
        source=source,
        fmt=Format.TEXT.value,
        data=data,
        pages=pages,
        notices=notices,
        metadata=(("encoding", encoding),),
        limits=limits,
    )


def decode(data: bytes) -> tuple[str, str, list[Notice]]:
    """The text, the encoding used and any notice: BOM, then strict UTF-8, then fallbacks."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return body.decode(encoding), encoding, []
            except UnicodeDecodeError:
                text = body.decode(encoding, errors="replace")
                return text, encoding, [_fallback_notice(f"{encoding} (damaged bytes replaced)")]
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    for encoding in _FALLBACKS:
        try:
            return data.decode(encoding), encoding, [_fallback_notice(encoding)]
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def _fallback_notice(encoding: str) -> Notice:
    return Notice(
        code="fallback_encoding",
        message=(
            f"the text is not valid UTF-8; it was read as {encoding}, "
            "so some accented letters or symbols may be wrong"
        ),
        severity=Severity.WARNING,
        fix="save the resume as UTF-8 (or as PDF or DOCX)",
    )


def _lines(segment: str) -> list[RawLine]:
    out: list[RawLine] = []
    for raw in segment.splitlines():
        if _RULE.match(raw) or _TABLE_SEPARATOR.match(raw):
            continue  # horizontal rules, setext underlines and Markdown table separators
        heading = _ATX_HEADING.match(raw)
        text = heading.group(1) if heading else raw
        out.append(RawLine(text=strip_markdown(text), bold=True if heading else None))
    return out


def strip_markdown(line: str) -> str:
    """One line without Markdown marks: bullets, quotes, emphasis, code, links, table pipes."""
    line = _QUOTE.sub("", line)
    line = _BULLET.sub(r"\1", line)
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(lambda m: _link_text(m.group(1), m.group(2)), line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    line = _STRONG.sub(r"\2", line)
    line = _EM_STAR.sub(r"\1", line)
    line = _EM_UNDERSCORE.sub(r"\1", line)
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        cells = [cell.strip() for cell in stripped[1:-1].split("|")]
        line = " | ".join(cell for cell in cells if cell)
    return line


def _link_text(text: str, url: str) -> str:
    """``[text](url)`` -> ``text (url)``; when the text is the URL itself, just the URL."""
    if text.strip() == url or url.removeprefix("mailto:") == text.strip():
        return text
    return f"{text} ({url})"
