"""Latin words written with Cyrillic or Greek look-alike letters ("PyT\u043erch" with a Cyrillic
o): read as the Latin word they show, and reported.

A reader sees "PyTorch"; an exact-string ATS sees another word and misses the skill, and a
keyword can be hidden (or a filter dodged) that way.  Only words that mix scripts are folded: a
word with Latin letters whose every Cyrillic or Greek letter has a Latin twin in
:data:`LOOKALIKES`.  A word written wholly in Cyrillic or Greek (a Russian or Greek name or
word) is a real word of that script and is left as it is, and so is a mixed word with a
Cyrillic or Greek letter that has no Latin twin (it would not fold to a Latin word).

The table is small and explicit on purpose: the letters that look the same as a Latin one in
common text fonts (after Unicode's confusables list, UTS #39), not every letter that resembles
one.  Every entry maps one character to one character, so a folded word keeps its length and
a folded line every offset into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Cyrillic and Greek letters that look like a Latin letter, and that letter
LOOKALIKES: dict[str, str] = {
    # Cyrillic capitals looking like A B C E H I J K M O P S T X Y
    "\u0410": "A", "\u0412": "B", "\u0421": "C", "\u0415": "E", "\u041d": "H", "\u0406": "I",
    "\u0408": "J", "\u041a": "K", "\u041c": "M", "\u041e": "O", "\u0420": "P", "\u0405": "S",
    "\u0422": "T", "\u0425": "X", "\u04ae": "Y",
    # Cyrillic small letters looking like a c d e h i j o p q s w x y
    "\u0430": "a", "\u0441": "c", "\u0501": "d", "\u0435": "e", "\u04bb": "h", "\u0456": "i",
    "\u0458": "j", "\u043e": "o", "\u0440": "p", "\u051b": "q", "\u0455": "s", "\u051d": "w",
    "\u0445": "x", "\u0443": "y",
    # Greek capitals looking like A B E Z H I K M N O P T Y X
    "\u0391": "A", "\u0392": "B", "\u0395": "E", "\u0396": "Z", "\u0397": "H", "\u0399": "I",
    "\u039a": "K", "\u039c": "M", "\u039d": "N", "\u039f": "O", "\u03a1": "P", "\u03a4": "T",
    "\u03a5": "Y", "\u03a7": "X",
    # Greek small letters looking like i v o p
    "\u03b9": "i", "\u03bd": "v", "\u03bf": "o", "\u03c1": "p",
}
_TABLE = str.maketrans(LOOKALIKES)
# A line can hold a mixed word only if it holds one of these: one regex search rules out the
# rest (plain ASCII lines are ruled out before that, by str.isascii).
_ANY_LOOKALIKE = re.compile("[" + "".join(LOOKALIKES) + "]")
# A word (letters and digits) with a look-alike in it.
_WORD = re.compile(r"[^\W_]*[" + "".join(LOOKALIKES) + r"][^\W_]*")
# Cyrillic (with its supplement) and Greek (with extended Greek)
_CYRILLIC_GREEK = re.compile("[\u0370-\u03ff\u0400-\u052f\u1f00-\u1fff]")
# Latin letters: ASCII, Latin-1 and the Latin Extended blocks (é, ł, ș, ...)
_LATIN = re.compile(
    "[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]"
)


@dataclass(frozen=True, slots=True)
class Folded:
    """A word as the file writes it (``original``) and as it is read (``folded``), and where it
    starts in the line."""

    original: str
    folded: str
    start: int


def fold_lookalikes(text: str) -> tuple[str, tuple[Folded, ...]]:
    """``text`` with its mixed-script words folded to Latin letters, and those words.

    Pure ASCII text (nearly every line of nearly every resume) is returned as it is at the
    cost of one ``str.isascii``.
    """
    if text.isascii() or not _ANY_LOOKALIKE.search(text):
        return text, ()
    folded: list[Folded] = []
    for match in _WORD.finditer(text):
        word = match.group()
        if not _LATIN.search(word):
            continue  # no Latin letter: a Cyrillic or Greek word (or a lone letter), kept
        latin = word.translate(_TABLE)
        if _CYRILLIC_GREEK.search(latin):
            continue  # a Cyrillic or Greek letter with no Latin twin: not a disguised word
        folded.append(Folded(word, latin, match.start()))
    if not folded:
        return text, ()
    parts: list[str] = []
    at = 0
    for one in folded:
        parts += (text[at:one.start], one.folded)
        at = one.start + len(one.original)
    parts.append(text[at:])
    return "".join(parts), tuple(folded)


def script_of(ch: str) -> str:
    """ "Cyrillic", "Greek" or "Latin": the script a letter of a folded word is written in."""
    if "\u0400" <= ch <= "\u052f":
        return "Cyrillic"
    if "\u0370" <= ch <= "\u03ff" or "\u1f00" <= ch <= "\u1fff":
        return "Greek"
    return "Latin"
