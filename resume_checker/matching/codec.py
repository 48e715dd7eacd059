"""The matcher's tokens of a document, in a form that can be stored (the batch cache keeps them
beside each document) and read back as :class:`KnownTokens`, which :meth:`.Matcher.match` takes
instead of tokenizing the text again (spaCy's tokenizer is most of a match's cost).

Stored tokens are tagged with this tokenizer's version and spaCy's, and carry a checksum of the
reading text they were made from: a tag that differs reads as no tokens, and the matcher uses
them only for the text with that checksum, so the document stays the one source of truth.
Decoding has no side effect: the caller hands the tokens to the matcher.
"""

from __future__ import annotations

import base64
import sys
import zlib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from resume_checker.documents.model import Document
from resume_checker.matching.acronyms import find_definitions
from resume_checker.matching.reading import reading_text
from resume_checker.matching.tokenizer import Tokens, text_tokens

__all__ = ["TOKENS_VERSION", "KnownTokens", "decode_tokens", "encode_tokens", "text_crc",
           "tokens_tag"]

#: bump when :func:`.tokenizer.tokenize` or :func:`.reading.reading_text` would give other
#: tokens for a document (stored tokens carry it, with spaCy's version, and are ignored when it
#: differs)
TOKENS_VERSION = 1
#: separates the stored words: no token holds a space (spaCy splits at whitespace, and whitespace
#: tokens are "\n"), which :func:`encode_tokens` checks
_WORD_SEP = " "


@dataclass(frozen=True, slots=True)
class KnownTokens:
    """The tokens of a reading text, known in advance (e.g. stored in the batch cache beside the
    document), with the text's checksum: :meth:`.Matcher.match` uses them only for that text."""

    crc: int                  # :func:`text_crc` of the reading text they were made from
    tokens: Tokens
    lowered: list[str]        # the words in lower case, as the case-insensitive patterns are
    #: the acronyms the text defines (:func:`.acronyms.find_definitions`), when known
    definitions: tuple[tuple[str, str, int, int], ...] | None = None

    def are_for(self, text: str) -> bool:
        """Whether these are the tokens of ``text`` (its checksum, and spans inside it)."""
        ends = self.tokens.ends
        return self.crc == text_crc(text) and (not ends or ends[-1] <= len(text))


def text_crc(text: str) -> int:
    return zlib.crc32(text.encode("utf-8", "surrogatepass"))


def tokens_tag() -> str:
    """What a stored tokenization depends on: this module's version and spaCy's."""
    from importlib.metadata import version

    global _TAG
    if _TAG is None:
        _TAG = f"{TOKENS_VERSION}/spacy-{version('spacy')}"
    return _TAG


_TAG: str | None = None


def encode_tokens(document: Document, known: KnownTokens | None = None) -> list[Any] | None:
    """[tag, crc32 of the reading text, the words joined, starts and ends packed, acronym
    definitions] of the matcher's view of ``document``'s text, or None when a word holds the
    separator (the text is then tokenized again when read).

    ``known``: the tokens of the text, if known (e.g. decoded from a cache entry); they are used
    when they are for this text, else the text is tokenized. The words are stored as they are and
    the offsets as a packed array, so reading them is a split and a base64 decode, not a rebuild
    (JSON numbers parse slowly).
    """
    text, _ = reading_text(document)
    definitions: Sequence[tuple[str, str, int, int]] | None = None
    if known is not None and known.definitions is not None and known.are_for(text):
        tokens, definitions = known.tokens, known.definitions
    else:
        tokens = text_tokens(text)
    joined = _WORD_SEP.join(tokens.words)
    if joined.count(_WORD_SEP) != max(len(tokens.words) - 1, 0):
        return None
    if definitions is None:
        definitions = find_definitions(text)
    return [tokens_tag(), text_crc(text), joined, _pack(tokens.starts + tokens.ends),
            [list(d) for d in definitions]]


def decode_tokens(stored: Any) -> KnownTokens | None:
    """:func:`encode_tokens`'s list back as tokens, if it is well formed and from this tokenizer
    (the matcher checks that they are for the text it reads; see :meth:`KnownTokens.are_for`)."""
    if not isinstance(stored, list) or len(stored) != 5 or stored[0] != tokens_tag():
        return None
    _, crc, joined, packed, definitions = stored
    if not isinstance(joined, str) or not isinstance(crc, int) or not isinstance(packed, str):
        return None
    try:
        numbers = _unpack(packed)
    except (ValueError, TypeError):
        return None  # a damaged entry: the text is tokenized again
    count = len(numbers) // 2
    starts, ends = numbers[:count], numbers[count:]
    words = joined.split(_WORD_SEP) if count else []
    if len(words) != count or 2 * count != len(numbers):
        return None
    # lower-casing the joined words is lower-casing each word: no lower-case mapping makes or
    # takes a space, and the space between words is no context for one (final sigma)
    lowered = joined.lower().split(_WORD_SEP) if count else []
    if len(lowered) != count:
        return None
    try:
        found = tuple((str(a), str(b), int(c), int(d)) for a, b, c, d in definitions)
    except (TypeError, ValueError):
        return None
    # The spans are ours (the crc ties them to the text the matcher reads, which also checks
    # that the last one ends inside it); a tampered entry can misplace evidence, not crash.
    return KnownTokens(crc, Tokens(words, starts, ends), lowered, found)


def _pack(numbers: list[int]) -> str:
    """Non-negative ints as a type code and the base64 of their little-endian array."""
    code = "H" if max(numbers, default=0) < 1 << 16 else "I"
    values = array(code, numbers)
    if sys.byteorder == "big":
        values.byteswap()
    return code + base64.b64encode(values.tobytes()).decode("ascii")


def _unpack(packed: str) -> list[int]:
    """:func:`_pack` undone (raises ValueError on a damaged text)."""
    if packed[:1] not in ("H", "I"):
        raise ValueError("not a packed array of offsets")
    values = array(packed[:1])
    values.frombytes(base64.b64decode(packed[1:], validate=True))
    if sys.byteorder == "big":
        values.byteswap()
    return values.tolist()
