"""What a strict, exact-string ATS search would find: the kind of variant behind each hit, and
which of a term's spellings are an acronym and which its full form.

Many ATS keyword searches look for a listed spelling as written.  The matcher is more lenient
(see :mod:`resume_checker.matching`), so each hit is labelled with what an exact search would
need to find it:

* exact (``None``): a spelling of the set written as is, on one line.  Letter case is folded
  (exact ATS searches are case-insensitive in practice: a recruiter's "python" finds "Python"),
  except for a term marked ``case_sensitive``, which the matcher already matches only as
  written; runs of spaces count as one; a term bounded by a hyphen ("PyTorch-based") is
  written as is;
* :data:`PLURAL`: the plural or singular of a spelling ("CNNs" for "CNN");
* :data:`POSSESSIVE`: a spelling followed by "'s" or "'" ("PyTorch's");
* :data:`HYPHEN_SPACE`: hyphen, space or joined spelling ("pretrained" for "pre-trained");
* :data:`LINE_BREAK`: a phrase split over two lines;
* :data:`ACRONYM`: the other form of an acronym the resume defines ("MoE" after
  "Mixture of Experts (MoE)", for a term spelled only in full);
* :data:`LOOKALIKE`: a spelling found only because the parser read Cyrillic or Greek look-alike
  letters as the Latin ones they show ("PyT\u043erch" with a Cyrillic o, see
  :mod:`resume_checker.documents.lookalikes`): the file holds another string, which an exact
  search for "PyTorch" does not find.  This kind wins over the others: whatever else the hit
  is, its letters are not the set's.

A term's spellings are an acronym and a full form when the acronym, as the set writes it, has
no space, at least two capital letters and no more small letters than capitals ("NLP", "MoE",
"LLMs"; not "PyTorch"), and the full form, two words or more, spells it from the starts of its
words, one or more letters of each ("GenAI": Generative AI), small words such as "of" used or
skipped ("MoE": Mixture of Experts; "RLHF": reinforcement learning from human feedback), a
final small plural "s" allowed ("LLMs"), and it is not the acronym merely spaced ("ML Ops").
So "NLP" and "natural language processing" pair; "GCP" and "Google Cloud" do not, nor "DNN"
and "Deep learning".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from resume_checker.documents.model import Document
from resume_checker.keywords.model import Term
from resume_checker.keywords.spelling import spelling_key

__all__ = [
    "ACRONYM",
    "ACRONYM_WRITTEN",
    "APOSTROPHES",
    "FULL_WRITTEN",
    "ATS_MODES",
    "HYPHEN_SPACE",
    "LINE_BREAK",
    "LOOKALIKE",
    "PLURAL",
    "POSSESSIVE",
    "VARIANT_KINDS",
    "VARIANT_LABELS",
    "AcronymForms",
    "TermForms",
    "folded_offsets",
    "has_folded",
    "term_forms",
    "variant_kind",
]

PLURAL = "plural"
POSSESSIVE = "possessive"
HYPHEN_SPACE = "hyphen_space"
LINE_BREAK = "line_break"
ACRONYM = "acronym"
LOOKALIKE = "lookalike"
#: every variant kind, in the order a report lists them
VARIANT_KINDS = (PLURAL, POSSESSIVE, HYPHEN_SPACE, LINE_BREAK, ACRONYM, LOOKALIKE)
#: how a report names each kind ("found only as ...")
VARIANT_LABELS = {
    PLURAL: "plural or singular",
    POSSESSIVE: "possessive",
    HYPHEN_SPACE: "hyphen or space variant",
    LINE_BREAK: "phrase split over two lines",
    ACRONYM: "defined acronym",
    LOOKALIKE: "spelling with look-alike letters",
}
#: how a check scores: "normal" (the matcher's rules), or "exact" (beside the normal score, as
#: an exact-string ATS search would: only terms with at least one exact hit count)
ATS_MODES = ("normal", "exact")

#: what starts a possessive ("PyTorch's", "PyTorch\u2019s", "GPUs'")
APOSTROPHES = "'\u2019"


def variant_kind(written: str, spelling: str, case_sensitive: bool, after: str) -> str | None:
    """The kind of variant the text ``written`` (one line) is of ``spelling``, or None when it
    is the spelling as written; ``after``: the characters that follow it in the text."""
    same = written == spelling
    if not same:
        if not case_sensitive:
            same = written.lower() == spelling.lower()
        if not same and (" " in written or "\t" in written):
            spaced = " ".join(written.split())
            same = spaced == spelling or (not case_sensitive and spaced.lower() == spelling.lower())
    if not same:
        # Patterns are the spelling's words, joined or split, with the last word plural or
        # singular: the same key is a hyphen or space variant, another key a plural one.
        return HYPHEN_SPACE if spelling_key(written) == spelling_key(spelling) else PLURAL
    if after[:1] in APOSTROPHES and after[:1]:
        tail = after[1:2]
        if (tail in "sS" and tail and not after[2:3].isalnum()) or (
            not tail.isalnum() and written[-1:] in "sS"
        ):
            return POSSESSIVE
    return None


def folded_offsets(document: Document, starts: Sequence[int]) -> list[int]:
    """Where the reading text holds a letter the parser folded from a Cyrillic or Greek
    look-alike, in order; ``starts``: where each of ``document.lines`` starts in that text.

    Empty (and nothing done) for nearly every document: only mixed-script words are folded.
    """
    if not document.folded_words:
        return []
    index = {(line.page, line.number): i for i, line in enumerate(document.lines)}
    offsets: list[int] = []
    for word in document.folded_words:
        line = index.get((word.page, word.line))
        if line is None:
            continue  # a line this reading leaves out (hidden text, when it is not included)
        base = starts[line] + word.start
        offsets += (base + k for k, (was, now) in enumerate(zip(word.original, word.folded,
                                                                 strict=True)) if was != now)
    return sorted(offsets)


def has_folded(offsets: list[int], start: int, end: int) -> bool:
    """Whether the text from ``start`` to ``end`` holds a folded letter (``offsets``: from
    :func:`folded_offsets`)."""
    i = bisect_left(offsets, start)
    return i < len(offsets) and offsets[i] < end


@dataclass(frozen=True)
class AcronymForms:
    """A matched term the set spells both as an acronym and in full, and which the resume
    writes (a strict search for the one does not find the other)."""

    acronym: str               # the set's acronym, e.g. "NLP"
    full: str                  # the set's full form, e.g. "Natural language processing"
    acronym_written: bool
    full_written: bool

    @property
    def both(self) -> bool:
        return self.acronym_written and self.full_written


@dataclass(frozen=True, slots=True)
class TermForms:
    """A term's acronym spellings and full-form spellings, compiled once."""

    acronym: str
    full: str
    acronyms: frozenset[str]     # case-folded
    fulls: frozenset[str]        # case-folded
    #: each of the two as the set writes it -> ACRONYM_WRITTEN or FULL_WRITTEN
    roles: dict[str, int]
    #: the four answers, by the bits of what is written (frozen: every report shares them)
    answers: tuple[AcronymForms, ...]

    def written(self, bits: int) -> AcronymForms:
        """The answer for ``bits``: :data:`ACRONYM_WRITTEN` and/or :data:`FULL_WRITTEN`, or'ed
        over the hits (a set spelling's role, or for the other form of an acronym the resume
        defines: an acronym without a space, a full form with one)."""
        return self.answers[bits]


