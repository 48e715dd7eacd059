"""One memo for everything worked out once per keyword set and then used for every resume.

The content hash, the compiled matcher, the scoring and report tables: each is a function of a
set, decorated with :func:`per_set`, and all of them share one table keyed by the set's
identity.  A set is frozen, so what is derived from it never changes; a copy
(``model_copy(update=...)``, an unpickled set) is another object and gets its own entries.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

T = TypeVar("T")
#: a keyword set; left generic so that the model, which uses this memo for its own content
#: hash, and this module do not import each other
S = TypeVar("S")

#: sets remembered at a time: a batch checks against a handful, a web server meets a new set per
#: edit; when full, the table is emptied (cheaper than LRU order, and a batch cycling through more
#: sets than this still keeps some of them)
SIZE = 32
_MISSING: Any = object()
#: id(set) -> (the set, {decorated function: its value for that set}); the set is kept beside its
#: entries so a recycled id can never hand one set's values to another
_TABLE: dict[int, tuple[object, dict[object, Any]]] = {}


def per_set(fn: Callable[[S], T]) -> Callable[[S], T]:
    """Memoise ``fn(kwset)`` per set object, in the shared table.

    No lock: each dict operation is atomic, and two threads racing on a new set at worst both
    work its value out (the matcher's own content-hash cache still compiles it once).
    """

    @wraps(fn)
    def wrapper(kwset: S) -> T:
        # two dict lookups by identity, no hashing of the set: a re-rank asks once per resume
        entry = _TABLE.get(id(kwset))
        if entry is not None and entry[0] is kwset:
            value = entry[1].get(fn, _MISSING)
            if value is not _MISSING:
                return value
        value = fn(kwset)
        _entries(kwset)[fn] = value  # looked up again: fn may have filled or emptied the table
        return value

    return wrapper


def _entries(kwset: object) -> dict[object, Any]:
    entry = _TABLE.get(id(kwset))
    if entry is not None and entry[0] is kwset:
        return entry[1]
    if len(_TABLE) >= SIZE:
        _TABLE.clear()
    values: dict[object, Any] = {}
    _TABLE[id(kwset)] = (kwset, values)
    return values

