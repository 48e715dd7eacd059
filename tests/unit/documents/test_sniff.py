"""The format comes from the bytes: a table of files we read and files we refuse with a reason."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile

import pytest
from docx_fixtures import DOCM_CT, para, raw_docx

from resume_checker.documents import Format, parse_document, sniff
from resume_checker.documents.docx import ZIP_MAGIC
from resume_checker.documents.sniff import HEAD_BYTES, head_format
from resume_checker.errors import (
    LimitExceededError,
    PasswordProtectedError,
    ResumeCheckerError,
    UnreadableDocumentError,
    UnsupportedFormatError,
)
from resume_checker.limits import Limits

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def _zip(files: dict[str, bytes | str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    return buf.getvalue()


DOCX = raw_docx(para("Jane Doe"))
ACCEPTED = [
    ("pdf", PDF, Format.PDF),
    ("pdf after junk bytes", b"\x00junk\r\n" + PDF, Format.PDF),
    ("docx", DOCX, Format.DOCX),
    ("utf-8 text", b"Jane Doe\nSkills: Python, C++\n", Format.TEXT),
    ("utf-8 with BOM", b"\xef\xbb\xbfJane", Format.TEXT),
    ("utf-16 LE with BOM", "\ufeffJane Doe".encode("utf-16-le"), Format.TEXT),
    ("utf-16 BE with BOM", "\ufeffJane Doe".encode("utf-16-be"), Format.TEXT),
    ("cp1252 text", "Résumé – Zoë".encode("cp1252"), Format.TEXT),
    ("text with a stray NUL", b"Jane Doe\x00\nPython developer with ten years\n", Format.TEXT),
    ("text mentioning PDF late", b"x" * 2000 + b"%PDF-1.4", Format.TEXT),
]

REFUSED = [
    ("legacy .doc", OLE2, UnsupportedFormatError, "legacy Word .doc: save it as PDF or DOCX"),
    ("password docx", OLE2 + "EncryptedPackage".encode("utf-16-le"), PasswordProtectedError,
     "password-protected"),
    ("odt", _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}),
     UnsupportedFormatError, "OpenDocument text: save it as PDF or DOCX"),
    ("ods", _zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}),
     UnsupportedFormatError, "OpenDocument file that is not text"),
    ("rtf", b"{\\rtf1\\ansi Jane Doe}", UnsupportedFormatError, "RTF"),
    ("docm by content type", raw_docx(para("x"), content_type=DOCM_CT), UnsupportedFormatError,
     "macro-enabled Word document (.docm): save it as .docx (macros are never run) or PDF"),
    ("docm by vbaProject.bin", raw_docx(para("x"), parts={"word/vbaProject.bin": b"\x00"}),
     UnsupportedFormatError, "macro-enabled"),
    ("xlsx", _zip({"xl/workbook.xml": "<x/>"}), UnsupportedFormatError, "Excel workbook"),
    ("pptx", _zip({"ppt/presentation.xml": "<x/>"}), UnsupportedFormatError, "PowerPoint"),
    ("other zip", _zip({"notes.txt": "hello"}), UnsupportedFormatError, "ZIP archive"),
    ("damaged zip", DOCX[:200], UnreadableDocumentError, "damaged ZIP"),
    ("png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, UnsupportedFormatError, "an image"),
    ("jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 50, UnsupportedFormatError, "an image"),
    ("gif", b"GIF89a" + b"\x00" * 50, UnsupportedFormatError, "an image"),
    ("tiff", b"II*\x00" + b"\x00" * 50, UnsupportedFormatError, "an image"),
    ("bmp", b"BM" + b"\x36\x00\x01\x00" + b"\x00" * 40, UnsupportedFormatError, "an image"),
    ("webp", b"RIFF\x10\x00\x00\x00WEBPVP8 " + b"\x00" * 40, UnsupportedFormatError, "an image"),
    ("heic", b"\x00\x00\x00\x18ftypheic" + b"\x00" * 40, UnsupportedFormatError,
     "an ATS cannot read images"),
    ("gzip", b"\x1f\x8b\x08\x00" + b"\x00" * 40, UnsupportedFormatError, "gzip"),
    ("random binary", bytes(range(256)) * 8, UnsupportedFormatError, "binary data"),
    ("zero bytes", b"", UnreadableDocumentError, "the file is empty"),
]


@pytest.mark.parametrize(("label", "data", "expected"), ACCEPTED, ids=[c[0] for c in ACCEPTED])
def test_sniff_accepts(label: str, data: bytes, expected: Format) -> None:
    assert sniff(data, source="resume.bin") is expected


@pytest.mark.parametrize(("label", "data", "error", "reason"), REFUSED, ids=[c[0] for c in REFUSED])
def test_sniff_refuses_with_a_reason_naming_the_file(
    label: str, data: bytes, error: type[Exception], reason: str
) -> None:
    with pytest.raises(error) as info:
        sniff(data, source="cv-file.xyz")
    assert reason in str(info.value)
    assert "cv-file.xyz" in str(info.value)


@pytest.mark.parametrize("data", [c[1] for c in ACCEPTED + REFUSED],
                         ids=[c[0] for c in ACCEPTED + REFUSED])
def test_head_format_agrees_with_sniff(data: bytes) -> None:
    """A batch's discovery asks head_format: it names PDF exactly when sniff reads a PDF, and
    DOCX for every ZIP archive (sniff then reads the listing)."""
    try:
        fmt: Format | None = sniff(data, source="cv")
    except ResumeCheckerError:
        fmt = None
    expected = Format.DOCX if data.startswith(ZIP_MAGIC) else (
        fmt if fmt is Format.PDF else None)
    assert head_format(data[:HEAD_BYTES]) is expected


def test_image_mentioning_pdf_early_is_still_an_image() -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40 + b"%PDF-1.4"
    with pytest.raises(UnsupportedFormatError, match="an image"):
        sniff(png, source="cv.png")
    assert head_format(png) is None


# --- parse_document: the name never decides the format ---------------------------------


@pytest.fixture
def fake_pdf(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Stand-in for the PDF reader that records what it was given."""
    from resume_checker.documents import pdf
    from resume_checker.documents.model import Document

    calls: list[str] = []

    def parse_pdf(data: bytes, *, source: str, limits: Limits) -> Document:
        calls.append(source)
        return Document(source=source, format="pdf", pages=())

    monkeypatch.setattr(pdf, "parse_pdf", parse_pdf)
    return calls


