"""Optional OCR of image-only PDF pages with the tesseract program (no Python OCR package).

Only pages without a text layer are read: each is rendered with PDFium at 300 dpi in grey,
written as a PGM file (tesseract reads it directly) and passed to ``tesseract`` as a
subprocess.  The text joins the Document like any parsed text, with a notice that it is
approximate.  Without tesseract the caller gets an error that says how to install it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from resume_checker.documents.assemble import RawLine, RawPage, build_document
from resume_checker.documents.model import Document, Notice, Severity
from resume_checker.errors import ResumeCheckerError, UnreadableDocumentError
from resume_checker.limits import DEFAULT_LIMITS, Limits

__all__ = ["INSTALL_HINT", "OcrUnavailableError", "ocr_available", "ocr_document"]

INSTALL_HINT = "install tesseract OCR ('apt install tesseract-ocr' or 'brew install tesseract')"
DPI = 300
TIMEOUT_S = 60.0


class OcrUnavailableError(ResumeCheckerError):
    """OCR was asked for but the tesseract program is not installed."""

    code = "ocr_unavailable"


def ocr_available() -> bool:
    """Whether the tesseract program is on PATH."""
    return shutil.which("tesseract") is not None


def ocr_document(
    document: Document, data: bytes, *, lang: str = "eng", limits: Limits = DEFAULT_LIMITS,
) -> Document:
    """The document with its text-less PDF pages read by OCR (others untouched).

    Raises OcrUnavailableError without tesseract, UnreadableDocumentError when it fails.
    """
    if document.format != "pdf":
        return document
    empty = [p.number for p in document.pages if not p.lines]
    if not empty:
        return document
    exe = shutil.which("tesseract")
    if exe is None:
        raise OcrUnavailableError(f"--ocr needs the tesseract program: {INSTALL_HINT}",
                                  source=document.source)
    texts = _ocr_pages(exe, data, empty, lang, document.source)
    raw_pages = [RawPage(n, [RawLine(t) for t in texts[n].splitlines() if t.strip()])
                 for n in empty]
    read = build_document(source=document.source, fmt="pdf", data=data, pages=raw_pages,
                          limits=limits)
    by_number = {p.number: p for p in read.pages}
    pages = tuple(by_number.get(p.number, p) if not p.lines else p for p in document.pages)
    done = ", ".join(str(n) for n in empty)
    notice = Notice(
        code="ocr_text",
        message=(f"page(s) {done} had no text layer and were read by OCR (tesseract): the text "
                 "is approximate, and an ATS without OCR reads nothing there"),
        severity=Severity.WARNING,
        fix="export the resume from your word processor as PDF with real text",
    )
    kept = tuple(n for n in document.notices
                 if n.code not in ("no_text_layer", "page_without_text"))
    return replace(document, pages=pages, notices=(*kept, notice))


def _ocr_pages(exe: str, data: bytes, numbers: list[int], lang: str, source: str
               ) -> dict[int, str]:
    import pypdfium2 as pdfium

    out: dict[int, str] = {}
    pdf = pdfium.PdfDocument(data)
    try:
        with tempfile.TemporaryDirectory(prefix="rc-ocr-") as tmp:
            for number in numbers:
                page = pdf[number - 1]
                try:
                    bitmap = page.render(scale=DPI / 72, grayscale=True)
                    pixels = bitmap.to_numpy()
                finally:
                    page.close()
                grey = pixels[:, :, 0] if pixels.ndim == 3 else pixels
                image = Path(tmp) / f"page-{number}.pgm"
                header = b"P5\n%d %d\n255\n" % (grey.shape[1], grey.shape[0])
                image.write_bytes(header + grey.tobytes())
                out[number] = _tesseract(exe, image, lang, source)
    finally:
        pdf.close()
    return out


def _tesseract(exe: str, image: Path, lang: str, source: str) -> str:
    try:
        done = subprocess.run(
            [exe, str(image), "stdout", "-l", lang], capture_output=True, timeout=TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UnreadableDocumentError(f"OCR failed: {exc}", source=source) from exc
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["?"]
        raise UnreadableDocumentError(f"OCR failed: tesseract said {reason[0]}", source=source)
    return done.stdout.decode("utf-8", "replace")
