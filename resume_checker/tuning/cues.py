"""Cues written in role documents: requirement levels, acronym pairs, certifications, degrees,
years of experience and spoken languages.

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


DEGREE_ALIASES: dict[str, tuple[str, ...]] = {
    "PhD": ("Ph.D.", "Ph.D", "doctorate", "doctoral degree"),
    "Master's degree": ("Master's", "Masters", "MSc", "M.Sc.", "M.S.", "master degree"),
    "Bachelor's degree": ("Bachelor's", "Bachelors", "BSc", "B.Sc.", "B.S.", "bachelor degree"),
    "Associate degree": ("Associate's degree", "associate's", "associates degree"),
}
#: the keyword model's level names (EducationRequirement.min_level), lowest first
DEGREE_LEVELS: dict[str, str] = {
    "Associate degree": "associate", "Bachelor's degree": "bachelors",
    "Master's degree": "masters", "PhD": "phd",
}
_LEVEL_RANK = {name: rank for rank, name in enumerate(DEGREE_LEVELS)}
#: short forms that are also words or codes count only beside "in", "of", "/", "degree" ...
_NEAR_FIELD = (
    r"(?=\s*(?:in\b|of\b|/|,|\(|-|degree|or\b|and\b|\s[A-Z][a-z])|\s*$)"
    r"(?!\s+(?:Office|Excel|Word|SQL|Project|Access|Teams|Dynamics|PowerPoint|Visio|"
    r"Outlook|Windows|Azure)\b)"
)
_DEGREE_NAMES: tuple[tuple[str, str], ...] = (
    ("PhD", r"Ph\.?\s?D\.?|D\.?Phil\.?|doctorate|doctoral(?:\s+degree)?|Doctor\s+of\s+Philosophy|"
            r"J\.D\.|(?-i:JD)(?=\s+(?:degree|required|or)\b)|Juris\s+Doctor"),
    ("Master's degree",
     r"master'?s(?:\s+degree)?|master\s+(?:degree|of\s+[A-Z]\w+|in\b)|M\.\s?S\.?c?\.?|M\.Sc\.?|"
     r"(?-i:MSc|MBA|MEng|MPH|MSW|MPA|MFA|MCA|LLM)|M\.B\.A\.|M\.\s?Eng\.?|M\.\s?Tech|LL\.M\.?|"
     rf"M\.A\.|(?-i:MS|MA){_NEAR_FIELD}"),
    ("Bachelor's degree",
     r"bachelor'?s(?:\s+degree)?|bachelor\s+(?:degree|of\s+[A-Z]\w+|in\b)|B\.\s?S\.?c?\.?|"
     r"B\.Sc\.?|(?-i:BSc|BEng|BTech|BBA|BCom|BSN|BFA|BCA|BSCS|BSEE)|B\.\s?Eng\.?|B\.\s?Tech\.?|"
     r"B\.E\b\.?|B\.A\.|B\.Com\.?|LL\.B\.?|undergraduate\s+degree|(?:four|4)[- ]year\s+degree|"
     r"(?:university|college)\s+degree|"
     rf"(?-i:BS|BA|BE){_NEAR_FIELD}"),
    ("Associate degree", r"associate'?s?\s+degree|(?-i:AAS|A\.A\.S\.)"),
)
_DEGREE = re.compile(
    r"(?<![\w.])(?:" + "|".join(f"(?P<l{i}>{p})" for i, (_, p) in enumerate(_DEGREE_NAMES))
    + r")(?![\w])",
    re.I,
)
#: words before "Master" that make it a title, not a degree ("certified SCRUM Master")
_NOT_A_DEGREE = re.compile(r"\b(?:scrum|certified|data|web|quiz|post|project|grand|head|"
                           r"master)\s*$", re.I)
_FIELDS = re.compile(
    r"\s*(?:degree\s*)?(?:\((?:or equivalent)\)\s*)?(?:in|of)\s+(?:the\s+)?(?:field\s+of\s+)?"
    r"((?:[A-Za-z][A-Za-z&-]*)(?:(?:,\s*|\s+or\s+|\s+and\s+|,\s*or\s+|\s*/\s*|\s+)"
    r"[A-Za-z][A-Za-z&-]*){0,12})"
)
_FIELD_STOP = re.compile(
    r"\b(?:or (?:a |an )?(?:closely )?related|related|or equivalent|or similar|equivalent|with|"
    r"from|and \d|plus|preferred|required|is|are|degree|experience|or other|fields?|"
    r"disciplines?|discipline|area|and/or|a|an|the)\b",
    re.I,
)
_FIELD_ABBREVIATIONS = {
    "cs": "computer science", "comp sci": "computer science", "ee": "electrical engineering",
    "ece": "electrical and computer engineering", "cse": "computer science and engineering",
    "me": "mechanical engineering", "it": "information technology", "math": "mathematics",
    "maths": "mathematics", "stats": "statistics", "is": "information systems",
}


@dataclass(frozen=True, slots=True)
class Degree:
    """A degree level asked for, with the fields named next to it."""

    level: str          # "PhD" | "Master's degree" | "Bachelor's degree" | "Associate degree"
    fields: tuple[str, ...]
    written: str = ""   # as the text writes it ("BS/MS", "B.Sc.")


def _fold_quotes(text: str) -> str:
    return text.translate({0x2019: "'", 0x2018: "'", 0x02BC: "'"})


def degrees(text: str) -> list[Degree]:
    """Degree levels named in text, with the fields that follow ("PhD in CS or EE").

    Typographic apostrophes count ("Bachelor’s"); "certified SCRUM Master" and "MS Office"
    are no degrees.  In "BS/MS in CS" both levels get the fields named after the last one.
    """
    text = _fold_quotes(text)
    hits: list[tuple[int, int, str]] = []
    for m in _DEGREE.finditer(text):
        token = m.group(0)
        level = next(name for i, (name, _) in enumerate(_DEGREE_NAMES) if m.group(f"l{i}"))
        if level == "Master's degree" and token[:1] in "Mm" and token.lower().startswith(
            "master"
        ) and _NOT_A_DEGREE.search(text[: m.start()]):
            continue
        hits.append((m.start(), m.end(), level))
    found: list[Degree] = []
    for i, (_, end, level) in enumerate(hits):
        # the fields follow the last degree of a run ("Bachelor's or Master's in CS")
        j = i
        while j + 1 < len(hits) and re.fullmatch(r"[\s,/()'s]*(?:or|and|and/or|/)?[\s,/()]*",
                                                  text[hits[j][1] : hits[j + 1][0]], re.I):
            j += 1
        tail = text[hits[j][1] : hits[j][1] + 160].split("\n")[0]
        found.append(Degree(level, _fields(tail), text[hits[i][0] : end]))
    return found


def _fields(tail: str) -> tuple[str, ...]:
    fm = _FIELDS.match(tail)
    if not fm:
        return ()
    phrase = re.split(r"[.;:()]", _FIELD_STOP.split(fm.group(1))[0])[0]
    out: list[str] = []
    for part in re.split(r",\s*or\s+|,\s*|\s+or\s+|\s+and\s+|\s*/\s*", phrase):
        name = part.strip().lower()
        name = _FIELD_ABBREVIATIONS.get(name, name)
        if 1 < len(name) < 40 and name not in out:
            out.append(name)
    return tuple(out)


def lowest_degree(found: list[Degree]) -> Degree | None:
    """The lowest level named (an ad's minimum), with the fields named for any level."""
    if not found:
        return None
    low = min(found, key=lambda d: _LEVEL_RANK[d.level])
    fields = tuple(dict.fromkeys(f for d in found for f in d.fields))
    return Degree(low.level, fields, low.written)


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}
_NUM = r"(\d{1,2}(?:\.\d)?|" + "|".join(_NUMBER_WORDS) + r")"
_YEARS = re.compile(
    rf"\b(?:(?:at\s+least|minimum(?:\s+of)?|min\.?|over|more\s+than|a\s+minimum\s+of)\s+)?"
    rf"{_NUM}(?:\s*\(\d{{1,2}}\))?\s*(?:\+|plus|or more)?\s*"
    rf"(?:(?:-|\u2013|to)\s*{_NUM}\s*\+?\s*)?"
    r"(?:years?|yrs?)\b",
    re.I,
)
#: what makes a number of years something other than experience
_NOT_EXPERIENCE = re.compile(
    r"\b(?:old|of age|ago|history|in business|founded|anniversary|within|next|past|last|"
    r"apprenticeship|course)\b",
    re.I,
)
#: the word right after "years" that makes it a period, not experience ("a 2 year contract")
_PERIOD = re.compile(r"^\W*(?:contract|warranty|guarantee|term|fixed|plan|program|degree)\b", re.I)


