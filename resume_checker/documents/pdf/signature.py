"""Which bytes are a PDF: asked by the format sniffer and by a batch's discovery without
loading PDFium.  Needs nothing but the bytes."""

from __future__ import annotations

#: the PDF header may follow this many bytes of junk (a mail or download preamble)
HEADER_WINDOW = 1024


def accepts(head: bytes) -> bool:
    """True when the first bytes look like a PDF: ``%PDF-`` within the first KiB."""
    return b"%PDF-" in head[:HEADER_WINDOW]
