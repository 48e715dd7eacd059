"""Document <-> JSON, for the cache.  JSON, not pickle: a cache file must never run code when read.

The JSON is written and read with orjson, ~6x faster than the standard library's encoder on
these payloads (a batch writes two per resume).  orjson writes a NaN or infinite float as null;
the parser gives none (PDF boxes and sizes are finite), and a null where a box or page size
belongs reads as a damaged entry, so such a file would be parsed again, never mis-read.

Lines are stored as compact lists (most fields are defaults) so a cached two-page resume stays a
few kilobytes and loads in well under a millisecond.

Beside the document, the matcher's tokens of its reading text are stored ("tokens": spaCy's
tokenizer is most of a match's cost), tagged with the tokenizer's version and a checksum of the
text.  Loading a document hands them to the matcher (:func:`matching.tokens.remember_tokens`);
a tag or checksum that differs is ignored and the text is tokenized again, so the document stays
the one source of truth.
"""

from __future__ import annotations

import base64
import sys
from array import array
from dataclasses import replace
from datetime import date
from types import EllipsisType
from typing import TYPE_CHECKING, Any

import orjson

from resume_checker.checks.model import (
    ContactFacts,
    DateRange,
    Degree,
    DegreeLevel,
    Fact,
    Finding,
    Position,
    StructureFacts,
)
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
from resume_checker.report import DocumentSummary

if TYPE_CHECKING:
    from resume_checker.analysis import Analysis
    from resume_checker.matching import KnownTokens

#: bump when the layout below changes; part of every cache key
SCHEMA = 4
_SECTIONS = {s.value: s for s in Section}
_ORIGINS = {o.value: o for o in Origin}


def cache_entries(analysis: Analysis, *, with_document: bool) -> tuple[str | None, str]:
    """The JSON texts of an analysis and (``with_document``) its document, as a batch worker
    stores them: the token view both carry is built once."""
    tokens = _tokens_out(analysis.document)
    document_json = document_to_json(analysis.document, tokens) if with_document else None
    return document_json, analysis_to_json(analysis, tokens)


def document_to_json(document: Document, tokens: list[Any] | None | EllipsisType = ...) -> str:
    """A compact, stable JSON text of a document (``tokens``: its :func:`_tokens_out`, if made)."""
    payload = {
        **_header_out(document),
        "metadata": [list(pair) for pair in document.metadata],
        "pages": [
            [page.number, page.width, page.height, page.image_count,
             [_line_out(x) for x in page.lines]]
            for page in document.pages
        ],
        "hidden": [[x.page, x.hidden, _line_out(x)] for x in document.hidden_lines],
        "tokens": _tokens_out(document) if tokens is ... else tokens,
    }
    return _dumps(payload)


def document_from_json(text: str) -> Document:
    """The document back from :func:`document_to_json` (raises ValueError on a damaged entry)."""
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
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"damaged cache entry ({type(exc).__name__})") from None
    _tokens_in(document, data.get("tokens"))
    return document


#: separates the stored words: no token holds a space (spaCy splits at whitespace, and whitespace
#: tokens are stored as "\n"), which :func:`_tokens_out` checks
_WORD_SEP = " "


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


def _tokens_out(document: Document) -> list[Any] | None:
    """[tag, crc32 of the reading text, the words joined, starts and ends packed, acronym
    definitions] of the matcher's view of the text: the words are stored as they are and the
    offsets as a packed array, so loading them is a split and a base64 decode, not a rebuild
    (JSON numbers parse slowly)."""
    from resume_checker.matching.acronyms import find_definitions
    from resume_checker.matching.tokens import reading_text, text_tokens, tokens_tag

    text, _ = reading_text(document)
    tokens = text_tokens(text)
    joined = _WORD_SEP.join(tokens.words)
    if joined.count(_WORD_SEP) != max(len(tokens.words) - 1, 0):
        return None  # a word holds the separator: the text is tokenized again when loaded
    definitions = [list(d) for d in find_definitions(text)]
    return [tokens_tag(), _crc(text), joined, _pack(tokens.starts + tokens.ends), definitions]


