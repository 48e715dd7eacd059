"""PDFium's C functions as ctypes prototypes that skip pypdfium2's argument conversion.

pypdfium2 declares every function with ``argtypes``, so each call converts and checks its
arguments; the PDF reader makes such calls per object and per line, thousands a page.  The two
forms here call the same function at the same address, only cheaper: ``fast`` takes plain
addresses (c_void_p) and ints, ``bare`` takes its arguments as given.  The equivalence tests
(tests/equivalence/test_pdf_font_prototypes.py, test_pdf_boxes.py) hold them to the declared forms.
"""

from __future__ import annotations

import ctypes
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pypdfium2 as pdfium

__all__ = ["INT", "VP", "address", "bare", "fast"]

#: the C types of the prototypes: a handle or pointer (as a plain address), and a C int
VP, INT = ctypes.c_void_p, ctypes.c_int


def address(pdfium_object: pdfium.PdfPage | pdfium.PdfTextPage) -> int | None:
    """The raw handle of a pypdfium2 object (page, text page) as a plain address, for ``fast``."""
    return ctypes.cast(pdfium_object.raw, ctypes.c_void_p).value


def fast(fn: Any, restype: Any, *argtypes: Any) -> Any:
    """The same PDFium function with plain address arguments: ~3x cheaper per call."""
    function_address = ctypes.cast(fn, ctypes.c_void_p).value
    if function_address is None:
        raise ImportError("PDFium function not found")
    return ctypes.CFUNCTYPE(restype, *argtypes)(function_address)


def bare(fn: Any, restype: Any) -> Any:
    """The PDFium function with its return type only: a call then passes its arguments as they
    are, which costs ~40% less than converting them through declared argument types (three or
    four calls a line).  Callers pass ctypes objects (c_void_p, c_ulong) and char indices (a
    Python int is passed as a C int, the type of PDFium's index)."""
    function_address = ctypes.cast(fn, ctypes.c_void_p).value
    if function_address is None:
        raise ImportError("PDFium function not found")
    function: Any = ctypes.CFUNCTYPE(restype)(function_address)
    function.argtypes = None  # no count or type checks: the arguments go as given
    return function
