"""Which characters of a PDF page no reader can see: white, tiny, off the page, under an image.

Keyword stuffers hide a copy of a job ad in a resume: white text on the white page, text of a
point or less, text placed outside the page box, or text an image is drawn over.  An ATS reads
all of it; a recruiter sees none of it.  The parser keeps such text out of the matchable lines.

Cost matters (the parser reads hundreds of resumes a second, and some generators make every
word its own text object, thousands a page), so a page's objects are read only when a cheap
probe says they may hide something: the page shows images, or one of the sampled characters
(the first, middle and last of every line) is drawn in a light colour.  White text that sits
inside a line of visible text, away from those samples, can therefore be missed.  Characters
are mapped to their object only on the rare page that has a hidden object; font size is read
only for characters whose box is already tiny.  Objects inside form XObjects are not read.
"""

from __future__ import annotations

import ctypes
from itertools import repeat
from typing import Any

import numpy as np
import pypdfium2.raw as pdfium_c

from resume_checker.documents.pdf.pdfium_calls import INT, VP, fast

__all__ = ["HIDDEN_REASONS", "PageObjects", "hidden_reasons", "may_hide_text", "scan_objects"]

#: reason codes, by the value `hidden_reasons` gives them (0 is visible)
HIDDEN_REASONS = ("", "white_text", "tiny_text", "off_page", "covered")
WHITE, TINY, OFF_PAGE, COVERED = 1, 2, 3, 4

TINY_PT = 4.0            # text drawn smaller than this (points) is unreadable on paper
_TINY_BOX_PT = 6.0       # a loose char box lower than this may hold tiny text: check its size
_LIGHT = 235             # every channel at least this (of 255): white or near it
_OFF_PAGE_PT = 1.0       # a box this far outside the crop box is off the page


_count_objects = fast(pdfium_c.FPDFPage_CountObjects, INT, VP)
_get_object = fast(pdfium_c.FPDFPage_GetObject, VP, VP, INT)
_object_type = fast(pdfium_c.FPDFPageObj_GetType, INT, VP)
_fill_color = fast(pdfium_c.FPDFPageObj_GetFillColor, INT, VP, VP, VP, VP, VP)
_bounds = fast(pdfium_c.FPDFPageObj_GetBounds, INT, VP, VP, VP, VP, VP)
_draw_mode = fast(pdfium_c.FPDFPath_GetDrawMode, INT, VP, VP, VP)
_text_object = fast(pdfium_c.FPDFText_GetTextObject, VP, VP, INT)
_char_fill = fast(pdfium_c.FPDFText_GetFillColor, INT, VP, INT, VP, VP, VP, VP)

_TEXT, _PATH = pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH
_IMAGE, _SHADING = pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_SHADING

Box = tuple[float, float, float, float]  # left, bottom, right, top (PDF space, y up)


class PageObjects:
    """The top-level objects of a page that matter for hidden text, in drawing order."""

    __slots__ = ("backdrops", "hidden", "images", "texts")

    def __init__(self) -> None:
        self.texts: list[tuple[int, int]] = []              # (draw index, handle)
        self.hidden: dict[int, int] = {}                    # text handle -> reason
        self.backdrops: list[tuple[int, Box]] = []          # dark fills and images
        self.images: list[tuple[int, Box]] = []


