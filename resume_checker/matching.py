"""Find a keyword set's terms in a Document, with evidence for every hit.

A keyword set is compiled once (:func:`compile_matcher`, cached by content hash) into
spaCy ``PhraseMatcher`` patterns keyed by term, and reused for every resume.  Only
``nlp.make_doc`` of a blank English pipeline runs on resume text, so a two-page resume
takes about a millisecond.

What counts as a match (each rule has a test in ``tests/test_matching.py``):

* whole tokens only: "Java" is not in "JavaScript", "R" not in "R&D", "C" not in "C++" or
  "C#"; a term of one or two characters is not found inside a hyphenated word ("go-to",
  "C-suite"), a longer one is ("PyTorch-based");
* case-insensitive unless the term is ``case_sensitive``; case-insensitive matching runs on
  lower-cased text, so tokenization (and the result) does not depend on the resume's casing;
* symbols match as written (C++, C#, .NET, Node.js, CI/CD, scikit-learn, F1);
* a plural or possessive counts (CNNs, GPUs, PyTorch's), and a plural term finds its singular;
* hyphen, space and joined spellings are one spelling ("pre-trained", "pre trained",
  "pretrained"; "multi-head", "multihead");
* lines of one page, column and origin are joined with a space (never across a heading), so a
  term wrapped onto the next line counts;
* an acronym the resume defines ("Mixture of Experts (MoE)" or "MoE (Mixture of Experts)")
  makes the other form count for the term, when the initials fit.

A term counts every occurrence; at most :data:`MAX_EVIDENCE` are kept as evidence.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .documents.model import Document, Line, Origin
from .keywords.model import KeywordSet, Term

if TYPE_CHECKING:  # spaCy is imported lazily, at the first compile, to keep the CLI fast
    from spacy.language import Language
    from spacy.tokens import Doc

MAX_EVIDENCE = 5
_CACHE_SIZE = 32
# Word prefixes that people write joined, spaced or hyphenated ("pretrained", "pre-trained").
_SPLIT_PREFIXES = ("pre", "multi", "fine", "non", "self", "semi", "cross", "co", "sub")
_PLURAL_ES = ("s", "x", "z", "ch", "sh")
_SINGLE_LETTER_DOT = re.compile(r"^[a-z]\.$", re.IGNORECASE)
_PARENS = re.compile(r"\(([^()\n]{1,80})\)")
_SHORT_FORM = re.compile(r"^[^\W_][\w&.\-]{0,8}[^\W_]$")


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


@dataclass(frozen=True)
class TermMatch:
    term: str
    category: str
    count: int
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class MatchResult:
    matched: tuple[TermMatch, ...]
    #: (short form, long form) pairs the resume defines, in document order
    defined_acronyms: tuple[tuple[str, str], ...] = ()

    def get(self, term: str) -> TermMatch | None:
        return next((m for m in self.matched if m.term == term), None)


@dataclass(frozen=True, slots=True)
class _Tokens:
    """Tokens as the matcher sees them (hyphens inside words dropped), with their characters."""

    words: list[str]
    starts: list[int]
    ends: list[int]


@dataclass(frozen=True, slots=True)
class _Hit:
    term: int
    alias: str
    start: int
    end: int


# --------------------------------------------------------------------------- spaCy plumbing

_NLP: Language | None = None
_NLP_LOCK = threading.Lock()


def _nlp() -> Language:
    """The process-wide blank English pipeline (created on first use)."""
    global _NLP
    with _NLP_LOCK:
        if _NLP is None:
            import spacy

            _NLP = spacy.blank("en")
        return _NLP


def _pieces(nlp: Language, text: str) -> _Tokens:
    """Tokenize with ``make_doc`` and drop hyphens inside words, so "pre-trained" == "pre trained".

    Whitespace tokens (block breaks) are kept as "\\n", which no pattern contains.
    """
    doc = nlp.make_doc(text)
    arr = doc.to_array(["IDX", "LENGTH", "SPACY"]).tolist()
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last = len(arr) - 1
    for i, (start, length, spaced) in enumerate(arr):
        word = text[start : start + length]
        if word == "-" and 0 < i < last and not spaced:
            prev_start, prev_len, prev_spaced = arr[i - 1]
            if not prev_spaced and not text[prev_start : prev_start + prev_len].isspace():
                continue
        if length > 2 and "-" in word.strip("-"):
            offset = start
            for part in word.split("-"):
                if part:
                    words.append(part)
                    starts.append(offset)
                    ends.append(offset + len(part))
                offset += len(part) + 1
        elif length == 2 and _SINGLE_LETTER_DOT.match(word):  # "C." at the end of a sentence
            words += [word[0], "."]
            starts += [start, start + 1]
            ends += [start + 1, start + 2]
        else:
            words.append("\n" if word.isspace() else word)
            starts.append(start)
            ends.append(start + length)
    return _Tokens(words, starts, ends)


def _as_doc(tokens: _Tokens) -> Doc:
    from spacy.tokens import Doc

    return Doc(_nlp().vocab, words=tokens.words)


def _lower(text: str) -> str:
    """Lower-case without changing the length (so offsets stay valid)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# --------------------------------------------------------------------------- pattern variants


