"""Character tests the checks run on every line, with a fast path for ASCII text.

They return exactly what the plain `str` expressions in their docstrings return.
"""

from __future__ import annotations

import string

_ASCII_LETTERS = string.ascii_letters.encode("ascii")


def letter_count(text: str) -> int:
    """sum(c.isalpha() for c in text): ASCII text is counted in C, other text by `map` (no
    generator frame per character)."""
    if text.isascii():
        return len(text) - len(text.encode("ascii").translate(None, _ASCII_LETTERS))
    return sum(map(str.isalpha, text))
