"""The parser's fast paths give exactly what the plain computation gives.

Each fast path skips work that is usually a no-op or computes a table a cheaper way; these
properties hold it to the slow form it replaced, on any input hypothesis finds.
"""

from __future__ import annotations

import unicodedata

import numpy as np
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from resume_checker.documents.normalize import (
    _BREAK_ENDS,
    _HYPHENS,
    _INVISIBLE,
    _MOJIBAKE_NBSP,
    _SPACES,
    _TRAILING_BREAK,
    SOFT_HYPHENS,
    _normalize_any,
    normalize_line,
)
from resume_checker.documents.pdf.layout import (
    WS_CODES,
    crossings,
    is_whitespace,
    non_space_indices,
)

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ASCII_LINE = st.text(st.characters(min_codepoint=0, max_codepoint=127), max_size=120)
SPACEY = st.text(
    st.sampled_from(["a", "Z", "7", " ", "\t", "\n", "\x00", "\x1c", "\x7f", "-", "\u00a0"]),
    max_size=60,
)


@FAST
@given(st.one_of(ASCII_LINE, SPACEY))
def test_ascii_fast_path_matches_full_normalisation(text: str) -> None:
    assert normalize_line(text) == (_normalize_any(text) if text else "")


@FAST
@given(st.text(st.characters(codec="utf-8"), max_size=200))
def test_whitespace_table_matches_isin(text: str) -> None:
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    expected = np.isin(codes, WS_CODES)
    assert np.array_equal(is_whitespace(codes), expected)
    assert np.array_equal(non_space_indices(text), np.flatnonzero(~expected))


def test_whitespace_table_edges() -> None:
    codes = np.array([0x2FFF, 0x3000, 0x3001, 0x3002, 0xFFFF, 0x10FFFF, 32, 33], np.uint32)
    assert is_whitespace(codes).tolist() == np.isin(codes, WS_CODES).tolist()


COORD = st.floats(min_value=-50, max_value=700, allow_nan=False, width=32)
PHRASE = st.tuples(COORD, st.floats(min_value=0, max_value=300, width=32))


@FAST
@given(
    st.lists(st.lists(PHRASE, min_size=1, max_size=4), min_size=1, max_size=12),
    st.floats(min_value=1, max_value=900, allow_nan=False),
)
def test_crossings_match_the_phrase_by_x_table(lines: list[list[tuple[float, float]]],
                                               width: float) -> None:
    x0 = np.array([a for line in lines for a, _ in line], dtype=np.float64)
    x1 = x0 + np.array([w for line in lines for _, w in line], dtype=np.float64)
    first_phrase = np.cumsum([0] + [len(line) for line in lines[:-1]])
    xs = np.arange(0.15 * width, 0.85 * width, 2.0)
    table = (x0[:, None] - 1 <= xs) & (x1[:, None] + 1 >= xs)
    expected = np.logical_or.reduceat(table, first_phrase, axis=0)
    assert np.array_equal(crossings(xs, x0 - 1, x1 + 1, first_phrase), expected)
    # one value per line stands for its phrases
    has_left = np.logical_or.reduceat(x1[:, None] < xs, first_phrase, axis=0)
    has_right = np.logical_or.reduceat(x0[:, None] > xs, first_phrase, axis=0)
    assert np.array_equal(np.minimum.reduceat(x1, first_phrase)[:, None] < xs, has_left)
    assert np.array_equal(np.maximum.reduceat(x0, first_phrase)[:, None] > xs, has_right)


def _normalize_by_regex(text: str) -> str:
    """normalize_line's clean-up with every regex pass always run (the form it had)."""
    ends_soft = text.rstrip().endswith(tuple(SOFT_HYPHENS))
    for soft in SOFT_HYPHENS:
        text = text.replace(soft, "")
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text))
    for src, dst in _HYPHENS.items():
        text = text.replace(src, dst)
    text = _SPACES.sub(" ", text).strip()
    text = _SPACES.sub(" ", _MOJIBAKE_NBSP.sub("", text)).strip()
    return text + "-" if ends_soft and text and text[-1].isalpha() else text


@FAST
@given(st.one_of(st.text(st.characters(codec="utf-8"), max_size=80), SPACEY))
@example("\u00c2")  # the mojibake rule (CI found the reference form lacked it)
@example("Leader\u00c2 who")
@example("CAF\u00c2 x")
@example("\u00c2\u00b8")  # NFKC makes a space after the "Â" (idempotence, test_properties)
@example("A\u00ad\u0302x")  # a soft hyphen between a letter and its accent
def test_printable_fast_path_matches_the_regex_passes(text: str) -> None:
    assert normalize_line(text) == (_normalize_by_regex(text) if text else "")


@FAST
@given(st.lists(st.one_of(SPACEY, st.sampled_from(["distrib-", "uted", "a-\n", "x\u00ad",
                                                    "b\ufffe\n", "c-\n\n", "state-of-the-"])),
                max_size=6))
def test_break_endings_precheck_matches_the_regex(lines: list[str]) -> None:
    for line in lines:
        assert (line.endswith(_BREAK_ENDS) and bool(_TRAILING_BREAK.search(line))) == bool(
            _TRAILING_BREAK.search(line))
