"""The text of a document's lines joined once, for checks that search every line.

One regex search over the joined text (in C) finds the few lines that hold a match faster than
one Python call per line, and the joined and lower-cased text is built once for every check that
reads it.  Lines are found by offset, not by counting newlines, since a line's text may hold one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate
from operator import attrgetter

from ..documents.model import Line

_TEXT = attrgetter("text")


@dataclass(frozen=True, slots=True)
class LineText:
    """The lines' texts, joined by newlines, with where each ends in the joined text."""

    texts: tuple[str, ...]
    joined: str                  # "\n".join(texts)
    lower: str                   # joined.lower()
    ends: tuple[int, ...]        # offset just past each text in `joined`, ascending

    @property
    def plain(self) -> bool:
        """Whether no text holds a newline (each newline of `joined` then ends a line)."""
        return self.joined.count("\n") == max(len(self.texts) - 1, 0)

    def line_of(self, offset: int) -> int:
        """The index of the line that holds `offset` of `joined` (or the newline after it)."""
        return bisect_left(self.ends, offset)

    def lines_matching(self, pattern: re.Pattern[str]) -> list[int]:
        """Indices, ascending, of the lines in which `pattern` finds a match.

        Exact for patterns that match no newline and look at no character around a match:
        no match can then reach from one line into the next, so each line's first match
        is found where a search of that line alone would find it.
        """
        found = {self.line_of(m.start()) for m in pattern.finditer(self.joined)}
        return sorted(found)


def line_text(lines: tuple[Line, ...]) -> LineText:
    """The joined text of `lines`; remembered for the last texts asked about (the structure
    and the checks of one document ask several times, refined sections keep the same texts)."""
    texts = tuple(map(_TEXT, lines))
    last = _LAST[0]
    if last is not None and last.texts == texts:
        return last
    joined = "\n".join(texts)
    ends = tuple(accumulate(len(t) + 1 for t in texts))
    made = LineText(texts, joined, joined.lower(), tuple(e - 1 for e in ends))
    _LAST[0] = made
    return made


#: the last joined text made (a one-entry memo: one document is checked at a time)
_LAST: list[LineText | None] = [None]