@dataclass(frozen=True, slots=True)
class YearsAsked:
    """A number of years of experience an ad asks for; ``topic`` is the words after it."""

    years: float
    topic: str          # "of experience with Python", "in a similar role"
    written: str


def years_of_experience(text: str) -> list[YearsAsked]:
    """Minimum years of experience stated in text ("5+ years", "3-5 years" -> 3, "at least
    three years of", "minimum of 2 years"); a number beside "old", "ago" or "contract" is not."""
    found: list[YearsAsked] = []
    for m in _YEARS.finditer(text):
        low = m.group(1).lower()
        years = float(_NUMBER_WORDS.get(low, 0) or low)
        after = text[m.end() : m.end() + 70]
        topic = re.split(r"[.;\n]|\s(?:and|but)\s(?=[a-z]+ing\b)", after)[0].strip(" '\u2019")
        around = text[max(0, m.start() - 25) : m.start()] + " " + topic[:30]
        if not 0 < years <= 40 or _NOT_EXPERIENCE.search(around) or _PERIOD.match(after):
            continue
        if not re.search(r"\b(?:experience|experienced|exp|working|work|background)\b|"
                         r"^(?:[a-z]+ing|in|as|of|with|using|on|at)\b", topic + " ", re.I):
            continue
        found.append(YearsAsked(years, topic, m.group(0)))
    return found


