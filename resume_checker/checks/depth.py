"""Skill depth: how long and how recently the resume shows each matched term in use.

A term was used in an experience entry when the line of one of its occurrences lies in the
entry's lines (:func:`with_spans`).  Its months of use are the merged months of those entries
(overlapping roles counted once, an ongoing role to the month of ``today``), its last use the
end of the latest of them.  An occurrence outside every dated entry says where else the term
appears (the skills list, the summary, projects, ...), by the section its line was filed under.

An entry's lines run from its date line, or the title or employer line just above it, to the
line before the next entry starts, and never past the end of its section; a date in
Publications, Education or Certifications is no entry (:func:`.experience.extract_positions`),
so a publication year or a course date gives no months.  Depth reads the line of every
occurrence the matcher counts (:attr:`.TermMatch.lines`), not only the evidence it keeps (at
most :data:`resume_checker.matching.MAX_EVIDENCE` per term), so a skill named in more roles
than that keeps every role's months; a match built by hand, without lines, is read from its
evidence.  It costs a few comparisons per line.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from resume_checker.checks.experience import merged_months
from resume_checker.checks.model import LineSpan, Position, StructureFacts
from resume_checker.documents.model import Document, Section
from resume_checker.matching import MatchResult, TermMatch

__all__ = ["PLACES", "SkillDepth", "skill_depth", "skill_depths", "with_spans"]

#: the sections a term may appear in outside dated entries, in the order reports list them
PLACES: tuple[str, ...] = tuple(s.value for s in (
    Section.SKILLS, Section.SUMMARY, Section.EXPERIENCE, Section.PROJECTS, Section.EDUCATION,
    Section.CERTIFICATIONS, Section.PUBLICATIONS, Section.OTHER,
))
_PLACE_RANK = {name: i for i, name in enumerate(PLACES)}


@dataclass(frozen=True, slots=True)
class SkillDepth:
    """What the resume's own dates say about one matched term."""

    term: str
    #: the dated experience entries whose lines name the term, most recent first
    positions: tuple[Position, ...]
    #: months of use, merged over ``positions`` (overlaps counted once)
    months: int
    #: the last month of the latest of ``positions`` (today's month when ongoing), if any
    last_used: date | None
    #: whether the latest of them is ongoing ("Present")
    ongoing: bool
    #: sections (:data:`PLACES`) where the term appears outside every dated entry; "experience"
    #: here is an experience line that belongs to no dated entry
    elsewhere: tuple[str, ...]

    @property
    def years(self) -> float:
        return round(self.months / 12, 1)

    @property
    def last_year(self) -> int | None:
        return self.last_used.year if self.last_used else None

    @property
    def skills_only(self) -> bool:
        """Found only in the skills list: named, but not shown in use."""
        return not self.positions and self.elsewhere == (Section.SKILLS.value,)

    @property
    def summary(self) -> str:
        """One phrase for reports: "2.5 years, last used 2024" or "found only in the skills
        list"."""
        if self.skills_only:
            return "found only in the skills list"
        if not self.positions:
            return "not in a dated position (found in " + ", ".join(self.elsewhere) + ")"
        years = f"{self.years:g} year{'' if self.years == 1 else 's'}"
        when = "in use now" if self.ongoing else f"last used {self.last_year}"
        count = len(self.positions)
        return f"{years} in {count} position{'' if count == 1 else 's'}, {when}"


def with_spans(document: Document, positions: tuple[Position, ...]) -> tuple[Position, ...]:
    """``positions`` (in their order) with the lines each covers.

    An entry starts at its date line, or at its title or employer line when that is one or two
    lines above it (the lines :func:`.experience.extract_positions` reads them from), but after
    the previous entry's date line; it ends on the line before the next entry starts or the last
    line of its section, whichever comes first.  Entries on one date line share their lines.
    ``document`` is the one the positions were read from (sections refined).
    """
    if not positions:
        return positions
    lines = document.lines
    index = {(ln.page, ln.number): i for i, ln in enumerate(lines)}
    date_at = [index.get((p.dates.page, p.dates.line)) for p in positions]
    date_lines = sorted({i for i in date_at if i is not None})
    starts: dict[int, int] = {}
    for k, d in enumerate(date_lines):
        floor = date_lines[k - 1] + 1 if k else 0
        start = d
        for p, at in zip(positions, date_at, strict=True):
            if at != d:
                continue
            for fact in (p.title, p.employer):
                j = index.get((fact.page, fact.line)) if fact is not None else None
                if j is not None and d - 2 <= j < start:
                    start = j
        starts[d] = max(start, floor)
    spans: dict[int, LineSpan] = {}
    for k, d in enumerate(date_lines):
        end = starts[date_lines[k + 1]] - 1 if k + 1 < len(date_lines) else len(lines) - 1
        section = lines[d].section
        j = d
        while j < end and lines[j + 1].section is section:
            j += 1
        first, last = lines[starts[d]], lines[j]
        spans[d] = LineSpan((first.page, first.number), (last.page, last.number))
    return tuple(
        p if at is None else replace(p, lines=spans[at])
        for p, at in zip(positions, date_at, strict=True)
    )


def skill_depth(match: TermMatch, positions: tuple[Position, ...]) -> SkillDepth:
    """The depth of one matched term among ``positions`` (with their lines, most recent
    first)."""
    used: set[int] = set()  # places in ``positions``
    elsewhere: set[str] = set()
    for page, line, section in _occurrence_lines(match):
        where = (page, line)
        owners = [i for i, p in enumerate(positions)
                  if p.lines is not None and p.lines.first <= where <= p.lines.last]
        if owners:
            used.update(owners)
        else:
            elsewhere.add(section if section in _PLACE_RANK else Section.OTHER.value)
    ordered = tuple(p for i, p in enumerate(positions) if i in used)  # most recent first
    latest = max(ordered, key=lambda p: (p.dates.end, p.dates.ongoing), default=None)
    return SkillDepth(
        term=match.term,
        positions=ordered,
        months=merged_months(p.dates for p in ordered),
        last_used=latest.dates.end if latest else None,
        ongoing=latest.dates.ongoing if latest else False,
        elsewhere=tuple(sorted(elsewhere, key=_PLACE_RANK.__getitem__)),
    )


def _occurrence_lines(match: TermMatch) -> tuple[tuple[int, int, str], ...]:
    """(page, line number, section) of the lines the term occurs on: all of them as the matcher
    lists them, or, for a match built by hand without them, its evidence lines."""
    return match.lines or tuple((ev.page, ev.line, ev.section) for ev in match.evidence)


def skill_depths(result: MatchResult, structure: StructureFacts) -> dict[str, SkillDepth]:
    """The depth of every matched term, by term name."""
    positions = structure.positions
    return {m.term: skill_depth(m, positions) for m in result.matched}
