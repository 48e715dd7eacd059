"""Which bytes are a Word document: asked by the format sniffer and by a batch's discovery,
and by the reader for the part it opens first.  Needs nothing but the bytes."""

from __future__ import annotations

from collections.abc import Collection

#: the part that makes a ZIP archive a Word document
MAIN_PART = "word/document.xml"
#: how a ZIP archive (the container of a .docx) starts: a local file header, an empty archive,
#: or a spanned-archive marker
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


def accepts(head: bytes, names: Collection[str] | None = None) -> bool:
    """True when the first bytes open a ZIP archive and, once its listing ``names`` is known,
    the archive holds ``word/document.xml`` (what else it must not hold is the sniffer's)."""
    return head.startswith(ZIP_MAGIC) and (names is None or MAIN_PART in names)
