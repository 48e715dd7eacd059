"""Build a draft keyword set from role documents (job ads, career pages, notes).

Terms come from four places: the packaged technology vocabulary, acronym pairs written in
the documents ("Mixture of Experts (MoE)"), certification and degree cues, and phrases that
TF-IDF finds distinctive against a background corpus.  Requirement cues ("must", "preferred")
set ``required`` and weights.  The result keeps, for every term, why it is there, so the
draft YAML can say so in a comment for the person who reviews it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from resume_checker.keywords.model import Category, KeywordSet, Term
from resume_checker.keywords.spelling import spelling_key
from resume_checker.tuning.cues import (
    CERT_CUE,
    DEGREE_ALIASES,
    Level,
    acronym_pairs,
    certifications,
    line_levels,
)
from resume_checker.tuning.cues import degrees as find_degrees
from resume_checker.tuning.vocabulary import (
    CURATED_SOURCE,
    ONET_SOURCE,
    Entry,
    Vocabulary,
    is_junk,
    key,
    load_vocabulary,
    tokens,
)

CATEGORY_TITLES: dict[str, str] = {
    "frameworks": "Frameworks and libraries",
    "architectures": "Model architectures",
    "techniques": "Techniques and methods",
    "mathematics": "Mathematics",
    "hardware": "Hardware and acceleration",
    "mlops": "MLOps and deployment",
    "programming": "Programming languages and development",
    "data": "Data platforms",
    "cloud": "Cloud platforms",
    "infrastructure": "Infrastructure",
    "tools": "Tools",
    "research": "Research and community",
    "applications": "Application domains",
    "skills": "Other distinctive phrases (review)",
    "certifications": "Certifications and programs",
    "education": "Education",
}
CERT_SOURCE = "certification cue"
ACRONYM_SOURCE = "acronym pair in the documents"
PHRASE_SOURCE = "distinctive phrase (TF-IDF against the background corpus)"
DEGREE_SOURCE = "degree level"


@dataclass(frozen=True, slots=True)
class SourceText:
    """One role document as text, with the name the draft cites it by."""

    name: str
    text: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a term is in the draft: where it was seen, how often, under which cue."""

    documents: tuple[str, ...]
    mentions: int
    origin: str
    required_docs: int = 0
    preferred_docs: int = 0
    written_as: tuple[str, ...] = ()


@dataclass(frozen=True)
class Draft:
    """A built keyword set plus the evidence for each of its terms (same order)."""

    keyword_set: KeywordSet
    evidence: tuple[Evidence, ...]
    document_count: int


@dataclass
class _Tally:
    entry: Entry
    docs: dict[int, Level] = field(default_factory=dict)
    mentions: int = 0
    written: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    #: position of the first mention (sentence number): ads list what matters most first
    first: int = 1 << 30

    def add(self, doc: int, level: Level, written: str, position: int = 0) -> None:
        self.mentions += 1
        self.first = min(self.first, position)
        self.written[written] = self.written.get(written, 0) + 1
        before = self.docs.get(doc, Level.NONE)
        if level is Level.REQUIRED or (level is Level.PREFERRED and before is Level.NONE):
            self.docs[doc] = level
        else:
            self.docs.setdefault(doc, before)


def _extend(vocabulary: Vocabulary, extra: Sequence[Entry]) -> Vocabulary:
    """The vocabulary plus entries found in the documents (the documents' spellings win)."""
    index = dict(vocabulary.index)
    for entry in extra:
        for spelling in entry.spellings:
            if key(spelling):
                exact = tuple(t for t, _, _ in tokens(spelling))
                index[key(spelling)] = (entry, exact, spelling.isupper())  # "OR" is not "or"
    return Vocabulary((*vocabulary.entries, *extra), index, max(len(k) for k in index))


