"""The matcher's tokens of a text: one spaCy ``make_doc`` of the lower-cased text, with
hyphens inside words dropped (:func:`tokenize`), remembered for the last few reading texts
(:func:`text_tokens`).

``make_doc`` of a whole resume is most of a match's cost, so once a process has tokenized some
text, :func:`tokenize` assembles ``make_doc``'s spans from remembered pieces of text instead (the
piece memo below, an implementation detail). What it must equal is the plain form beside it,
``_direct_spans``: one ``make_doc`` over the whole text; ``tests/equivalence/test_tokenize_memo.py``
and ``test_plain_piece_shortcut.py`` hold it to that.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, chain
from operator import add
from typing import TYPE_CHECKING, cast

from resume_checker.matching.nlp import blank_nlp

if TYPE_CHECKING:  # spaCy is imported lazily (see :mod:`.nlp`)
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer

__all__ = ["Tokens", "lower", "text_tokens", "tokenize"]

#: reading texts whose tokens :func:`text_tokens` keeps
_REMEMBERED = 16


@dataclass(frozen=True, slots=True)
class Tokens:
    """Tokens as the matcher sees them (hyphens inside words dropped), with their characters."""

    words: list[str]
    starts: list[int]
    ends: list[int]


def tokenize(nlp: Language, lowered: str, cased: str | None = None) -> Tokens:
    """Tokenize lower-cased text with ``make_doc`` and drop hyphens inside words, so
    "pre-trained" == "pre trained"; the words keep the casing of ``cased`` when given.

    Tokenizing lower-cased text keeps token boundaries independent of the resume's casing.
    Whitespace tokens (block breaks) become "\\n", which no pattern contains.
    """
    starts, ends = _spacy_spans(nlp, lowered)
    source = lowered if cased is None else cased
    words = [source[s:e] for s, e in zip(starts, ends, strict=True)]
    special = [
        i
        for i, w in enumerate(words)
        if "-" in w or w.isspace() or (len(w) == 2 and w[1] == ".")
    ]
    if not special:
        return Tokens(words, starts, ends)
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
            # no space on either side (a token's trailing space is the gap to the next token)
            inside = 0 < i < last and ends[i] == starts[i + 1] and ends[i - 1] == start
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


def lower(text: str) -> str:
    """Lower-case without changing the length (so offsets stay valid)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


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
    with _MEMO_LOCK:
        _MEMO[text] = tokens
        _MEMO.move_to_end(text)
        while len(_MEMO) > _REMEMBERED:
            _MEMO.popitem(last=False)
    return tokens


_MEMO: OrderedDict[str, Tokens] = OrderedDict()
_MEMO_LOCK = threading.Lock()


# --------------------------------------------------------------------------- memoised spans
#
# ``make_doc`` of a whole resume costs a few milliseconds, although nearly every piece of it
# ("experience", "managed,", "2019") was tokenized before. spaCy's tokenizer works run by run:
# it cuts the text where whitespace starts or stops and tokenizes each run on its own; one space
# after a non-space run becomes that run's last token's trailing space (SPACY), and what follows
# that space is tokenized as if the text started there. So the text is cut at every space that
# follows a non-space character, and each piece's tokens are remembered.
#
# One step of spaCy looks across runs: the final special-case pass (``_apply_special_cases``)
# matches rules over the whole Doc, and a rule matched across a space ("(:" in "x( :}") keeps an
# overlapping rule inside a piece (":}") from applying. A space whose two neighbours could end and
# start two tokens of one rule is therefore not a cut: the pieces around it stay one piece.

#: Pieces remembered per pipeline before the memo starts over. The corpus shows about 40 new
#: pieces per resume once warm (100,000 after 2,500 resumes), an entry takes ~150 bytes: the
#: bound keeps a long-lived worker near 15 MB, also on hostile text of millions of distinct
#: pieces, and starting over costs only a few cold resumes (a plain dict keeps the hit path cheap).
_MAX_PIECES = 100_000
#: Characters tokenized by ``make_doc`` itself before the memo is set up: that takes ~0.1 s (a
#: tokenizer copy, a scan of spaCy's rules), more than a one-resume CLI run would save; a batch
#: worker or the web server passes this within its first ten resumes.
_MEMO_AFTER_CHARS = 50_000
_direct_chars = 0

