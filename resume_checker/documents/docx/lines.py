"""How the DOCX parser turns runs into lines: the visible text of a line apart from its hidden
words, table rows joined, and hidden lines numbered after their page's visible lines."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from resume_checker.documents.assemble import RawLine, RawPage, build_document
from resume_checker.documents.docx.styles import HIDDEN_REASONS
from resume_checker.documents.model import Document, Line, Origin
from resume_checker.limits import Limits


@dataclass(frozen=True, slots=True)
class Hidden:
    """A line of text no reader sees, in the item stream: why, and on which page (set when
    the stream is paginated)."""

    reason: str
    line: RawLine
    page: int = 1


_Piece = tuple[str, bool | None, float | None, str | None]  # text, bold, size, hidden reason


@dataclass
class LineBuffer:
    """The runs of the line being read: text pieces with their bold, size and hidden reason."""

    pieces: list[_Piece] = field(default_factory=list)

    def add(self, text: str, bold: bool | None = None, size: float | None = None,
            hidden: str | None = None) -> None:
        self.pieces.append((text, bold, size, hidden))

    def take(self, origin: Origin, heading: bool) -> list[RawLine | Hidden]:
        """The visible line (without its hidden words), then a line per kind of hidden text."""
        pieces, self.pieces = self.pieces, []
        out: list[RawLine | Hidden] = []
        visible = _raw_line([p for p in pieces if p[3] is None], origin, heading)
        if visible is not None:
            out.append(visible)
        for reason in dict.fromkeys(p[3] for p in pieces if p[3] is not None):
            # Hidden runs apart in the paragraph are apart in the hidden line too.
            kept = [p if p[3] == reason else (" ", None, None, None) for p in pieces]
            line = _raw_line(kept, origin, heading)
            if line is not None:
                out.append(Hidden(reason, line))
        return out


def _raw_line(pieces: list[_Piece], origin: Origin, heading: bool) -> RawLine | None:
    text = "".join(piece[0] for piece in pieces)
    if not text.strip():
        return None
    styled = [p for p in pieces if p[0].strip() and p[1] is not None]
    bold = True if heading else (all(p[1] for p in styled) if styled else None)
    sizes: dict[float, int] = {}
    for piece, _, size, _ in styled:
        if size is not None:
            sizes[size] = sizes.get(size, 0) + len(piece)
    font_size = max(sizes, key=lambda s: (sizes[s], s)) if sizes else None
    return RawLine(text=text, origin=origin, bold=bold, font_size=font_size)


def join_row(lines: list[RawLine], origin: Origin) -> RawLine:
    bolds = [line.bold for line in lines if line.bold is not None]
    sizes = [line.font_size for line in lines if line.font_size is not None]
    return RawLine(
        text=" | ".join(line.text.strip() for line in lines),
        origin=origin,
        bold=all(bolds) if bolds else None,
        font_size=max(set(sizes), key=sizes.count) if sizes else None,
    )


def with_hidden_lines(document: Document, hidden: list[Hidden], limits: Limits) -> Document:
    """Attach the hidden text as `hidden_lines`, numbered after each page's visible lines
    (by reason, then in document order, as the PDF parser does)."""
    found: list[Line] = []
    for reason in HIDDEN_REASONS:
        mine = [h for h in hidden if h.reason == reason]
        if not mine:
            continue
        pages = [RawPage(number=page.number) for page in document.pages]
        for item in mine:
            pages[item.page - 1].lines.append(item.line)
        part = build_document(source=document.source, fmt=document.format, data=b"",
                              pages=pages, limits=limits)
        found.extend(replace(line, hidden=reason) for line in part.lines)
    next_number = {page.number: len(page.lines) + 1 for page in document.pages}
    numbered = []
    for line in sorted(found, key=lambda x: x.page):  # stable: reason order kept per page
        numbered.append(replace(line, number=next_number[line.page]))
        next_number[line.page] += 1
    return replace(document, hidden_lines=tuple(numbered))
