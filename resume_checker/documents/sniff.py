"""Decide the format from the bytes alone: the file name is never trusted.

A PDF renamed ``.docx`` is read as PDF, a DOCX renamed ``.pdf`` as DOCX.  Each format says
which bytes it takes (``pdf.accepts``, ``docx.accepts``, ``text.accepts``); :func:`sniff` asks
them in a fixed order, after refusing everything we cannot read (legacy .doc, .docm, .odt,
RTF, images, other binaries) with a sentence that says what the file is and what to do, before
any parser runs.  :func:`head_format` is the same decision from the first bytes alone, so a
batch's file discovery takes exactly the files the parsers will read as PDF or DOCX.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from resume_checker.documents import docx, pdf, text
from resume_checker.documents.model import Format
from resume_checker.errors import (
    DocumentError,
    PasswordProtectedError,
    UnreadableDocumentError,
    UnsupportedFormatError,
)

if TYPE_CHECKING:
    from zipfile import ZipFile

__all__ = ["HEAD_BYTES", "SAMPLE_BYTES", "Format", "head_format", "sniff"]

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
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif")
_ODT_MIME = b"application/vnd.oasis.opendocument.text"
_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")
#: the first bytes every check reads (a ZIP's listing and an OLE2 password mark aside)
SAMPLE_BYTES = 8192
#: the first bytes head_format needs: the PDF header window, which holds every magic number
HEAD_BYTES = pdf.HEADER_WINDOW
_MAX_CONTENT_TYPES = 1024 * 1024  # [Content_Types].xml is a few KB; read no more than this


def sniff(data: bytes, *, source: str) -> Format:
    """The format of ``data``; raises UnsupportedFormatError naming the file and the fix."""
    if not data:
        raise UnreadableDocumentError("the file is empty", source=source)
    head = data[:SAMPLE_BYTES]
    if docx.accepts(head):
        return _sniff_zip(data, source=source)
    refused = _refusal(head, data)
    if refused is not None:
        error, reason = refused
        raise error(reason, source=source)
    if pdf.accepts(head):
        return Format.PDF
    if text.accepts(head):
        return Format.TEXT
    raise UnsupportedFormatError(
        f"not a PDF, Word (.docx) or plain-text file (binary data of an unknown kind): {_SAVE_AS}",
        source=source,
    )


def head_format(head: bytes) -> Format | None:
    """The format :func:`sniff` gives a file whose first :data:`HEAD_BYTES` are ``head``, when
    they alone decide it: PDF, or DOCX for any ZIP archive (its listing may still refuse it).
    None for bytes sniff refuses and for all others (text, which a batch judges by file name).
    One case needs more than the head: a file starting "MZ" is a program by a PE mark anywhere
    in :data:`SAMPLE_BYTES`, so sniff may refuse what this calls a PDF."""
    if docx.accepts(head):
        return Format.DOCX
    if _refusal(head, head) is not None:
        return None
    return Format.PDF if pdf.accepts(head) else None


def _refusal(head: bytes, data: bytes) -> tuple[type[DocumentError], str] | None:
    """The error and reason for bytes we never read (checked before the PDF and text tests)."""
    if head.startswith(_OLE2):
        if _ENCRYPTED_OOXML in data:
            return PasswordProtectedError, (
                "the Word document is password-protected: remove the password and save it "
                "again as DOCX or PDF"
            )
        return UnsupportedFormatError, f"legacy Word .doc: {_SAVE_AS}"
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return UnsupportedFormatError, what
    if _is_other_image(head):
        return UnsupportedFormatError, _IMAGE
    if _is_program(head):
        return UnsupportedFormatError, f"a program (executable), not a document: {_SAVE_AS}"
    return None


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
        start = head[2:64]
        return b"PE\x00\x00" in head or len(start.translate(None, text.CONTROL_BYTES)) < len(start)
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
            if docx.accepts(data, names):
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

