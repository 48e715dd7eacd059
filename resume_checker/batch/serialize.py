"""Document <-> JSON, for the cache.  JSON, not pickle: a cache file must never run code when read.

Lines are stored as compact lists (most fields are defaults) so a cached two-page resume stays a
few kilobytes and loads in well under a millisecond.

Beside the document, the matcher's tokens of its reading text are stored ("tokens": spaCy's
tokenizer is most of a match's cost), tagged with the tokenizer's version and a checksum of the
text.  Loading a document hands them to the matcher (:func:`matching.tokens.remember_tokens`);
a tag or checksum that differs is ignored and the text is tokenized again, so the document stays
the one source of truth.
"""

from __future__ import annotations

import json
import zlib
from itertools import accumulate
from typing import Any

from resume_checker.documents.model import (
    BBox,
    Document,
    Line,
    Notice,
    Origin,
    Page,
    Section,
    Severity,
)

#: bump when the layout below changes; part of every cache key
SCHEMA = 3
_SECTIONS = {s.value: s for s in Section}
_ORIGINS = {o.value: o for o in Origin}


def document_to_json(document: Document) -> str:
    """A compact, stable JSON text of a document."""
    payload = {
        "source": document.source,
        "format": document.format,
        "sha256": document.sha256,
        "byte_size": document.byte_size,
        "page_count": document.page_count,
        "metadata": [list(pair) for pair in document.metadata],
        "notices": [_notice_out(n) for n in document.notices],
        "pages": [
            [page.number, page.width, page.height, page.image_count,
             [_line_out(x) for x in page.lines]]
            for page in document.pages
        ],
        "tokens": _tokens_out(document),
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def document_from_json(text: str) -> Document:
    """The document back from :func:`document_to_json` (raises ValueError on a damaged entry)."""
    try:
        data = json.loads(text)
        pages = tuple(
            Page(number=n, width=w, height=h, image_count=i,
                 lines=tuple(_line_in(x, n) for x in lines))
            for n, w, h, i, lines in data["pages"]
        )
        document = Document(
            source=data["source"],
            format=data["format"],
            pages=pages,
            notices=tuple(_notice_in(n) for n in data["notices"]),
            sha256=data["sha256"],
            byte_size=data["byte_size"],
            page_count=data["page_count"],
            metadata=tuple((k, v) for k, v in data["metadata"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"damaged cache entry ({type(exc).__name__})") from None
    _tokens_in(document, data.get("tokens"))
    return document


def _tokens_out(document: Document) -> list[Any]:
    """[tag, crc32 of the reading text, start gaps, lengths, odd words] of the matcher's tokens."""
    from resume_checker.matching.tokens import odd_words, reading_text, text_tokens, tokens_tag

    text, _ = reading_text(document)
    tokens = text_tokens(text)
    gaps = [b - a for a, b in zip([0, *tokens.starts], tokens.starts, strict=False)]
    lengths = [e - s for s, e in zip(tokens.starts, tokens.ends, strict=True)]
    odd = [[i, w] for i, w in odd_words(text, tokens).items()]
    return [tokens_tag(), _crc(text), gaps, lengths, odd]


def _tokens_in(document: Document, stored: Any) -> None:
    """Hand stored tokens to the matcher when they are for this text and this tokenizer."""
    from resume_checker.matching.tokens import (
        reading_text,
        remember_tokens,
        tokens_from_spans,
        tokens_tag,
    )

    if not isinstance(stored, list) or len(stored) != 5 or stored[0] != tokens_tag():
        return
    text, _ = reading_text(document)
    _, crc, gaps, lengths, odd = stored
    if crc != _crc(text) or len(gaps) != len(lengths):
        return
    try:
        starts = list(accumulate(gaps))
        ends = [s + n for s, n in zip(starts, lengths, strict=True)]
        if ends and (ends[-1] > len(text) or min(gaps[1:], default=1) < 1 or min(lengths) < 1):
            return  # not tokens of this text: tokenize again
        tokens = tokens_from_spans(text, starts, ends, {i: w for i, w in odd})
    except (TypeError, ValueError, IndexError):
        return  # a damaged entry: the text is tokenized again
    remember_tokens(text, tokens)


def _crc(text: str) -> int:
    return zlib.crc32(text.encode("utf-8", "surrogatepass"))


def _line_out(line: Line) -> list[Any]:
    box = line.bbox
    return [
        line.text,
        line.number,
        line.section.value,
        line.is_heading,
        line.origin.value,
        None if box is None else [box.x0, box.top, box.x1, box.bottom],
        line.font_size,
        line.bold,
        line.column,
        line.font,
    ]


def _line_in(row: list[Any], page: int) -> Line:
    text, number, section, heading, origin, box, size, bold, column, font = row
    return Line(
        text=text,
        page=page,
        number=number,
        section=_SECTIONS[section],
        is_heading=heading,
        origin=_ORIGINS[origin],
        bbox=None if box is None else BBox(*box),
        font_size=size,
        bold=bold,
        column=column,
        font=font,
    )


def _notice_out(notice: Notice) -> dict[str, Any]:
    return {
        "code": notice.code,
        "message": notice.message,
        "severity": notice.severity.value,
        "page": notice.page,
        "fix": notice.fix,
    }


def _notice_in(data: dict[str, Any]) -> Notice:
    return Notice(
        code=data["code"],
        message=data["message"],
        severity=Severity(data["severity"]),
        page=data["page"],
        fix=data["fix"],
    )
