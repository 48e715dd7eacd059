"""Page geometry for the PDF parser: lines, word gaps and columns from per-character boxes.

Pure numpy over what PDFium reported (one text character and one loose box per char index),
so it is testable without a PDF and costs a few vectorised passes per page.

Why word gaps need care: some HTML-to-PDF tools place every glyph on its own and draw word
spaces as gaps; their glyph positions follow one font's metrics while the embedded widths
follow another, so the in-word gap after a given letter is a steady per-letter offset
(after "l" about -0.11 em, with a word gap of only +0.14 em).  The gap that means "space"
is therefore measured from the usual gap after that same character in the document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import NamedTuple

import numpy as np

# Whitespace PDFium may report (its generated spaces and CR/LF included).
WS_CODES = np.array(
    [9, 10, 11, 12, 13, 32, 0xA0, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000], dtype=np.uint32
)
_NEWLINE_CODES = np.array([10, 13], dtype=np.uint32)
# The same set as a table indexed by code point (codes past the table read its last, False,
# entry): a look-up costs a quarter of np.isin, and every page needs it twice.
_IS_WS = np.zeros(int(WS_CODES.max()) + 2, dtype=bool)
_IS_WS[WS_CODES] = True
_WS_LAST = len(_IS_WS) - 1

WORD_GAP_EM = 0.12        # gap beyond the character's usual in-word gap that means a space
PHRASE_GAP_EM = 1.0       # gap that separates phrases (used only to look for a column gutter)
MIN_COLUMN_LINES = 5      # lines needed on each side of a gutter, in one uninterrupted run
MIN_ZONE_LINES = 3        # lines on each side for a further run at an already found gutter
_LEVEL_PT = 2.0            # tops closer than this are level with each other
_BASELINE_CAP_EM = 0.03   # the usual in-word gap is never taken as larger than this
_BASELINE_MIN_SAMPLES = 3
_ZERO_GAP_EM = 0.005
_MAX_ZERO_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class PageGeometry:
    """One page's characters and the relations between consecutive drawn characters."""

    text: str
    width: float
    drawn: np.ndarray       # char indices of drawn (non-space, non-empty box) chars, in order
    left: np.ndarray        # boxes of the drawn chars, PDF space (y up)
    top: np.ndarray
    right: np.ndarray
    bottom: np.ndarray
    same_line: np.ndarray   # per consecutive pair of drawn chars: on one line
    spaced: np.ndarray      # per pair: a whitespace char lies between them in the text
    gap_em: np.ndarray      # per pair: horizontal gap in em (font heights)
    prev_code: np.ndarray   # per pair: code point of the first char


class Piece(NamedTuple):
    """A line of text (or the part of a line in one column), in reading order.

    Immutable like the dataclasses, but built several times faster: a page makes dozens.
    """

    text: str
    first_char: int         # PDFium char index of its first drawn char (for font look-ups)
    x0: float               # bounding box in PDF space (y up)
    y0: float
    x1: float
    y1: float
    column: int = 0


def is_whitespace(codes: np.ndarray) -> np.ndarray:
    """Per code point: whether it is whitespace (one of WS_CODES)."""
    return _IS_WS[np.minimum(codes, _WS_LAST)]


