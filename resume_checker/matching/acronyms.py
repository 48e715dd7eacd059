"""Acronyms a resume defines: "Mixture of Experts (MoE)" or "MoE (Mixture of Experts)"."""

from __future__ import annotations

import re

_PARENS = re.compile(r"\(([^()\n]{1,80})\)")
#: "MoE (Mixture of Experts)": the short form before the brackets is at most this long, so
#: that an ordinary word before a bracketed remark is not taken for an acronym
_MAX_REVERSE_SHORT = 6
_SHORT_FORM = re.compile(r"^[^\W_][\w&.\-]{0,8}[^\W_]$")


def _fit(short: str, long: str) -> str | None:
    """The tail of ``long`` whose initials spell ``short`` (Schwartz & Hearst, 2003), or None."""
    s, i = len(short) - 1, len(long) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while i >= 0 and (
            long[i].lower() != c or (s == 0 and i > 0 and long[i - 1].isalnum())
        ):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    found = long[i + 1 :].strip()
    words = found.split()
    letters = sum(ch.isalnum() for ch in short)
    if len(words) < 2 or len(words) > min(letters + 5, 2 * letters) or len(found) <= len(short):
        return None
    return found


def _short_fit(short: str, long: str) -> str | None:
    """Fit with the short form as written, then without a plural "s" ("CNNs")."""
    found = _fit(short, long)
    if found is None and len(short) > 2 and short.endswith("s"):
        found = _fit(short[:-1], long)
    return found


def find_definitions(text: str) -> list[tuple[str, str, int, int]]:
    """Acronym definitions in the text: (short, long, start, end of the whole definition)."""
    out = []
    for m in _PARENS.finditer(text):
        inner = m.group(1).strip()
        # the long form lies on the same block, after any earlier bracket, colon or semicolon
        start = max(text.rfind(c, 0, m.start()) for c in "\n():;") + 1
        before = text[start : m.start()].rstrip()
        if _SHORT_FORM.match(inner) and any(c.isalpha() for c in inner):
            window = " ".join(before.split()[-(2 * len(inner) + 1) :])
            long = _short_fit(inner, window)
            if long:
                out.append((inner, long, m.start() - len(long) - 1, m.end()))
                continue
        words = before.split()
        if words and len(inner.split()) >= 2:
            short = words[-1].strip(",;:")
            if len(short) <= _MAX_REVERSE_SHORT and _SHORT_FORM.match(short):
                long = _short_fit(short, inner)
                if long == inner:
                    out.append((short, inner, m.start() - len(words[-1]) - 1, m.end()))
    return out
