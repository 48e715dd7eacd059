"""Documents and analyses <-> JSON, for the batch cache.  JSON, not pickle: a cache file must
never run code when read.

The JSON is written and read with orjson, ~6x faster than the standard library's encoder on
these payloads (a batch writes two per resume).  orjson writes a NaN or infinite float as null;
the parser gives none (PDF boxes and sizes are finite), and a null where a box or page size
belongs reads as a damaged entry, so such a file would be parsed again, never mis-read.

Lines are stored as compact lists (most fields are defaults) so a cached two-page resume stays a
few kilobytes and loads in well under a millisecond.  The checks' models are stored by
:mod:`resume_checker.checks.codec`.

Beside the document, the matcher's tokens of its reading text are stored ("tokens", made and read
by :mod:`resume_checker.matching.codec`: spaCy's tokenizer is most of a match's cost).  Reading
an entry gives them back as :class:`~resume_checker.matching.codec.KnownTokens` for the caller to
hand to the matcher (:func:`document_with_tokens`, ``Analysis.tokens``); tokens made for another
tokenizer or another text are not used and the text is tokenized again, so the document stays
the one source of truth.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

import orjson

from resume_checker.checks.codec import (
    finding_from_row,
    finding_to_row,
    structure_from_dict,
    structure_to_dict,
)
from resume_checker.documents.model import (
    BBox,
    Document,
    FoldedWord,
    Line,
    Notice,
    Origin,
    Page,
    Section,
    Severity,
)
from resume_checker.matching.codec import KnownTokens, decode_tokens, encode_tokens
from resume_checker.report import DocumentSummary

if TYPE_CHECKING:
    from resume_checker.analysis import Analysis

#: bump when the layout below changes; part of every cache key
SCHEMA = 5
_SECTIONS = {s.value: s for s in Section}
_ORIGINS = {o.value: o for o in Origin}


def cache_entries(analysis: Analysis, *, with_document: bool) -> tuple[str | None, str]:
    """The JSON texts of an analysis and (``with_document``) its document, as a batch worker
    stores them: the token view both carry is made once (from ``analysis.tokens`` when they are
    the document's)."""
    tokens = encode_tokens(analysis.document, analysis.tokens)
    document_json = _document_json(analysis.document, tokens) if with_document else None
    return document_json, _analysis_json(analysis, tokens)


def document_to_json(document: Document, tokens: KnownTokens | None = None) -> str:
    """A compact, stable JSON text of a document and the matcher's tokens of its text
    (``tokens``: those tokens, if known, e.g. from :func:`document_with_tokens`)."""
    return _document_json(document, encode_tokens(document, tokens))


def document_from_json(text: str) -> Document:
    """The document back from :func:`document_to_json` (raises ValueError on a damaged entry);
    the stored tokens are not read (see :func:`document_with_tokens`)."""
    return _document_in(text)[0]


def document_with_tokens(text: str) -> tuple[Document, KnownTokens | None]:
    """The document back from :func:`document_to_json`, and the matcher's tokens stored with it
    (None when damaged or made by another tokenizer) for the caller to hand to the matcher, e.g.
    as ``Analysis.tokens`` (raises ValueError on a damaged entry)."""
    document, stored = _document_in(text)
    return document, decode_tokens(stored)


def _document_json(document: Document, tokens: list[Any] | None) -> str:
    payload = {
        **_header_out(document),
        "metadata": [list(pair) for pair in document.metadata],
        "pages": [
            [page.number, page.width, page.height, page.image_count,
             [_line_out(x) for x in page.lines]]
            for page in document.pages
        ],
        "hidden": [[x.page, x.hidden, _line_out(x)] for x in document.hidden_lines],
        "folded": _folded_out(document),
        "tokens": tokens,
    }
    return _dumps(payload)


def _document_in(text: str) -> tuple[Document, Any]:
    """The document of an entry, and its stored tokens as read (not yet checked)."""
    try:
        data = orjson.loads(text)
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
            hidden_lines=tuple(
                replace(_line_in(row, page), hidden=reason) for page, reason, row in data["hidden"]
            ),
            folded_words=_folded_in(data["folded"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"damaged cache entry ({type(exc).__name__})") from None
    return document, data.get("tokens")


def _folded_out(document: Document) -> list[list[Any]]:
    return [[w.original, w.folded, w.page, w.line, w.start] for w in document.folded_words]


def _folded_in(rows: list[list[Any]]) -> tuple[FoldedWord, ...]:
    return tuple(FoldedWord(*row) for row in rows)


def _header_out(document: Document) -> dict[str, Any]:
    """What both stored forms keep of a document besides its lines."""
    return {
        "source": document.source,
        "format": document.format,
        "sha256": document.sha256,
        "byte_size": document.byte_size,
        "page_count": document.page_count,
        "notices": [_notice_out(n) for n in document.notices],
    }


def _line_out(line: Line) -> list[Any]:
    # Section and Origin are StrEnums: orjson writes them as their string (no `.value` lookup)
    box = line.bbox
    return [
        line.text,
        line.number,
        line.section,
        line.is_heading,
        line.origin,
        None if box is None else [box.x0, box.top, box.x1, box.bottom],
        line.font_size,
        line.bold,
        line.column,
        line.font,
    ]


def _dumps(payload: Any) -> str:
    """Compact JSON, non-ASCII kept as UTF-8 (what ``json.dumps(..., ensure_ascii=False,
    separators=(",", ":"))`` gives, but for floats' spelling)."""
    return orjson.dumps(payload).decode("utf-8")


def _line_in(row: list[Any], page: int) -> Line:
    text, number, section, heading, origin, box, size, bold, column, font = row
    if box is not None and None in box:
        raise ValueError("a line box with a null coordinate")
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


# --------------------------------------------------------------------------- analyses

#: bump when the analysis layout below changes (part of the analysis cache key); 2: each
#: position keeps the lines it covers (skill depth); 3: the look-alike words folded (exact mode
#: tells their hits from exact ones)
ANALYSIS_SCHEMA = 3


def analysis_to_json(analysis: Analysis) -> str:
    """A compact JSON text of an :class:`~resume_checker.analysis.Analysis` (batch cache).

    The document is kept as the second half of a check reads it: lines' text and place, not
    their boxes or fonts (see ``Analysis``); the matcher's tokens ride along as in
    :func:`document_to_json`.
    """
    return _analysis_json(analysis, encode_tokens(analysis.document, analysis.tokens))


def _analysis_json(analysis: Analysis, tokens: list[Any] | None) -> str:
    document = analysis.document
    payload = {
        **_header_out(document),
        "pages": [[p.number, [_slim_out(x) for x in p.lines]] for p in document.pages],
        "hidden": [[x.page, x.hidden, _slim_out(x)] for x in document.hidden_lines],
        "folded": _folded_out(document),
        "tokens": tokens,
        "findings": [finding_to_row(f) for f in analysis.findings],
        "structure": structure_to_dict(analysis.structure),
        "as_of": analysis.as_of.isoformat(),
        "include_hidden": analysis.include_hidden,
        "summary": _summary_out(analysis.summary),
        "words": None if analysis.words is None else " ".join(analysis.words),
    }
    return _dumps(payload)


def analysis_from_json(text: str) -> Analysis:
    """The analysis back from :func:`analysis_to_json`, with the matcher's stored tokens as its
    ``tokens`` (raises ValueError on a damaged entry)."""
    from resume_checker.analysis import Analysis

    try:
        data = orjson.loads(text)
        document = Document(
            source=data["source"],
            format=data["format"],
            pages=tuple(
                Page(number=n, lines=tuple(_slim_in(x, n) for x in lines))
                for n, lines in data["pages"]
            ),
            notices=tuple(_notice_in(n) for n in data["notices"]),
            sha256=data["sha256"],
            byte_size=data["byte_size"],
            page_count=data["page_count"],
            hidden_lines=tuple(
                replace(_slim_in(row, page), hidden=reason) for page, reason, row in data["hidden"]
            ),
            folded_words=_folded_in(data["folded"]),
        )
        analysis = Analysis(
            document=document,
            findings=tuple(finding_from_row(f) for f in data["findings"]),
            structure=structure_from_dict(data["structure"]),
            as_of=date.fromisoformat(data["as_of"]),
            include_hidden=bool(data["include_hidden"]),
            tokens=decode_tokens(data.get("tokens")),
            summary=_summary_in(data["summary"]),
            words=None if data["words"] is None else _words_in(data["words"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"damaged cache entry ({type(exc).__name__})") from None
    return analysis


def _words_in(joined: str) -> tuple[str, ...]:
    """The stuffing check's words (they never hold a space: see ``checks.stuffing._TOKEN``)."""
    return tuple(joined.split(" ")) if joined else ()


def _summary_out(s: DocumentSummary | None) -> list[Any] | None:
    return None if s is None else [s.source, s.format, s.pages, s.words, s.characters, s.sha256]


def _summary_in(row: list[Any] | None) -> DocumentSummary | None:
    if row is None:
        return None
    source, fmt, pages, words, characters, sha256 = row
    return DocumentSummary(source=source, format=fmt, pages=pages, words=words,
                           characters=characters, sha256=sha256)


def _slim_out(line: Line) -> list[Any]:
    return [line.text, line.number, line.section, line.is_heading, line.origin, line.column]


def _slim_in(row: list[Any], page: int) -> Line:
    text, number, section, heading, origin, column = row
    # By position, in Line's field order (text, page, number, section, is_heading, origin, bbox,
    # font_size, bold, column): a re-rank builds a few hundred thousand of these, and a keyword
    # call costs ~20% more. tests/unit/batch/test_batch_rerank.py fails if the order changes.
    return Line(text, page, number, _SECTIONS[section], heading, _ORIGINS[origin], None, None,
                None, column)
