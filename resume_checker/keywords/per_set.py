"""A memo for what is worked out once per keyword set and then used for every resume."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from resume_checker.keywords.model import KeywordSet

T = TypeVar("T")

#: sets remembered per function; a batch or a web server uses a handful at a time
_SIZE = 16


def per_set(fn: Callable[[KeywordSet], T]) -> Callable[[KeywordSet], T]:
    """Memoise ``fn(kwset)`` per set object (a set is frozen, so its derived tables never change).

    Keyed by identity, with the set itself kept beside the value so a recycled ``id`` can never
    hand one set's table to another.
    """
    memo: dict[int, tuple[KeywordSet, T]] = {}

    @wraps(fn)
    def wrapper(kwset: KeywordSet) -> T:
        hit = memo.get(id(kwset))
        if hit is not None and hit[0] is kwset:
            return hit[1]
        value = fn(kwset)
        if len(memo) >= _SIZE:
            memo.clear()
        memo[id(kwset)] = (kwset, value)
        return value

    return wrapper
