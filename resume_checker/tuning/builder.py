"""Build a draft keyword set from role documents (job ads, career pages, notes).

Terms come from the packaged vocabulary, the credentials table (certifications, licences,
clearances), acronym pairs written in the documents ("Mixture of Experts (MoE)"), spoken
languages asked for, the job title's occupation words, and phrases that TF-IDF finds distinctive
against a background corpus.  Each ad is read by its parts (:mod:`.jobad`): requirements set
``required`` (when they state a minimum) and weights, preferred parts lower the weight, and
benefits, company and legal boilerplate give no term of their own.  Years of experience and the
degree asked for become the set's ``min_years_experience`` and ``education``.  The result keeps,
for every term, why it is there (the ad's own words), so the draft YAML can say so in a comment.
:mod:`.candidates` finds what the documents could be asking for and :mod:`.tally` counts
those candidates over the ads; this module chooses and weighs them, marks the knock-outs and
builds the set.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from resume_checker.errors import KeywordSetError
from resume_checker.keywords.model import Category, EducationRequirement, KeywordSet, Term
from resume_checker.keywords.spelling import spelling_key
from resume_checker.tuning.candidates import (
    ACRONYM_SOURCE,
    CERT_SOURCE,
    CREDENTIAL_SOURCE,
    LANGUAGE_SOURCE,
    LISTED_SOURCE,
    PHRASE_SOURCE,
    TITLE_SOURCE,
    Ad,
    extend_vocabulary,
    find_candidates,
)
from resume_checker.tuning.cues import DEGREE_LEVELS, Level
from resume_checker.tuning.jobad import sentences
from resume_checker.tuning.tally import (
    CREDENTIAL_CATEGORIES,
    DEGREE_SOURCE,
    Asks,
    Tally,
    excerpt,
    tally_ads,
)
from resume_checker.tuning.vocabulary import (
    CURATED_SOURCE,
    ONET_SOURCE,
    is_junk,
    load_vocabulary,
)

CATEGORY_TITLES: dict[str, str] = {
    "occupation": "Occupation and field",
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
    "languages": "Spoken languages",
    "hr": "Recruiting and people operations",
    "sales": "Sales",
    "marketing": "Marketing and communications",
    "business": "Business and management",
    "finance": "Finance and accounting",
    "medical": "Clinical and laboratory",
    "legal": "Legal",
    "trades": "Trades and maintenance",
    "hospitality": "Hospitality",
    "security": "Security",
    "engineering": "Engineering",
    "knowledge": "Knowledge areas",
    "technology": "Technology",
    "design": "Design and CAD",
    "gis": "GIS and mapping",
    "industrial": "Industrial and manufacturing",
    "media": "Media and content",
    "office": "Office software",
    "practices": "Practices and methods",
    "scientific": "Scientific and analytical software",
    "certifications": "Certifications and programs",
    "licences": "Licences and clearances",
    "education": "Education",
}
#: categories never drafted as knock-outs: venues, phrases, degrees (the education field
#: carries the degree), the title's words
_NEVER_REQUIRED = frozenset({"skills", "research", "applications", "education", "occupation",
                             "practices"})  # "Agile", "TDD": ways of working, not knock-outs
#: categories required only when the sentence itself says "must" / "required" (a heading
#: is not enough: resumes often leave them out, and a knock-out drops the whole resume)
_SAID_ONLY = frozenset({"languages", "certifications", "licences"})
#: entries the documents themselves define: no vocabulary junk rule applies to them
_OWN_SOURCES = frozenset({CERT_SOURCE, CREDENTIAL_SOURCE, ACRONYM_SOURCE, PHRASE_SOURCE,
                          DEGREE_SOURCE, LANGUAGE_SOURCE, TITLE_SOURCE, CURATED_SOURCE,
                          LISTED_SOURCE})


class NothingToDraftError(KeywordSetError, ValueError):
    """The documents name no skill, tool or qualification the builder knows.

    Also a ValueError, which drafting raised (from the set model) before this error existed.
    """

    code = "nothing_to_draft"


@dataclass(frozen=True, slots=True)
class SourceText:
    """One role document as text, with the name the draft cites it by."""

    name: str
    text: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a term is in the draft: where it was seen, how often, under which cue, and the
    document's own words around its first mention (``excerpt``)."""

    documents: tuple[str, ...]
    mentions: int
    origin: str
    required_docs: int = 0
    preferred_docs: int = 0
    written_as: tuple[str, ...] = ()
    excerpt: str = ""


@dataclass(frozen=True)
class Draft:
    """A built keyword set plus the evidence for each of its terms (same order)."""

    keyword_set: KeywordSet
    evidence: tuple[Evidence, ...]
    document_count: int




def _lower_median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2]


