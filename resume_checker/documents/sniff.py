"""Decide the format from the bytes alone: the file name is never trusted.

A PDF renamed ``.docx`` is read as PDF, a DOCX renamed ``.pdf`` as DOCX.  Everything we
cannot read (legacy .doc, .docm, .odt, RTF, images, other binaries) is refused here with
a sentence that says what the file is and what to do, before any parser runs.
"""

from __future__ import annotations

import io
from enum import StrEnum
from typing import TYPE_CHECKING

from resume_checker.errors import (
    PasswordProtectedError,
    UnreadableDocumentError,
    UnsupportedFormatError,
)

if TYPE_CHECKING:
    from zipfile import ZipFile


class Format(StrEnum):
    """The formats we read; the value is Document.format."""

    PDF = "pdf"
    DOCX = "docx"
    TEXT = "text"


_SAVE_AS = "save it as PDF or DOCX"
_IMAGE = (
    "an image, not a text document: export the resume as PDF or DOCX "
    "(an ATS cannot read images)"
)
# (magic at offset 0, what the file is)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"{\\rtf", f"Rich Text Format (RTF): {_SAVE_AS}"),
    (b"\x89PNG\r\n\x1a\n", _IMAGE),
    (b"\xff\xd8\xff", _IMAGE),
    (b"GIF87a", _IMAGE),
    (b"GIF89a", _IMAGE),
    (b"II*\x00", _IMAGE),
    (b"MM\x00*", _IMAGE),
    (b"\x1f\x8b", f"a gzip archive, not a document: {_SAVE_AS}"),
    (b"7z\xbc\xaf\x27\x1c", f"a 7-Zip archive, not a document: {_SAVE_AS}"),
    (b"Rar!\x1a\x07", f"a RAR archive, not a document: {_SAVE_AS}"),
)
# ELF; Mach-O 32/64-bit, both byte orders (fat binaries share 0xCAFEBABE with Java classes).
_PROGRAMS = (b"\x7fELF", b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xce\xfa\xed\xfe",
             b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe")
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif")
_ODT_MIME = b"application/vnd.oasis.opendocument.text"
_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")
_SAMPLE = 8192
_MAX_CONTENT_TYPES = 1024 * 1024  # [Content_Types].xml is a few KB; read no more than this
# Bytes that do not occur in text: C0 controls except tab, LF, VT, FF and CR.
_CONTROL = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0B, 0x0C, 0x0D))
_MAX_CONTROL_RATIO = 0.10


def sniff(data: bytes, *, source: str) -> Format:
    """The format of ``data``; raises UnsupportedFormatError naming the file and the fix."""
    if not data:
        raise UnreadableDocumentError("the file is empty", source=source)
    head = data[:_SAMPLE]
    if head.startswith(_ZIP):
        return _sniff_zip(data, source=source)
    if head.startswith(_OLE2):
        if _ENCRYPTED_OOXML in data:
            raise PasswordProtectedError(
                "the Word document is password-protected: remove the password and save it "
                "again as DOCX or PDF",
                source=source,
            )
        raise UnsupportedFormatError(f"legacy Word .doc: {_SAVE_AS}", source=source)
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise UnsupportedFormatError(what, source=source)
    if _is_other_image(head):
        raise UnsupportedFormatError(_IMAGE, source=source)
    if _is_program(head):
        raise UnsupportedFormatError(f"a program (executable), not a document: {_SAVE_AS}",
                                     source=source)
    if b"%PDF-" in data[:1024]:
        return Format.PDF
    if _looks_like_text(head):
        return Format.TEXT
    raise UnsupportedFormatError(
        f"not a PDF, Word (.docx) or plain-text file (binary data of an unknown kind): {_SAVE_AS}",
        source=source,
    )


def _is_other_image(head: bytes) -> bool:
    """BMP, WebP and HEIC/HEIF/AVIF, whose magic is not a plain prefix."""
    if head.startswith(b"BM") and len(head) >= 26 and head[6:10] == b"\x00\x00\x00\x00":
        return True
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return True
    return head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS


def _is_program(head: bytes) -> bool:
    """Windows (MZ/PE), Linux (ELF) and macOS (Mach-O) programs.  An MZ header is binary in
    its first 64 bytes, so a text file that merely starts with "MZ" is still text."""
    if head.startswith(b"MZ"):
        return b"PE\x00\x00" in head or len(head[2:64].translate(None, _CONTROL)) < len(head[2:64])
    return head.startswith(_PROGRAMS)


def _sniff_zip(data: bytes, *, source: str) -> Format:
    import zipfile  # only when a ZIP arrives: keeps the package import cheap
    import zlib

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                mime = _read_small(zf, "mimetype").strip()
                if mime == _ODT_MIME:
                    raise UnsupportedFormatError(f"OpenDocument text: {_SAVE_AS}", source=source)
                if mime.startswith(b"application/vnd.oasis.opendocument"):
                    raise UnsupportedFormatError(
                        f"an OpenDocument file that is not text: {_SAVE_AS}", source=source
                    )
            if "word/document.xml" in names:
                macro = "word/vbaProject.bin" in names or (
                    "[Content_Types].xml" in names
                    and b"macroenabled" in _read_small(zf, "[Content_Types].xml").lower()
                )
                if macro:
                    raise UnsupportedFormatError(
                        "macro-enabled Word document (.docm): save it as .docx "
                        "(macros are never run) or PDF",
                        source=source,
                    )
                return Format.DOCX
            if "xl/workbook.xml" in names:
                what = "an Excel workbook, not a resume document"
            elif "ppt/presentation.xml" in names:
                what = "a PowerPoint presentation, not a resume document"
            else:
                what = "a ZIP archive that is not a Word document"
            raise UnsupportedFormatError(f"{what}: {_SAVE_AS}", source=source)
    except (
        zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, RuntimeError,
        NotImplementedError, zlib.error,
    ) as exc:
        raise UnreadableDocumentError(
            f"the file is a damaged ZIP archive (a truncated or corrupt DOCX?): {exc}",
            source=source,
        ) from exc


def _read_small(zf: ZipFile, name: str) -> bytes:
    """A small part, read with a hard cap so a forged entry cannot blow up memory."""
    with zf.open(name) as fh:
        return fh.read(_MAX_CONTENT_TYPES)


def _looks_like_text(head: bytes) -> bool:
    """Text with a BOM, or bytes with few control characters (a stray NUL is tolerated)."""
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return True
    if not head:
        return False
    control = len(head) - len(head.translate(None, _CONTROL))
    return control / len(head) <= _MAX_CONTROL_RATIO
