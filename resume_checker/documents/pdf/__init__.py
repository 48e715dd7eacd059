"""PDF: which bytes are a PDF (:func:`accepts`), and the reader (:func:`parse_pdf`, PDFium).

``accepts`` is cheap and needs only the first KiB, so the format sniffer and a batch's file
discovery ask it without loading PDFium.  ``parse_pdf`` and ``font_family`` live in
:mod:`.reader`, which imports pypdfium2 and numpy (~0.2 s): they are imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from resume_checker.documents.pdf.signature import HEADER_WINDOW, accepts

if TYPE_CHECKING:
    from resume_checker.documents.pdf.reader import font_family, parse_pdf

__all__ = ["HEADER_WINDOW", "accepts", "font_family", "parse_pdf"]

_READER_NAMES = frozenset({"font_family", "parse_pdf"})


def __getattr__(name: str) -> object:
    """``parse_pdf`` and ``font_family``, imported from :mod:`.reader` when first asked for."""
    if name in _READER_NAMES:
        from resume_checker.documents.pdf import reader

        value = getattr(reader, name)
        globals()[name] = value  # later look-ups find it without this hook
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
