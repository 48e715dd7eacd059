"""The heading suggestion's fast path gives exactly what the plain difflib search gives.

`suggest_section` memoises by heading key and skips, before difflib, phrases whose letters
differ too much from the key's to reach the cutoff.  The reference below is the search as it
was: difflib over every phrase within three characters of the key's length.
"""

from __future__ import annotations

import difflib

from hypothesis import example, given, settings
from hypothesis import strategies as st

from resume_checker.checks import sections
from resume_checker.documents.sections import HEADING_PHRASES as BASE_LOOKUP
from resume_checker.documents.sections import classify_heading, heading_key

PHRASES = sorted({*BASE_LOOKUP, *sections._SYNONYM_LOOKUP})


def reference_suggest(text: str):
    key = heading_key(text)
    if key in sections._SYNONYM_LOOKUP:
        return sections._SYNONYM_LOOKUP[key]
    near = [p for p in (*BASE_LOOKUP, *sections._SYNONYM_LOOKUP) if abs(len(p) - len(key)) <= 3]
    close = difflib.get_close_matches(key, near, n=1, cutoff=0.88)
    if close:
        section = sections._SYNONYM_LOOKUP.get(close[0]) or classify_heading(close[0])
        return section if section in sections.STANDARD_NAMES else None
    return None


@st.composite
def misspelt(draw):
    """A known heading phrase with a few characters deleted, doubled, swapped or replaced."""
    chars = list(draw(st.sampled_from(PHRASES)))
    for _ in range(draw(st.integers(0, 4))):
        if not chars:
            break
        i = draw(st.integers(0, len(chars) - 1))
        edit = draw(st.sampled_from(("delete", "double", "swap", "replace")))
        if edit == "delete":
            del chars[i]
        elif edit == "double":
            chars.insert(i, chars[i])
        elif edit == "swap" and i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        else:
            chars[i] = draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz &"))
    text = "".join(chars)
    return text.title() if draw(st.booleans()) else text.upper()


@settings(max_examples=1000, deadline=None)
@given(misspelt())
@example("Experiance")
@example("Educaton")
@example("Patient")
@example("Skils & Abilites")
def test_suggestion_of_misspelt_headings_matches_difflib(text):
    assert sections.suggest_section(text) == reference_suggest(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abcdeilmnoprstuxyz &ABCDEIKLMNOPRSTUXY:'-", max_size=45))
def test_suggestion_of_any_short_text_matches_difflib(text):
    assert sections.suggest_section(text) == reference_suggest(text)


def test_unshared_bound_never_skips_a_phrase_difflib_accepts():
    """Over every phrase pair: a pair over the bound is one difflib scores under the cutoff."""
    for a in PHRASES:
        chars = frozenset(a)
        for b in PHRASES:
            if abs(len(a) - len(b)) > 3:
                continue
            if len(chars ^ frozenset(b)) > sections._MAX_UNSHARED[len(a) + len(b)]:
                assert difflib.SequenceMatcher(None, b, a).ratio() < sections._CUTOFF