#: spoken languages an ad may ask for, as resumes write them
LANGUAGES: tuple[str, ...] = (
    "English", "German", "French", "Spanish", "Italian", "Portuguese", "Dutch", "Flemish",
    "Polish", "Russian", "Ukrainian", "Czech", "Slovak", "Hungarian", "Romanian", "Bulgarian",
    "Croatian", "Serbian", "Slovenian", "Greek", "Turkish", "Swedish", "Danish", "Norwegian",
    "Finnish", "Icelandic", "Estonian", "Latvian", "Lithuanian", "Japanese", "Chinese",
    "Mandarin", "Cantonese", "Korean", "Vietnamese", "Thai", "Indonesian", "Malay", "Tagalog",
    "Hindi", "Urdu", "Bengali", "Punjabi", "Tamil", "Telugu", "Arabic", "Hebrew", "Persian",
    "Farsi", "Swahili", "Afrikaans", "Catalan", "Basque",
)
_LANGUAGE = re.compile(r"\b(" + "|".join(LANGUAGES) + r")\b(?![-\u2013](?:speaking|based))")
_LANGUAGE_CUE = re.compile(
    r"\b(fluen\w*|native|mother tongue|proficien\w*|bilingual|business[- ](?:level|fluent)|"
    r"working (?:knowledge|proficiency)|conversational|spoken|written|speak\w*|language\w*|"
    r"command of|level|[ABC][12])\b|\b(?:English|German|French|Spanish)\s+(?:skills|is)\b",
    re.I,
)
_LANGUAGE_LEVEL = re.compile(
    r"\b([ABC][12]|native|mother tongue|fluent|fluency|business[- ](?:level|fluent)|"
    r"professional|conversational|basic|intermediate|advanced|excellent|good|working)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class LanguageAsked:
    """A spoken language an ad asks for, with the level written next to it ("C1", "fluent")."""

    name: str
    level: str | None
    written: str


def languages(text: str) -> list[LanguageAsked]:
    """Spoken languages named with a language cue ("fluent in German and English", "German
    C1", "business-level Japanese"); a bare "English" in running text is not one."""
    if not _LANGUAGE_CUE.search(text):
        return []
    found: list[LanguageAsked] = []
    for m in _LANGUAGE.finditer(text):
        window = text[max(0, m.start() - 40) : m.end() + 25]
        if not _LANGUAGE_CUE.search(window):
            continue
        near = _LANGUAGE_LEVEL.search(text[m.end() : m.end() + 12]) or _LANGUAGE_LEVEL.search(
            text[max(0, m.start() - 40) : m.start()]
        )
        level = near.group(1) if near else None
        found.append(LanguageAsked(m.group(1), level, m.group(0)))
    return found
