"""Text as the matcher sees it: one tokenization (spaCy ``make_doc`` of lower-cased text),
hyphens inside words dropped, and the spelling variants a pattern stands for."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..documents.model import Document, Line

if TYPE_CHECKING:  # spaCy is imported lazily, at the first compile, to keep the CLI fast
    from spacy.language import Language
    from spacy.tokens import Doc

# Word prefixes that people write joined, spaced or hyphenated ("pretrained", "pre-trained").
_SPLIT_PREFIXES = ("pre", "multi", "fine", "non", "self", "semi", "cross", "co", "sub")
_PLURAL_ES = ("s", "x", "z", "ch", "sh")
# Between blocks; spaces around the newline keep spaCy's tokenizer cache working (a chunk that
# holds a newline is tokenized the slow way every time).
BLOCK_BREAK = " \n "
#: bump when :func:`tokenize` or :func:`reading_text` would give other tokens for a document
#: (stored token views carry it, with spaCy's version, and are ignored when it differs)
TOKENS_VERSION = 1
_REMEMBERED = 16


@dataclass(frozen=True, slots=True)
class Tokens:
    """Tokens as the matcher sees them (hyphens inside words dropped), with their characters."""

    words: list[str]
    starts: list[int]
    ends: list[int]


# --------------------------------------------------------------------------- spaCy plumbing

_NLP: Language | None = None
_NLP_LOCK = threading.Lock()


def blank_nlp() -> Language:
    """The process-wide blank English pipeline (created on first use)."""
    global _NLP
    with _NLP_LOCK:
        if _NLP is None:
            import spacy

            _NLP = spacy.blank("en")
            # Only the tokenizer runs (linear in the text); spaCy's 1,000,000-character guard is
            # for the parser and NER, and a resume at Limits.max_chars plus its line joins is
            # longer than that.
            _NLP.max_length = 100_000_000
        return _NLP


def tokenize(nlp: Language, lowered: str, cased: str | None = None) -> Tokens:
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
        return Tokens(words, starts, ends)
    spaced: list[int] = arr[:, 2].tolist()
    last = len(words) - 1
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
            inside = 0 < i < last and not spaced[i] and not spaced[i - 1]
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
        elif len(word) == 2 and word[0].isalpha() and (i == last or words[i + 1].isspace()):
            # "written in C." at the end of a block; "Jane C. Doe" stays an initial
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
    return Tokens(out_w, out_s, out_e)


def text_tokens(text: str) -> Tokens:
    """``tokenize`` of a reading text, remembered for the last few texts.

    A document is matched against several sets (or its tokens stored in the batch cache right
    after it was matched); tokenizing it once is most of a match's cost.
    """
    with _MEMO_LOCK:
        tokens = _MEMO.get(text)
        if tokens is not None:
            _MEMO.move_to_end(text)
            return tokens
    tokens = tokenize(blank_nlp(), lower(text), text)
    remember_tokens(text, tokens)
    return tokens


def remember_tokens(text: str, tokens: Tokens) -> None:
    """Keep ``tokens`` as the tokenization of ``text`` (they must be ``tokenize``'s, e.g. stored
    by :func:`text_tokens`'s caller with the same :func:`tokens_tag`)."""
    with _MEMO_LOCK:
        _MEMO[text] = tokens
        _MEMO.move_to_end(text)
        while len(_MEMO) > _REMEMBERED:
            _MEMO.popitem(last=False)


def tokens_from_spans(
    text: str, starts: list[int], ends: list[int], odd: dict[int, str] | None = None
) -> Tokens:
    """Tokens rebuilt from their character spans: each word is its span's text, a whitespace
    token the block break, and ``odd`` gives the few words that are neither (see
    :func:`odd_words`)."""
    words = [text[s:e] for s, e in zip(starts, ends, strict=True)]
    words = [w if not w.isspace() else "\n" for w in words]
    for index, word in (odd or {}).items():
        words[index] = word
    return Tokens(words, starts, ends)


def odd_words(text: str, tokens: Tokens) -> dict[int, str]:
    """The words :func:`tokens_from_spans` cannot tell from their spans ("e-" at the end of a
    block becomes "e" and ".")."""
    plain = tokens_from_spans(text, tokens.starts, tokens.ends).words
    return {i: w for i, (w, p) in enumerate(zip(tokens.words, plain, strict=True)) if w != p}


def tokens_tag() -> str:
    """What a stored tokenization depends on: this module's version and spaCy's."""
    from importlib.metadata import version

    global _TAG
    if _TAG is None:
        _TAG = f"{TOKENS_VERSION}/spacy-{version('spacy')}"
    return _TAG


_MEMO: OrderedDict[str, Tokens] = OrderedDict()
_MEMO_LOCK = threading.Lock()
_TAG: str | None = None


def as_doc(tokens: Tokens) -> Doc:
    from spacy.tokens import Doc

    return Doc(blank_nlp().vocab, words=tokens.words)


def lower(text: str) -> str:
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


def variants(words: list[str]) -> set[tuple[str, ...]]:
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


def pattern_words(tokens: Tokens) -> list[tuple[str, ...]]:
    """The word sequences a spelling stands for (see :func:`variants`), in a stable order."""
    words = [w for w in tokens.words if w != "\n"]
    if not words:
        return []
    return sorted(variants(words))


def pattern_docs(tokens: Tokens) -> list[Doc]:
    """:func:`pattern_words` as spaCy Docs (for spaCy's own matchers)."""
    from spacy.tokens import Doc

    vocab = blank_nlp().vocab
    return [Doc(vocab, words=list(v)) for v in pattern_words(tokens)]


def bounded(text: str, start: int, end: int) -> bool:
    """Whole words only: no letter or digit touches the span, no "#"/"+" follows it, and a
    term of one or two characters is not a piece of a hyphenated word."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or after.isalnum() or after in "#+":
        return False
    return not (end - start <= 2 and "-" in (before, after))


# --------------------------------------------------------------------------- reading text


def reading_text(document: Document) -> tuple[str, list[tuple[int, Line]]]:
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
            gap = " " if same_block else BLOCK_BREAK
            parts.append(gap)
            offset += len(gap)
        segments.append((offset, line))
        parts.append(line.text)
        offset += len(line.text)
        previous = line
    return "".join(parts), segments
