"""Distinctive phrases: word n-grams that TF-IDF ranks high against the background corpus.

The packaged background corpus (general job-ad and workplace prose) gives common words a
high document frequency, so "team" or "communication" rank low and the role's own phrases
rank high.  The TF-IDF is the plain-Python one of :mod:`resume_checker.matching.tfidf`,
with exactly scikit-learn's numbers, so drafting a set never imports scikit-learn.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from resume_checker.matching.tfidf import (
    english_stop_words,
    smooth_idf,
    sublinear_l2,
    vocabulary_index,
)
from resume_checker.tuning.vocabulary import (
    Vocabulary,
    background_text,
    generic_terms,
    is_junk,
    tokens,
)

#: punctuation that ends a phrase: n-grams never cross it
_BREAK = re.compile(r"[,;:()\[\]{}!?|\"\u2022\u2013\u2014/]|\.(?:\s|$)|\s-\s|\n")
_BACKGROUND_CHUNK = 8  # lines of background prose per background "document"


@dataclass(frozen=True, slots=True)
class Phrase:
    """A candidate term: lower-case phrase, documents it occurs in, summed TF-IDF."""

    text: str
    doc_count: int
    score: float


def _stop_words() -> frozenset[str]:
    return english_stop_words()


def fragments(text: str, vocabulary: Vocabulary) -> list[list[str]]:
    """Lower-case token runs between punctuation, with known vocabulary terms cut out."""
    runs: list[list[str]] = []
    for part in _BREAK.split(text):
        cursor = 0
        for hit in vocabulary.find(part):
            runs.append([t.lower() for t, _, _ in tokens(part[cursor : hit.start])])
            cursor = hit.end
        runs.append([t.lower() for t, _, _ in tokens(part[cursor:])])
    return [r for r in runs if r]


def _ngrams(runs: list[list[str]], stop: frozenset[str], max_n: int = 3) -> list[str]:
    """Two- and three-word n-grams: single unknown words are mostly noise ("specific")."""
    grams: list[str] = []
    for run in runs:
        for n in range(2, max_n + 1):
            for i in range(len(run) - n + 1):
                gram = run[i : i + n]
                if gram[0] in stop or gram[-1] in stop or any(t.isdigit() for t in gram):
                    continue
                grams.append(" ".join(gram))
    return grams


_DEGREE_WORDS = frozenset({"master", "masters", "bachelor", "bachelors", "phd", "degree"})


def _generic_edge(phrase: str) -> bool:
    """ "strong programming", "frameworks like", "master's degree": a generic word at an edge,
    or a degree (degrees are found by their own cue)."""
    words = [w.removesuffix("'s") for w in phrase.split()]
    generic = generic_terms()
    return words[0] in generic or words[-1] in generic or bool(_DEGREE_WORDS & set(words))


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: words that start a duty, not a skill ("solve roadblocks", "managing internal")
_DUTY_VERBS = _word_set("""
    solve use address optimize optimise upgrade negotiate ensure drive develop manage lead
    create support maintain provide identify work help deliver improve perform implement
    establish define coordinate collaborate communicate partner own execute oversee review
    prepare handle conduct evaluate assess analyze analyse understand influence translate
    leverage promote achieve exceed grow increase reduce match matches obtain demonstrate apply
    act serve managing improving performing developing implementing ensuring driving leading
    creating supporting maintaining providing identifying working helping delivering
    establishing defining coordinating collaborating communicating executing overseeing
    reviewing preparing handling conducting evaluating assessing understanding influencing
    leveraging promoting achieving growing increasing reducing demonstrating applying
    designing solving negotiating optimizing upgrading addressing
""")
#: vague qualities that open a phrase of the ad's prose ("effective organizational")
_VAGUE_OPENERS = _word_set("""
    effective lasting productive scaled especially multiple strong excellent proven solid good
    great deep broad various relevant related key successful exceptional outstanding
    demonstrated extensive similar new other overall general
""")
#: heads of the ad's prose, never of a skill's name ("operational issues", "decision makers")
_VAGUE_HEADS = _word_set("""
    relationships issues needs meetings risks schedules roadblocks approach recommendations
    selections agreements makers hours appointment class phase roadmaps deployments parameters
    opportunities stakeholders goals objectives priorities challenges results requirements
    initiatives efforts environment abilities background level ways things areas matters
    demands expectations outcomes impact success excellence culture values mission vision
    changes tasks activities responsibilities duties internal external organizational
    corporate moderate categorical organic diplomatically