def _plural_forms(word: str) -> list[str]:
    if not word[-1:].isalpha():
        return []
    forms = []
    lower = word.lower()
    if lower.endswith(_PLURAL_ES):
        forms.append(word + "es")
    elif lower.endswith("y") and len(word) > 2 and lower[-2] not in "aeiou":
        forms.append(word[:-1] + "ies")
    forms.append(word + "s")
    if len(word) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        forms.append(word[:-3] + "y" if lower.endswith("ies") else word[:-1])
    return forms


def _prefix_split(word: str) -> list[str] | None:
    lower = word.lower()
    for prefix in _SPLIT_PREFIXES:
        if lower.startswith(prefix) and len(word) - len(prefix) >= 4 and word.isalpha():
            return [word[: len(prefix)], word[len(prefix) :]]
    return None


def _variants(words: list[str]) -> set[tuple[str, ...]]:
    """Spellings of one pattern: joined or split compounds, plural or singular last word."""
    shapes: set[tuple[str, ...]] = {tuple(words)}
    if 1 < len(words) <= 4 and all(w.isalnum() for w in words):
        for i in range(len(words) - 1):  # join one gap: "multi head" -> "multihead"
            shapes.add(tuple(words[:i] + [words[i] + words[i + 1]] + words[i + 2 :]))
        shapes.add(("".join(words),))
    for i, word in enumerate(words):  # split a known prefix: "pretrained" -> "pre trained"
        split = _prefix_split(word)
        if split:
            shapes.add(tuple(words[:i] + split + words[i + 1 :]))
    out = set(shapes)
    for shape in shapes:
        for form in _plural_forms(shape[-1]):
            out.add((*shape[:-1], form))
    return out


# --------------------------------------------------------------------------- the matcher