def may_hide_text(textpage_handle: int | None, drawn: np.ndarray, same_line: np.ndarray,
                  image_count: int) -> bool:
    """Whether the page's objects are worth reading: it shows images, or a sampled char (first,
    middle and last of each line of drawn chars) is light or transparent."""
    if image_count:
        return True
    if not len(drawn):
        return False
    starts = np.flatnonzero(np.concatenate(([True], ~same_line)))
    ends = np.append(starts[1:], len(drawn)) - 1
    # A set drops the repeats (a one-char line is its own start, middle and end).
    samples = set(drawn[np.concatenate((starts, ends, (starts + ends) // 2))].tolist())
    # Read every sample's colour into one array (the loop runs in `map`, not in bytecode),
    # then test them together: the answer is the same as stopping at the first light one.
    colours = np.zeros((len(samples), 4), dtype=np.uint32)  # r, g, b, a per sample
    at = colours.ctypes.data
    end = at + colours.nbytes
    found = list(map(_char_fill, repeat(textpage_handle), samples, range(at, end, 16),
                     range(at + 4, end, 16), range(at + 8, end, 16), range(at + 12, end, 16)))
    r, g, b, a = colours.T
    light = (a == 0) | ((r >= _LIGHT) & (g >= _LIGHT) & (b >= _LIGHT))
    return bool((np.array(found, dtype=bool) & light).any())


def scan_objects(page_handle: int | None) -> PageObjects:
    """Read the page's objects once: light-coloured text, backdrops and images."""
    found = PageObjects()
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    rgba = [ctypes.addressof(c) for c in (r, g, b, a)]
    light: list[tuple[int, int]] = []
    for i in range(max(_count_objects(page_handle), 0)):
        obj = _get_object(page_handle, i)
        kind = _object_type(obj)
        if kind == _TEXT:
            found.texts.append((i, obj))
            if _fill_color(obj, *rgba) and (
                a.value == 0 or min(r.value, g.value, b.value) >= _LIGHT
            ):
                light.append((i, obj))
        elif kind in (_IMAGE, _SHADING):
            box = _box(obj)
            if box is not None:
                found.backdrops.append((i, box))
                if kind == _IMAGE:
                    found.images.append((i, box))
        elif kind == _PATH and _is_dark_fill(obj, rgba, (r, g, b, a)):
            box = _box(obj)
            if box is not None:
                found.backdrops.append((i, box))
    for i, obj in light:
        box = _box(obj)
        if box is None or not any(j < i and _contains(bd, _centre(box)) for j, bd in
                                  found.backdrops):
            found.hidden[obj] = WHITE
    if found.images:
        last_image = found.images[-1][0]
        for i, obj in found.texts:
            if i > last_image or obj in found.hidden:
                continue
            box = _box(obj)
            if box is not None and any(j > i and _covers(im, box) for j, im in found.images):
                found.hidden[obj] = COVERED
    return found


def hidden_reasons(
    textpage_handle: int | None, boxes: np.ndarray, drawn: np.ndarray, crop: Box,
    objects: PageObjects, font_size: Any,
) -> np.ndarray | None:
    """Per char index, the reason it is hidden (0 = visible); None when nothing is hidden.

    ``boxes`` are PDFium's loose boxes (left, top, right, bottom; y up), ``drawn`` a mask of
    the chars that have one, ``font_size(i)`` the drawn size of char ``i`` in points.
    """
    left, top, right, bottom = (boxes[:, k] for k in range(4))
    x0, y0, x1, y1 = crop
    off = drawn & (
        (right < x0 - _OFF_PAGE_PT) | (left > x1 + _OFF_PAGE_PT)
        | (top < y0 - _OFF_PAGE_PT) | (bottom > y1 + _OFF_PAGE_PT)
    )
    small = np.flatnonzero(drawn & ((top - bottom) < _TINY_BOX_PT))
    tiny = [i for i in small.tolist() if 0 < font_size(i) < TINY_PT]
    if not (off.any() or tiny or objects.hidden):
        return None
    reasons = np.zeros(len(boxes), dtype=np.int8)
    if objects.hidden:
        for i in np.flatnonzero(drawn).tolist():
            reason = objects.hidden.get(_text_object(textpage_handle, i) or 0)
            if reason:
                reasons[i] = reason
    reasons[tiny] = np.where(reasons[tiny] == 0, TINY, reasons[tiny])
    reasons[off] = OFF_PAGE
    return reasons if reasons.any() else None


def _box(obj: int) -> Box | None:
    vals = [ctypes.c_float() for _ in range(4)]
    if not _bounds(obj, *(ctypes.addressof(v) for v in vals)):
        return None
    left, bottom, right, top = (v.value for v in vals)
    return (left, bottom, right, top)


def _is_dark_fill(obj: int, rgba: list[int], channels: tuple[ctypes.c_uint, ...]) -> bool:
    """A filled path whose colour is not light: white text on it can be seen."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not _draw_mode(obj, ctypes.addressof(fill), ctypes.addressof(stroke)) or not fill.value:
        return False
    if not _fill_color(obj, *rgba):
        return False
    r, g, b, a = (c.value for c in channels)
    return a > 0 and min(r, g, b) < _LIGHT


def _centre(box: Box) -> tuple[float, float]:
    return ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)


def _contains(box: Box, point: tuple[float, float]) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


def _covers(image: Box, box: Box) -> bool:
    """The image lies over the whole text box (1 pt of slack)."""
    return (image[0] <= box[0] + 1 and image[1] <= box[1] + 1
            and image[2] >= box[2] - 1 and image[3] >= box[3] - 1)
