"""The checks' findings and structure facts as plain JSON values (lists, strings, numbers) and
back, for the batch cache (:mod:`resume_checker.batch.codec`), next to the models they store.

Rows are lists in a fixed order, so a cached analysis stays small; each is read back by field
name. Changing a row's layout changes the cache entries: bump ``batch.codec.ANALYSIS_SCHEMA``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from resume_checker.checks.model import (
    ContactFacts,
    DateRange,
    Degree,
    DegreeLevel,
    Fact,
    Finding,
    LineSpan,
    Position,
    Severity,
    StructureFacts,
)

__all__ = ["finding_from_row", "finding_to_row", "structure_from_dict", "structure_to_dict"]

#: the contact facts in stored order
_CONTACT_KINDS = ("email", "phone", "linkedin", "github", "website", "location")


def finding_to_row(f: Finding) -> list[Any]:
    return [f.code, f.severity.value, f.title, f.explanation, f.fix, f.page, f.line, f.evidence]


def finding_from_row(row: list[Any]) -> Finding:
    code, severity, title, explanation, fix, page, line, evidence = row
    return Finding(code=code, severity=Severity(severity), title=title, explanation=explanation,
                   fix=fix, page=page, line=line, evidence=evidence)


def structure_to_dict(s: StructureFacts) -> dict[str, Any]:
    return {
        "contact": [_fact_out(getattr(s.contact, kind)) for kind in _CONTACT_KINDS],
        "positions": [_position_out(p) for p in s.positions],
        "experience_months": s.experience_months,
        "latest": _position_out(s.latest),
        "degrees": [_degree_out(d) for d in s.degrees],
        "highest_degree": _degree_out(s.highest_degree),
        "as_of": s.as_of.isoformat() if s.as_of else None,
    }


def structure_from_dict(data: dict[str, Any]) -> StructureFacts:
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


def _fact_out(fact: Fact | None) -> list[Any] | None:
    return None if fact is None else [fact.value, fact.page, fact.line]


def _fact_in(row: list[Any] | None) -> Fact | None:
    if row is None:
        return None
    value, page, line = row
    return Fact(value=value, page=page, line=line)


def _position_out(p: Position | None) -> list[Any] | None:
    if p is None:
        return None
    d = p.dates
    dates = [d.start.isoformat(), d.end.isoformat(), d.ongoing, d.text, d.page, d.line]
    span = None if p.lines is None else [*p.lines.first, *p.lines.last]
    return [dates, _fact_out(p.title), _fact_out(p.employer), span]


def _position_in(row: list[Any] | None) -> Position | None:
    if row is None:
        return None
    (start, end, ongoing, text, page, line), title, employer, span = row
    dates = DateRange(start=date.fromisoformat(start), end=date.fromisoformat(end),
                      ongoing=ongoing, text=text, page=page, line=line)
    lines = None if span is None else LineSpan((span[0], span[1]), (span[2], span[3]))
    return Position(dates=dates, title=_fact_in(title), employer=_fact_in(employer), lines=lines)


def _degree_out(d: Degree | None) -> list[Any] | None:
    return None if d is None else [d.level.value, d.name, d.field, d.page, d.line]


def _degree_in(row: list[Any] | None) -> Degree | None:
    if row is None:
        return None
    level, name, field, page, line = row
    return Degree(level=DegreeLevel(level), name=name, field=field, page=page, line=line)
