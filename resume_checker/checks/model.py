"""What the checks report: findings (a problem and its fix) and structure facts (what was found).

Both are frozen dataclasses so a report can be built, cached and compared without surprises.
Every finding and fact says where it was found (1-based page and line number within the page).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from resume_checker.documents.model import Document, Severity
from resume_checker.keywords.model import KeywordSet

__all__ = [
    "ContactFacts",
    "DateRange",
    "Degree",
    "DegreeLevel",
    "CheckContext",
    "Fact",
    "Finding",
    "Findings",
    "LineSpan",
    "Position",
    "Severity",
    "StructureFacts",
]

_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One parseability or structure problem, explained in plain words with a fix."""

    code: str                      # stable machine-readable code, e.g. "contact_in_header"
    severity: Severity
    title: str                     # short headline
    explanation: str               # why it matters to an ATS
    fix: str                       # what to change
    page: int | None = None        # 1-based page it concerns, when it concerns one
    line: int | None = None        # 1-based line within that page
    evidence: str | None = None    # a short quote or count that shows the problem

    @property
    def sort_key(self) -> tuple[int, int, int, str]:
        return (_SEVERITY_RANK[self.severity], self.page or 0, self.line or 0, self.code)


@dataclass(frozen=True, slots=True)
class Fact:
    """A value read from the resume and where it was read."""

    value: str
    page: int
    line: int


@dataclass(frozen=True, slots=True)
class DateRange:
    """A period in a resume, by month; `end` is `today`'s month when the period is ongoing."""

    start: date                    # first day of the first month
    end: date                      # first day of the last month (inclusive)
    ongoing: bool
    text: str                      # the date text as written
    page: int
    line: int

    @property
    def months(self) -> int:
        """Months covered, counting both the first and the last month."""
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1


@dataclass(frozen=True, slots=True)
class LineSpan:
    """The lines an experience entry covers, first to last (inclusive), as (page, line) pairs."""

    first: tuple[int, int]
    last: tuple[int, int]

    def holds(self, page: int, line: int) -> bool:
        return self.first <= (page, line) <= self.last


@dataclass(frozen=True, slots=True)
class Position:
    """An experience entry: its dates and, where found, the title and employer beside them."""

    dates: DateRange
    title: Fact | None = None
    employer: Fact | None = None
    #: the lines that belong to the entry (see :func:`resume_checker.checks.depth.with_spans`),
    #: where known; a skill named on them was used for the entry's dates
    lines: LineSpan | None = None


class DegreeLevel(StrEnum):
    PHD = "phd"
    MASTERS = "masters"
    BACHELORS = "bachelors"
    ASSOCIATE = "associate"
    OTHER = "other"

    @property
    def rank(self) -> int:
        return _DEGREE_RANK[self]

    @property
    def label(self) -> str:
        return _DEGREE_LABEL[self]


_DEGREE_RANK = {
    DegreeLevel.PHD: 4, DegreeLevel.MASTERS: 3, DegreeLevel.BACHELORS: 2,
    DegreeLevel.ASSOCIATE: 1, DegreeLevel.OTHER: 0,
}
_DEGREE_LABEL = {
    DegreeLevel.PHD: "PhD", DegreeLevel.MASTERS: "Master's", DegreeLevel.BACHELORS: "Bachelor's",
    DegreeLevel.ASSOCIATE: "Associate", DegreeLevel.OTHER: "other",
}


@dataclass(frozen=True, slots=True)
class Degree:
    level: DegreeLevel
    name: str                      # the degree as written, e.g. "M.Sc."
    field: str | None              # e.g. "Computer Science", where found
    page: int
    line: int


@dataclass(frozen=True, slots=True)
class ContactFacts:
    """Contact details found (the first of each kind, preferring the main text over margins)."""

    email: Fact | None = None
    phone: Fact | None = None
    linkedin: Fact | None = None
    github: Fact | None = None
    website: Fact | None = None
    location: Fact | None = None


@dataclass(frozen=True, slots=True)
class StructureFacts:
    """What the resume says about itself, as far as simple rules can tell."""

    contact: ContactFacts = field(default_factory=ContactFacts)
    positions: tuple[Position, ...] = ()       # experience entries, most recent first
    experience_months: int = 0                 # overlaps merged
    latest: Position | None = None             # the most recent position
    degrees: tuple[Degree, ...] = ()
    highest_degree: Degree | None = None
    as_of: date | None = None                  # the day ongoing periods were counted to

    @property
    def experience_years(self) -> float:
        return round(self.experience_months / 12, 1)


@dataclass(frozen=True, slots=True)
class Findings:
    """All findings for one document (errors first) and the structure facts they drew on."""

    items: tuple[Finding, ...] = ()
    structure: StructureFacts = field(default_factory=StructureFacts)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(f.code for f in self.items)

    def with_code(self, code: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.items if f.code == code)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.items if f.severity is severity)

    @property
    def worst(self) -> Severity | None:
        return min((f.severity for f in self.items), key=_SEVERITY_RANK.__getitem__, default=None)


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What every check receives: the document, the optional keyword set and the facts found."""

    document: Document
    structure: StructureFacts
    today: date
    kwset: KeywordSet | None = None
    #: the document's words as the stuffing check counts them (:func:`.stuffing.words_of`),
    #: when already known (a cached analysis keeps them, so a re-rank need not find them again)
    words: tuple[str, ...] | None = None
