"""What a batch produces: one row per file (ranked, failed or skipped) and the run around them.

Rows carry a small summary of each report (what the ranking, CSV, Markdown and HTML show) and,
when asked for, the core's full JSON report.  Every text in them is already redacted in blind runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    OK = "ok"              # checked, nothing to report about reading it
    WARNING = "warning"    # checked, but the parser noticed something (no text layer, limit...)
    ERROR = "error"        # could not be checked: the reason says why
    SKIPPED = "skipped"    # not read at all (unsupported, hidden, symlink out of the folder...)


@dataclass(frozen=True, slots=True)
class EvidenceLine:
    """Where a term was found: the line, as shown to the reviewer."""

    text: str
    page: int
    line: int
    section: str


@dataclass(frozen=True, slots=True)
class TermHit:
    term: str
    category: str
    count: int
    evidence: tuple[EvidenceLine, ...] = ()
    #: skill depth (:class:`resume_checker.checks.depth.SkillDepth`): months of use in dated
    #: positions, the last year used (None: no dated use), in a current role, only in skills
    months: int = 0
    last_year: int | None = None
    ongoing: bool = False
    skills_only: bool = False

    @property
    def depth_text(self) -> str:
        """The term's depth in a few words, as the batch outputs show it (``--skill-depth``)."""
        if self.skills_only:
            return f"{self.term} (skills list only)"
        if self.last_year is None:
            return f"{self.term} (no dated use)"
        until = "present" if self.ongoing else str(self.last_year)
        return f"{self.term} {self.months / 12:.1f}y to {until}"


@dataclass(frozen=True, slots=True)
class ResumeSummary:
    """The parts of a report a ranking needs."""

    score: float
    band: str | None
    knocked_out: bool
    matched: tuple[TermHit, ...]
    missing: tuple[str, ...]              # most important first
    missing_required: tuple[str, ...]
    findings: int                         # parseability/structure findings + parser notices
    notices: tuple[str, ...] = ()         # parser notices worth a warning, as plain sentences
    pages: int = 0
    words: int = 0
    scorable: bool = True                 # False: no text could be read, the score means nothing
    #: TF-IDF cosine to the job ad (0-1) when the batch was given one; orders equal scores,
    #: never part of the score
    content_similarity: float | None = None


@dataclass(frozen=True, slots=True)
class FileResult:
    """What a worker sends back for one file."""

    sha256: str
    cached: bool
    summary: ResumeSummary
    report_json: dict[str, Any] | None = None   # the core's JSON report, when JSON output is asked
    document_json: str | None = None            # the parsed document, for the parent to cache
    #: the same document against the second, third... set of a multi-set run (in set order)
    extra_summaries: tuple[ResumeSummary, ...] = ()
    extra_reports: tuple[dict[str, Any] | None, ...] = ()
    analysis_json: str | None = None            # the new analysis, for the parent to cache


@dataclass(frozen=True, slots=True)
class BatchRow:
    number: int                 # 1-based position in the input order (stable for blind labels)
    file: str                   # the name shown: relative path, or candidate-NNN in blind runs
    status: Status
    summary: ResumeSummary | None = None
    error: str | None = None
    code: str | None = None
    rank: int | None = None
    cached: bool = False
    seconds: float = 0.0
    sha256: str = ""
    report_json: dict[str, Any] | None = None
    path: str = ""              # the real path, for comparing runs; never printed in blind runs
    extra_summaries: tuple[ResumeSummary, ...] = ()   # sets after the first, in set order
    extra_reports: tuple[dict[str, Any] | None, ...] = ()

    @property
    def score(self) -> float | None:
        return self.summary.score if self.summary else None

    @property
    def summaries(self) -> tuple[ResumeSummary, ...]:
        """One summary per set of the run (empty when the file was not checked)."""
        return (self.summary, *self.extra_summaries) if self.summary else ()

    @property
    def reports(self) -> tuple[dict[str, Any] | None, ...]:
        return (self.report_json, *self.extra_reports) if self.summary else ()


@dataclass(frozen=True, slots=True)
class SetInfo:
    """A keyword set a batch ran against."""

    id: str
    title: str
    hash: str
    pass_score: float | None = None


@dataclass(frozen=True, slots=True)
class BatchResult:
    """A finished batch: every row, ranked rows first, plus what it ran against."""

    rows: tuple[BatchRow, ...]
    set_id: str
    set_title: str
    set_hash: str
    started: float
    seconds: float
    blind: bool = False
    run_id: str = ""
    pass_score: float | None = None
    peak_worker_rss_mb: float = 0.0    # the largest peak resident memory of any worker
    options: dict[str, Any] = field(default_factory=dict)
    #: the second, third... set of a multi-set run; the ranking follows the first set
    extra_sets: tuple[SetInfo, ...] = ()
    #: the run was given a job ad (``BatchOptions.job_ad``): rows carry their content
    #: similarity to it, and rows of equal score are ordered by it
    with_similarity: bool = False

    @property
    def sets(self) -> tuple[SetInfo, ...]:
        """Every set of the run, the ranking one first."""
        first = SetInfo(self.set_id, self.set_title, self.set_hash, self.pass_score)
        return (first, *self.extra_sets)

    @property
    def ranked(self) -> tuple[BatchRow, ...]:
        ranked = (r for r in self.rows if r.rank is not None)
        return tuple(sorted(ranked, key=lambda r: r.rank or 0))

    def count(self, status: Status) -> int:
        return sum(1 for r in self.rows if r.status is status)

    @property
    def failed(self) -> bool:
        return any(r.status is Status.ERROR for r in self.rows)