def _pack(numbers: list[int]) -> str:
    """Non-negative ints as a type code and the base64 of their little-endian array."""
    code = "H" if max(numbers, default=0) < 1 << 16 else "I"
    values = array(code, numbers)
    if sys.byteorder == "big":
        values.byteswap()
    return code + base64.b64encode(values.tobytes()).decode("ascii")


def _unpack(packed: str) -> list[int]:
    """:func:`_pack` undone (raises ValueError on a damaged text)."""
    if packed[:1] not in ("H", "I"):
        raise ValueError("not a packed array of offsets")
    values = array(packed[:1])
    values.frombytes(base64.b64decode(packed[1:], validate=True))
    if sys.byteorder == "big":
        values.byteswap()
    return values.tolist()


def _tokens_in(document: Document, stored: Any) -> None:
    """Hand stored tokens to the matcher when they are for this text and this tokenizer."""
    from resume_checker.matching.tokens import reading_text, remember_tokens

    known = _known_tokens(stored)
    if known is None:
        return
    text, _ = reading_text(document)
    ends = known.tokens.ends
    if known.crc == _crc(text) and (not ends or ends[-1] <= len(text)):
        remember_tokens(text, known.tokens)


def _known_tokens(stored: Any) -> KnownTokens | None:
    """Stored tokens, if they are well formed and from this tokenizer (the matcher checks that
    they are for the text it reads; see :class:`~resume_checker.matching.KnownTokens`)."""
    from resume_checker.matching import KnownTokens
    from resume_checker.matching.tokens import Tokens, tokens_tag

    if not isinstance(stored, list) or len(stored) != 5 or stored[0] != tokens_tag():
        return None
    _, crc, joined, packed, definitions = stored
    if not isinstance(joined, str) or not isinstance(crc, int) or not isinstance(packed, str):
        return None
    try:
        numbers = _unpack(packed)
    except (ValueError, TypeError):
        return None  # a damaged entry: the text is tokenized again
    count = len(numbers) // 2
    starts, ends = numbers[:count], numbers[count:]
    words = joined.split(_WORD_SEP) if count else []
    if len(words) != count or 2 * count != len(numbers):
        return None
    # lower-casing the joined words is lower-casing each word: no lower-case mapping makes or
    # takes a space, and the space between words is no context for one (final sigma)
    lowered = joined.lower().split(_WORD_SEP) if count else []
    if len(lowered) != count:
        return None
    try:
        found = tuple((str(a), str(b), int(c), int(d)) for a, b, c, d in definitions)
    except (TypeError, ValueError):
        return None
    # The spans are ours (the crc ties them to the text the matcher reads, which also checks
    # that the last one ends inside it); a tampered entry can misplace evidence, not crash.
    return KnownTokens(crc, Tokens(words, starts, ends), lowered, found)


def _crc(text: str) -> int:
    from resume_checker.matching import text_crc

    return text_crc(text)


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

#: bump when the analysis layout below changes (part of the analysis cache key)
ANALYSIS_SCHEMA = 1


def analysis_to_json(analysis: Analysis, tokens: list[Any] | None | EllipsisType = ...) -> str:
    """A compact JSON text of an :class:`~resume_checker.analysis.Analysis` (batch cache).

    The document is kept as the second half of a check reads it: lines' text and place, not
    their boxes or fonts (see ``Analysis``); the matcher's tokens ride along as in
    :func:`document_to_json`.
    """
    document = analysis.document
    payload = {
        **_header_out(document),
        "pages": [[p.number, [_slim_out(x) for x in p.lines]] for p in document.pages],
        "hidden": [[x.page, x.hidden, _slim_out(x)] for x in document.hidden_lines],
        "tokens": _tokens_out(document) if tokens is ... else tokens,
        "findings": [_finding_out(f) for f in analysis.findings],
        "structure": _structure_out(analysis.structure),
        "as_of": analysis.as_of.isoformat(),
        "include_hidden": analysis.include_hidden,
        "summary": _summary_out(analysis.summary),
        "words": None if analysis.words is None else " ".join(analysis.words),
    }
    return _dumps(payload)


