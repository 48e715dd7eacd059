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
_PARENS = re.compile(r"\(([^()\n]{1,80})\)")
# Between blocks; spaces around the newline keep spaCy's tokenizer cache working (a chunk that
# holds a newline is tokenized the slow way every time).
_BLOCK_BREAK = " \n "
#: "MoE (Mixture of Experts)": the short form before the brackets is at most this long, so
#: that an ordinary word before a bracketed remark is not taken for an acronym
_MAX_REVERSE_SHORT = 6
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


def _pieces(nlp: Language, lowered: str, cased: str | None = None) -> _Tokens:
    """Tokenize lower-cased text with ``make_doc`` and drop hyphens inside words, so
    "pre-trained" == "pre trained"; the words keep the casing of ``cased`` when given.

    Tokenizing lower-cased text keeps token boundaries independent of the resume's casing.
    Whitespace tokens (block breaks) become "\\n", which no pattern contains.
    """
    doc = nlp.make_doc(lowered)
    source = lowered if cased is None else cased
    arr = doc.to_array(["IDX", "LENGTH", "SPACY"])
    starts: list[int] = arr[:, 0].tolist()
    ends = [s + n for s, n in zip(starts, arr[:, 1].tolist(), strict=True)]
    words = [source[s:e] for s, e in zip(starts, ends, strict=True)]
    special = [
        i
        for i, w in enumerate(words)
        if "-" in w or w.isspace() or (len(w) == 2 and w[1] == ".")
    ]
    if not special:
        return _Tokens(words, starts, ends)
    spaced: list[int] = arr[:, 2].tolist()
    out_w: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    done = 0
    for i in special:
        out_w += words[done:i]
        out_s += starts[done:i]
        out_e += ends[done:i]
        done = i + 1
        word, start = words[i], starts[i]
        if word.isspace():
            word = "\n"
        elif word == "-":
            inside = 0 < i < len(words) - 1 and not spaced[i] and not spaced[i - 1]
            if inside and not words[i - 1].isspace():
                continue  # a hyphen inside a word: "pre-trained" -> "pre trained"
        elif len(word) > 2 and "-" in word.strip("-"):
            offset = start
            for part in word.split("-"):
                if part:
                    out_w.append(part)
                    out_s.append(offset)
                    out_e.append(offset + len(part))
                offset += len(part) + 1
            continue
        elif len(word) == 2 and word[0].isalpha():  # "C." at the end of a sentence
            out_w += [word[0], "."]
            out_s += [start, start + 1]
            out_e += [start + 1, start + 2]
            continue
        out_w.append(word)
        out_s.append(start)
        out_e.append(ends[i])
    out_w += words[done:]
    out_s += starts[done:]
    out_e += ends[done:]
    return _Tokens(out_w, out_s, out_e)


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

        self.kwset = kwset
        self._nlp = nlp = _nlp()
        self._terms: tuple[Term, ...] = kwset.terms
        self._keys: dict[int, tuple[int, str]] = {}
        # Both run on one Doc whose words keep the resume's casing.
        self._insensitive = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._whole: dict[str, frozenset[int]] = {}  # memo for _whole_terms
        self._sensitive = PhraseMatcher(nlp.vocab, attr="ORTH")
        prefix = kwset.content_hash[:12]
        for t_index, term in enumerate(self._terms):
            for spelling in term.spellings:
                key = f"{prefix}:{t_index}:{spelling}"
                self._keys[nlp.vocab.strings.add(key)] = (t_index, spelling)
                cased = spelling if term.case_sensitive else None
                patterns = _patterns(_pieces(nlp, _lower(spelling), cased))
                if patterns:
                    target = self._sensitive if term.case_sensitive else self._insensitive
                    target.add(key, patterns)

    def _find(self, text: str, tokens: _Tokens, doc: Doc) -> list[_Hit]:
        hits = []
        for matcher in (self._insensitive, self._sensitive):
            if len(matcher) == 0:
                continue
            for key, s, e in matcher(doc):
                start, end = tokens.starts[s], tokens.ends[e - 1]
                if _bounded(text, start, end):
                    t_index, alias = self._keys[key]
                    hits.append(_Hit(t_index, alias, start, end))
        return hits

    def _whole_terms(self, form: str) -> frozenset[int]:
        """Terms that match the whole of ``form`` (used to tie a defined acronym to a term)."""
        found = self._whole.get(form)
        if found is None:
            tokens = _pieces(self._nlp, _lower(form), form)
            hits = self._find(form, tokens, _as_doc(tokens))
            found = frozenset(h.term for h in hits if h.start == 0 and h.end == len(form))
            if len(self._whole) > 10_000:
                self._whole.clear()
            self._whole[form] = found
        return found

    def match(self, document: Document) -> MatchResult:
        """Every term of the set found in ``document``, in set order, with evidence."""
        text, segments = _reading_text(document)
        tokens = _pieces(self._nlp, _lower(text), text)
        doc = _as_doc(tokens)
        hits = self._find(text, tokens, doc)
        definitions: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for short, long, d_start, d_end in _definitions(text):
            definitions.setdefault((short, long), []).append((d_start, d_end))
        for (short, long), spans in definitions.items():
            for form, other in ((long, short), (short, long)):
                terms = sorted(self._whole_terms(form))
                if not terms:
                    continue
                for start, end in _occurrences(text, tokens, doc, other):
                    if any(d_start <= start and end <= d_end for d_start, d_end in spans):
                        continue  # the definition itself: its other form already counted
                    hits += [_Hit(t_index, other, start, end) for t_index in terms]
        return MatchResult(
            matched=_collect(self._terms, hits, text, segments),
            defined_acronyms=tuple(definitions),
        )


def _patterns(tokens: _Tokens) -> list[Doc]:
    from spacy.tokens import Doc

    words = [w for w in tokens.words if w != "\n"]
    if not words:
        return []
    vocab = _nlp().vocab
    return [Doc(vocab, words=list(v)) for v in sorted(_variants(words))]


def _bounded(text: str, start: int, end: int) -> bool:
    """Whole words only: no letter or digit touches the span, no "#"/"+" follows it, and a
    term of one or two characters is not a piece of a hyphenated word."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or after.isalnum() or after in "#+":
        return False
    return not (end - start <= 2 and "-" in (before, after))


def _occurrences(text: str, tokens: _Tokens, doc: Doc, form: str) -> list[tuple[int, int]]:
    """Where ``form`` (any casing) or its plural occurs in the document's tokens."""
    from spacy.matcher import PhraseMatcher

    patterns = _patterns(_pieces(_nlp(), _lower(form)))
    if not patterns:
        return []
    matcher = PhraseMatcher(_nlp().vocab, attr="LOWER")
    matcher.add("form", patterns)
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
    space; blocks are separated by a newline token, which no pattern crosses.
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
            gap = " " if same_block else _BLOCK_BREAK
            parts.append(gap)
            offset += len(gap)
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
        # the long form lies on the same block, after any earlier bracket, colon or semicolon
        start = max(text.rfind(c, 0, m.start()) for c in "\n():;") + 1
        before = text[start : m.start()].rstrip()
        if _SHORT_FORM.match(inner) and any(c.isalpha() for c in inner):
            window = " ".join(before.split()[-(2 * len(inner) + 1) :])
            long = _short_fit(inner, window)
            if long:
                out.append((inner, long, m.start() - len(long) - 1, m.end()))
                continue
        words = before.split()
        if words and len(inner.split()) >= 2:
            short = words[-1].strip(",;:")
            if len(short) <= _MAX_REVERSE_SHORT and _SHORT_FORM.match(short):
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