#: :meth:`TermForms.written`'s bits
ACRONYM_WRITTEN = 1
FULL_WRITTEN = 2


def _is_acronym(spelling: str) -> bool:
    return (
        not any(c.isspace() for c in spelling)
        and 2 <= len(spelling) <= 10
        and (upper := sum(c.isupper() for c in spelling)) >= 2
        and upper >= sum(c.islower() for c in spelling)  # "MoE", "GenAI"; not "PyTorch"
    )


#: words an acronym may skip or take a letter from ("MoE", "RLHF", "MSc")
_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on",
                          "or", "the", "to", "with"})


def spells(acronym: str, full: str) -> bool:
    """Whether ``full`` (two words or more) spells ``acronym`` from the starts of its words (see
    the module docstring)."""
    words = tuple(w for w in re.split(r"[\s\-/]+", full.lower()) if w)
    letters = "".join(c for c in acronym.lower() if c.isalnum())
    if len(words) < 2 or len(letters) < 2 or spelling_key(full) == spelling_key(acronym):
        return False  # "ML Ops" is MLOps spaced, not its full form
    # a plural as sets write it: capitals, then a small "s" ("LLMs"; not "OSS" or "M.S.")
    plural = acronym.endswith("s") and len(letters) > 2
    return _spells(letters, words) or (plural and _spells(letters[:-1], words))


@cache
def _spells(letters: str, words: tuple[str, ...]) -> bool:
    if not words:
        return not letters
    word, rest = words[0], words[1:]
    if word in _SMALL_WORDS and _spells(letters, rest):
        return True
    n = 1
    while n <= min(len(word), len(letters)) and letters[n - 1] == word[n - 1]:
        if _spells(letters[n:], rest):
            return True
        n += 1
    return False


def term_forms(term: Term) -> TermForms | None:
    """The term's acronym and full-form spellings (see the module docstring), or None when the
    set does not spell it both ways.  The first of each, in the set's order, is named."""
    spellings = term.spellings
    shorts = [s for s in spellings if _is_acronym(s)]
    pairs = [(s, f) for s in shorts for f in spellings
             if f != s and spells(s, f)]
    if not pairs:
        return None
    acronyms = [s for s in shorts if any(p[0] == s for p in pairs)]
    fulls = [f for f in spellings if any(p[1] == f for p in pairs)]
    short, full = acronyms[0], fulls[0]
    return TermForms(
        acronym=short,
        full=full,
        acronyms=frozenset(s.lower() for s in acronyms),
        fulls=frozenset(f.lower() for f in fulls),
        roles={**{f: FULL_WRITTEN for f in fulls}, **{s: ACRONYM_WRITTEN for s in acronyms}},
        answers=tuple(AcronymForms(short, full, bool(bits & ACRONYM_WRITTEN),
                                   bool(bits & FULL_WRITTEN)) for bits in range(4)),
    )
