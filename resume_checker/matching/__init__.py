"""Find a keyword set's terms in a Document, with evidence for every hit.

A keyword set is compiled once (:func:`compile_matcher`, cached by content hash) into word
patterns keyed by term (each spelling's variants, :mod:`.variants`), held in a trie of words
(:class:`.trie.PhraseTrie`, which finds what spaCy's ``PhraseMatcher`` would, without building a
spaCy ``Doc``), and reused for every resume.  On resume text only spaCy's tokenizer runs
(:mod:`.tokenizer`, over the reading text of :mod:`.reading`), so a two-page resume takes a
few milliseconds (median about 2 ms on the corpus, most of it the tokenizer).  The tokens of the
last few texts are remembered, and the batch cache stores them beside each document
(:mod:`.codec`) and hands them back as :class:`KnownTokens`, so re-ranking with an edited set
does not tokenize again.

What counts as a match (each rule has a test in ``tests/unit/matching/test_matching.py``):

* whole tokens only: "Java" is not in "JavaScript", "R" not in "R&D", "C" not in "C++" or
  "C#"; a term of one or two characters is not found inside a hyphenated word ("go-to",
  "C-suite"), a longer one is ("PyTorch-based");
* case-insensitive unless the term is ``case_sensitive``; the text is tokenized once, in
  lower case, so token boundaries (and the result) do not depend on the resume's casing;
* symbols match as written (C++, C#, .NET, Node.js, CI/CD, scikit-learn, F1);
* a plural or possessive counts (CNNs, GPUs, PyTorch's), and a plural term finds its singular;
* hyphen, space and joined spellings are one spelling ("pre-trained", "pre trained",
  "pretrained"; "multi-head", "multihead");
* lines of one page, column and origin are joined with a space (never across a heading), so a
  term wrapped onto the next line counts;
* an acronym the resume defines ("Mixture of Experts (MoE)" or "MoE (Mixture of Experts)")
  makes the other form count for the term, when the initials fit.

A term counts every occurrence; at most :data:`MAX_EVIDENCE` are kept as evidence, and the
line of every occurrence is kept (``TermMatch.lines``: skill depth reads all of them).  Each
occurrence is labelled with the kind of variant it is, if an exact-string search would miss it
(plural, possessive, hyphen or space, line break, defined acronym, look-alike letters;
:mod:`.exactness`), and each
term says whether any occurrence is exact and, when the set spells it both as an acronym and in
full, which of the two the resume writes.  The labels are read off the hits kept (the text
compared with the spelling that hit; most hits are that spelling as written, one comparison),
a few microseconds per matched term.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass
from itertools import compress

from resume_checker.documents.model import Document, Line, Origin, Section
from resume_checker.keywords.model import KeywordSet, Term
from resume_checker.keywords.per_set import per_set
from resume_checker.keywords.spelling import spelling_key
from resume_checker.matching.acronyms import find_definitions
from resume_checker.matching.codec import KnownTokens
from resume_checker.matching.exactness import (
    ACRONYM,
    ACRONYM_WRITTEN,
    APOSTROPHES,
    FULL_WRITTEN,
    LINE_BREAK,
    LOOKALIKE,
    VARIANT_KINDS,
    AcronymForms,
    TermForms,
    folded_offsets,
    has_folded,
    term_forms,
    variant_kind,
)
from resume_checker.matching.nlp import blank_nlp
from resume_checker.matching.reading import line_starts, reading_parts
from resume_checker.matching.tokenizer import Tokens, lower, text_tokens, tokenize
from resume_checker.matching.trie import PhraseTrie
from resume_checker.matching.variants import bounded, pattern_words

__all__ = [
    "MAX_EVIDENCE",
    "AcronymForms",
    "Evidence",
    "KnownTokens",
    "MatchResult",
    "Matcher",
    "TermMatch",
    "blank_nlp",
    "compile_matcher",
]

MAX_EVIDENCE = 5
_CACHE_SIZE = 32
#: a section's value without the enum's property lookup (read for every occurrence's line)
_SECTION_VALUE = {s: s.value for s in Section}


@dataclass(frozen=True)
class Evidence:
    """One occurrence of a term: the spelling that hit, the text, and where it is."""

    alias: str
    text: str
    line_text: str
    page: int
    line: int
    section: str
    origin: str = Origin.BODY.value
    #: None when an exact-string search finds it (a spelling as written, on one line), else the
    #: kind of variant (:data:`.exactness.VARIANT_KINDS`)
    variant: str | None = None


@dataclass(frozen=True)
class TermMatch:
    term: str
    category: str
    count: int
    evidence: tuple[Evidence, ...]
    #: whether any occurrence (not only those kept as evidence) is exact
    exact: bool = True
    #: the kinds of variant of the occurrences that are not exact, in
    #: :data:`.exactness.VARIANT_KINDS` order
    variants: tuple[str, ...] = ()
    #: when the set spells the term as an acronym and in full: which the resume writes
    forms: AcronymForms | None = None
    #: the line of every counted occurrence (not only those kept as evidence), once each, in
    #: document order, as (page, line number, section): what :class:`Evidence` says of its line
    #: (a phrase wrapped onto the next line is on the line it starts on); empty in a match
    #: built by hand
    lines: tuple[tuple[int, int, str], ...] = ()


@dataclass(frozen=True)
class MatchResult:
    matched: tuple[TermMatch, ...]
    #: (short form, long form) pairs the resume defines, in document order
    defined_acronyms: tuple[tuple[str, str], ...] = ()

    def get(self, term: str) -> TermMatch | None:
        return next((m for m in self.matched if m.term == term), None)

    def exact_only(self) -> MatchResult:
        """What an exact-string ATS search finds: the terms with at least one exact hit."""
        return MatchResult(tuple(m for m in self.matched if m.exact), self.defined_acronyms)


@dataclass(frozen=True, slots=True)
class _Hit:
    term: int
    alias: str
    start: int
    end: int
    #: the other form of an acronym the resume defines (``alias`` is that form as written)
    acronym: bool = False


class Matcher:
    """A keyword set compiled to word patterns; :meth:`match` is pure and deterministic."""

    def __init__(self, kwset: KeywordSet) -> None:
        self.kwset = kwset
        self._nlp = nlp = blank_nlp()
        self._terms: tuple[Term, ...] = kwset.terms
        # Keys are (term index, spelling).  The case-insensitive trie holds lower-cased words
        # (what spaCy's LOWER attribute compares), the case-sensitive one the words as written.
        self._insensitive: PhraseTrie[tuple[int, str]] = PhraseTrie()
        self._sensitive: PhraseTrie[tuple[int, str]] = PhraseTrie()
        self._whole: dict[str, frozenset[int]] = {}  # memo for _whole_terms
        self._whole_keys: set[str] = set()  # spelling_key of every pattern (see _whole_terms)
        for t_index, term in enumerate(self._terms):
            for spelling in term.spellings:
                cased = spelling if term.case_sensitive else None
                for words in pattern_words(tokenize(nlp, lower(spelling), cased)):
                    self._whole_keys.add(spelling_key("".join(words)))
                    if term.case_sensitive:
                        self._sensitive.add((t_index, spelling), words)
                    else:
                        self._insensitive.add((t_index, spelling), [w.lower() for w in words])
        # Where a pattern of either trie can start, in lower case: a resume's words are looked up
        # here once, not once per trie (a case-sensitive word is its lower-cased word, cased).
        self._first_words = self._insensitive.first_words | {
            w.lower() for w in self._sensitive.first_words
        }
        #: each term's acronym and full-form spellings, when the set spells it both ways
        self._forms: tuple[TermForms | None, ...] = tuple(map(term_forms, self._terms))

    def _find(self, text: str, tokens: Tokens, lowered: list[str]) -> list[_Hit]:
        """The trie hits that are whole words (``lowered``: ``tokens.words`` in lower case)."""
        first = self._first_words
        starts = list(compress(range(len(lowered)), map(first.__contains__, lowered)))
        hits = []
        for trie, words in ((self._insensitive, lowered), (self._sensitive, tokens.words)):
            if not starts or len(trie) == 0:
                continue
            for (t_index, alias), s, e in trie.find(words, starts):
                start, end = tokens.starts[s], tokens.ends[e - 1]
                if bounded(text, start, end):
                    hits.append(_Hit(t_index, alias, start, end))
        return hits

    def _whole_terms(self, form: str) -> frozenset[int]:
        """Terms that match the whole of ``form`` (used to tie a defined acronym to a term)."""
        found = self._whole.get(form)
        if found is None and spelling_key(form) not in self._whole_keys:
            # Most forms a resume defines spell no pattern: they are known without tokenizing
            # (a re-rank worker meets a new one in most resumes, and tokenizing it costs more
            # than the rest of a match).
            found = frozenset()
        if found is None:
            tokens = tokenize(self._nlp, lower(form), form)
            hits = self._find(form, tokens, [w.lower() for w in tokens.words])
            found = frozenset(h.term for h in hits if h.start == 0 and h.end == len(form))
            if len(self._whole) > 10_000:
                self._whole.clear()
            self._whole[form] = found
        return found

    def match(self, document: Document, known: KnownTokens | None = None) -> MatchResult:
        """Every term of the set found in ``document``, in set order, with evidence.

        ``known``: the tokens of the document's reading text, if already known (they are
        ignored unless they are for this text)."""
        text, parts = reading_parts(document)
        found = None
        if known is not None and known.are_for(text):
            tokens, lowered, found = known.tokens, known.lowered, known.definitions
        else:
            tokens = text_tokens(text)
            lowered = [w.lower() for w in tokens.words]
        hits = self._find(text, tokens, lowered)
        definitions: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for short, long, d_start, d_end in find_definitions(text) if found is None else found:
            definitions.setdefault((short, long), []).append((d_start, d_end))
        for (short, long), spans in definitions.items():
            for form, other in ((long, short), (short, long)):
                terms = sorted(self._whole_terms(form))
                if not terms:
                    continue
                for start, end in _occurrences(text, tokens, lowered, other):
                    if any(d_start <= start and end <= d_end for d_start, d_end in spans):
                        continue  # the definition itself: its other form already counted
                    hits += [_Hit(t_index, other, start, end, acronym=True) for t_index in terms]
        return MatchResult(
            # where lines start is worked out only for evidence (most resumes match few terms)
            matched=(_collect(self._terms, self._forms, hits, text, parts, document)
                     if hits else ()),
            defined_acronyms=tuple(definitions),
        )


def _occurrences(
    text: str, tokens: Tokens, lowered: list[str], form: str
) -> list[tuple[int, int]]:
    """Where ``form`` (any casing) or its plural occurs in the document's tokens."""
    trie: PhraseTrie[str] = PhraseTrie()
    for words in pattern_words(tokenize(blank_nlp(), lower(form))):
        trie.add("form", [w.lower() for w in words])
    if not len(trie):
        return []
    spans = [(tokens.starts[s], tokens.ends[e - 1]) for _, s, e in trie.find(lowered)]
    return [(s, e) for s, e in spans if bounded(text, s, e)]


