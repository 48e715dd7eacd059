"""The loose box of every wanted character of a PDFium text page, in one array.

PDFium gives one box per call, and a resume that draws each character as its own object has
thousands a page.  Through ctypes each call costs ~0.45 us, nearly all of it ctypes itself, which
made this loop ~15% of a batch's CPU time.  The optional C module :mod:`._pdfboxes` (built at
install when a C compiler is there) makes the same calls to the same PDFium function in a C
loop, ~25x faster; without it the calls go through ctypes.  Both fill the same array.
"""

from __future__ import annotations

import ctypes
from collections import deque
from collections.abc import Callable
from itertools import repeat

import numpy as np
import pypdfium2.raw as pdfium_c

from resume_checker.documents.pdf.pdfium_calls import INT, VP, fast

_fill_boxes: Callable[[int, int, object, object], int] | None
try:
    from resume_checker.documents._pdfboxes import fill_boxes as _fill_boxes
except ImportError:  # not built: no C compiler at install time
    _fill_boxes = None

__all__ = ["NATIVE", "box_loop", "loose_boxes"]

#: whether the C loop is in use (False: the ctypes loop, same boxes, slower)
NATIVE = _fill_boxes is not None

_LOOSE_BOX = pdfium_c.FPDFText_GetLooseCharBox
_loose_box = fast(_LOOSE_BOX, INT, VP, INT, VP)
#: the address of FPDFText_GetLooseCharBox, which the C loop calls (0: not found)
LOOSE_BOX_AT: int = ctypes.cast(_LOOSE_BOX, ctypes.c_void_p).value or 0


def loose_boxes(textpage: int | None, wanted: np.ndarray, count: int, *,
                native: bool = NATIVE) -> np.ndarray:
    """A (count, 4) float32 array of PDFium's loose char boxes (left, top, right, bottom; y up)
    for the char indices in ``wanted``; the other rows, and a failed call's, stay zero.

    ``textpage`` is the raw FPDF_TEXTPAGE address; ``native=False`` forces the ctypes loop.
    """
    boxes = np.zeros((count, 4), dtype=np.float32)
    if not len(wanted) or not textpage:
        return boxes
    if native and _fill_boxes is not None and LOOSE_BOX_AT:
        _fill_boxes(LOOSE_BOX_AT, textpage, np.ascontiguousarray(wanted, dtype=np.int32), boxes)
        return boxes
    base = boxes.ctypes.data
    # One call per char, driven by `map` so no bytecode runs per char.
    deque(map(_loose_box, repeat(textpage), wanted.tolist(), (base + 16 * wanted).tolist()),
          maxlen=0)
    return boxes


def box_loop() -> str:
    """Which loop reads the boxes, in words (benchmarks print it: their figures depend on it)."""
    if NATIVE:
        return "the C loop (resume_checker.documents._pdfboxes)"
    return ("the ctypes loop: the optional C module was not built (no C compiler at install), "
            "several ms per resume slower")