def _candidates(
    sources: Sequence[SourceText], vocabulary: Vocabulary, phrases: bool
) -> list[Entry]:
    """Entries the documents themselves name: acronym pairs, certifications, phrases."""
    extra: dict[tuple[str, ...], Entry] = {}
    aliases: dict[str, list[str]] = {}
    for source in sources:
        for long, short in acronym_pairs(source.text):
            known = vocabulary.lookup(long) or vocabulary.lookup(short)
            if known is not None:
                aliases.setdefault(known.name, []).extend((long, short))
            elif not is_junk(long, vocabulary) and key(long) not in extra:
                extra[key(long)] = Entry(long, "skills", (short,), ACRONYM_SOURCE)
        for name in certifications(source.text):
            if key(name) not in extra and not _plain_certification(name, vocabulary):
                extra[key(name)] = Entry(name, "certifications", (), CERT_SOURCE)
    for entry in vocabulary.entries:
        more = [a for a in aliases.get(entry.name, ()) if key(a) not in map(key, entry.spellings)]
        if more:
            extra[key(entry.name)] = Entry(
                entry.name, entry.category, (*entry.aliases, *dict.fromkeys(more)), entry.source,
                entry.case_sensitive,
            )
    if phrases:
        from resume_checker.tuning.phrases import distinctive_phrases

        base = _extend(vocabulary, list(extra.values()))
        for phrase in distinctive_phrases([s.text for s in sources], base):
            extra.setdefault(key(phrase.text), Entry(phrase.text, "skills", (), PHRASE_SOURCE))
    return [extra[k] for k in sorted(extra)]


def _plain_certification(name: str, vocabulary: Vocabulary) -> bool:
    """ "Stock Option Program": plain words around the cue; "Employee Referral Program": a
    program cue with no brand-like word (an acronym, an inner capital, a known term)."""
    words = [w for w in name.split() if not re.fullmatch(CERT_CUE, w)]
    if not words or is_junk(" ".join(words), vocabulary):
        return True
    if re.search(r"\b(?:Program|Programme)$", name):  # benefit programs abound in job ads
        brand = any(re.search(r".[A-Z]|\d", w) or vocabulary.lookup(w) for w in words)
        return not brand
    return False


def _tally(
    sources: Sequence[SourceText], vocabulary: Vocabulary, base: Vocabulary
) -> dict[str, _Tally]:
    tallies: dict[str, _Tally] = {}
    for doc, source in enumerate(sources):
        for position, (line, level) in enumerate(line_levels(source.text)):
            for hit in vocabulary.find(line):
                tally = tallies.setdefault(hit.entry.name, _Tally(hit.entry))
                tally.add(doc, level, hit.text, position)
                if hit.entry.source == CERT_SOURCE:  # a certification inside one
                    for inner in base.find(hit.text):
                        if inner.entry.category == "certifications":
                            tallies.setdefault(inner.entry.name, _Tally(inner.entry)).add(
                                doc, level, inner.text, position
                            )
            for degree in find_degrees(line):
                aliases = DEGREE_ALIASES[degree.level]
                entry = Entry(degree.level, "education", aliases, DEGREE_SOURCE)
                tally = tallies.setdefault(degree.level, _Tally(entry))
                tally.add(doc, level, degree.level, position)
                tally.notes.extend(f for f in degree.fields if f not in tally.notes)
    return tallies


def build_keyword_set(
    sources: Sequence[SourceText],
    *,
    set_id: str,
    title: str,
    description: str | None = None,
    source_labels: Sequence[str] | None = None,
    max_terms: int = 100,
    phrases: bool = True,
) -> Draft:
    """Build a draft keyword set from role documents; same input, same output."""
    if not sources:
        raise ValueError("build_keyword_set needs at least one document")
    base = load_vocabulary()
    vocabulary = _extend(base, _candidates(sources, base, phrases))
    tallies = _tally(sources, vocabulary, base)
    n = len(sources)
    min_docs = 1 if n <= 3 else max(2, math.ceil(0.05 * n))
    chosen = [
        t for t in tallies.values()
        if len(t.docs) >= (1 if t.entry.source in (CERT_SOURCE, PHRASE_SOURCE) else min_docs)
        and not (t.entry.source == ONET_SOURCE and is_junk(t.entry.name, base))
    ]
    chosen.sort(key=_priority)
    chosen = chosen[:max_terms]
    required = _required(chosen, n)
    terms: list[Term] = []
    evidence: list[Evidence] = []
    seen: set[str] = set()
    owners: dict[str, str] = {}  # spelling key -> the term that has it (validation's rule)
    for tally in sorted(chosen, key=_order):
        if owners.get(spelling_key(tally.entry.name), tally.entry.name) != tally.entry.name:
            continue  # another term already has this spelling, to the matcher the same term
        term, ev = _term(tally, sources, tally.entry.name in required, n, seen, owners)
        terms.append(term)
        evidence.append(ev)
    used = dict.fromkeys(t.category for t in terms)
    categories = {
        c: Category(title=CATEGORY_TITLES.get(c, c.title()), certification=c == "certifications")
        for c in sorted(used, key=_category_rank)
    }
    keyword_set = KeywordSet(
        id=set_id,
        title=title,
        description=description or f"Draft built from {n} document(s) by resume-checker sets build",
        sources=tuple(source_labels or (s.name for s in sources)),
        categories=categories,
        terms=tuple(terms),
    )
    return Draft(keyword_set, tuple(evidence), n)


