"""Tally, over the ads, what each one asks for: per term, per ad.

For every term the vocabulary (extended by :mod:`.candidates`) finds, a :class:`Tally` records
which documents name it and at which level (required, preferred, neither), how often and how
it is written, where it is first mentioned (ads list what matters most first), the documents
whose sentence states it as a requirement, says so itself ("must") or sits under a requirements
part, the documents offering it only as one option ("X or Y", "such as X", a degree's field,
"must obtain X within 6 months"), notes (a language's level, a degree's fields) and the ad's own
words around its best mention.  For every ad, :class:`Asks` records the years of experience and
the degree it asks for, and the years it ties to a skill.  Those counts are all the builder
needs to choose the terms, weigh them and mark the knock-outs without reading the ads again;
the excerpt is what the draft YAML cites as the reason a term is there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from resume_checker.tuning.candidates import CERT_SOURCE, Ad, shared_head_hits
from resume_checker.tuning.cues import (
    DEGREE_ALIASES,
    Degree,
    Level,
    languages,
    lowest_degree,
    years_of_experience,
)
from resume_checker.tuning.cues import degrees as find_degrees
from resume_checker.tuning.jobad import Part, Sentence
from resume_checker.tuning.vocabulary import Entry, Hit, Vocabulary

#: categories whose terms are credentials, listed on their own when missing
CREDENTIAL_CATEGORIES = frozenset({"certifications", "licences"})
#: the origin of a degree term (drafted while tallying, for several documents only)
DEGREE_SOURCE = "degree level"


@dataclass
class Tally:
    """What the ads say of one term: which name it, how, where and how firmly."""

    entry: Entry
    docs: dict[int, Level] = field(default_factory=dict)
    mentions: int = 0
    written: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    #: position of the first mention (sentence number): ads list what matters most first
    first: int = 1 << 30
    stated: set[int] = field(default_factory=set)       # documents whose sentence states it
    said: set[int] = field(default_factory=set)         # ... in the sentence itself ("must")
    first_stated: int = 1 << 30                         # the first of those sentences
    asked: set[int] = field(default_factory=set)        # ... under a requirements part
    excerpt: str = ""
    excerpt_rank: int = 9
    titled: bool = False                                # the job title names it
    #: documents offering it as one option, not a must: "X or Y", an example ("such as X"),
    #: a degree's field ("BS in Chemistry, Physics or related"), or something to get later
    #: ("must obtain X within 6 months")
    alternative: set[int] = field(default_factory=set)

    def add(self, doc: int, level: Level, written: str, position: int = 0,
            sentence: Sentence | None = None, span: tuple[int, int] | None = None) -> None:
        self.mentions += 1
        self.first = min(self.first, position)
        self.written[written] = self.written.get(written, 0) + 1
        before = self.docs.get(doc, Level.NONE)
        if level is Level.REQUIRED or (level is Level.PREFERRED and before is Level.NONE):
            self.docs[doc] = level
        else:
            self.docs.setdefault(doc, before)
        if sentence is not None:
            if sentence.stated and level is Level.REQUIRED:
                self.stated.add(doc)
                self.first_stated = min(self.first_stated, position)
            if sentence.said:
                self.said.add(doc)
            if sentence.part is Part.REQUIRED:
                self.asked.add(doc)
            rank = {Level.REQUIRED: 0, Level.NONE: 1, Level.PREFERRED: 2}[level]
            if rank < self.excerpt_rank:
                self.excerpt, self.excerpt_rank = excerpt(sentence.text, span), rank


def excerpt(text: str, span: tuple[int, int] | None, width: int = 120) -> str:
    """The sentence, or the ``width`` characters around the mention, on one line."""
    text = " ".join(text.split())
    if len(text) <= width or span is None:
        return text[:width]
    middle = (span[0] + span[1]) // 2
    start = max(0, min(middle - width // 2, len(text) - width))
    return ("\u2026" if start else "") + text[start : start + width].strip() + (
        "\u2026" if start + width < len(text) else "")


@dataclass
class Asks:
    """What one document asks for beyond terms: years of experience and a degree."""

    years: float | None = None
    degree: Degree | None = None
    degree_stated: bool = False   # "required", "must" and no "or equivalent"
    skill_years: dict[str, float] = field(default_factory=dict)


def tally_ads(
    ads: Sequence[Ad], vocabulary: Vocabulary, base: Vocabulary, degree_terms: bool
) -> tuple[dict[str, Tally], list[Asks]]:
    """Every term's :class:`Tally` (by name) and every ad's :class:`Asks` (in order).

    ``degree_terms`` also tallies each degree asked for as a term of its own (the builder
    asks for that with several documents only)."""
    tallies: dict[str, Tally] = {}
    asks: list[Asks] = []
    for doc, ad in enumerate(ads):
        overall: list[float] = []
        tied: list[float] = []
        wanted: list[Degree] = []
        preferred: list[Degree] = []
        ask = Asks()
        for position, sentence in enumerate(ad.sentences):
            line, level = sentence.text, sentence.level
            hits = vocabulary.find(line)
            hits += shared_head_hits(line, vocabulary, hits)
            found = find_degrees(line)
            alternatives = _alternatives(line, hits) | _optional(line, hits, found)
            for hit in hits:
                if hit.text == "CV" and _APPLYING.search(line):
                    continue  # "send your CV": a curriculum vitae, not computer vision
                tally = tallies.setdefault(hit.entry.name, Tally(hit.entry))
                if sentence.boilerplate:
                    tally.mentions += 1  # the ad names it, but not as something it asks
                    continue
                tally.add(doc, level, hit.text, position, sentence, (hit.start, hit.end))
                if hit.entry.name in alternatives and sentence.stated:
                    tally.alternative.add(doc)
                if hit.entry.source == CERT_SOURCE:  # a certification inside one
                    for inner in base.find(hit.text):
                        if inner.entry.category in CREDENTIAL_CATEGORIES:
                            tallies.setdefault(inner.entry.name, Tally(inner.entry)).add(
                                doc, level, inner.text, position, sentence
                            )
            if sentence.boilerplate:
                continue
            for lang in languages(line):
                spoken = tallies.get(lang.name)
                if spoken is not None and lang.level and lang.level not in spoken.notes:
                    spoken.notes.append(lang.level)
            for asked in years_of_experience(line):
                topic = vocabulary.find(asked.topic[:40])
                skill = next((h.entry.name for h in topic if h.entry.category != "occupation"),
                             None)
                if skill is None:
                    overall.append(asked.years)
                else:
                    tied.append(asked.years)
                    ask.skill_years[skill] = min(ask.skill_years.get(skill, 99), asked.years)
            (preferred if level is Level.PREFERRED else wanted).extend(found)
            if found and sentence.said and not re.search(
                r"equivalent|or (?:relevant |related )?experience", line, re.I
            ):
                ask.degree_stated = True
            for degree in found if degree_terms else ():
                aliases = DEGREE_ALIASES[degree.level]
                entry = Entry(degree.level, "education", aliases, DEGREE_SOURCE)
                tally = tallies.setdefault(degree.level, Tally(entry))
                tally.add(doc, level, degree.level, position, sentence)
                tally.notes.extend(f for f in degree.fields if f not in tally.notes)
        ask.years = min(overall or tied or [0.0]) or None
        ask.degree = lowest_degree(wanted or preferred)
        ask.degree_stated = ask.degree_stated and bool(wanted)
        asks.append(ask)
    return tallies, asks


_APPLYING = re.compile(r"\b(?:your|send|submit|upload|attach|applications?|apply\w*|letter|"
                       r"diplomas?|a CV)\b", re.I)
_OR = re.compile(r"\s*(?:,\s*)?(?:or|/|\|)\s*", re.I)


def _alternatives(line: str, hits: Sequence[Hit]) -> set[str]:
    """Names offered as alternatives in a line ("Django or Flask", "Heroku/AWS"): one of them
    is enough, so none is a knock-out on its own."""
    out: set[str] = set()
    for left, right in zip(hits, hits[1:], strict=False):
        if _OR.fullmatch(line[left.end : right.start]):
            out.update((left.entry.name, right.entry.name))
    return out


#: the start of a list of examples or options: what follows is one way to meet the ask
_EXAMPLES = re.compile(r"\b(?:such as|e\.\s?g\.|for (?:example|instance)|including|like|"
                       r"(?:one|two) or more of|(?:at least )?one of|any of|either|"
                       r"(?:ability|able|willing(?:ness)?) to (?:obtain|get|acquire|earn)|"
                       r"(?:to )?obtain(?:ed)? (?:within|after|by)|within \d+ (?:days|months))\b",
                       re.I)
_ETC = re.compile(r"\betc\b\.?|\band so on\b|\band more\b", re.I)


def _optional(line: str, hits: Sequence[Hit], degrees: Sequence[Degree]) -> set[str]:
    """Names a line offers as one way to meet it, never a knock-out on their own: those after
    "such as", "e.g.", "one or more of", "ability to obtain" ..., those before a closing
    "etc.", and a degree's fields of study ("BS in Chemistry or related field": the degree is
    the requirement, the ``education`` of the set, and its fields score there)."""
    fields = {f.casefold() for d in degrees for f in d.fields}
    cue = _EXAMPLES.search(line)
    after = cue.start() if cue else len(line) + 1
    etc = _ETC.search(line)
    before = etc.start() if etc else -1
    return {
        h.entry.name for h in hits
        if h.start >= after or h.end <= before
        or h.text.casefold() in fields or h.entry.name.casefold() in fields
    }