class Matcher:
    """A keyword set compiled to spaCy patterns; :meth:`match` is pure and deterministic."""

    def __init__(self, kwset: KeywordSet) -> None:
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        self.kwset = kwset
        self._nlp = nlp = _nlp()
        self._terms: tuple[Term, ...] = kwset.terms
        self._keys: dict[int, tuple[int, str]] = {}
        self._insensitive = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._sensitive = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._has_sensitive = False
        for t_index, term in enumerate(self._terms):
            for spelling in term.spellings:
                key = f"{kwset.content_hash[:12]}:{t_index}:{spelling}"
                self._keys[nlp.vocab.strings.add(key)] = (t_index, spelling)
                source = spelling if term.case_sensitive else _lower(spelling)
                words = [w for w in _pieces(nlp, source).words if w != "\n"]
                if not words:
                    continue
                patterns = [Doc(nlp.vocab, words=list(v)) for v in sorted(_variants(words))]
                target = self._sensitive if term.case_sensitive else self._insensitive
                self._has_sensitive |= term.case_sensitive
                target.add(key, patterns)

    # -- finding spans

    def _find(
        self, text: str, tokens: _Tokens, sensitive: bool, doc: Doc | None = None
    ) -> list[_Hit]:
        matcher = self._sensitive if sensitive else self._insensitive
        if not tokens.words or len(matcher) == 0:
            return []
        doc = doc if doc is not None else _as_doc(tokens)
        hits = []
        for key, s, e in matcher(doc):
            start, end = tokens.starts[s], tokens.ends[e - 1]
            if _bounded(text, start, end):
                t_index, alias = self._keys[key]
                hits.append(_Hit(t_index, alias, start, end))
        return hits

    def _whole_terms(self, form: str) -> set[int]:
        """Terms that match the whole of ``form`` (used to tie a defined acronym to a term)."""
        found: set[int] = set()
        for sensitive, text in ((False, _lower(form)), (True, form)):
            for hit in self._find(text, _pieces(self._nlp, text), sensitive):
                if hit.start == 0 and hit.end == len(text):
                    found.add(hit.term)
        return found

    def match(self, document: Document) -> MatchResult:
        """Every term of the set found in ``document``, in set order, with evidence."""
        text, segments = _reading_text(document)
        lowered = _lower(text)
        low_tokens = _pieces(self._nlp, lowered)
        low_doc = _as_doc(low_tokens)
        hits = self._find(lowered, low_tokens, sensitive=False, doc=low_doc)
        if self._has_sensitive:
            hits += self._find(text, _pieces(self._nlp, text), sensitive=True)
        definitions: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for short, long, d_start, d_end in _definitions(text):
            definitions.setdefault((short, long), []).append((d_start, d_end))
        for (short, long), spans in definitions.items():
            for form, other in ((long, short), (short, long)):
                terms = sorted(self._whole_terms(form))
                if not terms:
                    continue
                for start, end in _occurrences(lowered, low_tokens, low_doc, _lower(other)):
                    if any(d_start <= start and end <= d_end for d_start, d_end in spans):
                        continue  # the definition itself: its other form already counted
                    hits += [_Hit(t_index, other, start, end) for t_index in terms]
        return MatchResult(
            matched=_collect(self._terms, hits, text, segments),
            defined_acronyms=tuple(definitions),
        )


