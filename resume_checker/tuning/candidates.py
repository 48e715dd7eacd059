"""Find the candidate terms of role documents: what a job ad could be asking for.

A candidate is a vocabulary entry or an entry the documents define themselves: credentials
from the packaged table (certifications, licences, clearances), certification names with
their cue ("AWS Certified ..."), acronym pairs ("Mixture of Experts (MoE)"), spoken languages,
the job title's field words, products named in lists or runs of names the vocabulary does not
know ("Webpack or Vite, Babel"), terms written with a shared first word ("legal research and
writing") and phrases TF-IDF finds distinctive.  The finders reject what only looks like a
term (two known terms glued into a phrase, a benefit "program", an adjective opening a list
item) so the draft starts from the ad's real asks.  Counting, choosing and weighting the
candidates is :mod:`.builder`'s job; this module never imports it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from resume_checker.tuning.cues import CERT_CUE, acronym_pairs, certifications, languages
from resume_checker.tuning.jobad import ROLE_FIELDS, Part, Sentence, occupation_terms
from resume_checker.tuning.vocabulary import (
    Entry,
    Hit,
    Vocabulary,
    general_words,
    generic_terms,
    in_context,
    is_junk,
    key,
    tokens,
)

#: where an entry the documents define came from (the draft cites it as the term's origin)
CERT_SOURCE = "certification cue"
CREDENTIAL_SOURCE = "resume-checker credentials table"
ACRONYM_SOURCE = "acronym pair in the documents"
PHRASE_SOURCE = "distinctive phrase (TF-IDF against the background corpus)"
LANGUAGE_SOURCE = "spoken language asked for"
TITLE_SOURCE = "the job title"
LISTED_SOURCE = "a product named in a list of the ad"


@lru_cache(maxsize=1)
def credential_entries() -> tuple[Entry, ...]:
    """The packaged table of certifications, licences and clearances ads ask for."""
    data = resources.files("resume_checker.tuning").joinpath("data", "credentials.tsv")
    entries = []
    for line in data.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, category, aliases, flags = (line.split("\t") + ["", "", ""])[:4]
        entries.append(Entry(name.strip(), category.strip(),
                             tuple(a.strip() for a in aliases.split("|") if a.strip()),
                             CREDENTIAL_SOURCE, case_sensitive="cs" in flags))
    return tuple(entries)


def extend_vocabulary(vocabulary: Vocabulary, extra: Sequence[Entry]) -> Vocabulary:
    """The vocabulary plus entries found in the documents (the documents' spellings win)."""
    index = dict(vocabulary.index)
    longest = vocabulary.max_len
    for entry in extra:
        for spelling in entry.spellings:
            if key(spelling):
                exact = tuple(t for t, _, _ in tokens(spelling))
                strict = entry.case_sensitive or spelling.isupper()  # "OR" is not "or"
                index[key(spelling)] = (entry, exact, strict)
                longest = max(longest, len(exact))
    return Vocabulary((*vocabulary.entries, *extra), index, longest)


_MARKUP = re.compile(r"<[^<>\n]{1,40}>")


@dataclass(frozen=True)
class Ad:
    """One document read by its parts: the sentences that ask for skills and the rest."""

    sentences: tuple[Sentence, ...]

    @property
    def phrase_text(self) -> str:
        """The text phrases are drawn from: the requirements, preferred and duties parts when
        the ad labels them (an unlabelled intro is often a company blurb), else skill_text."""
        labelled = [s.text for s in self.sentences
                    if s.part in (Part.REQUIRED, Part.PREFERRED, Part.DUTIES)]
        return _MARKUP.sub(" ; ", "\n".join(labelled)) if labelled else self.skill_text

    @property
    def skill_text(self) -> str:
        """The text of the parts that may name skills (no benefits, company or legal), without
        markup or placeholders ("<ORGANIZATION>", "<br>")."""
        text = "\n".join(s.text for s in self.sentences if not s.boilerplate)
        return _MARKUP.sub(" ; ", text)


def _glued(phrase: str, vocabulary: Vocabulary) -> bool:
    """ "javascript angular", "c# user", "net agile": a phrase that holds a known term."""
    words = key(phrase)
    if len(set(words)) < len(words):
        return True  # "organization organization": a placeholder or a stutter
    return any(
        words[i : j] in vocabulary.index
        for i in range(len(words)) for j in range(i + 1, len(words) + 1)
    )


def find_candidates(
    ads: Sequence[Ad], vocabulary: Vocabulary, phrases: bool, occupation: str | None,
    titled: list[str],
) -> list[Entry]:
    """Entries the documents themselves name: acronym pairs, certifications, languages, the
    title's field words (their names appended to ``titled``), phrases."""
    extra: dict[tuple[str, ...], Entry] = {}
    aliases: dict[str, list[str]] = {}
    for entry in credential_entries():
        extra[key(entry.name)] = entry
    for ad in ads:
        text = ad.skill_text
        for long, short in acronym_pairs(text):
            known = vocabulary.lookup(long) or vocabulary.lookup(short)
            if known is not None:
                aliases.setdefault(known.name, []).extend((long, short))
            elif not is_junk(long, vocabulary) and key(long) not in extra:
                extra[key(long)] = Entry(long, "skills", (short,), ACRONYM_SOURCE)
        for name in certifications(text):
            if key(name) not in extra and not _plain_certification(name, vocabulary):
                extra[key(name)] = Entry(name, "certifications", (), CERT_SOURCE)
        for sentence in ad.sentences:
            if not sentence.boilerplate:
                for lang in languages(sentence.text):
                    extra.setdefault(key(lang.name),
                                     Entry(lang.name, "languages", (), LANGUAGE_SOURCE, True))
    def is_term(word: str) -> bool:
        return vocabulary.lookup(word) is not None

    for name, spelt in occupation_terms(occupation or "", is_term):
        field = name.removesuffix(" engineering") if spelt else name
        if (name.lower() in generic_terms() and name.lower() not in ROLE_FIELDS) or (
            vocabulary.lookup(field) is not None and vocabulary.lookup(name) is None
        ):
            continue  # "Java engineering": the title names a skill the text names too
        spelt = tuple(a for a in spelt if vocabulary.lookup(a) in (None, vocabulary.lookup(name)))
        known = vocabulary.lookup(name)
        if known is not None:  # "Mechanical engineering" is a vocabulary term: the title names it
            if not any(vocabulary.lookup(a) is known for a in spelt):
                extra.setdefault(key(known.name), Entry(
                    known.name, known.category, (*known.aliases, *spelt), known.source,
                    known.case_sensitive))
            titled.append(known.name)
        else:
            strict = len(name) <= 4 and name.isupper()
            extra.setdefault(key(name), Entry(name, "occupation", spelt, TITLE_SOURCE, strict))
            titled.append(name)
    for entry in vocabulary.entries:
        acronyms = aliases.get(entry.name, ())
        more = [a for a in acronyms if key(a) not in map(key, entry.spellings)]
        if more:
            extra[key(entry.name)] = Entry(
                entry.name, entry.category, (*entry.aliases, *dict.fromkeys(more)), entry.source,
                entry.case_sensitive,
            )
    for ad in ads:
        for sentence in ad.sentences:
            if sentence.part in (Part.REQUIRED, Part.PREFERRED, Part.DUTIES):
                for name in _listed_products(sentence.text, vocabulary):
                    extra.setdefault(key(name), Entry(name, "tools", (), LISTED_SOURCE,
                                                      name.isupper() and len(name) <= 5))
    if phrases:
        from resume_checker.tuning.phrases import distinctive_phrases

        base = extend_vocabulary(vocabulary, list(extra.values()))
        items = frozenset(i for ad in ads for s in ad.sentences
                          if s.part in (Part.REQUIRED, Part.PREFERRED, Part.DUTIES)
                          for i in _list_items(s.text)) if len(ads) == 1 else frozenset()
        for phrase in distinctive_phrases([a.phrase_text for a in ads], base,
                                          background_vocabulary=vocabulary, items=items):
            if not _glued(phrase.text, base):
                extra.setdefault(key(phrase.text), Entry(phrase.text, "skills", (), PHRASE_SOURCE))
    return [extra[k] for k in sorted(extra)]


_ITEM_SPLIT = re.compile(r"\s*(?:[,;:()\[\]|\u2022]|\s(?:or|and|&|with|/)\s|/)\s*")
#: a product-like word: an inner capital or digit, ".js", "+"/"#", or a capitalised word
_PRODUCT = re.compile(r"(?:[A-Z][a-z0-9]*[A-Z0-9][\w.+#-]*|[A-Za-z]+\.js|[A-Z][a-z]{2,}[\w-]*|"
                      r"[A-Z]{2,5}\d*|[a-z]{2,}[A-Z][\w]*|[a-z][a-z0-9]{2,}[+#]*)")


#: words that open a list item without naming a product ("Advanced Excel", "Strong Python")
_NOT_PRODUCTS = frozenset({
    "advanced", "strong", "excellent", "good", "basic", "solid", "proven", "deep", "expert",
    "senior", "junior", "proficient", "proficiency", "knowledge", "familiarity", "experience",
    "skills", "tools", "stack", "tech", "technologies", "frameworks", "languages", "including",
    "etc", "plus", "bonus", "nice", "must", "required", "preferred", "modern", "agile", "various",
    "hands-on", "fluent", "native", "intermediate", "working", "understanding", "ideally",
})


def _listed_products(sentence: str, vocabulary: Vocabulary) -> list[str]:
    """Product names in a list of the requirements or duties that the vocabulary does not know
    ("Webpack or Vite, Babel, npm"): one or two product-like, non-English words an item, in a
    list of at least three items, at least one of them a known term or a product too."""
    general = generic = None
    runs = _product_runs(sentence, vocabulary)
    items = [i.strip(" .-*\u2022") for i in _ITEM_SPLIT.split(sentence)]
    items = [i for i in items if i]
    if len(items) < 3:
        return runs
    general, generic = general_words(), generic_terms()
    found: list[str] = []
    for item in items:
        words = item.split()
        if not 1 <= len(words) <= 2 or vocabulary.lookup(item) is not None:
            continue
        if all(_PRODUCT.fullmatch(w) and w.lower() not in general and
               w.lower().rstrip("s") not in general and w.lower() not in generic
               and w.lower() not in _NOT_PRODUCTS for w in words) and not any(
                   w.isupper() and len(w) > 5 for w in words):
            found.append(item)
    known = sum(vocabulary.lookup(i) is not None for i in items)
    lower = [f for f in found if f.islower()]
    if known < 2:  # a lower-case word is a product only in a list of known ones
        found = [f for f in found if f not in lower]
    found = found if len(found) >= 2 and (known or len(found) >= 3) else []
    return list(dict.fromkeys((*found, *runs)))


def _list_items(sentence: str) -> list[str]:
    """The two- and three-word items of a list ("budgeting, variance analysis and financial
    modeling"), lower case; only in a list of three or more."""
    items = [i.strip(" .-*\u2022").lower() for i in _ITEM_SPLIT.split(sentence)]
    items = [i for i in items if i]
    if len(items) < 3:
        return []
    return [i for i in items if 2 <= len(i.split()) <= 3 and re.fullmatch(r"[a-z][a-z -]+", i)]


def _product_runs(sentence: str, vocabulary: Vocabulary) -> list[str]:
    """Unknown product names in a run of names written without commas ("Vue.js Nuxt.js npm
    Nginx Redis Jira"): a run of three or more, two of them known terms."""
    general, generic = general_words(), generic_terms()
    hits = vocabulary.find(sentence)
    if len(hits) < 2:
        return []
    covering: dict[int, Hit] = {}
    for h in hits:
        for at in range(h.start, h.end):
            covering[at] = h
    marks: list[tuple[str, bool]] = []   # (word, known)
    cursor = 0
    for word in re.finditer(r"\S+", sentence):
        if word.start() < cursor:
            continue
        hit = covering.get(word.start())
        if hit is not None:
            marks.append((hit.text, True))
            cursor = hit.end
            continue
        text = word.group(0).strip(",;()")
        if text.endswith(".") and not text.endswith((".js", ".NET")):
            text = text.rstrip(".")  # the sentence's full stop: "Python, MATLAB, JMP."
        lowered = text.lower()
        product = bool(_PRODUCT.fullmatch(text)) and lowered not in general and (
            lowered.rstrip("s") not in general and lowered not in generic
            and lowered not in _NOT_PRODUCTS)
        marks.append((text, False) if product else ("", False))
    found: list[str] = []
    run: list[tuple[str, bool]] = []
    for mark in [*marks, ("", False)]:
        if mark[0]:
            run.append(mark)
            continue
        if len(run) >= 3 and sum(k for _, k in run) >= 2:
            found += [w for w, k in run if not k and not (w.isupper() and len(w) > 5)]
        run = []
    return found


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



_COORDINATED = re.compile(r"\b([A-Za-z]+) ([A-Za-z]+) (?:and|or|&) ([A-Za-z]+)\b")
#: the word written just before a hit (as the modifier of its first word)
_MODIFIER = re.compile(r"\b([A-Za-z]+)\s+$")


def shared_head_hits(line: str, vocabulary: Vocabulary, hits: Sequence[Hit]) -> list[Hit]:
    """Terms that share a word with another term of the line, which find() (one term a word)
    cannot return: "legal research and writing" names legal writing and "contract drafting
    and negotiation" contract negotiation (a shared first word); "commercial contract
    drafting" names commercial contracts as well as contract drafting (a shared middle word).
    Only terms the vocabulary knows and the line does not already name."""
    named = {h.entry.name for h in hits}
    extra: list[Hit] = []
    for m in _COORDINATED.finditer(line):
        head, first, second = m.group(1), m.group(2), m.group(3)
        if vocabulary.lookup(f"{head} {first}") is None:
            continue  # "strong research and writing": no term "strong research"
        entry = vocabulary.lookup(f"{head} {second}")
        if entry is not None and entry.name not in named and in_context(
            entry, line, m.start(), m.end()
        ):
            named.add(entry.name)
            extra.append(Hit(entry, f"{head} {second}", m.start(), m.end()))
    for hit in _modified_hits(line, vocabulary, hits):
        if hit.entry.name not in named:
            named.add(hit.entry.name)
            extra.append(hit)
    return extra


def _modified_hits(line: str, vocabulary: Vocabulary, hits: Sequence[Hit]) -> list[Hit]:
    """A plural term written as the modifier of the next one, in the singular as English
    writes a modifier: "commercial contract drafting" holds commercial contracts, whose last
    word is the first of the hit contract drafting. Only before a hit of two or more words
    (the shared word must lead on to another) and a modifier no other hit covers."""
    out: list[Hit] = []
    for hit in hits:
        words = tokens(hit.text)
        before = _MODIFIER.search(line, max(0, hit.start - 40), hit.start)
        if len(words) < 2 or before is None or any(
            h.start < hit.start and h.end > before.start(1) for h in hits
        ):
            continue
        shared, shared_end = words[0][0], hit.start + words[0][2]
        for plural in _plurals(shared):
            entry = vocabulary.lookup(f"{before.group(1)} {plural}")
            if entry is not None and in_context(entry, line, before.start(1), shared_end):
                out.append(Hit(entry, line[before.start(1) : shared_end], before.start(1),
                               shared_end))
                break
    return out


def _plurals(word: str) -> tuple[str, ...]:
    """The plural forms a singular noun may take ("contract" -> "contracts", "policy" ->
    "policies", "process" -> "processes")."""
    if word.lower().endswith("y") and len(word) > 2:
        return (f"{word}s", f"{word[:-1]}ies")
    return (f"{word}s", f"{word}es")