def _requirements(
    asks: Sequence[Asks],
) -> tuple[float | None, EducationRequirement | None]:
    """The set's years of experience and degree: one document's own, or, for several, what
    at least half of them ask (the lower median; the degree most of them name)."""
    n = len(asks)
    years = [a.years for a in asks if a.years]
    stated_years = _lower_median(years) if years and len(years) * 2 >= n else None
    named = [a for a in asks if a.degree is not None]
    education = None
    if named and len(named) * 2 >= n:
        ranks = list(DEGREE_LEVELS)
        low = ranks[int(_lower_median([ranks.index(a.degree.level) for a in named if a.degree]))]
        counts: dict[str, int] = {}
        for a in named:
            for f in a.degree.fields if a.degree else ():
                counts[f] = counts.get(f, 0) + 1
        fields = sorted(counts, key=lambda f: (-counts[f], f))[:8]
        required = n == 1 and named[0].degree_stated
        education = EducationRequirement(
            min_level=DEGREE_LEVELS[low],  # type: ignore[arg-type]
            fields=tuple(fields), required=required,
        )
    return stated_years, education


def build_keyword_set(
    sources: Sequence[SourceText],
    *,
    set_id: str,
    title: str,
    description: str | None = None,
    source_labels: Sequence[str] | None = None,
    max_terms: int = 100,
    phrases: bool = True,
    occupation: str | None = None,
) -> Draft:
    """Build a draft keyword set from role documents; same input, same output.

    ``occupation`` is the job title whose field words become terms (default: ``title``).
    Raises :class:`NothingToDraftError` when the documents name nothing the builder knows.
    """
    if not sources:
        raise ValueError("build_keyword_set needs at least one document")
    base = load_vocabulary()
    ads = [Ad(sentences(s.text)) for s in sources]
    titled: list[str] = []
    found = find_candidates(ads, base, phrases, occupation or title, titled)
    vocabulary = extend_vocabulary(base, found)
    n = len(sources)
    tallies, asks = tally_ads(ads, vocabulary, base, degree_terms=n > 1)
    for name in titled:  # the title names the occupation: a term even if the text does not
        entry = next((e for e in vocabulary.entries[::-1] if e.name == name), None)
        if entry is not None:
            tally = tallies.setdefault(name, Tally(entry))
            tally.titled = True
            for doc in range(n):
                tally.docs.setdefault(doc, Level.NONE)
            if not tally.mentions:  # "Engineering" of "Mechanical Engineer": the title says it
                tally.mentions, tally.excerpt = 1, excerpt(occupation or title, None)
    min_docs = 1 if n <= 3 else max(2, math.ceil(0.05 * n))
    own = (CERT_SOURCE, PHRASE_SOURCE, CREDENTIAL_SOURCE, LANGUAGE_SOURCE, TITLE_SOURCE,
           LISTED_SOURCE)
    chosen = [
        t for t in tallies.values()
        if t.docs and len(t.docs) >= (1 if t.entry.source in own else min_docs)
        and not (t.entry.source not in _OWN_SOURCES and is_junk(t.entry.name, base))
    ]
    chosen.sort(key=_priority)
    chosen = chosen[:max_terms]
    required = _required(chosen, n)
    skill_years = {name: y for a in asks for name, y in a.skill_years.items()}
    terms: list[Term] = []
    evidence: list[Evidence] = []
    seen: set[str] = set()
    owners: dict[str, str] = {}  # spelling key -> the term that has it (validation's rule)
    for tally in sorted(chosen, key=_order):
        if owners.get(spelling_key(tally.entry.name), tally.entry.name) != tally.entry.name:
            continue  # another term already has this spelling, to the matcher the same term
        term, ev = _term(tally, sources, tally.entry.name in required, n, seen, owners,
                         skill_years.get(tally.entry.name))
        terms.append(term)
        evidence.append(ev)
    if not terms:
        raise NothingToDraftError(
            "the text names no skill, tool, certification or qualification that resume-checker "
            "knows, so no keyword set can be drafted from it (paste the whole job ad, or "
            "choose a bundled set)",
            source=", ".join(s.name for s in sources[:3]) + (" ..." if n > 3 else ""),
        )
    used: dict[str, float] = {}
    for t in terms:
        used[t.category] = used.get(t.category, 0.0) + t.weight
    # A category weighs what its terms weigh, so the score is the weighted share of the
    # terms found: a category of one term ("English") does not count as much as ten skills.
    categories = {
        c: Category(title=CATEGORY_TITLES.get(c, c.title()),
                    certification=c in CREDENTIAL_CATEGORIES,
                    weight=min(100.0, round(used[c], 2)))
        for c in sorted(used, key=_category_rank)
    }
    years, education = _requirements(asks)
    keyword_set = KeywordSet(
        id=set_id,
        title=title,
        description=description or f"Draft built from {n} document(s) by resume-checker sets build",
        sources=tuple(source_labels or (s.name for s in sources)),
        categories=categories,
        terms=tuple(terms),
        min_years_experience=years,
        education=education,
    )
    return Draft(keyword_set, tuple(evidence), n)


