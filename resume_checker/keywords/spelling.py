"""The spelling key: spellings with one key are, to the matcher, one spelling.

The matcher counts hyphen, space and joined spellings as one ("pre-trained", "pre trained",
"pretrained") and ignores letter case, so the key drops hyphens and whitespace and folds case.
Validation uses it to find a spelling shared by two terms; the matcher uses it to skip forms
that no pattern can match whole.
"""

from __future__ import annotations


def spelling_key(text: str) -> str:
    """``text`` without whitespace and hyphens, case-folded.

    A pattern that matches all of a text has the text's key: joined, its words are the text's
    tokens, which cover all of the text but spaces and dropped hyphens; and
    ``c.lower().casefold() == c.casefold()`` for every character, so lower-cased words keep it.
    """
    if "-" in text:
        text = text.replace("-", "")
    return "".join(text.split()).casefold()
