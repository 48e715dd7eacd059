"""Word (.docx): which bytes are a .docx (:func:`accepts`), and the reader (:func:`parse_docx`).

``accepts`` is cheap, so the format sniffer and a batch's file discovery ask it without loading
lxml.  ``parse_docx`` lives in :mod:`.reader` (lxml, ~0.04 s to import): it is imported on first
use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from resume_checker.documents.docx.signature import MAIN_PART, ZIP_MAGIC, accepts

if TYPE_CHECKING:
    from resume_checker.documents.docx.reader import parse_docx

__all__ = ["MAIN_PART", "ZIP_MAGIC", "accepts", "parse_docx"]

def __getattr__(name: str) -> object:
    """``parse_docx``, imported from :mod:`.reader` when first asked for."""
    if name == "parse_docx":
        from resume_checker.documents.docx import reader

        value = reader.parse_docx
        globals()[name] = value  # later look-ups find it without this hook
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