def non_space_indices(text: str) -> np.ndarray:
    """Indices of the chars that are not whitespace."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    return np.flatnonzero(~is_whitespace(codes))


def analyse(text: str, boxes: np.ndarray, width: float) -> PageGeometry:
    """Relate consecutive drawn chars: same line or not, whitespace between, gap size."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    boxes = np.asarray(boxes, dtype=np.float64).reshape(len(codes), 4)
    left, top, right, bottom = boxes.T
    height = top - bottom
    ws = is_whitespace(codes)
    # Column by column: np.isfinite(boxes).all(axis=1), a reduction along rows of four,
    # costs several times more.
    finite = np.isfinite(left) & np.isfinite(top) & np.isfinite(right) & np.isfinite(bottom)
    drawn_mask = ~ws & (height > 0.1) & (right >= left) & finite
    drawn = np.flatnonzero(drawn_mask)
    # Everything below is per drawn char, so it is gathered once and each pair of neighbours
    # (p, q) is two slices of it rather than two gathers per quantity.
    d_left, d_top, d_right, d_bottom = (a[drawn] for a in (left, top, right, bottom))
    d_height = height[drawn]
    # The whitespace count before each drawn char: one lies between p and q when it grows
    # (drawn chars are not whitespace, so the count up to and including one is the count
    # before it).
    ws_before = np.cumsum(ws, dtype=np.int32)[drawn]
    spaced = ws_before[1:] > ws_before[:-1]
    hp, hq = d_height[:-1], d_height[1:]
    hmin, hmax = np.minimum(hp, hq), np.maximum(hp, hq)
    overlap = np.minimum(d_top[:-1], d_top[1:]) - np.maximum(d_bottom[:-1], d_bottom[1:])
    same_line = (overlap > 0.5 * hmin) & (d_left[1:] > d_left[:-1] - 0.5 * hmax)
    # The em is the height of the whole line: single glyph boxes vary with some fonts.
    new_line = np.concatenate(([True], ~same_line))
    line_starts = np.flatnonzero(new_line)
    line_height = (np.maximum.reduceat(d_top, line_starts)
                   - np.minimum.reduceat(d_bottom, line_starts)) if len(drawn) else hmax
    line_of = np.cumsum(new_line, dtype=np.int32) - 1
    gap_em = (d_left[1:] - d_right[:-1]) / np.maximum(line_height[line_of[1:]], hmax)
    return PageGeometry(
        text=text,
        width=width,
        drawn=drawn,
        left=d_left,
        top=d_top,
        right=d_right,
        bottom=d_bottom,
        same_line=same_line,
        spaced=spaced,
        gap_em=gap_em,
        prev_code=codes[drawn[:-1]],
    )


Baselines = tuple[np.ndarray, np.ndarray]  # sorted code points, their usual in-word gap (em)
NO_BASELINES: Baselines = (np.empty(0, np.uint32), np.empty(0))


def gap_baselines(pages: Sequence[PageGeometry]) -> Baselines:
    """The usual in-word gap (em) after each character, over the whole document."""
    keys, gaps = [], []
    for g in pages:
        sel = g.same_line & ~g.spaced
        keys.append(g.prev_code[sel])
        gaps.append(g.gap_em[sel])
    k = np.concatenate(keys) if keys else np.empty(0, np.uint32)
    v = np.concatenate(gaps) if gaps else np.empty(0)
    if not len(k):
        return NO_BASELINES
    # Text placed by its own font widths leaves most in-word gaps at exactly zero (kerning
    # aside): then there is no steady offset to learn, and the plain threshold applies.
    zero_share = float(np.mean(np.abs(v) < _ZERO_GAP_EM))
    if zero_share > _MAX_ZERO_SHARE:
        return NO_BASELINES
    k, v = _sorted_by_key_then_value(k, v)
    starts = np.flatnonzero(np.concatenate(([True], k[1:] != k[:-1])))
    counts = np.diff(np.concatenate((starts, [len(k)])))
    # A steady offset is one value shared by most pairs after a character, so a low quantile
    # finds it; word gaps only raise the upper end.
    low = v[starts + (0.2 * (counts - 1)).astype(int)]
    base = np.clip(low, -0.3, _BASELINE_CAP_EM)
    keep = counts >= _BASELINE_MIN_SAMPLES
    return k[starts][keep], base[keep]