def _bounded(text: str, start: int, end: int) -> bool:
    """Whole words only: no letter or digit touches the span, no "#"/"+" follows it, and a
    term of one or two characters is not a piece of a hyphenated word."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or after.isalnum() or after in "#+":
        return False
    return not (end - start <= 2 and "-" in (before, after))


def _occurrences(text: str, tokens: _Tokens, doc: Doc, form: str) -> list[tuple[int, int]]:
    """Where the (lower-cased) form or its plural occurs in the tokens."""
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    nlp = _nlp()
    words = [w for w in _pieces(nlp, form).words if w != "\n"]
    if not words:
        return []
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    matcher.add("form", [Doc(nlp.vocab, words=list(v)) for v in sorted(_variants(words))])
    spans = [(tokens.starts[s], tokens.ends[e - 1]) for _, s, e in matcher(doc)]
    return [(s, e) for s, e in spans if _bounded(text, s, e)]


def _collect(
    terms: tuple[Term, ...], hits: list[_Hit], text: str, segments: list[tuple[int, Line]]
) -> tuple[TermMatch, ...]:
    by_term: dict[int, list[_Hit]] = {}
    for hit in hits:
        by_term.setdefault(hit.term, []).append(hit)
    starts = [s for s, _ in segments]
    out = []
    for t_index in sorted(by_term):
        kept: list[_Hit] = []
        for hit in sorted(by_term[t_index], key=lambda h: (h.start, -h.end, h.alias)):
            if not kept or hit.start >= kept[-1].end:  # one count per place in the text
                kept.append(hit)
        term = terms[t_index]
        evidence = tuple(_evidence(h, text, segments, starts) for h in kept[:MAX_EVIDENCE])
        out.append(TermMatch(term.name, term.category, len(kept), evidence))
    return tuple(out)


def _evidence(
    hit: _Hit, text: str, segments: list[tuple[int, Line]], starts: list[int]
) -> Evidence:
    first = bisect_right(starts, hit.start) - 1
    last = bisect_right(starts, hit.end - 1) - 1
    line = segments[first][1]
    line_text = " ".join(segments[i][1].text for i in range(first, last + 1))
    return Evidence(
        alias=hit.alias,
        text=text[hit.start : hit.end],
        line_text=line_text,
        page=line.page,
        line=line.number,
        section=line.section.value,
        origin=line.origin.value,
    )


# --------------------------------------------------------------------------- reading text


def _reading_text(document: Document) -> tuple[str, list[tuple[int, Line]]]:
    """The text the matcher sees, and where each line starts in it.

    Lines of one block (same page, column and origin, no heading in between) are joined by a
    space; blocks are separated by a newline, which no pattern crosses.
    """
    parts: list[str] = []
    segments: list[tuple[int, Line]] = []
    offset = 0
    previous: Line | None = None
    for line in document.lines:
        if previous is not None:
            same_block = (
                line.page == previous.page
                and line.column == previous.column
                and line.origin == previous.origin
                and not line.is_heading
                and not previous.is_heading
            )
            parts.append(" " if same_block else "\n")
            offset += 1
        segments.append((offset, line))
        parts.append(line.text)
        offset += len(line.text)
        previous = line
    return "".join(parts), segments


# --------------------------------------------------------------------------- acronyms


def _fit(short: str, long: str) -> str | None:
    """The tail of ``long`` whose initials spell ``short`` (Schwartz & Hearst, 2003), or None."""
    s, i = len(short) - 1, len(long) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while i >= 0 and (
            long[i].lower() != c or (s == 0 and i > 0 and long[i - 1].isalnum())
        ):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    found = long[i + 1 :].strip()
    words = found.split()
    letters = sum(ch.isalnum() for ch in short)
    if len(words) < 2 or len(words) > min(letters + 5, 2 * letters) or len(found) <= len(short):
        return None
    return found


def _short_fit(short: str, long: str) -> str | None:
    """Fit with the short form as written, then without a plural "s" ("CNNs")."""
    found = _fit(short, long)
    if found is None and len(short) > 2 and short.endswith("s"):
        found = _fit(short[:-1], long)
    return found


def _definitions(text: str) -> list[tuple[str, str, int, int]]:
    """Acronym definitions in the text: (short, long, start, end of the whole definition)."""
    out = []
    for m in _PARENS.finditer(text):
        inner = m.group(1).strip()
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start : m.start()].rstrip()
        if _SHORT_FORM.match(inner) and any(c.isalpha() for c in inner):
            window = " ".join(before.split()[-(2 * len(inner) + 1) :])
            long = _short_fit(inner, window)
            if long:
                out.append((inner, long, m.start() - len(long) - 1, m.end()))
                continue
        words = before.split()
        if words and len(inner.split()) >= 2:
            short = words[-1].strip(",;:")
            if _SHORT_FORM.match(short) and any(c.isalpha() for c in short):
                long = _short_fit(short, inner)
                if long == inner:
                    out.append((short, inner, m.start() - len(words[-1]) - 1, m.end()))
    return out


# --------------------------------------------------------------------------- cache

_CACHE: OrderedDict[str, Matcher] = OrderedDict()
_CACHE_LOCK = threading.Lock()


def compile_matcher(kwset: KeywordSet) -> Matcher:
    """The matcher for ``kwset``, compiled once per content hash and reused."""
    key = kwset.content_hash
    with _CACHE_LOCK:
        cached = _CACHE.get(key)
        if cached is not None:
            _CACHE.move_to_end(key)
            return cached
    matcher = Matcher(kwset)
    with _CACHE_LOCK:
        _CACHE[key] = matcher
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return matcher