def _collect(
    terms: tuple[Term, ...],
    forms: tuple[TermForms | None, ...],
    hits: list[_Hit],
    text: str,
    parts: list[str],
    document: Document,
) -> tuple[TermMatch, ...]:
    by_term: dict[int, list[_Hit]] = {}
    for hit in hits:
        by_term.setdefault(hit.term, []).append(hit)
    starts = line_starts(parts)
    lines = document.lines
    folded = folded_offsets(document, starts)  # nearly always none
    out = []
    for t_index in sorted(by_term):
        term = terms[t_index]
        sensitive = term.case_sensitive
        kept: list[_Hit] = []
        kinds: list[str | None] = []
        where: list[tuple[int, int, str]] = []  # every kept hit's line, once each, in text order
        last = -1
        for hit in sorted(by_term[t_index], key=lambda h: (h.start, -h.end, h.alias)):
            if not kept or hit.start >= kept[-1].end:  # one count per place in the text
                kept.append(hit)
                at = bisect_right(starts, hit.start) - 1
                if at != last:
                    last = at
                    line = lines[at]
                    where.append((line.page, line.number, _SECTION_VALUE[line.section]))
                written = text[hit.start : hit.end]
                if (written == hit.alias and " " not in written and not hit.acronym
                        and text[hit.end : hit.end + 1] not in APOSTROPHES and not folded):
                    kinds.append(None)  # most hits: one word as the set writes it (see _kind)
                else:
                    kinds.append(_kind(hit, text, starts, sensitive, folded))
            elif kinds[-1] is not None and _kind(hit, text, starts, sensitive, folded) is None:
                kinds[-1] = None  # a spelling written as is at the same place: exact
        evidence = tuple(_evidence(h, text, lines, starts, k)
                         for h, k in zip(kept[:MAX_EVIDENCE], kinds, strict=False))
        seen = set(kinds)
        exact = None in seen
        if exact and len(seen) == 1:
            variants: tuple[str, ...] = ()
        else:
            variants = tuple(k for k in VARIANT_KINDS if k in seen)
        both = forms[t_index]
        out.append(TermMatch(
            term.name, term.category, len(kept), evidence, exact, variants,
            None if both is None else _written(both, by_term[t_index]), tuple(where),
        ))
    return tuple(out)


