"""Token-sequence lookup: each occurrence of each pattern, as spaCy's ``PhraseMatcher`` finds it.

spaCy's ``PhraseMatcher`` needs a ``Doc`` built from the words (about a millisecond for a
two-page resume, more than the lookup itself); matching the word strings in a trie of dicts
gives the same matches, from every start, of every length, without building one.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from itertools import compress
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)

#: a node's entry for the keys of the patterns that end there (words are strings, never None)
_END = None


class PhraseTrie(Generic[K]):
    """Patterns (tuples of words) -> keys; :meth:`find` reports every (key, start, end)."""

    __slots__ = ("_root", "_size")

    def __init__(self) -> None:
        self._root: dict = {}
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def add(self, key: K, words: Sequence[str]) -> None:
        """Add one pattern under ``key`` (the same pattern twice under one key counts once)."""
        if not words:
            return
        node = self._root
        for word in words:
            node = node.setdefault(word, {})
        keys = node.setdefault(_END, {})
        if key not in keys:
            keys[key] = None
            self._size += 1

    @property
    def first_words(self) -> frozenset[str]:
        """The words a pattern can start with."""
        return frozenset(self._root)

    def find(
        self, words: Sequence[str], starts: Iterable[int] | None = None
    ) -> list[tuple[K, int, int]]:
        """Every (key, start, end) whose pattern equals ``words[start:end]``, by start then end.

        ``starts``: ascending positions that include every one whose word is in
        :attr:`first_words` (found by the caller, e.g. for two tries at once); by default
        they are found here."""
        root = self._root
        n = len(words)
        out: list[tuple[K, int, int]] = []
        if starts is None:
            # Only the few words that start a pattern are walked from; finding them is one pass
            # at C speed (a resume has ~1,000 words, a set's patterns start with ~700 words).
            starts = compress(range(n), map(root.__contains__, words))
        for start in starts:
            node = root.get(words[start])
            if node is None:
                continue
            end = start + 1
            while True:
                keys = node.get(_END)
                if keys:
                    out += [(key, start, end) for key in keys]
                if end == n:
                    break
                node = node.get(words[end])
                if node is None:
                    break
                end += 1
        return out
