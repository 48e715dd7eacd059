"""Regexes given a leading guard (a lookahead or lookbehind that only says where a match can
start) find exactly what the unguarded patterns found.

The references are the patterns as they were before the guards; each pair is compared on
generated text made of the pieces the patterns look for, and on every code point (a guard's
character class must admit every character the pattern can start with, case-folded ones too).
"""

from __future__ import annotations

import re
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from resume_checker.checks import education, experience

ALL_CHARS = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def _unguarded(pattern: re.Pattern[str], guard: str) -> re.Pattern[str]:
    assert pattern.pattern.startswith(guard)
    return re.compile(pattern.pattern[len(guard):], pattern.flags)


REFERENCE_RANGE = _unguarded(experience._RANGE, experience._RANGE_START)
REFERENCE_SPLIT = _unguarded(experience._SPLIT, r"(?=[\s|\u2022\u00b7,a@])")
REFERENCE_DEGREE = re.compile(
    r"(?<![\w.])" + education._DEGREE.pattern[len(r"(?=[A-Za-z])(?<![\w.])"):],
    education._DEGREE.flags,
)


def hits(pattern: re.Pattern[str], text: str):
    return [(m.span(), m.lastgroup, m.groupdict()) for m in pattern.finditer(text)]


DATE_PIECES = (
    "Jan", "January", "feb.", "Sept", "MAY", "june", "Dec", "Summer", "fall", "Winter",
    "2019", "1998", "2020", "'07", "\u201915", "03", "12", "7", "06/15/2015", "03/2019",
    "2015/07", "06.2015", "-", " - ", "\u2013", "\u2014", "~", " to ", " till ", " through ",
    "Present", "current", "now", "to date", "since", "from", "ongoing", "pres.", "Company",
    "Name", "Engineer", "Analyst", "CompanyName", "grammar", "$", "/", ".", ",", " ", "  ",
    "\u017fep", "\u212a", "a", "at", "@", "|", "\u2022", "\u00b7", "\t", "B.S.", "MS", "in",
    "Office", "PhD", "Bachelor of Science", "GED", "\u00ef1\u20444",
)
date_text = st.lists(st.sampled_from(DATE_PIECES), min_size=1, max_size=14).map("".join)
any_text = st.text(
    st.characters(blacklist_categories=("Cs",)) | st.sampled_from("aJ1 -/.,'"), max_size=40
)


@settings(max_examples=600, deadline=None)
@given(st.one_of(date_text, any_text))
def test_guarded_regexes_find_what_the_plain_ones_found(text):
    assert hits(experience._RANGE, text) == hits(REFERENCE_RANGE, text)
    assert experience._SPLIT.split(text) == REFERENCE_SPLIT.split(text)
    assert hits(education._DEGREE, text) == hits(REFERENCE_DEGREE, text)


def test_letter_guard_admits_every_character_a_letter_matches_without_case():
    """The guards' [A-Za-z] (case-insensitive) admits every code point that a letter of a month,
    season or degree name matches case-insensitively (such as U+017F long s, U+212A Kelvin)."""
    letters = re.compile("|".join(string.ascii_letters), re.IGNORECASE)
    assert re.findall("[A-Za-z]", ALL_CHARS, re.IGNORECASE) == letters.findall(ALL_CHARS)


def test_split_guard_on_every_code_point():
    for before in ("", " ", "a", "\t"):
        text = before + ALL_CHARS
        assert experience._SPLIT.split(text) == REFERENCE_SPLIT.split(text)