def test_pdf_named_docx_is_read_as_pdf(fake_pdf: list[str]) -> None:
    doc = parse_document(PDF, filename="resume.docx")
    assert doc.format == "pdf"
    assert fake_pdf == ["resume.docx"]


def test_docx_named_pdf_is_read_as_docx(fake_pdf: list[str]) -> None:
    doc = parse_document(DOCX, filename="resume.pdf")
    assert (doc.format, doc.source, doc.text) == ("docx", "resume.pdf", "Jane Doe")
    assert fake_pdf == []


def test_text_named_pdf_is_read_as_text(fake_pdf: list[str], tmp_path: os.PathLike[str]) -> None:
    path = os.path.join(tmp_path, "resume.pdf")
    with open(path, "wb") as fh:
        fh.write(b"Jane Doe\nPython\n")
    doc = parse_document(path)
    assert (doc.format, doc.source, doc.text) == ("text", "resume.pdf", "Jane Doe\nPython")
    assert fake_pdf == []


def test_source_kinds_give_the_same_document(tmp_path: os.PathLike[str]) -> None:
    path = os.path.join(tmp_path, "cv.txt")
    with open(path, "wb") as fh:
        fh.write(b"Jane Doe\n")
    from pathlib import Path

    by_path = parse_document(Path(path))
    with open(path, "rb") as fh:
        by_stream = parse_document(fh)
    by_bytes = parse_document(b"Jane Doe\n", filename="upload.txt")
    assert by_path.text == by_stream.text == by_bytes.text == "Jane Doe"
    assert (by_path.source, by_stream.source, by_bytes.source) == ("cv.txt", "cv.txt", "upload.txt")
    assert by_path.sha256 == by_bytes.sha256


@pytest.mark.parametrize("source_kind", ["path", "bytes", "stream"])
def test_empty_file_is_unreadable(source_kind: str, tmp_path: os.PathLike[str]) -> None:
    path = os.path.join(tmp_path, "empty.pdf")
    open(path, "wb").close()
    source = {"path": path, "bytes": b"", "stream": io.BytesIO(b"")}[source_kind]
    with pytest.raises(UnreadableDocumentError, match="the file is empty"):
        parse_document(source, filename="empty.pdf")


def test_missing_file_and_folder_are_unreadable(tmp_path: os.PathLike[str]) -> None:
    with pytest.raises(UnreadableDocumentError, match="no such file") as info:
        parse_document(os.path.join(tmp_path, "gone.pdf"))
    assert info.value.source == "gone.pdf"
    with pytest.raises(UnreadableDocumentError, match="folder"):
        parse_document(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores file modes")
def test_unreadable_permission(tmp_path: os.PathLike[str]) -> None:
    path = os.path.join(tmp_path, "locked.txt")
    with open(path, "wb") as fh:
        fh.write(b"x")
    os.chmod(path, 0)
    with pytest.raises(UnreadableDocumentError, match="permission denied"):
        parse_document(path)


def test_size_limit_is_checked_before_reading(tmp_path: os.PathLike[str]) -> None:
    path = os.path.join(tmp_path, "big.txt")
    with open(path, "wb") as fh:
        fh.write(b"a" * 2048)
    small = Limits(max_file_bytes=1024)
    with pytest.raises(LimitExceededError, match="too large") as info:
        parse_document(path, limits=small)
    assert info.value.source == "big.txt"
    with pytest.raises(LimitExceededError):
        parse_document(b"a" * 2048, limits=small)
    with pytest.raises(LimitExceededError):
        parse_document(io.BytesIO(b"a" * 2048), limits=small)


def test_text_stream_is_refused_plainly() -> None:
    with pytest.raises(TypeError, match="binary stream"):
        parse_document(io.StringIO("Jane"))  # type: ignore[arg-type]


def test_import_does_not_load_heavy_parsers() -> None:
    """Cold start: importing the package must not import lxml, python-docx or PDFium."""
    code = (
        "import sys, resume_checker.documents as d; "
        "print(sorted(m for m in ('lxml', 'docx', 'pypdfium2', 'pdfplumber') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
