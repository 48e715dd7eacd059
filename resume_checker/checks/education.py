"""Degrees: the highest level (PhD, Master's, Bachelor's, Associate, other) and its field.

Degree names are spelt many ways (Ph.D., Doctor of Philosophy, M.S., MSc, M.Eng, MBA, B.S.,
BSc, B.Tech, B.E, BA, LL.B., J.D., PharmD...).  Short forms that are also words or state codes
(MS, MA, BA, BS, BE, MD, JD) count only beside a field or "in"/"of", so "MS Office", "Boston, MA",
"to BE done" and "Baltimore, MD" are no degrees.  Professional doctorates (J.D., M.D.) rank
with the PhD.
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
# "Bachelor's", "Bachelor’s", "Bachelor‘s", "Bachelor´s", "Bachelors"
_POSSESSIVE = r"(?:['\u2019\u2018\u00b4]s|s)?"
_PLURAL = r"(?:['\u2019\u2018\u00b4]s|s)"
# A bare "Master" or "Bachelor" is a degree only before a degree word or a capitalised field
# ("Master in Computer Science", "Bachelor of the Arts", "Master :Business Administration"),
# not in "Scrum Master", "Master Electrician", "master schedule" or a marital status.
_OF_NAME = r"(?-i:(?=\s+(?:of|in)\s+(?:the\s+)?[A-Z]|\s*:\s*[A-Z]))"
# Abbreviations followed by a field, "in", "of", a comma or a parenthesis (not "MS Office").
# The capitalised next word is matched with case ("MS Computer Science", not "AS SOON AS").
_AMBIGUOUS_TAIL = r"(?=\s*(?:in\b|of\b|,|:|\(|-|\u2013|(?-i:\s[A-Z][a-z])|\s" \
    r"(?:computer|electrical|mechanical|civil|chemical|information|data|business|mathematics|" \
    r"physics|statistics|economics|finance|accounting|biology|chemistry|nursing|psychology|" \
    r"engineering|science)\b))(?!\s+(?:Office|" \
    r"Excel|Word|SQL|Project|Access|Teams|Dynamics|PowerPoint|Visio|Outlook|Windows|Azure)\b)"
# Short forms that are also words or codes ("to BE done", "Baltimore, MD", "see the JD"): a
# degree only before "in"/"of" and a capitalised field, a parenthesis, the word degree, a
# school ("JD, Harvard Law School"), or (BE) an engineering branch ("BE Mechanical").
_SCHOOL_AHEAD = r"(?:[A-Z][A-Za-z.&'-]*\s+){0,3}(?:University|College|Institute|School)\b"
_DEGREE_CONTEXT = (
    rf"(?-i:(?=\s+(?:in|of)\s+[A-Z]|\s*\(|\s+[Dd]egree\b|\s*[,\u2013-]\s*{_SCHOOL_AHEAD}))"
)
_BRANCH = (
    r"(?-i:(?=\s+(?:Mechanical|Electrical|Electronics|Civil|Computer|Chemical|Information|"
    r"Instrumentation|Production|Industrial|Aeronautical|Aerospace|Automobile|Biomedical|"
    r"Biotechnology|Telecommunications?|Software|Metallurgy|Mechatronics|Marine|Mining|"
    r"ECE|EEE|CSE|EE|IT)\b))"
)
#: J.D. and M.D. (and the other doctorates of a profession: PharmD, DNP, DDS, DVM, DPT,
#: PsyD, EdD) count as doctoral level, like a PhD: they are the terminal degree of their field,
#: and a set asking for a doctorate is met by them.
_LEVELS: tuple[tuple[DegreeLevel, str], ...] = (
    (DegreeLevel.PHD,
     rf"Ph\.?\s?D\.?|D\.?Phil\.?|Doctor\s+of\s+Philosophy|Doctorate{_OF}|Ed\.D\.?|(?-i:EdD)|"
     r"D\.Sc\.?|"
     r"Sc\.D\.?|Doctor\s+of\s+\w+(?:\s+\w+)?|M\.D\.|J\.D\.|Juris\s+Doctor|Pharm\.?\s?D\.?|"
     r"Psy\.?D\.?|D\.N\.P\.|D\.D\.S\.|D\.V\.M\.|D\.P\.T\.|(?-i:DNP|DDS|DVM|DPT)|"
     rf"(?-i:MD|JD){_DEGREE_CONTEXT}"),
    (DegreeLevel.MASTERS,
     rf"Master(?:{_PLURAL}(?:\s+Degree)?{_OF}|(?:\s+Degree)?{_OF_FIELD}|\s+Degree|{_OF_NAME})|"
     r"M\.\s?S\.?c?\.?|M\.Sc\.?|MSc|M\.\s?A\.|"
     r"M\.?\s?Eng\.?|MEng|M\.?B\.?A\.?|MPH|M\.P\.H\.|MFA|M\.F\.A\.|M\.?\s?Tech\.?|MCA|M\.?Phil|"
     r"LL\.?M\.?|M\.Ed\.?|MEd|MSW|MPA|MSCS|MSEE|M\.\s?E\.|M\.C\.A\.|M\.?Com|"
     rf"(?-i:MS|MA){_AMBIGUOUS_TAIL}|(?-i:ME){_DEGREE_CONTEXT}"),
    (DegreeLevel.BACHELORS,
     rf"Bachelor(?:{_PLURAL}(?:\s+Degree)?{_OF}|(?:\s+Degree)?{_OF_FIELD}|\s+Degree|{_OF_NAME})|"
     r"B\.\s?S\.?c?\.?|B\.Sc\.?|BSc|B\.\s?A\.|"
     r"B\.?\s?Tech\.?|B\.?\s?Eng\.?|B\.\s?E\.?|BBA|B\.B\.A\.|B\.?Com|BFA|B\.F\.A\.|BCA|BSN|"
     r"LL\.?B\.?|A\.B\.|BSCS|BSEE|B\.C\.A\.|B\.Pharm|BPharm|"
     rf"(?-i:BS|BA){_AMBIGUOUS_TAIL}|(?-i:BE)(?:{_DEGREE_CONTEXT}|{_BRANCH})"),
    (DegreeLevel.ASSOCIATE,
     rf"Associate{_POSSESSIVE}(?:\s+Degree{_OF}|{_OF_FIELD})|A\.A\.(?:S\.)?|A\.S\.|"
     rf"(?-i:AAS|AS|AA){_AMBIGUOUS_TAIL}"),
    (DegreeLevel.OTHER,
     r"High\s+School\s+Diploma|GED|Diploma|Certificate|HND|Higher\s+National\s+Diploma"),
)
#: The abbreviations (and common spellings) of each level that resumes and job ads write, for
#: other packages that need the same table (the keyword-set builder's degree aliases).
#: Ambiguous short forms (BE, BA, BS, MS, MA, MD, JD) are listed; they count as degrees only
#: in a degree context, which ``degree_level`` checks.
DEGREE_ABBREVIATIONS: dict[DegreeLevel, tuple[str, ...]] = {
    DegreeLevel.PHD: (
        "PhD", "Ph.D.", "Ph.D", "DPhil", "D.Phil.", "doctorate", "Ed.D.", "EdD", "D.Sc.",
        "J.D.", "JD", "Juris Doctor", "M.D.", "MD", "PharmD", "Pharm.D.", "DNP", "PsyD",
        "DDS", "DVM", "DPT",
    ),
    DegreeLevel.MASTERS: (
        "Master's", "Masters", "M.S.", "MS", "M.Sc.", "MSc", "M.A.", "MA", "M.Eng.", "MEng",
        "M.E.", "M.Tech", "MTech", "MBA", "M.B.A.", "MCA", "MPH", "MFA", "M.Phil.", "MPhil",
        "LL.M.", "LLM", "M.Ed.", "MEd", "MSW", "MPA", "M.Com",
    ),
    DegreeLevel.BACHELORS: (
        "Bachelor's", "Bachelors", "B.S.", "BS", "B.Sc.", "BSc", "B.A.", "BA", "B.E.", "B.E",
        "BE", "B.Eng.", "BEng", "B.Tech", "BTech", "B.Com", "BCom", "BBA", "B.B.A.", "BFA",
        "BCA", "BSN", "LL.B.", "LLB", "B.Pharm",
    ),
    DegreeLevel.ASSOCIATE: ("Associate's degree", "Associate degree", "A.A.", "A.S.", "AAS"),
}
#: the entries of DEGREE_ABBREVIATIONS that are also words or codes: safe as a keyword
#: alias only where the matcher checks the context (a plain alias "BE" would match "to BE")
DEGREE_CONTEXT_ONLY: frozenset[str] = frozenset(
    {"BE", "BA", "BS", "MS", "MA", "MD", "JD", "AAS"}
)


# The letters each level's names start with (case-folded): "Ph.D.", "Doctor", "Ed.D.", "J.D.",
# "M.D.", "Sc.D.", "PharmD", "PsyD", "DNP"; "Master", "LL.M."; "Bachelor", "A.B.", "LL.B.";
# "Associate"; "Diploma", "GED", "High School", "Certificate".
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


def degree_mentions(text: str) -> list[tuple[DegreeLevel, str, int]]:
    """Every degree a line of text names: (level, the name as written, start offset).

    The same recognition as the resume's Education section, for any text (a job ad's
    requirement line, say); ambiguous short forms count only in a degree context.
    """
    return [
        (DegreeLevel[m.lastgroup or "OTHER"], m.group(0), m.start())
        for m in _DEGREE.finditer(text)
    ]


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