""")
#: nouns that end in "ly" (any other word that does is an adverb: "especially")
_LY_NOUNS = frozenset({"supply", "assembly", "family", "anomaly", "monopoly", "rally",
                       "tally", "italy", "reply", "poly"})


def _prose(phrase: str, stop: frozenset[str]) -> bool:
    """Words of the ad's prose rather than a skill's name: a stop word inside ("use of
    programmatic", "agency or corporate"), a duty verb or a vague quality first, a vague head
    last, or an adverb anywhere."""
    words = phrase.split()
    return (any(w in stop for w in words[1:-1]) or words[0] in _DUTY_VERBS
            or words[0] in _VAGUE_OPENERS or words[-1] in _VAGUE_HEADS
            or any(len(w) > 4 and w.endswith("ly") and w not in _LY_NOUNS for w in words))


#: the background corpus's n-grams for the last vocabulary asked (the packaged one, cached)
_BACKGROUND: dict[int, tuple[Vocabulary, list[list[str]]]] = {}


def _background_grams(vocabulary: Vocabulary, stop: frozenset[str]) -> list[list[str]]:
    """The background documents' n-grams; computed once per vocabulary object, since reading
    the background costs more than reading an ad."""
    cached = _BACKGROUND.get(id(vocabulary))
    if cached is not None and cached[0] is vocabulary:
        return cached[1]
    lines = background_text().splitlines()
    background = [
        "\n".join(lines[i : i + _BACKGROUND_CHUNK]) for i in range(0, len(lines), _BACKGROUND_CHUNK)
    ]
    grams = [_ngrams(fragments(t, vocabulary), stop) for t in background]
    _BACKGROUND.clear()
    _BACKGROUND[id(vocabulary)] = (vocabulary, grams)
    return grams


def distinctive_phrases(
    texts: Sequence[str], vocabulary: Vocabulary, *, limit: int = 12,
    background_vocabulary: Vocabulary | None = None, items: frozenset[str] = frozenset(),
) -> list[Phrase]:
    """The phrases of texts that score highest by TF-IDF against the background corpus.

    A phrase must occur in enough of the texts (all of them up to 2, then 15%, at least 2)
    or, for a single text, at least twice; junk phrases are dropped.  The background is cut by
    ``background_vocabulary`` (default: ``vocabulary``); pass a long-lived one to reuse it.
    ``items`` are lower-case list items of the text's requirements ("variance analysis"): for a
    single text, such a phrase counts when it occurs once.
    """
    stop = _stop_words()
    docs = [_ngrams(fragments(t, vocabulary), stop) for t in texts]
    back = _background_grams(background_vocabulary or vocabulary, stop)
    idf = smooth_idf(docs + back)
    index = vocabulary_index(idf)
    scores: dict[str, float] = {}
    doc_counts: Counter[str] = Counter()
    for grams in docs:  # the texts' rows of the fitted matrix, summed per phrase in row order
        for gram, weight in sublinear_l2(Counter(grams), idf, index).items():
            scores[gram] = scores.get(gram, 0.0) + weight
            doc_counts[gram] += 1
    if len(texts) == 1:
        counts = Counter(docs[0])
        keep = {g for g, c in counts.items() if c >= 2 or g in items}
    else:
        min_docs = min(len(texts), max(2, math.ceil(0.15 * len(texts))))
        keep = {g for g, c in doc_counts.items() if c >= min_docs}
    ranked = sorted(
        (Phrase(g, doc_counts[g], scores[g]) for g in keep),
        key=lambda p: (-round(p.score, 9), p.text),
    )
    chosen: list[Phrase] = []
    for phrase in ranked:
        if (len(phrase.text) < 3 or _generic_edge(phrase.text) or _prose(phrase.text, stop)
                or is_junk(phrase.text, vocabulary)):
            continue
        if any(f" {phrase.text} " in f" {c.text} " or f" {c.text} " in f" {phrase.text} "
               for c in chosen):
            continue  # a part of a phrase already chosen
        chosen.append(phrase)
        if len(chosen) >= limit:
            break
    return chosen