def _priority(t: _Tally) -> tuple[bool, int, int, int, int, str]:
    """Which terms survive the max_terms cut: found terms before phrases, then the most
    common, those under a required cue, the most mentioned, the earliest mentioned."""
    req = sum(lv is Level.REQUIRED for lv in t.docs.values())
    return (t.entry.source == PHRASE_SOURCE, -len(t.docs), -req, -t.mentions, t.first,
            t.entry.name.lower())


def _category_rank(category: str) -> int:
    order = list(CATEGORY_TITLES)
    return order.index(category) if category in order else len(order)


def _order(tally: _Tally) -> tuple[int, int, int, str]:
    return (_category_rank(tally.entry.category), -len(tally.docs), -tally.mentions,
            tally.entry.name.lower())


def _required(chosen: Sequence[_Tally], n: int) -> set[str]:
    """Terms under a required cue in most documents that mention them; few, and common ones."""
    def rank(t: _Tally) -> tuple[int, int, bool, int, str]:
        req = sum(lv is Level.REQUIRED for lv in t.docs.values())
        return (-req, -len(t.docs), t.entry.source == DEGREE_SOURCE, t.first, t.entry.name)

    picks = [
        t for t in sorted(chosen, key=rank)
        if sum(lv is Level.REQUIRED for lv in t.docs.values()) * 2 > len(t.docs)
        and (n == 1 or len(t.docs) * 4 >= n)
        and t.entry.source != PHRASE_SOURCE
        and t.entry.category != "skills"
    ]
    cap = max(3, math.ceil(0.15 * len(chosen))) if n > 1 else max(5, math.ceil(0.25 * len(chosen)))
    return {t.entry.name for t in picks[:cap]}


def _term(
    tally: _Tally, sources: Sequence[SourceText], required: bool, n: int, seen: set[str],
    owners: dict[str, str],
) -> tuple[Term, Evidence]:
    entry = tally.entry
    req = sum(lv is Level.REQUIRED for lv in tally.docs.values())
    pref = sum(lv is Level.PREFERRED for lv in tally.docs.values())
    if required:
        weight = 2.0
    elif pref * 2 > len(tally.docs):
        weight = 0.5
    elif n > 1 and len(tally.docs) * 2 > n:
        weight = 1.5
    else:
        weight = 1.0
    seen.add(entry.name.lower())
    owners.setdefault(spelling_key(entry.name), entry.name)
    aliases = []
    for alias in entry.aliases:
        if alias.lower() not in seen and owners.setdefault(spelling_key(alias),
                                                           entry.name) == entry.name:
            seen.add(alias.lower())
            aliases.append(alias)
    docs = tuple(sources[d].name for d in sorted(tally.docs))
    origin = {CURATED_SOURCE: "vocabulary: " + CURATED_SOURCE,
              ONET_SOURCE: "vocabulary: " + ONET_SOURCE}.get(entry.source, entry.source)
    note = f"fields: {', '.join(tally.notes)}" if tally.notes else None
    term = Term(
        name=entry.name,
        category=entry.category,
        aliases=tuple(aliases),
        weight=weight,
        required=required,
        case_sensitive=entry.case_sensitive,
        source=f"{len(docs)}/{n} documents; {origin}",
        note=note,
    )
    written = tuple(sorted(tally.written, key=lambda w: (-tally.written[w], w))[:3])
    return term, Evidence(docs, tally.mentions, origin, req, pref, written)


def keyword_set_from_job_ad(text: str, *, source: str) -> KeywordSet:
    """A keyword set (id "job-ad") built on the fly from one job ad, for ``check --jd``."""
    draft = build_keyword_set(
        [SourceText(source, text)],
        set_id="job-ad",
        title=f"Job ad: {source}",
        description="Built on the fly from the job ad given with --jd.",
        max_terms=40,
    )
    return draft.keyword_set
