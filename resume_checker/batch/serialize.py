"""Document <-> JSON, for the cache.  JSON, not pickle: a cache file must never run code when read.

Lines are stored as compact lists (most fields are defaults) so a cached two-page resume stays a
few kilobytes and loads in well under a millisecond.
"""

from __future__ import annotations

import json
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
SCHEMA = 1


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
        return Document(
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
    ]


def _line_in(row: list[Any], page: int) -> Line:
    text, number, section, heading, origin, box, size, bold, column = row
    return Line(
        text=text,
        page=page,
        number=number,
        section=Section(section),
        is_heading=heading,
        origin=Origin(origin),
        bbox=None if box is None else BBox(*box),
        font_size=size,
        bold=bold,
        column=column,
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