def _priority(t: Tally) -> tuple[bool, int, int, int, int, str]:
    """Which terms survive the max_terms cut: found terms before phrases, then the most
    common, those under a required cue, the most mentioned, the earliest mentioned."""
    req = sum(lv is Level.REQUIRED for lv in t.docs.values())
    return (t.entry.source == PHRASE_SOURCE, -len(t.docs), -req, -t.mentions, t.first,
            t.entry.name.lower())


#: categories listed after the vocabulary's own (also those this module does not know)
_LAST = ("skills", "languages", "certifications", "licences", "education")


def _category_rank(category: str) -> tuple[int, int, str]:
    """Known categories in CATEGORY_TITLES order, then other vocabulary categories by name,
    then phrases, languages, credentials and education."""
    order = [c for c in CATEGORY_TITLES if c not in _LAST]
    if category in _LAST:
        return (2, _LAST.index(category), "")
    if category in order:
        return (0, order.index(category), "")
    return (1, 0, category)


def _order(tally: Tally) -> tuple[tuple[int, int, str], int, int, str]:
    return (_category_rank(tally.entry.category), -len(tally.docs), -tally.mentions,
            tally.entry.name.lower())


def _required(chosen: Sequence[Tally], n: int) -> set[str]:
    """Terms the documents state as required (a "minimum" / "must" part or sentence) in most
    documents that mention them; few, common ones, and never a phrase, a venue, the title's
    words, a degree or the English an English ad is written in."""
    def rank(t: Tally) -> tuple[int, int, bool, int, int, str]:
        return (-len(t.stated), -len(t.docs), t.entry.source == DEGREE_SOURCE, t.first_stated,
                t.first, t.entry.name)

    picks = [
        t for t in sorted(chosen, key=rank)
        if len(t.stated) * 2 > len(t.docs)
        and len(t.alternative) * 2 < max(1, len(t.stated))
        and (n == 1 or len(t.docs) * 4 >= n)
        and t.entry.source not in (PHRASE_SOURCE, ACRONYM_SOURCE, TITLE_SOURCE, LISTED_SOURCE)
        and t.entry.category not in _NEVER_REQUIRED
        and not t.titled
        and t.entry.name != "English"
        # a language, a licence or a certification knocks out only when its own line says so
        and (t.entry.category not in _SAID_ONLY or len(t.said) * 2 > len(t.docs))
    ]
    cap = max(3, math.ceil(0.15 * len(chosen))) if n > 1 else max(6, math.ceil(0.3 * len(chosen)))
    return {t.entry.name for t in picks[:cap]}


def _term(
    tally: Tally, sources: Sequence[SourceText], required: bool, n: int, seen: set[str],
    owners: dict[str, str], years: float | None = None,
) -> tuple[Term, Evidence]:
    entry = tally.entry
    req = sum(lv is Level.REQUIRED for lv in tally.docs.values())
    pref = sum(lv is Level.PREFERRED for lv in tally.docs.values())
    if required:
        weight = 2.0
    elif pref * 2 > len(tally.docs):
        weight = 0.5
    elif (n > 1 and len(tally.docs) * 2 > n) or len(tally.asked) * 2 > len(tally.docs) or (
        tally.titled
    ):
        weight = 1.5
    else:
        weight = 1.0
    if entry.name == "English" and entry.category == "languages":
        weight = 0.5  # the language the ad is written in: nearly every applicant writes it
    # an ad names what matters to it more often: 1 mention x1, 2 x1.5, 4 x2 (at most)
    weight = round(weight * min(2.0, 1 + 0.5 * math.log2(max(1, tally.mentions / n))), 2)
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
    notes = []
    if tally.notes:
        notes.append(("level: " if entry.category == "languages" else "fields: ")
                     + ", ".join(tally.notes))
    if years:
        notes.append(f"the ad asks for {years:g}+ years of it")
    term = Term(
        name=entry.name,
        category=entry.category,
        aliases=tuple(aliases),
        weight=weight,
        required=required,
        case_sensitive=entry.case_sensitive,
        source=f"{len(docs)}/{n} documents; {origin}",
        note="; ".join(notes) or None,
    )
    written = tuple(sorted(tally.written, key=lambda w: (-tally.written[w], w))[:3])
    return term, Evidence(docs, tally.mentions, origin, req, pref, written, tally.excerpt)


def draft_from_job_ad(text: str, *, source: str, max_terms: int = 80) -> Draft:
    """The draft (set plus per-term evidence: mentions, the ad's words) for one job ad.

    The title's field words come from the ad's first line.  Raises NothingToDraftError
    (a KeywordSetError) when the ad names no known skill.
    """
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return build_keyword_set(
        [SourceText(source, text)],
        set_id="job-ad",
        title=f"Job ad: {source}",
        description="Built on the fly from the job ad given with --jd.",
        max_terms=max_terms,
        occupation=first[:120],
    )


def keyword_set_from_job_ad(text: str, *, source: str) -> KeywordSet:
    """A keyword set (id "job-ad") built on the fly from one job ad, for ``check --jd``."""
    return draft_from_job_ad(text, source=source).keyword_set
