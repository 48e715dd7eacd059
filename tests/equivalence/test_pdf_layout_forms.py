"""The PDF layout's fast paths give exactly what the plain computation they replaced gives.

Each property holds a cheaper form (slices instead of gathers, a bound that skips the
line-by-x tables, two sorts instead of lexsort, lines built by position) to the slow one, on
any input hypothesis finds.
"""

from __future__ import annotations

import dataclasses

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resume_checker.documents.model import Line
from resume_checker.documents.pdf.layout import (
    MIN_COLUMN_LINES,
    _may_have_gutter,
    _run_counts,
    _sorted_by_key_then_value,
    analyse,
    crossings,
    is_whitespace,
)

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _analyse_plain(text: str, boxes: np.ndarray) -> dict[str, np.ndarray]:
    """The pair relations as first written: every quantity gathered at p and at q."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    boxes = np.asarray(boxes, dtype=np.float64).reshape(len(codes), 4)
    left, top, right, bottom = boxes.T
    height = top - bottom
    ws = is_whitespace(codes)
    drawn = np.flatnonzero(
        ~ws & (height > 0.1) & (right >= left) & np.isfinite(boxes).all(axis=1)
    )
    p, q = drawn[:-1], drawn[1:]
    ws_before = np.concatenate(([0], np.cumsum(ws)))
    hp, hq = height[p], height[q]
    hmin, hmax = np.minimum(hp, hq), np.maximum(hp, hq)
    overlap = np.minimum(top[p], top[q]) - np.maximum(bottom[p], bottom[q])
    same_line = (overlap > 0.5 * hmin) & (left[q] > left[p] - 0.5 * hmax)
    line_starts = np.flatnonzero(np.concatenate(([True], ~same_line)))
    line_height = (np.maximum.reduceat(top[drawn], line_starts)
                   - np.minimum.reduceat(bottom[drawn], line_starts)) if len(drawn) else hmax
    line_of = np.cumsum(np.concatenate(([True], ~same_line))) - 1
    return {
        "drawn": drawn, "left": left[drawn], "top": top[drawn], "right": right[drawn],
        "bottom": bottom[drawn], "same_line": same_line,
        "spaced": ws_before[q] > ws_before[p + 1],
        "gap_em": (left[q] - right[p]) / np.maximum(line_height[line_of[1:]], hmax),
        "prev_code": codes[p],
    }


CHAR = st.sampled_from(["a", "b", "l", "W", "7", " ", "\n", "\r", "\t", "\u00a0", "\u2003", "é"])
VALUE = st.one_of(
    st.floats(min_value=-20, max_value=120, width=32),
    st.sampled_from([float("nan"), float("inf"), float("-inf"), 0.0]),
)


@st.composite
def _page(draw: st.DrawFn) -> tuple[str, np.ndarray]:
    text = draw(st.text(CHAR, max_size=60))
    # Boxes along a few text rows, so that lines and gaps occur, with some broken values.
    boxes = []
    for i in range(len(text)):
        row = draw(st.integers(0, 3)) * 14.0
        x = i * 5.0 + draw(st.floats(-3, 3, width=32))
        boxes.append([x, 700 - row, x + draw(st.floats(-1, 6, width=32)), 690 - row])
        if draw(st.integers(0, 9)) == 0:
            boxes[-1][draw(st.integers(0, 3))] = draw(VALUE)
    return text, np.array(boxes, dtype=np.float32).reshape(len(text), 4)


@FAST
@given(_page())
def test_analyse_matches_the_plain_gathers(page: tuple[str, np.ndarray]) -> None:
    text, boxes = page
    with np.errstate(all="ignore"):
        fast = analyse(text, boxes, 612.0)
        plain = _analyse_plain(text, boxes)
    for name, expected in plain.items():
        got = getattr(fast, name)
        assert got.shape == expected.shape, name
        assert np.array_equal(got, expected, equal_nan=got.dtype.kind == "f"), name


@FAST
@given(
    st.lists(
        st.tuples(st.sampled_from([32, 97, 108, 0xE9, 0x2014, 70000]),
                  st.sampled_from([-0.2, -0.11, 0.0, 0.0, 0.03, 0.14, 1.5])),
        max_size=80,
    )
)
def test_key_then_value_sort_matches_lexsort(pairs: list[tuple[int, float]]) -> None:
    k = np.array([a for a, _ in pairs], dtype=np.uint32)
    v = np.array([b for _, b in pairs], dtype=np.float64)
    order = np.lexsort((v, k))
    got_k, got_v = _sorted_by_key_then_value(k, v)
    assert np.array_equal(got_k, k[order])
    assert np.array_equal(got_v, v[order])


LINE = st.lists(  # one line's phrases: (x0, width) each
    st.tuples(st.floats(0, 600, width=32), st.floats(0, 250, width=32)), min_size=1, max_size=3
)


@FAST
@given(st.lists(LINE, min_size=1, max_size=25))
def test_gutter_bound_never_rules_out_a_scoring_gutter(
    lines: list[list[tuple[float, float]]],
) -> None:
    """When the bound says no, the full per-x run scores stay below a column's minimum."""
    x0 = np.array([a for line in lines for a, _ in line])
    x1 = np.array([a + w for line in lines for a, w in line])
    first_phrase = np.cumsum([0] + [len(line) for line in lines[:-1]])
    xs = np.arange(0.15 * 612, 0.85 * 612, 2.0)
    line_x1 = np.minimum.reduceat(x1, first_phrase)
    line_x0 = np.maximum.reduceat(x0, first_phrase)
    if _may_have_gutter(xs, line_x1, line_x0):
        return
    cross = crossings(xs, x0 - 1, x1 + 1, first_phrase)
    run_left = _run_counts((line_x1[:, None] < xs) & ~cross, cross)
    run_right = _run_counts((line_x0[:, None] > xs) & ~cross, cross)
    assert np.minimum(run_left, run_right).max() < MIN_COLUMN_LINES


def test_lines_are_built_in_field_order() -> None:
    """build_document makes each Line by position, in this order."""
    assert [f.name for f in dataclasses.fields(Line)] == [
        "text", "page", "number", "section", "is_heading", "origin", "bbox", "font_size",
        "bold", "column", "hidden", "font",
    ]
