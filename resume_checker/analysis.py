"""A check in two halves: what no keyword set changes (once per document), then each set.

``check_document(document, kwset)`` is ``check_analysis(analyse(document), kwset)``.  The first
half runs the parseability and structure checks that do not read the set (nearly all of them,
and most of a check's cost); the second matches the set's terms, runs the set-dependent checks
(:data:`resume_checker.checks.SET_CHECKS`), scores and builds the report.  A batch caches the
:class:`Analysis` of each document (:mod:`resume_checker.batch.codec`), so re-ranking a
folder with an edited set runs only the second half: no file is read or parsed again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from resume_checker.checks.model import Finding, Findings, StructureFacts
from resume_checker.documents.model import Document
from resume_checker.keywords.model import KeywordSet
from resume_checker.matching import KnownTokens
from resume_checker.report import DocumentSummary, Report

#: bump when a check in :data:`resume_checker.checks.DOCUMENT_CHECKS` would find something else
#: in the same document (cached analyses then miss and are remade)
ANALYSIS_VERSION = "1"


@dataclass(frozen=True, slots=True)
class Analysis:
    """The set-independent half of a check of one document, as of one day.

    ``document`` is the parsed document, or, when the analysis comes from the batch cache, a
    copy that keeps only what the second half reads: every line's text and place (page, number,
    section, column, origin, heading, hidden reason), the notices and the summary counts; line
    boxes and fonts are not kept.  Checks that need those are all in the first half.
    """

    document: Document
    findings: tuple[Finding, ...]        # the findings of the checks that do not read the set
    structure: StructureFacts
    as_of: date                           # the day ongoing jobs were counted to
    include_hidden: bool = False          # match and score hidden text too (for comparison)
    #: the matcher's tokens of the document's text, when known (stored in the batch cache)
    tokens: KnownTokens | None = None
    #: the report's summary of the document as matched (counted once, not per set)
    summary: DocumentSummary | None = None
    #: the words the set-dependent stuffing check counts (found once, not per set)
    words: tuple[str, ...] | None = None


def analyse(
    document: Document, *, today: date | None = None, include_hidden: bool = False
) -> Analysis:
    """Run the checks that do not depend on a keyword set (see :class:`Analysis`)."""
    from resume_checker.checks import DOCUMENT_CHECKS, run_checks
    from resume_checker.checks.stuffing import words_of

    today = today or date.today()
    findings = run_checks(document, today=today, checks=DOCUMENT_CHECKS)
    matched = document.with_hidden() if include_hidden else document
    return Analysis(document, findings.items, findings.structure, today, include_hidden,
                    summary=DocumentSummary.of(matched), words=words_of(document.lines))


def check_analysis(
    analysis: Analysis, kwset: KeywordSet, *, ats_view: bool = True, ats_mode: str = "normal"
) -> Report:
    """Match, check and score an analysed document against one keyword set.

    ``ats_view=False`` leaves the report's ATS view (every line as read) empty, for callers
    that never show it (a batch ranking without JSON output).  ``ats_mode="exact"`` adds the
    score an exact-string ATS search would give (only terms with an exact hit count) beside
    the normal one (:data:`resume_checker.matching.exactness.ATS_MODES`)."""
    from resume_checker.checks import merge_findings, run_set_checks
    from resume_checker.matching import compile_matcher
    from resume_checker.matching.exactness import ATS_MODES
    from resume_checker.report import build_report
    from resume_checker.scoring import score

    if ats_mode not in ATS_MODES:
        raise ValueError(f"unknown ATS mode {ats_mode!r}; use one of {', '.join(ATS_MODES)}")
    document = analysis.document
    findings = merge_findings(
        Findings(analysis.findings, analysis.structure),
        run_set_checks(document, analysis.structure, kwset, today=analysis.as_of,
                       words=analysis.words),
    )
    matched = document.with_hidden() if analysis.include_hidden else document
    result = compile_matcher(kwset).match(matched, analysis.tokens)
    exact = (score(kwset, result.exact_only(), findings.structure) if ats_mode == "exact"
             else None)
    return build_report(
        matched, kwset, result, score(kwset, result, findings.structure),
        findings=findings, hidden_included=analysis.include_hidden and bool(document.hidden_lines),
        with_ats_view=ats_view, summary=analysis.summary, exact_score=exact,
    )