def analysis_from_json(text: str) -> Analysis:
    """The analysis back from :func:`analysis_to_json` (raises ValueError on a damaged entry)."""
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
        )
        analysis = Analysis(
            document=document,
            findings=tuple(_finding_in(f) for f in data["findings"]),
            structure=_structure_in(data["structure"]),
            as_of=date.fromisoformat(data["as_of"]),
            include_hidden=bool(data["include_hidden"]),
            tokens=_known_tokens(data.get("tokens")),
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
    return None if row is None else DocumentSummary(*row)


def _slim_out(line: Line) -> list[Any]:
    return [line.text, line.number, line.section, line.is_heading, line.origin, line.column]


def _slim_in(row: list[Any], page: int) -> Line:
    text, number, section, heading, origin, column = row
    # positional (Line's field order): a few hundred thousand of these per re-rank
    return Line(text, page, number, _SECTIONS[section], heading, _ORIGINS[origin], None, None,
                None, column)


def _finding_out(f: Finding) -> list[Any]:
    return [f.code, f.severity.value, f.title, f.explanation, f.fix, f.page, f.line, f.evidence]


def _finding_in(row: list[Any]) -> Finding:
    code, severity, title, explanation, fix, page, line, evidence = row
    return Finding(code, Severity(severity), title, explanation, fix, page, line, evidence)


def _fact_out(fact: Fact | None) -> list[Any] | None:
    return None if fact is None else [fact.value, fact.page, fact.line]


def _fact_in(row: list[Any] | None) -> Fact | None:
    return None if row is None else Fact(*row)


def _position_out(p: Position | None) -> list[Any] | None:
    if p is None:
        return None
    d = p.dates
    dates = [d.start.isoformat(), d.end.isoformat(), d.ongoing, d.text, d.page, d.line]
    return [dates, _fact_out(p.title), _fact_out(p.employer)]


def _position_in(row: list[Any] | None) -> Position | None:
    if row is None:
        return None
    (start, end, ongoing, text, page, line), title, employer = row
    dates = DateRange(date.fromisoformat(start), date.fromisoformat(end), ongoing, text, page, line)
    return Position(dates, _fact_in(title), _fact_in(employer))


def _degree_out(d: Degree | None) -> list[Any] | None:
    return None if d is None else [d.level.value, d.name, d.field, d.page, d.line]


def _degree_in(row: list[Any] | None) -> Degree | None:
    if row is None:
        return None
    level, name, field, page, line = row
    return Degree(DegreeLevel(level), name, field, page, line)


_CONTACT_KINDS = ("email", "phone", "linkedin", "github", "website", "location")


def _structure_out(s: StructureFacts) -> dict[str, Any]:
    return {
        "contact": [_fact_out(getattr(s.contact, kind)) for kind in _CONTACT_KINDS],
        "positions": [_position_out(p) for p in s.positions],
        "experience_months": s.experience_months,
        "latest": _position_out(s.latest),
        "degrees": [_degree_out(d) for d in s.degrees],
        "highest_degree": _degree_out(s.highest_degree),
        "as_of": s.as_of.isoformat() if s.as_of else None,
    }


def _structure_in(data: dict[str, Any]) -> StructureFacts:
    contact = ContactFacts(**{
        kind: _fact_in(row) for kind, row in zip(_CONTACT_KINDS, data["contact"], strict=True)
    })
    return StructureFacts(
        contact=contact,
        positions=tuple(p for p in map(_position_in, data["positions"]) if p is not None),
        experience_months=data["experience_months"],
        latest=_position_in(data["latest"]),
        degrees=tuple(d for d in map(_degree_in, data["degrees"]) if d is not None),
        highest_degree=_degree_in(data["highest_degree"]),
        as_of=date.fromisoformat(data["as_of"]) if data["as_of"] else None,
    )
