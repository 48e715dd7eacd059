"""The one document model every parser produces: pages of lines, with where each came from."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum


class Format(StrEnum):
    """The formats we read; the value is Document.format."""

    PDF = "pdf"
    DOCX = "docx"
    TEXT = "text"


class Section(StrEnum):
    """First-cut section label of a line, from heading detection."""

    SUMMARY = "summary"
    EXPERIENCE = "experience"
    EDUCATION = "education"
    SKILLS = "skills"
    CERTIFICATIONS = "certifications"
    PROJECTS = "projects"
    PUBLICATIONS = "publications"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Origin(StrEnum):
    """Where in the file a line was found."""

    BODY = "body"
    TABLE = "table"
    HEADER = "header"  # page header (PDF top band repeated, DOCX header part)
    FOOTER = "footer"  # page footer
    TEXTBOX = "textbox"  # DOCX text box / shape


@dataclass(frozen=True, slots=True)
class BBox:
    """A box in PDF points with the origin at the top-left of the page."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text as a reader (and an ATS) would see it."""

    text: str
    page: int  # 1-based page number
    number: int  # 1-based line number within the page
    section: Section = Section.OTHER
    is_heading: bool = False
    origin: Origin = Origin.BODY
    bbox: BBox | None = None  # known for PDF lines
    font_size: float | None = None  # dominant font size in points, where known
    bold: bool | None = None  # whether the line is set in a bold face, where known
    column: int = 0  # 0 for single-column text; 1, 2, ... for detected columns
    #: why a reader cannot see this line, when it is hidden: "white_text", "tiny_text",
    #: "off_page", "covered" or "vanish" (Word's Hidden font effect; see
    #: Document.hidden_lines); None for visible text
    hidden: str | None = None
    #: the font family of the line's first character, style and subset tags removed
    #: ("Arial-BoldMT" -> "Arial"), where known (PDF)
    font: str | None = None

    @property
    def in_margin(self) -> bool:
        """True when the line sits in a page header or footer."""
        return self.origin in (Origin.HEADER, Origin.FOOTER)


@dataclass(frozen=True, slots=True)
class Page:
    number: int  # 1-based
    lines: tuple[Line, ...]
    width: float | None = None  # points, where known
    height: float | None = None
    image_count: int = 0  # images drawn on the page, where known

    @property
    def char_count(self) -> int:
        return sum(len(line.text) for line in self.lines)


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the parser noticed that the user should know (fallback encoding, no text...)."""

    code: str  # stable machine-readable code, e.g. "no_text_layer"
    message: str  # plain sentence for the user
    severity: Severity = Severity.WARNING
    page: int | None = None
    fix: str | None = None  # what the user can do about it


@dataclass(frozen=True, slots=True)
class FoldedWord:
    """A word the file writes with Cyrillic or Greek look-alike letters ("PyT\u043erch"), kept as
    written; its line shows it folded to Latin letters, as it is matched (see
    :mod:`resume_checker.documents.lookalikes`)."""

    original: str
    folded: str
    page: int
    line: int  # the line's number on its page
    start: int  # where the word starts in the line's text (the folded word has its length)


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed resume: the pages and lines an ATS would read, plus what went wrong reading them."""

    source: str  # display name (file name), never used as a path
    format: str  # "pdf" | "docx" | "text"
    pages: tuple[Page, ...]
    notices: tuple[Notice, ...] = ()
    sha256: str = ""  # of the source bytes
    byte_size: int = 0
    page_count: int = 0  # pages in the file (may exceed len(pages) when a limit stopped reading)
    metadata: tuple[tuple[str, str], ...] = field(default=())
    #: text drawn so no reader sees it (white, tiny, off the page, under an image, Word's
    #: hidden effect): kept out
    #: of `pages` so it is neither matched nor scored, but kept for findings and the ATS view;
    #: numbered after the visible lines of their page
    hidden_lines: tuple[Line, ...] = ()
    #: the visible words written with look-alike letters of another script, as written: their
    #: lines hold them folded to Latin letters
    folded_words: tuple[FoldedWord, ...] = ()

    @property
    def lines(self) -> tuple[Line, ...]:
        return tuple(line for page in self.pages for line in page.lines)

    @property
    def text(self) -> str:
        """The plain text in reading order: lines joined by newlines, pages by a blank line."""
        return "\n\n".join("\n".join(line.text for line in page.lines) for page in self.pages)

    @property
    def char_count(self) -> int:
        return sum(page.char_count for page in self.pages)

    @property
    def word_count(self) -> int:
        return sum(len(line.text.split()) for page in self.pages for line in page.lines)

    @property
    def has_text(self) -> bool:
        return any(line.text.strip() for page in self.pages for line in page.lines)

    def notice(self, code: str) -> Notice | None:
        return next((n for n in self.notices if n.code == code), None)

    def with_hidden(self) -> Document:
        """The same document with its hidden lines put back (at the end of their page), as
        an ATS that reads every character would see it; for comparison only."""
        if not self.hidden_lines:
            return self
        pages = tuple(
            replace(page, lines=page.lines + tuple(
                line for line in self.hidden_lines if line.page == page.number))
            for page in self.pages
        )
        return replace(self, pages=pages, hidden_lines=())