#: A piece's tokens as steps through the text: each token's length, then 1 if a space follows it
#: (as if one followed the piece), else 0. Tokens and their trailing spaces cover the text, so
#: the running sum of a text's steps gives every start and end: one ``accumulate`` over the
#: pieces' steps, chained, is the whole assembly.
_Spans = tuple[int, ...]


@dataclass(frozen=True, slots=True)
class _PieceMemo:
    """One pipeline's piece tokens: where a text may be cut, the tokens of pieces seen so far,
    and a copy of the pipeline's tokenizer for new pieces.

    The copy has a vocabulary of its own, without lexical attributes: new words cost less there,
    and its strings are dropped with the memo, where the pipeline's vocabulary keeps every
    string it ever saw.
    """

    cut: re.Pattern[str]
    tokenizer: Tokenizer
    spans: dict[str, _Spans]
    lock: threading.Lock
    #: pieces the tokenizer is sure to leave as one token (see :func:`_one_token_test`)
    one_token: Callable[[str], bool]


_PIECE_MEMOS: weakref.WeakKeyDictionary[Language, _PieceMemo] = weakref.WeakKeyDictionary()
_PIECE_MEMOS_LOCK = threading.Lock()


def _piece_memo(nlp: Language, renew: bool = False) -> _PieceMemo:
    """The piece memo of ``nlp`` (read once: later changes to its tokenizer are not seen);
    ``renew`` starts it over."""
    with _PIECE_MEMOS_LOCK:
        memo = _PIECE_MEMOS.get(nlp)
        if memo is None or renew:
            cut = _cut_pattern(nlp) if memo is None else memo.cut
            tokenizer = _tokenizer_copy(nlp)
            memo = _PieceMemo(cut, tokenizer, {}, threading.Lock(), _one_token_test(tokenizer))
            _PIECE_MEMOS[nlp] = memo
        return memo


def _tokenizer_copy(nlp: Language, rules: bool = True) -> Tokenizer:
    """``nlp``'s tokenizer on a fresh vocabulary (without its special cases if not ``rules``)."""
    from spacy.tokenizer import Tokenizer
    from spacy.vocab import Vocab

    tok = cast("Tokenizer", nlp.tokenizer)  # spaCy's own in every blank pipeline
    return Tokenizer(
        Vocab(),
        rules=tok.rules if rules else {},
        prefix_search=tok.prefix_search,
        suffix_search=tok.suffix_search,
        infix_finditer=tok.infix_finditer,
        token_match=tok.token_match,
        url_match=tok.url_match,
        faster_heuristics=tok.faster_heuristics,
    )


def _one_token_test(tokenizer: Tokenizer) -> Callable[[str], bool]:
    """A test for pieces of lower-case ASCII letters and digits that ``tokenizer`` leaves as one
    token: not a special-case rule, and no prefix, suffix or infix rule matches them.

    About a third of a resume's new pieces are such words ("edinburgh", "2019"); this test costs
    a fraction of a tokenizer call (which builds a Doc and new lexemes). spaCy splits a run only
    through a special case, a prefix, a suffix or an infix (``token_match`` and ``url_match``
    only keep a run whole), so a run none of them touches is one token, and the final
    special-case pass cannot reach it alone (its patterns are the rules, cut by the affixes).
    """
    rules = frozenset(tokenizer.rules or {})
    prefix = tokenizer.prefix_search
    suffix = tokenizer.suffix_search
    infixes = tokenizer.infix_finditer
    plain = re.compile("[a-z0-9]+").fullmatch  # no whitespace; most unknown words look so

    def one_token(piece: str) -> bool:
        return (
            plain(piece) is not None
            and piece not in rules
            and (prefix is None or prefix(piece) is None)
            and (suffix is None or suffix(piece) is None)
            and (infixes is None or next(iter(infixes(piece)), None) is None)
        )

    return one_token


def _cut_pattern(nlp: Language) -> re.Pattern[str]:
    """Where a text may be cut into pieces: a space after a non-space character, unless the
    characters around it could end and start two tokens of one special-case rule (as spaCy's
    final pass matches it: the rule split by prefixes, suffixes and infixes alone).
    """
    bare = _tokenizer_copy(nlp, rules=False)
    before: dict[str, set[str]] = {}  # a rule token's first character -> last characters before it
    for rule in cast("Tokenizer", nlp.tokenizer).rules:
        words = [t.text for t in bare(rule)]
        for left, right in zip(words, words[1:], strict=False):
            before.setdefault(right[0], set()).add(left[-1])
    joins = "|".join(
        f"{re.escape(right)}(?<=[{re.escape(''.join(sorted(lefts)))}] .)"
        for right, lefts in sorted(before.items())
    )
    if not joins:
        return re.compile(r" (?<=\S )", re.DOTALL)
    # the class of first characters in front fails most spaces at once (split ~15% faster)
    firsts = re.escape("".join(sorted(before)))
    return re.compile(rf" (?<=\S )(?!(?=[{firsts}])(?:{joins}))", re.DOTALL)