def _sorted_by_key_then_value(k: np.ndarray, v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The pairs sorted by key, then value: what ``np.lexsort((v, k))`` orders, at under half
    its cost (a quicksort of the values, then a stable radix sort of the 16-bit keys)."""
    by_value = np.argsort(v)
    keys = k[by_value]
    if len(keys) and int(keys.max()) < 1 << 16:
        keys = keys.astype(np.uint16)  # numpy's stable sort is a radix sort for these
    order = by_value[np.argsort(keys, kind="stable")]
    return k[order], v[order]


def page_pieces(g: PageGeometry, baselines: Baselines = NO_BASELINES) -> list[Piece]:
    """Lines in reading order; on a two-column page, the left column before the right."""
    n = len(g.drawn)
    if n == 0:
        return []
    codes, values = baselines
    base = np.zeros(len(g.prev_code))
    if len(codes):
        pos = np.searchsorted(codes, g.prev_code).clip(max=len(codes) - 1)
        base = np.where(codes[pos] == g.prev_code, values[pos], 0.0)
    inserts = g.drawn[1:][g.same_line & ~g.spaced & (g.gap_em > base + WORD_GAP_EM)]
    line_starts = np.flatnonzero(np.concatenate(([True], ~g.same_line)))
    line_ends = np.concatenate((line_starts[1:], [n]))
    columns = _find_columns(g, line_starts, line_ends)
    if columns is None:  # most pages: the lines as they are, in order
        return _pieces(g, line_starts, line_ends, None, inserts)
    spans = _column_order(g, line_starts, line_ends, *columns)
    first, end, column = (np.array(values) for values in zip(*spans, strict=True))
    return _pieces(g, first, end, column.tolist(), inserts)


def _pieces(
    g: PageGeometry, first: np.ndarray, end: np.ndarray, column: list[int] | None,
    inserts: np.ndarray,
) -> list[Piece]:
    """Text and box of each span of drawn chars (``first`` to ``end``), in column ``column``
    (None: all 0); the spans cover the drawn chars exactly once, in order when not in columns.
    """
    # Line breaks become spaces (same length, so char indices still hold); two replaces cost
    # far less than a translate table.
    text = g.text.replace("\r", " ").replace("\n", " ")
    # The extent of each span; reduceat needs ascending starts, so column spans go through
    # their sorted order and back.
    order = None if column is None else np.argsort(first)
    sides = []
    for values, reduce in (
        (g.left, np.minimum), (g.bottom, np.minimum), (g.right, np.maximum), (g.top, np.maximum)
    ):
        if order is None:
            sides.append(reduce.reduceat(values, first).tolist())
        else:
            side = np.empty(len(first))
            side[order] = reduce.reduceat(values, first[order])
            sides.append(side.tolist())
    start, stop = g.drawn[first], g.drawn[end - 1] + 1
    lo = np.searchsorted(inserts, start, "right").tolist()
    hi = np.searchsorted(inserts, stop, "left").tolist()
    start_chars = start.tolist()
    cuts = inserts.tolist()
    # Plain lists from here: indexing numpy arrays one element at a time costs more.
    texts = [
        text[a:b] if i == j else _spaced(text, a, b, cuts[i:j])  # most lines: no cut
        for a, b, i, j in zip(start_chars, stop.tolist(), lo, hi, strict=True)
    ]
    columns = repeat(0, len(texts)) if column is None else column
    return list(map(Piece._make, zip(texts, start_chars, *sides, columns, strict=True)))


def _spaced(text: str, a: int, b: int, cuts: list[int]) -> str:
    """``text[a:b]`` with a space inserted before each char index of ``cuts``."""
    parts, pos = [], a
    for cut in cuts:
        parts.append(text[pos:cut])
        pos = cut
    parts.append(text[pos:b])
    return " ".join(parts)


def _find_columns(
    g: PageGeometry, line_starts: np.ndarray, line_ends: np.ndarray
) -> tuple[float, list[tuple[int, int]], np.ndarray] | None:
    """A vertical gutter that no line crosses over a run of lines with text on both sides.

    Returns the gutter x, the runs (index ranges into the lines sorted top to bottom) and that
    top-to-bottom order of the lines, or None.  Right-aligned dates at a tab stop are not a
    column: the text right of a real gutter starts at one x (left-aligned), while right-aligned
    dates start wherever they fit.
    """
    n_lines = len(line_starts)
    if n_lines < 2 * MIN_COLUMN_LINES or g.width <= 0:
        return None
    height = g.top - g.bottom
    big_gap = g.same_line & ((g.left[1:] - g.right[:-1]) > PHRASE_GAP_EM * height[:-1])
    ph_starts = np.flatnonzero(np.concatenate(([True], ~g.same_line | big_gap)))
    ph_x0 = np.minimum.reduceat(g.left, ph_starts)
    ph_x1 = np.maximum.reduceat(g.right, ph_starts)
    first_phrase = np.searchsorted(ph_starts, line_starts)  # line starts are phrase starts
    xs = np.arange(0.15 * g.width, 0.85 * g.width, 2.0)
    # A phrase ends left of x (starts right of it) when the line's leftmost end (rightmost
    # start) does: one value per line instead of a phrase-by-x table.
    line_x1 = np.minimum.reduceat(ph_x1, first_phrase)
    line_x0 = np.maximum.reduceat(ph_x0, first_phrase)
    if not _may_have_gutter(xs, line_x1, line_x0):
        return None
    cross = crossings(xs, ph_x0 - 1, ph_x1 + 1, first_phrase)
    has_left = line_x1[:, None] < xs
    has_right = line_x0[:, None] > xs
    tops = np.maximum.reduceat(g.top, line_starts)
    order = np.argsort(-tops, kind="stable")
    tops = tops[order]
    cross, has_left, has_right = cross[order], has_left[order], has_right[order]
    # Per x: the best run of non-crossing lines, scored by min(lines left, lines right).
    run_left = _run_counts(has_left & ~cross, cross)
    run_right = _run_counts(has_right & ~cross, cross)
    score = np.minimum(run_left, run_right).max(axis=0)
    best = int(score.max())
    if best < MIN_COLUMN_LINES:
        return None
    tied = np.flatnonzero(score == best)
    band_end = tied[0] + int(np.argmax(np.concatenate((np.diff(tied) != 1, [True]))))
    xi = (tied[0] + band_end) // 2
    gutter = float(xs[xi])
    runs = []
    start = 0
    crossed = cross[:, xi].tolist() + [True]  # the end of the page closes the last run
    lefts, rights = has_left[:, xi].tolist(), has_right[:, xi].tolist()
    for i in range(n_lines + 1):
        if crossed[i]:
            # Most runs between crossing lines are a line or two: too few for a zone.
            if sum(lefts[start:i]) >= MIN_ZONE_LINES and sum(rights[start:i]) >= MIN_ZONE_LINES:
                zone = _zone(has_left[start:i, xi], has_right[start:i, xi], tops[start:i])
                if zone is not None:
                    runs.append((start + zone[0], start + zone[1]))
            start = i + 1
    if not runs or not _right_side_aligned(g, line_starts, order, runs, gutter):
        return None
    return gutter, runs, order


def _may_have_gutter(xs: np.ndarray, line_x1: np.ndarray, line_x0: np.ndarray) -> bool:
    """Whether some x of the grid has enough lines with text left of it and enough with text
    right of it to score a gutter at all.

    A run counts only such lines, so these page-wide counts bound the score from above; on
    most pages (one column) they fall short, and the line-by-x tables are never built.
    """
    left = np.searchsorted(np.sort(line_x1), xs, "left")  # lines whose text ends left of x
    right = len(line_x0) - np.searchsorted(np.sort(line_x0), xs, "right")  # start right of x
    return bool(np.minimum(left, right).max() >= MIN_COLUMN_LINES)


def crossings(
    xs: np.ndarray, x0: np.ndarray, x1: np.ndarray, first_phrase: np.ndarray
) -> np.ndarray:
    """Per line and x of the ascending grid ``xs``: whether a phrase of the line spans x
    (``x0 <= x <= x1``).

    A phrase spans one contiguous range of grid points, so each one marks where its range
    starts and ends and a running sum along x fills the ranges in (a phrase-by-x table
    costs several times more).
    """
    n_lines, width = len(first_phrase), len(xs) + 1
    line = np.searchsorted(first_phrase, np.arange(len(x0)), "right") - 1
    lo = np.searchsorted(xs, x0, "left")                     # first x >= x0
    hi = np.maximum(np.searchsorted(xs, x1, "right"), lo)    # first x > x1
    size = n_lines * width
    marks = (np.bincount(line * width + lo, minlength=size)
             - np.bincount(line * width + hi, minlength=size))
    return np.cumsum(marks.reshape(n_lines, width), axis=1)[:, :-1] > 0


def _zone(left: np.ndarray, right: np.ndarray, tops: np.ndarray) -> tuple[int, int] | None:
    """The lines of a run (sorted top down) where both columns have text.

    One-sided lines above or below (a title over the columns, the next section's heading
    under them) stay outside; lines level with the first or last two-sided row stay inside.
    """
    lefts, rights = np.flatnonzero(left), np.flatnonzero(right)
    if min(len(lefts), len(rights)) < MIN_ZONE_LINES:
        return None
    upper = min(tops[lefts[0]], tops[rights[0]]) + _LEVEL_PT
    lower = max(tops[lefts[-1]], tops[rights[-1]]) - _LEVEL_PT
    inside = np.flatnonzero((tops <= upper) & (tops >= lower))
    start, end = int(inside[0]), int(inside[-1]) + 1
    if min(left[start:end].sum(), right[start:end].sum()) < MIN_ZONE_LINES:
        return None
    return start, _column_tail(left, right, tops, start, end)


def _column_tail(
    left: np.ndarray, right: np.ndarray, tops: np.ndarray, start: int, end: int
) -> int:
    """Extend a zone over one-sided lines that go on with one column at its own line pitch.

    A sidebar often runs on below the main column (or the other way round): those lines
    belong to their column.  A heading after the columns sits a section gap lower, so it
    stays outside.
    """
    for side in (left, right):
        rows = np.flatnonzero(side[start:end]) + start
        if len(rows) < 2:
            continue
        pitch = float(np.median(-np.diff(tops[rows])))
        if pitch <= 0:
            continue
        last = int(rows[-1])
        while end < len(tops) and side[end] and not (left[end] and right[end]):
            if tops[last] - tops[end] > 1.6 * pitch:
                break
            last, end = end, end + 1
    return end


def _run_counts(flags: np.ndarray, breaks: np.ndarray) -> np.ndarray:
    """Running count of flags within each run delimited by breaks (column-wise)."""
    total = np.cumsum(flags, axis=0)
    at_break = np.maximum.accumulate(np.where(breaks, total, 0), axis=0)
    return total - at_break


def _right_side_aligned(
    g: PageGeometry, line_starts: np.ndarray, order: np.ndarray, runs: list[tuple[int, int]],
    gutter: float,
) -> bool:
    """Whether the text right of the gutter reads as a left-aligned column.

    A column's lines start at one x (give or take indents) and end raggedly or justified;
    right-aligned dates at a tab stop end at one x and start wherever they fit.  ``order``
    lists the lines top to bottom, and ``runs`` index into it.
    """
    # Per line of the page, in one pass each: where its chars right of the gutter start and
    # end, and its tallest char (of the whole line).
    right = g.left > gutter
    has_right = np.logical_or.reduceat(right, line_starts)
    line_x0 = np.minimum.reduceat(np.where(right, g.left, np.inf), line_starts)
    line_x1 = np.maximum.reduceat(np.where(right, g.right, -np.inf), line_starts)
    line_height = np.maximum.reduceat(g.top - g.bottom, line_starts)
    lines = np.concatenate([order[a:b] for a, b in runs])
    lines = lines[has_right[lines]]
    tolerance = max(3.0, 1.5 * float(np.median(line_height[lines])))
    x0, x1 = line_x0[lines], line_x1[lines]
    starts_aligned = float(np.mean(np.abs(x0 - np.percentile(x0, 20)) <= tolerance))
    ends_aligned = float(np.mean(np.abs(x1 - np.percentile(x1, 80)) <= 3.0))
    return starts_aligned > ends_aligned and (ends_aligned < 0.5 or starts_aligned >= 0.8)


def _column_order(
    g: PageGeometry, line_starts: np.ndarray, line_ends: np.ndarray, gutter: float,
    runs: list[tuple[int, int]], order: np.ndarray,
) -> list[tuple[int, int, int]]:
    """Spans of the lines top to bottom (``order``); inside each column run, the left column's
    parts first, then the right's."""
    spans = [(a, b, 0) for a, b in zip(line_starts[order].tolist(), line_ends[order].tolist(),
                                        strict=True)]
    # The first char of the page centred right of the gutter, at or after each line start:
    # a line splits there (or is all left of the gutter when that char is past its end).
    right = np.flatnonzero((g.left + g.right) / 2 > gutter)
    found = np.searchsorted(right, line_starts[order])
    first_right = np.append(right, len(g.drawn))[found].tolist()
    out: list[tuple[int, int, int]] = []
    done = 0
    for a, b in runs:
        out.extend(spans[done:a])
        left, right_parts = [], []
        for (s, e, _), split in zip(spans[a:b], first_right[a:b], strict=True):
            split = min(split, e)
            if split > s:
                left.append((s, split, 1))
            if split < e:
                right_parts.append((split, e, 2))
        out.extend(left + right_parts)
        done = b
    out.extend(spans[done:])
    return out
