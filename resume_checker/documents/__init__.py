"""Bytes in, Document out: one module per format plus the format sniffer.

:func:`parse_document` is the one entry point.  The format is chosen by the bytes, never by
the file name; the parsers (and pypdfium2, lxml) are imported only when a file
of their format arrives, so importing this package stays cheap.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

from resume_checker.documents.model import Document
from resume_checker.documents.sniff import Format, sniff
from resume_checker.errors import LimitExceededError, UnreadableDocumentError
from resume_checker.limits import DEFAULT_LIMITS, Limits

__all__ = ["Document", "Format", "parse_document", "read_source", "sniff"]

Source = bytes | bytearray | memoryview | str | os.PathLike[str] | BinaryIO


def parse_document(
    source: Source, *, filename: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Document:
    """Read a resume from a path, bytes or a binary stream into a Document.

    ``filename`` (or the path's own name) is only the display name in messages and
    reports; it never decides the format and is never opened.
    """
    data, name = read_source(source, filename=filename, limits=limits)
    fmt = sniff(data, source=name)
    if fmt is Format.PDF:
        from resume_checker.documents.pdf import parse_pdf
        from resume_checker.documents.pdf.inflate import check_inflated_size, may_exceed

        if may_exceed(len(data), limits):  # before PDFium inflates anything
            check_inflated_size(data, source=name, limits=limits)
        return parse_pdf(data, source=name, limits=limits)
    if fmt is Format.DOCX:
        from resume_checker.documents.docx import parse_docx

        return parse_docx(data, source=name, limits=limits)
    from resume_checker.documents.text import parse_text

    return parse_text(data, source=name, limits=limits)


def read_source(
    source: Source, *, filename: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> tuple[bytes, str]:
    """The bytes of ``source`` and its display name, with the size limit and emptiness checked."""
    if isinstance(source, bytes | bytearray | memoryview):
        data, name = bytes(source), filename or "<bytes>"
    elif isinstance(source, str | os.PathLike):
        name = filename or os.path.basename(os.fspath(source)) or os.fspath(source)
        data = _read_path(source, name=name, limits=limits)
    elif hasattr(source, "read"):
        stream_name = getattr(source, "name", None)
        default = os.path.basename(stream_name) if isinstance(stream_name, str) else "<stream>"
        name = filename or default
        try:
            data = source.read(limits.max_file_bytes + 1)
        except OSError as exc:
            reason = f"the file could not be read: {exc}"
            raise UnreadableDocumentError(reason, source=name) from exc
        if not isinstance(data, bytes | bytearray):
            raise TypeError("parse_document needs a binary stream (open the file with 'rb')")
        data = bytes(data)
    else:
        raise TypeError(f"parse_document cannot read a {type(source).__name__}")
    if len(data) > limits.max_file_bytes:
        raise _too_big(name, limits)
    if not data:
        raise UnreadableDocumentError("the file is empty", source=name)
    return data, name


def _read_path(path: str | os.PathLike[str], *, name: str, limits: Limits) -> bytes:
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise UnreadableDocumentError(f"cannot read it: it is {what}", source=name)
        if info.st_size > limits.max_file_bytes:
            raise _too_big(name, limits, size=info.st_size)
        with open(path, "rb") as fh:
            return fh.read(limits.max_file_bytes + 1)
    except FileNotFoundError as exc:
        raise UnreadableDocumentError("no such file", source=name) from exc
    except PermissionError as exc:
        reason = "permission denied: cannot open the file"
        raise UnreadableDocumentError(reason, source=name) from exc
    except IsADirectoryError as exc:
        raise UnreadableDocumentError("cannot read it: it is a folder", source=name) from exc
    except OSError as exc:
        raise UnreadableDocumentError(
            f"the file could not be read: {exc.strerror or exc}", source=name
        ) from exc


def _too_big(name: str, limits: Limits, *, size: int | None = None) -> LimitExceededError:
    mb = limits.max_file_bytes / (1024 * 1024)
    got = f" ({size / (1024 * 1024):.1f} MB)" if size is not None else ""
    return LimitExceededError(
        f"the file is too large{got}: the limit is {mb:g} MB (max_file_bytes)", source=name
    )