def _spacy_spans(nlp: Language, text: str) -> tuple[list[int], list[int]]:
    """Each token's start and end, as ``nlp.make_doc(text)`` gives them: from ``make_doc``
    itself while the process is young, then from remembered pieces."""
    global _direct_chars
    if _direct_chars < _MEMO_AFTER_CHARS and nlp not in _PIECE_MEMOS:
        _direct_chars += len(text)
        return _direct_spans(nlp, text)
    return _memo_spans(nlp, text)


def _direct_spans(nlp: Language, text: str) -> tuple[list[int], list[int]]:
    """The plain form: one ``make_doc`` over the whole text (what :func:`_memo_spans` equals)."""
    arr = nlp.make_doc(text).to_array(["IDX", "LENGTH"])
    starts: list[int] = arr[:, 0].tolist()
    return starts, list(map(add, starts, arr[:, 1].tolist()))


def _memo_spans(nlp: Language, text: str) -> tuple[list[int], list[int]]:
    """:func:`_direct_spans` assembled from remembered pieces (see the notes above): a warm
    resume costs a split and a lookup per piece instead of a ``make_doc`` (a few ms)."""
    memo = _piece_memo(nlp)
    pieces = memo.cut.split(text)
    if not pieces[-1]:
        pieces.pop()  # the text ends with a cut space: nothing follows it
    if not pieces:
        return [], []
    with memo.lock:
        # one lookup per piece; only a text with new pieces looks again (every piece left has a
        # token, so its entry is a non-empty tuple and ``all`` finds the misses)
        entries: list[_Spans | None] = list(map(memo.spans.get, pieces))
        if not all(entries):
            missing = sorted({p for p, e in zip(pieces, entries, strict=True) if e is None})
            memo.spans.update(_piece_spans(memo, missing))
            entries = list(map(memo.spans.__getitem__, pieces))
    if len(memo.spans) > _MAX_PIECES:
        _piece_memo(nlp, renew=True)
    # 0, end of the first token, start of the second, its end, ... (and one step past the last)
    bounds = list(accumulate(chain.from_iterable(cast("list[_Spans]", entries)), initial=0))
    return bounds[0:-1:2], bounds[1::2]


def _piece_spans(memo: _PieceMemo, pieces: list[str]) -> dict[str, _Spans]:
    """The spans of pieces not seen before, from one tokenization of them joined by spaces.

    Joining is exact where each joining space follows a non-space character and is a cut (see
    :func:`_cut_pattern`). Only the text's last piece can end in whitespace or be empty; it, and
    a piece that would touch the one before it through a rule, are tokenized alone.
    """
    out: dict[str, _Spans] = {}
    joined: list[str] = []
    alone: list[str] = []
    for piece in pieces:
        if memo.one_token(piece):
            out[piece] = _one_token(len(piece))
            continue
        ends_in_space = not piece or piece[-1].isspace()
        if ends_in_space or joined and memo.cut.match(f"{joined[-1][-1]} {piece[0]}", 1) is None:
            alone.append(piece)
        else:
            joined.append(piece)
    for group in [joined, *([p] for p in alone)] if joined else ([p] for p in alone):
        rows = memo.tokenizer(" ".join(group)).to_array(["IDX", "LENGTH", "SPACY"]).tolist()
        token = 0
        offset = 0
        for piece in group:
            first = token
            while token < len(rows) and rows[token][0] < offset + len(piece):
                token += 1
            mine = rows[first:token]
            if len(mine) == 1 and mine[0][:2] == [offset, len(piece)]:
                out[piece] = _one_token(len(piece))
            else:  # a space as if one followed the piece (the joining space did, but the last)
                out[piece] = tuple(
                    chain.from_iterable((n, int(f)) for _, n, f in mine[:-1])
                ) + ((mine[-1][1], 1) if mine else ())
            offset += len(piece) + 1
    return out


@cache
def _one_token(length: int) -> _Spans:
    """The spans of a piece that is one token (most pieces; shared to keep the memo small)."""
    return (length, 1)