def _written(forms: TermForms, hits: list[_Hit]) -> AcronymForms:
    """Which of a term's acronym and full form its hits write (see :meth:`TermForms.written`)."""
    bits = 0
    roles = forms.roles
    for hit in hits:
        if hit.acronym:
            bits |= FULL_WRITTEN if " " in hit.alias else ACRONYM_WRITTEN
        else:
            bits |= roles.get(hit.alias, 0)
    return forms.written(bits)


def _kind(
    hit: _Hit, text: str, starts: list[int], case_sensitive: bool, folded: list[int]
) -> str | None:
    """The variant kind of one hit (see :mod:`.exactness`); None when it is exact.  ``folded``:
    where the text holds look-alike letters read as Latin ones (:func:`.folded_offsets`)."""
    if folded and has_folded(folded, hit.start, hit.end):
        return LOOKALIKE
    if hit.acronym:
        return ACRONYM
    start, end = hit.start, hit.end
    written = text[start:end]
    # a hit with no space is on one line (lines of a block are joined by a space)
    if " " in written and bisect_right(starts, start) != bisect_right(starts, end - 1):
        return LINE_BREAK
    if written == hit.alias and text[end : end + 1] not in APOSTROPHES:
        return None  # most hits: the spelling as the set writes it, not followed by "'s"
    return variant_kind(written, hit.alias, case_sensitive, text[end : end + 3])


