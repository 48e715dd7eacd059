"""Degrees: the highest level (PhD, Master's, Bachelor's, Associate, other) and its field.

Degree names are spelt many ways (Ph.D., Doctor of Philosophy, M.S., MSc, M.Eng, MBA, B.S.,
BSc, B.Tech, BA...).  Short forms that are also words or state codes (MS, MA, BA, BS, BE) count
only beside a field or "in"/"of", so "MS Office" and "Boston, MA" are no degrees.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from resume_checker.checks.model import CheckContext, Degree, DegreeLevel, Finding
from resume_checker.documents.model import Document, Section, Severity

_OF_FIELD = (
    r"(?:\s+(?:of|in)\s*(?:Applied\s+)?(?:Science|Arts|Engineering|Business\s+Administration|Philosophy|"
    r"Fine\s+Arts|Public\s+Health|Education|Laws?|Technology|Applied\s+Science|Commerce|"
    r"Computer\s+Applications|Social\s+Work))"
)
_OF = _OF_FIELD + "?"
# Abbreviations followed by a field, "in", "of", a comma or a parenthesis (not "MS Office").
_AMBIGUOUS_TAIL = r"(?=\s*(?:in\b|of\b|,|:|\(|-|\u2013|\s[A-Z][a-z]))(?!\s+(?:Office|Excel|Word|" \
    r"SQL|Project|Access|Teams|Dynamics|PowerPoint|Visio|Outlook|Windows|Azure)\b)"
_LEVELS: tuple[tuple[DegreeLevel, str], ...] = (
    (DegreeLevel.PHD,
     rf"Ph\.?\s?D\.?|D\.?Phil\.?|Doctor\s+of\s+Philosophy|Doctorate{_OF}|Ed\.D\.?|D\.Sc\.?|"
     r"Sc\.D\.?|Doctor\s+of\s+\w+(?:\s+\w+)?|M\.D\.|J\.D\.|Juris\s+Doctor"),
    (DegreeLevel.MASTERS,
     rf"Master(?:'s|\u2019s|s)?(?:\s+Degree)?{_OF}|M\.\s?S\.?c?\.?|M\.Sc\.?|MSc|M\.\s?A\.|"
     r"M\.?\s?Eng\.?|MEng|M\.?B\.?A\.?|MPH|M\.P\.H\.|MFA|M\.F\.A\.|M\.?\s?Tech|MCA|M\.?Phil|"
     r"LL\.?M\.?|M\.Ed\.?|MEd|MSW|MPA|MSCS|MSEE|"
     rf"(?-i:MS|MA){_AMBIGUOUS_TAIL}"),
    (DegreeLevel.BACHELORS,
     rf"Bachelor(?:'s|\u2019s|s)?(?:\s+Degree)?{_OF}|B\.\s?S\.?c?\.?|B\.Sc\.?|BSc|B\.\s?A\.|"
     r"B\.?\s?Tech|B\.?\s?Eng\.?|B\.E\.|BBA|B\.B\.A\.|B\.?Com|BFA|B\.F\.A\.|BCA|BSN|LL\.?B\.?|"
     r"A\.B\.|BSCS|BSEE|"
     rf"(?-i:BS|BA|BE){_AMBIGUOUS_TAIL}"),
    (DegreeLevel.ASSOCIATE,
     rf"Associate(?:'s|\u2019s|s)?(?:\s+Degree{_OF}|{_OF_FIELD})|A\.A\.S?\.|A\.S\.|(?-i:AAS|AS|AA)"
     rf"{_AMBIGUOUS_TAIL}"),
    (DegreeLevel.OTHER,
     r"High\s+School\s+Diploma|GED|Diploma|Certificate|HND|Higher\s+National\s+Diploma"),
)
# The letters each level's names start with (case-folded): "Ph.D.", "Doctor", "Ed.D.", "J.D.",
# "M.D.", "Sc.D."; "Master", "LL.M."; "Bachelor", "A.B.", "LL.B."; "Associate"; "Diploma", "GED",
# "High School", "Certificate".
_FIRST_LETTERS = {
    DegreeLevel.PHD: "dejmps", DegreeLevel.MASTERS: "lm", DegreeLevel.BACHELORS: "abl",
    DegreeLevel.ASSOCIATE: "a", DegreeLevel.OTHER: "cdgh",
}
# The lookarounds stand before the alternation so the engine tries the levels only where a
# word can start (most positions are inside a word or on a space): every degree name starts
# with a letter.  Each level is tried only at a word with one of its first letters (at most
# words, every level fails on its first test instead of trying each of its names).
_DEGREE = re.compile(
    r"(?=[A-Za-z])(?<![\w.])(?:"
    + "|".join(
        rf"(?P<{level.name}>(?=[{_FIRST_LETTERS[level]}])(?:{pattern})(?![\w]))"
        for level, pattern in _LEVELS
    )
    + ")",
    re.IGNORECASE,
)
_FIELD = re.compile(
    r"^\s*(?:degree\s*)?(?i:\(?hons?\.?\)?|\(?honou?rs\)?)?\s*(?:in\b|of\b|,|:|\(|-|\u2013)?\s*"
    r"(?P<field>[A-Z][A-Za-z&]*(?:\s+(?:and|&|of|in|[A-Z][A-Za-z&]*)){0,5})"
)
_FIELD_STOP = re.compile(
    r"\s+(?:University|College|Institute|School|from|at|and|&|of|in)\b.*$"
    r"|\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*$"
)


_SCHOOL = re.compile(r"\b(?:University|College|Institute|School|Academy)\b")


def _field(rest: str) -> str | None:
    """The field after a degree; skips a school named first ("PhD Princeton University, CS")."""
    head, _, tail = rest.partition(",")
    if _SCHOOL.search(head) and tail:
        rest = "," + tail
    m = _FIELD.match(rest)
    if not m:
        return None
    field = _FIELD_STOP.sub("", m["field"]).strip()
    if not field or field.split()[0] in {"University", "College", "Institute", "School"}:
        return None
    return field


def extract_degrees(document: Document) -> tuple[Degree, ...]:
    """Degrees named in the Education section (anywhere when there is none), in reading order."""
    lines = document.lines
    has_education = any(ln.is_heading and ln.section is Section.EDUCATION for ln in lines)
    found: list[Degree] = []
    education = Section.EDUCATION  # looked up once, not per line
    for ln in lines:
        if has_education and ln.section is not education:
            continue
        for m in _DEGREE.finditer(ln.text):
            level = DegreeLevel[m.lastgroup or "OTHER"]
            found.append(Degree(level, m.group(0), _field(ln.text[m.end():]), ln.page, ln.number))
    return tuple(found)


def highest_degree(degrees: tuple[Degree, ...]) -> Degree | None:
    """The highest level; among equals, the first listed that names a field."""
    if not degrees:
        return None
    top = max(d.level.rank for d in degrees)
    best = [d for d in degrees if d.level.rank == top]
    return next((d for d in best if d.field), best[0])


def check_education(ctx: CheckContext) -> Iterator[Finding]:
    """An Education section in which no degree could be recognised."""
    heading = next(
        (ln for ln in ctx.document.lines if ln.is_heading and ln.section is Section.EDUCATION),
        None,
    )
    if heading is not None and not ctx.structure.degrees:
        yield Finding(
            code="no_degree_found",
            severity=Severity.INFO,
            title="No degree recognised under Education",
            explanation=(
                "An ATS fills the degree field from names such as 'Bachelor of Science' or "
                "'B.S.'; none was recognised, so degree filters may skip you."
            ),
            fix="Write the degree in full, e.g. 'Bachelor of Science in Computer Science'.",
            page=heading.page,
            line=heading.number,
        )
