"""The JSON report: stable key order, UTF-8 text kept as is; fields in docs/report-json.md."""

from __future__ import annotations

import json
from typing import Any

from resume_checker.checks.depth import SkillDepth
from resume_checker.checks.model import Fact, Finding, Position, StructureFacts
from resume_checker.matching import AcronymForms, Evidence
from resume_checker.report import MissingTerm, Report


def _evidence(e: Evidence) -> dict[str, Any]:
    return {
        "alias": e.alias,
        "text": e.text,
        "line_text": e.line_text,
        "page": e.page,
        "line": e.line,
        "section": e.section,
        "origin": e.origin,
        "variant": e.variant,
    }


def _forms(f: AcronymForms | None) -> dict[str, Any] | None:
    return None if f is None else {
        "acronym": f.acronym, "full": f.full, "acronym_written": f.acronym_written,
        "full_written": f.full_written,
    }


def exact_dict(report: Report) -> dict[str, Any] | None:
    """The exact-string ATS view (``check --ats-mode exact``): its score beside the normal one,
    the terms to write as listed, and the terms written only as acronym or only in full."""
    s = report.exact_score
    if s is None:
        return None
    return {
        "score": s.value if report.scorable else None,
        "band": s.band,
        "knocked_out": s.knocked_out,
        "missing_required": list(s.missing_required),
        "categories": [{"id": c.id, "score": c.score, "matched": c.matched, "total": c.total}
                       for c in s.categories],
        "not_exact": [{"term": m.term, "variants": list(m.variants), "write": m.listed_spelling}
                      for m in report.not_exact],
        "one_form": [{"term": m.term, **(_forms(m.forms) or {})} for m in report.one_form],
    }


def _missing(m: MissingTerm) -> dict[str, Any]:
    return {
        "term": m.term,
        "category": m.category,
        "weight": m.weight,
        "required": m.required,
        "is_certification": m.is_certification,
    }


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "severity": f.severity.value,
        "title": f.title,
        "explanation": f.explanation,
        "fix": f.fix,
        "page": f.page,
        "line": f.line,
        "evidence": f.evidence,
    }


def _fact(f: Fact | None) -> dict[str, Any] | None:
    return None if f is None else {"text": f.value, "page": f.page, "line": f.line}


def _position(p: Position) -> dict[str, Any]:
    d = p.dates
    return {
        "start": d.start.strftime("%Y-%m"),
        "end": d.end.strftime("%Y-%m"),
        "ongoing": d.ongoing,
        "months": d.months,
        "dates_text": d.text,
        "page": d.page,
        "line": d.line,
        "title": _fact(p.title),
        "employer": _fact(p.employer),
        "lines": None if p.lines is None else {
            "from": {"page": p.lines.first[0], "line": p.lines.first[1]},
            "to": {"page": p.lines.last[0], "line": p.lines.last[1]},
        },
    }


def depth_dict(d: SkillDepth | None) -> dict[str, Any] | None:
    """A matched term's depth: the dated positions that name it, merged months, last use."""
    if d is None:
        return None
    return {
        "months": d.months,
        "years": d.years,
        "last_year": d.last_year,
        "ongoing": d.ongoing,
        "skills_only": d.skills_only,
        "elsewhere": list(d.elsewhere),
        "summary": d.summary,
        "positions": [
            {"start": p.dates.start.strftime("%Y-%m"), "end": p.dates.end.strftime("%Y-%m"),
             "ongoing": p.dates.ongoing, "months": p.dates.months, "dates_text": p.dates.text,
             "page": p.dates.page, "line": p.dates.line,
             "title": p.title.value if p.title else None,
             "employer": p.employer.value if p.employer else None}
            for p in d.positions
        ],
    }


def structure_dict(s: StructureFacts | None) -> dict[str, Any] | None:
    """Experience and degrees found, each with page and line (contact details stay out: the
    findings say what is missing or misplaced, and blind batch outputs must not name them)."""
    if s is None:
        return None
    degree = s.highest_degree
    return {
        "as_of": s.as_of.isoformat() if s.as_of else None,
        "experience_years": s.experience_years,
        "experience_months": s.experience_months,
        "positions": [_position(p) for p in s.positions],
        "latest_position": _position(s.latest) if s.latest else None,
        "degrees": [
            {"level": d.level.value, "name": d.name, "field": d.field, "page": d.page,
             "line": d.line}
            for d in s.degrees
        ],
        "highest_degree": None if degree is None else {
            "level": degree.level.value, "name": degree.name, "field": degree.field,
            "page": degree.page, "line": degree.line,
        },
    }


def job_ad_dict(report: Report) -> dict[str, Any]:
    """``{"job_ad": ...}`` for a check against a pasted job ad; nothing for a named set (its
    JSON keeps exactly the keys it had)."""
    ad = report.job_ad
    if ad is None:
        return {}
    return {"job_ad": {
        "source": ad.source,
        "terms": [
            {"term": t.term, "category": t.category, "weight": t.weight, "required": t.required,
             "ad_mentions": t.ad_mentions, "resume_mentions": t.resume_mentions,
             "written_as": list(t.written_as), "excerpt": t.excerpt}
            for t in ad.terms
        ],
    }}


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
        **job_ad_dict(report),
        "ats_mode": report.ats_mode,
        "exact": exact_dict(report),
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
                "exact": m.exact,
                "variants": list(m.variants),
                "forms": _forms(m.forms),
                "depth": depth_dict(m.depth),
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
        "findings_count": report.findings_count,
        "findings": [finding_dict(f) for f in report.findings],
        "requirements": [
            {
                "kind": r.kind,
                "name": r.name,
                "found": r.found,
                "ratio": round(r.ratio, 3),
                "met": r.met,
                "required": r.required,
                "page": r.page,
                "line": r.line,
            }
            for r in score.requirements
        ],
        "depth_scores": [
            {
                "term": d.term,
                "factor": round(d.factor, 3),
                "years": d.years,
                "min_years": d.min_years,
                "recent_within_years": d.recent_within_years,
                "last_year": d.last_year,
                "recent": d.recent,
                "reason": d.reason,
            }
            for d in score.depth
        ],
        "structure": structure_dict(report.structure),
        "hidden_included": report.hidden_included,
        "ats_view": [
            {
                "page": a.page,
                "line": a.line,
                "section": a.section,
                "text": a.text,
                "heading": a.heading,
                "origin": a.origin,
                "hidden": a.hidden,
            }
            for a in report.ats_view
        ],
    }


def render_json(report: Report) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"
