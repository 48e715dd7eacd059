"""Report -> the small summary a ranking shows (redacted in blind runs)."""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from resume_checker.batch.blind import REDACTED, Redactor
from resume_checker.checks.depth import SkillDepth
from resume_checker.documents.model import Document
from resume_checker.ranking import EvidenceLine, ResumeSummary, TermHit
from resume_checker.report import Report

#: evidence lines kept per matched term in batch outputs (the JSON report keeps them all)
EVIDENCE_PER_TERM = 3
_WARNING_SEVERITIES = {"warning", "error"}
_TERM = attrgetter("term")


def summarize(report: Report, document: Document, redactor: Redactor | None) -> ResumeSummary:
    matched = tuple(
        TermHit(
            term=m.term,
            category=m.category,
            count=m.count,
            evidence=tuple(
                EvidenceLine(
                    _shown(e.line_text, e.page, e.line, redactor), e.page, e.line, e.section
                )
                for e in m.evidence[:EVIDENCE_PER_TERM]
            ),
            **_depth(m.depth),
        )
        for m in report.matched
    )
    notices = tuple(n.message for n in report.notices if n.severity in _WARNING_SEVERITIES)
    if not report.scorable and report.unreadable_message:
        notices = (report.unreadable_message, *notices)
    return ResumeSummary(
        score=report.score.value,
        band=report.band,
        knocked_out=report.knocked_out,
        matched=matched,
        missing=tuple(map(_TERM, report.missing)),
        missing_required=tuple(report.missing_required),
        findings=report.findings_count,
        notices=notices,
        pages=report.document.pages,
        words=report.document.words,
        scorable=report.scorable,
        content_similarity=report.content_similarity,
    )


def _depth(d: SkillDepth | None) -> dict[str, Any]:
    """TermHit's depth fields (none when the report has no structure facts)."""
    if d is None:
        return {}
    return {"months": d.months, "last_year": d.last_year, "ongoing": d.ongoing,
            "skills_only": d.skills_only}


def _shown(text: str, page: int, line: int, redactor: Redactor | None) -> str:
    if redactor is None:
        return text
    if redactor.hides_line(page, line):
        return REDACTED
    return redactor.text(text)
