"""Text clean-up shared by every parser: compatibility characters, soft hyphens, broken words."""

from __future__ import annotations

import re
import unicodedata

# Soft-hyphen markers: U+00AD (soft hyphen) and U+FFFE (PDFium's marker for a soft hyphen
# at a line break).  U+2010/U+2011 are real hyphens and are mapped to "-".
SOFT_HYPHENS = "\u00ad\ufffe"
_HYPHENS = {"\u2010": "-", "\u2011": "-", "\u2212": "-"}
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# C0/C1 control characters (but not tab/newline, handled above) and zero-width marks.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff]")
# "Â" before a space or a line end: the UTF-8 bytes of a no-break space (C2 A0) read as
# Latin-1 and written again, which leaves "Â" + NBSP; a PDF may draw the NBSP as a bare gap,
# so the "Â" ends a word ("LeaderÂ who").  No word of a Latin-script language ends in a
# capital Â after a lower-case letter or stands alone, so the "Â" goes; after a capital it
# stays (upper-case words may end in it).
_MOJIBAKE_NBSP = re.compile(r"(?<![A-Z\u00c0-\u00de])\u00c2(?=\s|$)")
_TRAILING_BREAK = re.compile(r"(?<=[A-Za-z])[-\u00ad\ufffe]$")
_LEADING_WORD = re.compile(r"^([a-z]\w*(?:-\w+)*)(.*)$", re.DOTALL)
# The endings _TRAILING_BREAK can match ("$" also matches before a final newline): a cheap
# test that rules out most lines before the regex runs.
_BREAK_ENDS = ("-", "\u00ad", "\ufffe", "-\n", "\u00ad\n", "\ufffe\n")


def normalize_line(text: str) -> str:
    """NFKC (ligatures, full-width forms), unify hyphens and spaces, drop invisible characters.

    A soft hyphen at the end of the line is kept as "-" so that :func:`join_broken_words`
    can join the word with the next line; soft hyphens elsewhere are dropped.
    """
    if not text:
        return ""
    if text.isascii() and text.isprintable():
        # Most lines: plain ASCII has nothing for NFKC, no soft hyphens, no invisible or
        # control chars, and no space but " ", so only the runs of spaces are left to fold.
        return " ".join(text.split())
    return _normalize_any(text)


def _normalize_any(text: str) -> str:
    """normalize_line for any text (the path that plain ASCII lines may skip)."""
    ends_soft = text.rstrip().endswith(tuple(SOFT_HYPHENS))
    # Soft hyphens and invisible marks go before NFKC, so that the letters either side of one
    # compose ("A" + mark + U+0302 is "Â"), as they would when the line is cleaned again.
    for soft in SOFT_HYPHENS:
        text = text.replace(soft, "")
    if not text.isprintable():
        text = _INVISIBLE.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    for src, dst in _HYPHENS.items():
        text = text.replace(src, dst)
    # Printable: no control, invisible or format chars, and no space but " " (every other space
    # char is a separator, which is not printable): only runs of spaces are left to fold.
    text = " ".join(text.split()) if text.isprintable() else _SPACES.sub(" ", text).strip()
    if "\u00c2" in text:  # last, so that no pass above can bring a space after an "Â" again
        text = _SPACES.sub(" ", _MOJIBAKE_NBSP.sub("", text)).strip()
    if ends_soft and text and text[-1].isalpha():
        text += "-"
    return text


def join_broken_words(lines: list[str]) -> list[str]:
    """Join words hyphenated across a line break: "distrib-" + "uted systems" -> "distributed".

    The completed word is kept on the first line and removed from the second, so each
    line keeps its own place.  A break is joined only when the next line starts with a
    lower-case letter; compounds that already hold a hyphen ("state-of-the-") keep it.
    """
    out = list(lines)
    for i in range(len(out) - 1):
        current = out[i]
        if not current.endswith(_BREAK_ENDS) or not _TRAILING_BREAK.search(current):
            continue
        nxt = out[i + 1]
        m = _LEADING_WORD.match(nxt)
        if not m:
            continue
        head = current[:-1]
        last_word = head.rsplit(" ", 1)[-1]
        joiner = "-" if "-" in last_word else ""
        out[i] = head + joiner + m.group(1)
        out[i + 1] = m.group(2).lstrip()
    return out
