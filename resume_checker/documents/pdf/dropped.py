"""Glyphs PDFium's text page drops as repeats although they are real letters.

PDFium leaves a text object out of its text page when it looks like a repeat of one of the five
text objects drawn before it (the "fake bold" of drawing a word twice): same char codes, same
font size, boxes overlapping by more than half, and a shift under 0.9 of the char's advance.
A Word export that draws every glyph as its own object and kerns "ff" tighter than that has its
second "f" taken for such a repeat: "offering" reads "of ering".  Such an object is on the page
with a box but owns no char of the text page (FPDFTextObj_GetText gives "").

This module finds those objects and puts their char back, next to the char it was taken to
repeat, with that char's box moved by the shift.  A shift under :data:`REPEAT_EM` of the font's
height (the loose box's) stays a repeat, as in poppler's duplicate test: a bold effect moves
its copy by a few hundredths of an em.  Only one-char objects are compared (the Word case).

Finding the objects that own no char takes a call per char and two per object; the optional C
module :mod:`.._pdfboxes` makes them in a C loop (a fraction of a millisecond a page), else
they go through ctypes (a few milliseconds a page that draws each glyph as an object).
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from dataclasses import dataclass
from itertools import repeat

import numpy as np
import pypdfium2.raw as pdfium_c

from resume_checker.documents.pdf.pdfium_calls import INT, VP, fast

_unowned_objects: Callable[[tuple[int, ...], int, int, int], list[int]] | None
try:
    from resume_checker.documents._pdfboxes import unowned_objects as _unowned_objects
except ImportError:  # not built, or built before it had this function
    _unowned_objects = None

__all__ = ["REPEAT_EM", "Restored", "restore_dropped", "unowned_text_objects"]

#: a copy shifted less than this share of its font's height (the loose box's) is a repeat
REPEAT_EM = 0.1
_LOOK_BACK = 5              # text objects PDFium compares each one with
_SAME_PT = 0.01             # boxes this close in width and baseline are one glyph's
_MIN_OBJECT_SHARE = 0.5     # objects per char from which a page may draw a glyph an object

_COUNT_OBJECTS = pdfium_c.FPDFPage_CountObjects
_GET_OBJECT = pdfium_c.FPDFPage_GetObject
_OBJECT_TYPE = pdfium_c.FPDFPageObj_GetType
_BOUNDS = pdfium_c.FPDFPageObj_GetBounds
_TEXT_OBJECT = pdfium_c.FPDFText_GetTextObject
_count_objects = fast(_COUNT_OBJECTS, INT, VP)
_get_object = fast(_GET_OBJECT, VP, VP, INT)
_object_type = fast(_OBJECT_TYPE, INT, VP)
_bounds = fast(_BOUNDS, INT, VP, VP, VP, VP, VP)
_font_size = fast(pdfium_c.FPDFTextObj_GetFontSize, INT, VP, VP)
_text_object = fast(_TEXT_OBJECT, VP, VP, INT)
_TEXT = pdfium_c.FPDF_PAGEOBJ_TEXT
#: the addresses the C loop calls, in its order (a 0: not found, the ctypes loop is used)
_FUNCTIONS = tuple(ctypes.cast(f, ctypes.c_void_p).value or 0
                   for f in (_COUNT_OBJECTS, _GET_OBJECT, _OBJECT_TYPE, _BOUNDS, _TEXT_OBJECT))


@dataclass(frozen=True, slots=True)
class Restored:
    """A page's text and boxes with the dropped chars put back (and the spaces PDFium
    generated for their gaps left out).

    ``source`` gives, per char index of the new text, the PDFium char index it stands for (a
    restored char: the char it was taken to repeat), for every look-up that asks PDFium.
    """

    text: str
    boxes: np.ndarray
    source: np.ndarray


@dataclass(frozen=True, slots=True)
class _Object:
    handle: int
    box: tuple[float, float, float, float]  # left, bottom, right, top
    size: float


def restore_dropped(page_handle: int | None, textpage_handle: int | None, text: str,
                    boxes: np.ndarray, generated: np.ndarray) -> Restored | None:
    """The page with the glyphs PDFium dropped as repeats put back; None when there are none.

    ``boxes`` are the loose char boxes, ``generated`` marks the chars PDFium generated."""
    count = len(text)
    if not count or not page_handle or not textpage_handle:
        return None
    if _count_objects(page_handle) < _MIN_OBJECT_SHARE * count:
        return None  # most chars share objects: not a glyph-an-object page
    unowned = unowned_text_objects(page_handle, textpage_handle, count)
    if not unowned:
        return None
    # object handle -> (the PDFium char index it reads as, its shift from that char's box)
    placed = {obj: (i, 0.0) for obj, i in _single_chars(textpage_handle, count).items()}
    found: list[tuple[int, float]] = []
    read: dict[int, _Object | None] = {}
    for index in unowned:
        obj = _read(page_handle, index, read)
        if obj is None:
            continue
        twin = _twin(obj, _before(page_handle, index, read), placed, text, boxes)
        if twin is not None:
            found.append(twin)
            placed[obj.handle] = twin
    return _insert(text, boxes, generated, found) if found else None


def unowned_text_objects(page_handle: int, textpage_handle: int, count: int, *,
                         native: bool = True) -> list[int]:
    """Indices of the page's top-level text objects with a box wider than zero that own no
    char of the text page (``count`` chars); ``native=False`` forces the ctypes loop."""
    if native and _unowned_objects is not None and all(_FUNCTIONS):
        return _unowned_objects(_FUNCTIONS, page_handle, textpage_handle, count)
    owners = set(map(_text_object, repeat(textpage_handle), range(count)))
    objects = list(map(_get_object, repeat(page_handle),
                       range(max(_count_objects(page_handle), 0))))
    floats = (ctypes.c_float * 4)()
    at = [ctypes.addressof(floats) + 4 * i for i in range(4)]
    out = []
    for i, obj in enumerate(objects):
        if (obj and obj not in owners and _object_type(obj) == _TEXT
                and _bounds(obj, *at) and floats[2] > floats[0]):
            out.append(i)
    return out


def _single_chars(textpage_handle: int, count: int) -> dict[int, int]:
    """Text object handle -> the index of its char on the text page, for the objects that
    own exactly one char there (PDFium's generated chars belong to no object)."""
    char_of: dict[int, int] = {}
    several = set()
    for i, obj in enumerate(map(_text_object, repeat(textpage_handle), range(count))):
        if obj:
            if obj in char_of:
                several.add(obj)
            char_of[obj] = i
    for obj in several:
        del char_of[obj]
    return char_of


def _read(page_handle: int, index: int, read: dict[int, _Object | None]) -> _Object | None:
    """Object ``index`` of the page with its box and font size; None if it is no text object
    (``read`` keeps what was read)."""
    if index not in read:
        obj = _get_object(page_handle, index)
        floats = (ctypes.c_float * 5)()
        at = [ctypes.addressof(floats) + 4 * i for i in range(5)]
        if obj and _object_type(obj) == _TEXT and _bounds(obj, *at[:4]):
            size = floats[4] if _font_size(obj, at[4]) else 0.0
            read[index] = _Object(obj, (floats[0], floats[1], floats[2], floats[3]), size)
        else:
            read[index] = None
    return read[index]


def _before(page_handle: int, index: int, read: dict[int, _Object | None]) -> list[_Object]:
    """The text objects PDFium compares object ``index`` with: up to five drawn before it,
    nearest first."""
    out: list[_Object] = []
    k = index - 1
    while k >= 0 and len(out) < _LOOK_BACK:
        obj = _read(page_handle, k, read)
        if obj is not None:
            out.append(obj)
        k -= 1
    return out


def _twin(obj: _Object, before: list[_Object], placed: dict[int, tuple[int, float]],
          text: str, boxes: np.ndarray) -> tuple[int, float] | None:
    """The nearest one-char object drawn before ``obj`` (and read, or put back) that PDFium
    took it to repeat: same size, glyph width and baseline, overlapping.  Returns the char
    that object reads as with ``obj``'s shift from it; None when there is none or the shift
    from that object is a bold effect's."""
    left, bottom, right, _ = obj.box
    for other in before:
        o_left, o_bottom, o_right, _ = other.box
        at = placed.get(other.handle)  # None: dropped as a repeat, or several chars
        if (at is None or other.size != obj.size
                or abs((o_right - o_left) - (right - left)) > _SAME_PT
                or abs(o_bottom - bottom) > _SAME_PT or not o_left <= left < o_right):
            continue
        first, moved = at
        if text[first].isspace():
            return None
        em = boxes[first, 1] - boxes[first, 3]  # the loose box: the font's height
        shift = left - o_left
        return (first, moved + shift) if shift > REPEAT_EM * em else None
    return None


def _insert(text: str, boxes: np.ndarray, generated: np.ndarray,
            found: list[tuple[int, float]]) -> Restored:
    """The text and boxes with a copy of each twin char, shifted, right after it.  A space
    PDFium generated right after the twin goes: it stood for the gap the dropped glyph left,
    and a word gap that remains is the layout's to find (as between any two drawn chars)."""
    found.sort()
    after = np.array([twin for twin, _ in found], dtype=np.int64)
    copies = boxes[after].copy()
    copies[:, [0, 2]] += np.array([[shift, shift] for _, shift in found], dtype=boxes.dtype)
    source = np.insert(np.arange(len(text)), after + 1, after)
    new_boxes = np.insert(boxes, after + 1, copies, axis=0)
    keep = np.ones(len(source), dtype=bool)
    for gap in set((after + 1).tolist()):
        if gap < len(text) and text[gap] == " " and generated[gap]:
            # its place in the new text: after the copies inserted before it
            keep[gap + int(np.searchsorted(after + 1, gap, "right"))] = False
    source, new_boxes = source[keep], new_boxes[keep]
    new_text = "".join(text[i] for i in source.tolist())
    return Restored(new_text, new_boxes, source)
