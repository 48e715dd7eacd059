"""Cues written in role documents: requirement levels, acronym pairs, certifications, degrees.

Pure functions over plain text; the builder combines them with the vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    """How strongly a line of a document asks for what it names."""

    REQUIRED = "required"
    PREFERRED = "preferred"
    NONE = "none"


_REQUIRED_HEADING = re.compile(
    r"\b(requirements?|required|minimum qualifications?|basic qualifications?|must[- ]haves?|"
    r"what you(?:'ll| will)? (?:need|bring)|what we(?:'re| are) looking for|who you are|about you|"
    r"you(?:'ll| will)? have|qualifications|essential)\b",
    re.I,
)
_PREFERRED_HEADING = re.compile(
    r"\b(preferred|nice[- ]to[- ]haves?|bonus|desirable|pluses|good to have|"
    r"additional qualifications|it would be great)\b",
    re.I,
)
_REQUIRED_LINE = re.compile(r"\b(must|required|requires?|mandatory|essential|minimum)\b", re.I)
_PREFERRED_LINE = re.compile(
    r"\b(preferred|nice to have|bonus|a plus|is a plus|are a plus|desirable|ideally|"
    r"advantage|familiarity)\b",
    re.I,
)


def _is_heading(line: str) -> bool:
    stripped = line.strip().rstrip(":").strip()
    return (
        0 < len(stripped) <= 60
        and not stripped.endswith(".")
        and (line.strip().endswith(":") or len(stripped.split()) <= 6)
        and not stripped.startswith(("-", "*", "\u2022"))
        and not any(ch in stripped for ch in "|,;")
    )


#: sub-headings inside a requirements block that keep its level ("Technical Skills Matrix")
_NEUTRAL_HEADING = re.compile(
    r"\b(skills?|technical|matrix|experience|education|knowledge)\b", re.I
)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def line_levels(text: str) -> list[tuple[str, Level]]:
    """Each sentence of each line with the requirement level it sits under.

    A cue in the sentence itself wins ("Python is a must", "Go is a plus"); otherwise the
    last heading decides ("Minimum qualifications", "Nice to have"), until the next heading.
    """
    result: list[tuple[str, Level]] = []
    section = Level.NONE
    for line in text.splitlines():
        if _is_heading(line):
            if _PREFERRED_HEADING.search(line):
                section = Level.PREFERRED
            elif _REQUIRED_HEADING.search(line):
                section = Level.REQUIRED
            elif line.strip() and not _NEUTRAL_HEADING.search(line):
                section = Level.NONE
        for sentence in _SENTENCE_END.split(line):
            if _PREFERRED_LINE.search(sentence):
                level = Level.PREFERRED
            elif _REQUIRED_LINE.search(sentence):
                level = Level.REQUIRED
            else:
                level = section
            result.append((sentence, level))
    return result


_WORD = r"[A-Za-z][A-Za-z0-9'\u2019]*"
_LONG_THEN_SHORT = re.compile(
    rf"((?:{_WORD}[- ]){{1,7}}{_WORD})\s*\(([A-Za-z][A-Za-z0-9]{{1,9}})\)"
)
_SHORT_THEN_LONG = re.compile(rf"\b([A-Z][A-Za-z0-9]{{1,9}})\s*\(((?:{_WORD}[- ]){{1,7}}{_WORD})\)")


def acronym_pairs(text: str) -> list[tuple[str, str]]:
    """("Mixture of Experts", "MoE") for every "Long Form (LF)" or "LF (Long Form)" in text.

    A pair counts only when the acronym's letters are the initials (in order) of the long
    form's words, small words like "of" optional, so "Python (3.10)" is not a pair.
    """
    pairs: list[tuple[str, str]] = []
    for m in _LONG_THEN_SHORT.finditer(text):
        words, acro = re.split(r"[- ]", m.group(1)), m.group(2)
        for n in range(2, len(words) + 1):
            candidate = words[-n:]
            if _initials_match(candidate, acro):
                pairs.append((" ".join(candidate), acro))
                break
    for m in _SHORT_THEN_LONG.finditer(text):
        acro, words = m.group(1), re.split(r"[- ]", m.group(2))
        if _initials_match(words, acro):
            pairs.append((" ".join(words), acro))
    return pairs


_SMALL = {"of", "and", "for", "the", "to", "in", "on", "with", "a", "&"}


def _initials_match(words: list[str], acro: str) -> bool:
    """Match acronym letters against word initials; each word may give 1-3 leading letters."""
    if len(acro) > 2 and acro.endswith("s") and acro[-2].isupper():
        acro = acro[:-1]  # "LLMs", "GANs"
    letters = [c.lower() for c in acro if c.isalpha()]
    if sum(c.isupper() for c in acro) < 2 or not words or words[0].lower() in _SMALL:
        return False

    def walk(i: int, j: int) -> bool:
        if j == len(letters):
            return all(w.lower() in _SMALL for w in words[i:])
        if i == len(words):
            return False
        word = words[i].lower()
        if word in _SMALL and walk(i + 1, j):
            return True
        for take in range(1, 4):
            if word[:take] == "".join(letters[j : j + take]) and walk(i + 1, j + take):
                return True
        return False

    return walk(0, 0)


CERT_CUE = (
    r"(?:Certified|Certification|Certificate|Cert|Specialization|Specialisation|Residency|"
    r"Scholars(?: Program)?|Program|Programme|Fellowship)"
)
_CAP = r"(?:[A-Z][A-Za-z0-9+#.&\u2019'-]*|of|in|and|for|&|-|\u2013)"
_CERT = re.compile(
    rf"\b((?:{_CAP}[ \t]+){{0,6}}{CERT_CUE}\b(?:[ \t]+(?:{_CAP}))*)"
)
_CERT_NOISE = {"program", "programme", "certification", "certificate", "certified", "cert"}


def certifications(text: str) -> list[str]:
    """Names of certifications and programs found by their cue words (capitalised names only)."""
    found: list[str] = []
    for m in _CERT.finditer(text):
        words = m.group(1).split()
        while words and (words[-1].lower() in _SMALL or words[-1] in {"-", "\u2013"}):
            words.pop()
        while words and (words[0].lower() in _SMALL or words[0] in {"-", "\u2013"}):
            words.pop(0)
        capitalised = [w for w in words if w[0].isupper() and w.lower() not in _CERT_NOISE]
        leads = bool(words) and re.fullmatch(CERT_CUE, words[0]) is not None
        if leads and words[0] != "Certified":
            continue  # "Certification Pathway", "Program Overview": headings, not names
        if capitalised and 2 <= len(words) <= 9:
            found.append(" ".join(words))
    return found


@dataclass(frozen=True, slots=True)
class Degree:
    """A degree level asked for, with the fields named next to it."""

    level: str          # "PhD" | "Master's degree" | "Bachelor's degree"
    fields: tuple[str, ...]


DEGREE_ALIASES: dict[str, tuple[str, ...]] = {
    "PhD": ("Ph.D.", "Ph.D", "doctorate", "doctoral degree"),
    "Master's degree": ("Master's", "Masters", "MSc", "M.S.", "master degree"),
    "Bachelor's degree": ("Bachelor's", "Bachelors", "BSc", "B.S.", "bachelor degree"),
}
_DEGREE = re.compile(
    r"\b(?P<phd>Ph\.?\s?D\.?|doctorate|doctoral)|\b(?P<ms>master'?s?|M\.S\.|MSc|MS)(?=[\s,/)]|$)|"
    r"\b(?P<bs>bachelor'?s?|B\.S\.|BSc|BS|BA|B\.A\.)(?=[\s,/)]|$)",
    re.I,
)
_FIELDS = re.compile(
    r"\b(?:in|of)\s+((?:[A-Za-z][A-Za-z&-]*)(?:(?:,\s*|\s+or\s+|\s+and\s+|,\s*or\s+|\s+)"
    r"[A-Za-z][A-Za-z&-]*){0,12})"
)
_FIELD_STOP = re.compile(
    r"\b(?:or a related|or related|or equivalent|related field|with|from|and \d)\b", re.I
)


def degrees(text: str) -> list[Degree]:
    """Degree levels named in text, with the fields that follow ("PhD in CS or EE")."""
    found: list[Degree] = []
    for m in _DEGREE.finditer(text):
        token = m.group(0)
        if token.isupper() and len(token) == 2 and token.upper() not in {"MS", "BS", "BA"}:
            continue
        if len(token) <= 2 and not token.isupper():
            continue  # "ms", "ba" in running text are not degrees
        level = (
            "PhD" if m.group("phd") else "Master's degree" if m.group("ms") else "Bachelor's degree"
        )
        tail = text[m.end() : m.end() + 160].split("\n")[0]
        fields: tuple[str, ...] = ()
        fm = _FIELDS.match(re.sub(r"^[\s'/A-Za-z.]{0,12}?(?=\b(?:in|of)\b)", "", tail, count=1))
        if fm:
            phrase = _FIELD_STOP.split(fm.group(1))[0]
            parts = re.split(r",\s*or\s+|,\s*|\s+or\s+|\s+and\s+", phrase)
            fields = tuple(p.strip().lower() for p in parts if 2 < len(p.strip()) < 40)
        found.append(Degree(level, fields))
    return found