def _evidence(
    hit: _Hit, text: str, lines: tuple[Line, ...], starts: list[int], variant: str | None
) -> Evidence:
    first = bisect_right(starts, hit.start) - 1
    last = bisect_right(starts, hit.end - 1) - 1
    line = lines[first]
    line_text = " ".join(lines[i].text for i in range(first, last + 1))
    return Evidence(
        alias=hit.alias,
        text=text[hit.start : hit.end],
        line_text=line_text,
        page=line.page,
        line=line.number,
        section=line.section.value,
        origin=line.origin.value,
        variant=variant,
    )


# --------------------------------------------------------------------------- cache

_CACHE: OrderedDict[str, Matcher] = OrderedDict()
_CACHE_LOCK = threading.Lock()


@per_set  # this very set again: no hash, no lock (a re-rank asks once per resume)
def compile_matcher(kwset: KeywordSet) -> Matcher:
    """The matcher for ``kwset``, compiled once per content hash and reused."""
    key = kwset.content_hash
    with _CACHE_LOCK:
        matcher = _CACHE.get(key)
        if matcher is not None:
            _CACHE.move_to_end(key)
    if matcher is None:
        matcher = Matcher(kwset)
        with _CACHE_LOCK:
            _CACHE[key] = matcher
            while len(_CACHE) > _CACHE_SIZE:
                _CACHE.popitem(last=False)
    return matcher
