"""Font facts of PDF text through PDFium: the drawn size, the family and the weight of a char.

The parser reads them once per line (for its first char), so the calls go through prototypes
without declared argument types and buffers allocated once per page.
"""

from __future__ import annotations

import ctypes
import re

import pypdfium2.raw as pdfium_c

from resume_checker.documents.pdf.pdfium_calls import bare

__all__ = ["CharFonts", "font_family"]

_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
_FORCE_BOLD_FLAG = 1 << 18
_SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")           # "ABCDEF+Arial" in a subset font
_STYLE_TAIL = re.compile(r"[-,].*$")                # "-BoldMT", ",Italic"
_VENDOR_TAIL = re.compile(r"(PSMT|PS|MT|\d+)$")    # "ArialMT", "TimesNewRomanPS", "CMR10"
_NAME_BYTES = 128  # room for a font name (longer names read as no name)


_font_size = bare(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
_char_matrix = bare(pdfium_c.FPDFText_GetMatrix, ctypes.c_int)
_font_info = bare(pdfium_c.FPDFText_GetFontInfo, ctypes.c_ulong)
_font_weight = bare(pdfium_c.FPDFText_GetFontWeight, ctypes.c_int)
_NAME_SIZE = ctypes.c_ulong(_NAME_BYTES)


class CharFonts:
    """Drawn size and font of the chars of one text page (a few PDFium calls per line).

    The buffers PDFium writes into are allocated once, not per line; families are cached by
    font name and flags.
    """

    __slots__ = ("_buffer", "_cache", "_flags", "_handle", "_matrix", "_pointers")

    def __init__(self, handle: int | None) -> None:
        self._handle = ctypes.c_void_p(handle)
        self._matrix = pdfium_c.FS_MATRIX()
        self._buffer = ctypes.create_string_buffer(_NAME_BYTES)
        self._flags = ctypes.c_int(0)
        self._pointers = tuple(ctypes.c_void_p(ctypes.addressof(b))
                               for b in (self._matrix, self._buffer, self._flags))
        self._cache: dict[tuple[bytes, int], tuple[str | None, bool]] = {}

    def size(self, index: int) -> float:
        """The size as drawn: the font size scaled by the char's text and page matrices."""
        size: float = _font_size(self._handle, index)
        if _char_matrix(self._handle, index, self._pointers[0]):
            m = self._matrix
            size *= abs(m.a * m.d - m.b * m.c) ** 0.5
        return size

    def font(self, index: int) -> tuple[str | None, bool]:
        """The family and boldness of the char's font."""
        _, buffer_at, flags_at = self._pointers
        self._flags.value = 0  # PDFium leaves the flags alone for a char without a font
        size = _font_info(self._handle, index, buffer_at, _NAME_SIZE, flags_at)
        raw = self._buffer.value if 0 < size <= _NAME_BYTES else b""
        key = (raw, self._flags.value)
        found = self._cache.get(key)
        if found is None:  # once per font of the page: most lines share a few
            name, flags = raw.decode("utf-8", "replace"), key[1]
            weight = _font_weight(self._handle, index)
            found = self._cache[key] = (
                font_family(name),
                weight >= 600
                or bool(flags & _FORCE_BOLD_FLAG)
                or any(word in name.lower() for word in _BOLD_NAMES),
            )
        return found


def font_family(name: str) -> str | None:
    """The family of a PDF font name: "ABCDEF+Arial-BoldMT", "ArialMT" and "Arial,Italic" are
    all "Arial", so bold and italic faces do not count as fonts of their own."""
    name = _SUBSET_TAG.sub("", name.strip())
    family = _STYLE_TAIL.sub("", name) or name
    return _VENDOR_TAIL.sub("", family) or family or None
