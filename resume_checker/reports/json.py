"""The JSON report: stable key order, UTF-8 text kept as is; fields in docs/report-json.md."""

from __future__ import annotations

import json
from typing import Any

from ..matching import Evidence
from ..report import MissingTerm, Report


def _evidence(e: Evidence) -> dict[str, Any]:
    return {
        "alias": e.alias,
        "text": e.text,
        "line_text": e.line_text,
        "page": e.page,
        "line": e.line,
        "section": e.section,
        "origin": e.origin,
    }


def _missing(m: MissingTerm) -> dict[str, Any]:
    return {
        "term": m.term,
        "category": m.category,
        "weight": m.weight,
        "required": m.required,
        "is_certification": m.is_certification,
    }


def to_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data (keys in a fixed order)."""
    score = report.score
    return {
        "schema_version": report.schema_version,
        "tool": {"name": "resume-checker", "version": report.tool_version},
        "document": {
            "source": report.document.source,
            "format": report.document.format,
            "pages": report.document.pages,
            "words": report.document.words,
            "characters": report.document.characters,
            "sha256": report.document.sha256,
        },
        "keyword_set": {
            "id": report.keyword_set.id,
            "title": report.keyword_set.title,
            "content_hash": report.keyword_set.content_hash,
        },
        "scorable": report.scorable,
        "unreadable_message": report.unreadable_message,
        "score": score.value if report.scorable else None,
        "band": score.band,
        "knocked_out": score.knocked_out,
        "missing_required": list(score.missing_required),
        "content_similarity": report.content_similarity,
        "categories": [
            {
                "id": c.id,
                "title": c.title,
                "weight": c.weight,
                "score": c.score,
                "matched_weight": c.matched_weight,
                "total_weight": c.total_weight,
                "matched": c.matched,
                "total": c.total,
            }
            for c in score.categories
        ],
        "matched": [
            {
                "term": m.term,
                "category": m.category,
                "weight": m.weight,
                "required": m.required,
                "count": m.count,
                "evidence": [_evidence(e) for e in m.evidence],
            }
            for m in report.matched
        ],
        "missing": [_missing(m) for m in report.missing],
        "missing_certifications": [_missing(m) for m in report.missing_certifications],
        "suggestions": [{"term": s.term, "text": s.text} for s in report.suggestions],
        "defined_acronyms": [{"short": s, "long": lf} for s, lf in report.defined_acronyms],
        "notices": [
            {
                "code": n.code,
                "severity": n.severity,
                "message": n.message,
                "page": n.page,
                "fix": n.fix,
            }
            for n in report.notices
        ],
    }


def render_json(report: Report) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"
