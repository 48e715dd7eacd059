"""Section headings: refine labels with layout cues, report missing and non-standard headings.

An ATS files text under the headings it knows ("Experience", "Education", "Skills").  A
creative heading ("My Journey", "Toolbox") reads fine to a person but leaves the section
unfiled, so the heading is reported with the standard name to use instead.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from statistics import median

from resume_checker.checks.chars import letter_count
from resume_checker.checks.model import CheckContext, Finding
from resume_checker.documents.model import Document, Line, Section, Severity
from resume_checker.documents.sections import HEADING_PHRASES, classify_heading, heading_key

STANDARD_NAMES = {
    Section.SUMMARY: "Summary", Section.EXPERIENCE: "Experience", Section.EDUCATION: "Education",
    Section.SKILLS: "Skills", Section.CERTIFICATIONS: "Certifications",
    Section.PROJECTS: "Projects", Section.PUBLICATIONS: "Publications",
}
REQUIRED = (Section.EXPERIENCE, Section.EDUCATION, Section.SKILLS)

# Creative headings seen on resumes, and the section each one stands for.
_SYNONYMS: dict[Section, tuple[str, ...]] = {
    Section.EXPERIENCE: (
        "my journey", "journey", "professional journey", "career journey", "where i've worked",
        "where i have worked", "places i've worked", "career", "my career", "career path",
        "work", "jobs", "roles", "positions held", "track record", "employment record",
        "professional history", "experiences", "what i've done", "work life", "history",
    ),
    Section.EDUCATION: (
        "schooling", "school", "studies", "my education", "learning", "academic journey",
        "where i studied", "university", "college", "academic history", "education history",
        "studies and training",
    ),
    Section.SKILLS: (
        "what i know", "what i do", "toolbox", "my toolbox", "toolkit", "tool kit", "tech stack",
        "my stack", "stack", "superpowers", "abilities", "know how", "capabilities",
        "skill set", "skillset", "arsenal", "what i bring", "technical toolbox",
    ),
    Section.SUMMARY: (
        "who i am", "hello", "hi", "intro", "introduction", "my story", "bio", "in short",
    ),
    Section.PROJECTS: ("things i've built", "what i've built", "my work", "builds", "side hustles"),
    Section.CERTIFICATIONS: ("credentials", "badges"),
}
_SYNONYM_LOOKUP = {
    heading_key(phrase): section for section, phrases in _SYNONYMS.items() for phrase in phrases
}
_MAX_WORDS = 5
_MAX_CHARS = 40
_NOT_HEADING = re.compile(r"[\d@|/\[\]{}<>]|[.,;!?]$|https?:|www\.")
_LARGER = 1.12
_CORE = re.compile(r"(?i)\b(?:experience|employment|education|skills|summary|projects)\b")


def _is_heading_shaped(text: str) -> bool:
    """Short, no digits, not a sentence, no contact detail."""
    stripped = text.strip().rstrip(":").strip()
    words = stripped.split()
    return (
        0 < len(words) <= _MAX_WORDS
        and len(stripped) <= _MAX_CHARS
        and not _NOT_HEADING.search(stripped)
        and letter_count(stripped) >= 3
    )


def _style(line: Line) -> tuple[float | None, bool | None, bool]:
    size = round(line.font_size * 2) / 2 if line.font_size else None
    return size, line.bold, line.text.isupper()


def suggest_section(text: str) -> Section | None:
    """The standard section a creative or misspelt heading stands for, if it is one we know."""
    return _suggest_for_key(heading_key(text))


_CUTOFF = 0.88  # difflib similarity a misspelling must reach


@lru_cache(maxsize=4096)
def _suggest_for_key(key: str) -> Section | None:
    """`suggest_section` for a heading key (memoised: the same headings recur across resumes)."""
    if key in _SYNONYM_LOOKUP:
        return _SYNONYM_LOOKUP[key]
    # only phrases of about the same length can reach the cutoff, and only those that share
    # nearly all their letters with the key (see _MAX_UNSHARED); skip the rest
    chars = frozenset(key)
    near = [
        phrase
        for n in range(len(key) - 3, len(key) + 4)
        for phrase, phrase_chars in _BY_LENGTH.get(n, ())
        if len(chars ^ phrase_chars) <= _MAX_UNSHARED[len(key) + n]
    ]
    close = difflib.get_close_matches(key, near, n=1, cutoff=_CUTOFF)
    if close:
        section = _SYNONYM_LOOKUP.get(close[0]) or classify_heading(close[0])
        return section if section in STANDARD_NAMES else None
    return None


def _max_unshared(total: int) -> int:
    """The most characters two strings of `total` length together may hold that the other
    lacks (their symmetric difference as sets) while difflib's ratio can still reach the cutoff.

    Each such character leaves at least one element unmatched, so matches <= (total - d) // 2;
    the bound goes through difflib's own float expression (2.0 * matches / total), so a phrase
    skipped for a larger difference is one difflib would have rejected.  -1: none can reach it.
    """
    passing = [d for d in range(total + 1) if 2.0 * ((total - d) // 2) / total >= _CUTOFF]
    return max(passing, default=-1)


# The base labeller's phrase table, so misspelt standard headings ("Experiance") match too;
# by length, each phrase with its set of characters.
_BY_LENGTH: dict[int, list[tuple[str, frozenset[str]]]] = {}
for _phrase in (*HEADING_PHRASES, *_SYNONYM_LOOKUP):
    _BY_LENGTH.setdefault(len(_phrase), []).append((_phrase, frozenset(_phrase)))
#: _max_unshared by total length, up to the longest a phrase and a key 3 longer can have
_MAX_UNSHARED = [-1] + [_max_unshared(t) for t in range(1, 2 * max(_BY_LENGTH) + 4)]


def _body_size(lines: tuple[Line, ...]) -> float | None:
    sizes = [ln.font_size for ln in lines if ln.font_size]
    return median(sizes) if sizes else None


def heading_candidates(document: Document) -> list[tuple[Line, Section | None, bool]]:
    """Lines that look like headings: (line, the section it stands for, whether it is standard).

    Standard headings are those the base labeller knows.  Other candidates are heading-shaped
    (short, no digits, not a sentence), followed by content, set off by layout (bold, larger
    than the body text, capitals or Title Case) and either stand for a known section
    ("My Journey", "Experiance") or share the exact style of the standard headings while being
    larger than the body text (section None: a heading of some other section).
    The first two lines of page 1 (name, title) are never candidates.
    """
    last = _LAST_CANDIDATES[0]
    if last is not None and last[0] is document:  # refine_sections and check_sections both ask
        return list(last[1])
    out = _heading_candidates(document)
    _LAST_CANDIDATES[0] = (document, tuple(out))
    return out


Candidate = tuple[Line, Section | None, bool]
#: the last document's candidates (a one-entry cache: run_checks asks twice per document)
_LAST_CANDIDATES: list[tuple[Document, tuple[Candidate, ...]] | None] = [None]


def _heading_candidates(document: Document) -> list[Candidate]:
    lines = document.lines
    known_styles = {_style(ln) for ln in lines if ln.is_heading}
    body = _body_size(lines)
    out: list[Candidate] = []
    for i, ln in enumerate(lines):
        if ln.is_heading:
            out.append((ln, ln.section, True))
            continue
        if len(ln.text) > _MAX_CHARS + 1 or i < 2 or i + 1 >= len(lines):
            continue
        if not _is_heading_shaped(ln.text):
            continue
        text = ln.text.strip().rstrip(":")
        larger = bool(body and ln.font_size and ln.font_size >= body * _LARGER)
        cue = bool(ln.bold) or larger or text.isupper() or text.istitle()
        if not cue:
            continue
        section = suggest_section(text)
        if section is not None and _CORE.search(text):
            continue  # "Skills and Technologies": an ATS still sees "Skills"
        if section is not None:
            out.append((ln, section, False))
        elif larger and _style(ln) in known_styles:
            out.append((ln, None, False))
    return out


def refine_sections(document: Document) -> Document:
    """A new Document whose section labels also follow creative and layout-marked headings.

    Standard headings keep their labels; a heading-like line that stands for a section
    ("My Journey") starts that section; one that stands for none starts OTHER, so its lines
    are no longer filed under the section before it.
    """
    starts: dict[tuple[int, int], Section] = {}
    for ln, section, _ in heading_candidates(document):
        starts[(ln.page, ln.number)] = section or Section.OTHER
    current = Section.OTHER
    pages = []
    for page in document.pages:
        new_lines = []
        for ln in page.lines:
            start = starts.get((ln.page, ln.number))
            if start is not None:
                current = start
                new_lines.append(replace(ln, section=current, is_heading=True))
            else:
                new_lines.append(replace(ln, section=current) if ln.section != current else ln)
        pages.append(replace(page, lines=tuple(new_lines)))
    return replace(document, pages=tuple(pages))


def check_sections(ctx: CheckContext) -> Iterator[Finding]:
    """Non-standard headings (with the name to use) and missing Experience/Education/Skills."""
    doc = ctx.document
    if not doc.has_text:
        return
    suggested: set[Section] = set()
    for ln, section, standard in heading_candidates(doc):
        if standard or section is None:
            continue
        suggested.add(section)
        name = STANDARD_NAMES[section]
        yield Finding(
            code="nonstandard_heading",
            severity=Severity.WARNING,
            title=f"Non-standard heading '{ln.text.strip()}'",
            explanation=(
                f"An ATS files text under headings it knows; '{ln.text.strip()}' is not one, so "
                f"what follows may not be read as your {name.lower()}."
            ),
            fix=f"Rename the heading '{name}'.",
            page=ln.page,
            line=ln.number,
            evidence=ln.text.strip(),
        )
    present = {ln.section for ln in doc.lines if ln.is_heading}
    for section in REQUIRED:
        if section in present or section in suggested:
            continue
        name = STANDARD_NAMES[section]
        yield Finding(
            code="missing_section",
            severity=Severity.WARNING,
            title=f"No '{name}' section",
            explanation=(
                f"No heading named '{name}' (or a usual variant) was found; an ATS that fills "
                f"its {name.lower()} fields from that section will leave them empty."
            ),
            fix=f"Add a section headed '{name}'.",
            evidence=name,
        )
