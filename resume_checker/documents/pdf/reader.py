"""PDF bytes -> Document, through PDFium (pypdfium2).

PDFium gives the text in its own reading order plus one box per character; the boxes let
:mod:`.layout` add spaces that were drawn as gaps, build lines and read two-column pages
one column after the other.  PDFium objects are always closed; PDFium is not thread-safe, so
this module starts no threads.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from itertools import repeat

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from resume_checker.documents.assemble import RawLine, RawPage, build_document
from resume_checker.documents.model import BBox, Document, Line, Notice, Origin, Severity
from resume_checker.documents.pdf.boxes import loose_boxes
from resume_checker.documents.pdf.dropped import restore_dropped
from resume_checker.documents.pdf.fonts import CharFonts, font_family
from resume_checker.documents.pdf.hidden import (
    HIDDEN_REASONS,
    PageObjects,
    hidden_reasons,
    may_hide_text,
    scan_objects,
)
from resume_checker.documents.pdf.layout import (
    NO_BASELINES,
    PageGeometry,
    Piece,
    analyse,
    font_gap_baselines,
    gap_baselines,
    non_space_indices,
    page_pieces,
)
from resume_checker.documents.pdf.pdfium_calls import INT, VP, address, fast
from resume_checker.errors import (
    LimitExceededError,
    PasswordProtectedError,
    UnreadableDocumentError,
)
from resume_checker.limits import DEFAULT_LIMITS, Limits

__all__ = ["font_family", "parse_pdf"]

_MARGIN_BAND = 0.1  # top/bottom share of the page height where headers and footers live
_PAGE_NUMBER = re.compile(
    r"^[-–—\s]*(page\s*)?\d{1,3}(\s*(of|/)\s*\d{1,3})?[-–—\s]*$", re.IGNORECASE
)
_SAME_HEIGHT_PT = 0.01  # loose char boxes this close in height are one font's (see _char_fonts)
# TeX fonts without a Unicode map leave ligatures as T1-encoding control codes.
_TEX_LIGATURES = str.maketrans({"\x1b": "ff", "\x1c": "fi", "\x1d": "fl", "\x1e": "ffi",
                                "\x1f": "ffl"})
_TEX_CODES = re.compile(r"[\x1b-\x1f]")  # a search costs far less than a no-op translate
_DIGITS = re.compile(r"\d+")
_INF = math.inf
_NO_TEXT_FIX = "export the resume from your word processor as PDF (not a scan)"


_char_unicode = fast(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint, VP, INT)
_is_generated = fast(pdfium_c.FPDFText_IsGenerated, INT, VP, INT)
_count_objects = fast(pdfium_c.FPDFPage_CountObjects, INT, VP)
_get_object = fast(pdfium_c.FPDFPage_GetObject, VP, VP, INT)
_form_count = fast(pdfium_c.FPDFFormObj_CountObjects, INT, VP)
_form_object = fast(pdfium_c.FPDFFormObj_GetObject, VP, VP, ctypes.c_ulong)
_object_type = fast(pdfium_c.FPDFPageObj_GetType, INT, VP)

_IMAGE, _FORM = pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM
# Image XObjects are streams, and a stream's dictionary is never compressed inside an object
# stream, so a file without this key has no image XObjects (inline images aside).
_IMAGE_KEY = re.compile(rb"/Subtype\s*/Image\b")

_LOAD_ERRORS = {
    pdfium_c.FPDF_ERR_FILE: "the file could not be read",
    pdfium_c.FPDF_ERR_FORMAT: "the file is damaged or is not really a PDF",
    pdfium_c.FPDF_ERR_SECURITY: "it uses an unsupported encryption scheme",
}


def parse_pdf(data: bytes, *, source: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read the text of a PDF in reading order, with page and line positions."""
    if len(data) > limits.max_file_bytes:
        raise LimitExceededError(
            f"the file is {len(data):,} bytes; the limit is {limits.max_file_bytes:,}",
            source=source,
        )
    pdf = _open(data, source)
    opened: list[tuple[pdfium.PdfPage, pdfium.PdfTextPage]] = []
    try:
        page_count = len(pdf)
        if page_count == 0:
            raise UnreadableDocumentError("the PDF has no pages", source=source)
        scans = []
        may_have_images = _IMAGE_KEY.search(data) is not None
        for index in range(min(page_count, limits.max_pages)):
            page = _load_page(pdf, index, source)
            if not (math.isfinite(page.get_width()) and math.isfinite(page.get_height())):
                page.close()  # PDFium clamps page boxes; this keeps every float finite anyway
                raise UnreadableDocumentError(
                    f"not a readable PDF: page {index + 1} has no finite size", source=source)
            textpage = page.get_textpage()
            opened.append((page, textpage))
            scans.append(_scan(page, textpage, may_have_images))
        geometries = [s.geometry for s in scans]
        baselines = gap_baselines(geometries)
        fonts: list[np.ndarray | None] = [None] * len(scans)
        by_font = NO_BASELINES
        if len(baselines[0]):  # gaps learned per letter: learn them per font and letter too
            numbers: dict[tuple[str | None, bool], int] = {}
            known = [_char_fonts(textpage, scan, numbers)
                     for scan, (_, textpage) in zip(scans, opened, strict=True)]
            if len(numbers) > 1:
                by_font = font_gap_baselines(geometries, known)
                fonts = list(known)
        pages = [
            _raw_page(number, scan,
                      page_pieces(scan.geometry, baselines, fonts[number - 1], by_font), textpage)
            for number, (scan, (_, textpage)) in enumerate(zip(scans, opened, strict=True), 1)
        ]
        hidden = {
            reason: [
                _raw_page(number, scan, page_pieces(
                    scan.hidden[reason], baselines, fonts[number - 1], by_font), textpage)
                if reason in scan.hidden else RawPage(number)
                for number, (scan, (_, textpage)) in enumerate(zip(scans, opened, strict=True), 1)
            ]
            for reason in HIDDEN_REASONS[1:]
            if any(reason in scan.hidden for scan in scans)
        }
    finally:
        for page, textpage in reversed(opened):
            textpage.close()
            page.close()
        pdf.close()
    _mark_margins(pages)
    notices = _notices(pages, page_count, limits)
    document = build_document(
        source=source, fmt="pdf", data=data, pages=pages, notices=notices,
        page_count=page_count, limits=limits,
    )
    return _with_hidden_lines(document, hidden, limits) if hidden else document


def _with_hidden_lines(
    document: Document, hidden: dict[str, list[RawPage]], limits: Limits
) -> Document:
    """Attach the hidden text as `hidden_lines`, numbered after each page's visible lines."""
    found: list[Line] = []
    for reason, pages in hidden.items():
        part = build_document(source=document.source, fmt="pdf", data=b"", pages=pages,
                              limits=limits)
        found.extend(replace(line, hidden=reason) for line in part.lines)
    next_number = {page.number: len(page.lines) + 1 for page in document.pages}
    numbered = []
    for line in sorted(found, key=lambda x: (x.page, HIDDEN_REASONS.index(x.hidden or ""))):
        numbered.append(replace(line, number=next_number[line.page]))
        next_number[line.page] += 1
    return replace(document, hidden_lines=tuple(numbered))


def _open(data: bytes, source: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise PasswordProtectedError(
                "password-protected: the PDF needs a password to open; "
                "remove the password and try again",
                source=source,
            ) from exc
        reason = _LOAD_ERRORS.get(exc.err_code, "the file is damaged or is not really a PDF")
        raise UnreadableDocumentError(f"not a readable PDF: {reason}", source=source) from exc


def _load_page(pdf: pdfium.PdfDocument, index: int, source: str) -> pdfium.PdfPage:
    try:
        return pdf[index]
    except pdfium.PdfiumError as exc:
        raise UnreadableDocumentError(
            f"not a readable PDF: page {index + 1} is damaged", source=source
        ) from exc


@dataclass(frozen=True, slots=True)
class _Scan:
    geometry: PageGeometry
    width: float
    height: float
    image_count: int
    hidden: dict[str, PageGeometry]  # the geometry of each kind of hidden text on the page
    # per char index, the PDFium char index it stands for; None: the same index (no char
    # was put back, see .dropped)
    source: np.ndarray | None = None

    def pdfium_index(self, index: int) -> int:
        """The PDFium char index of char ``index`` of this page's text."""
        return index if self.source is None else int(self.source[index])


def _scan(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, may_have_images: bool) -> _Scan:
    """Text, character boxes, size and image count of one page."""
    handle = address(textpage)
    count = pdfium_c.FPDFText_CountChars(textpage)
    text = textpage.get_text_range() if count > 0 else ""
    if len(text) != count:  # characters outside the BMP: rebuild the text one char per index
        text = "".join(_char(_char_unicode(handle, i)) for i in range(count))
    # FS_RECTF (left, top, right, bottom) per char; spaces and CR/LF need no box
    wanted = non_space_indices(text)
    box_array = loose_boxes(handle, wanted, count)
    generated = _generated(handle, text, wanted)
    width, height = page.get_width(), page.get_height()
    page_handle = address(page)
    images = 0
    if may_have_images or count == 0:
        images = _count_images(page_handle)
    pdfium_boxes, source = box_array, None
    restored = restore_dropped(page_handle, handle, text, box_array, generated)
    if restored is not None:  # PDFium's look-ups below take its own char indices
        text, box_array, source = restored.text, restored.boxes, restored.source
        generated = generated[source]
    geometry = analyse(text, box_array, width, generated)
    hidden: dict[str, PageGeometry] = {}
    if count:
        in_pdfium = geometry.drawn if source is None else source[geometry.drawn]
        drawn = np.zeros(count, dtype=bool)
        drawn[in_pdfium] = True
        objects = (
            scan_objects(page_handle)
            if may_hide_text(handle, in_pdfium, geometry.same_line, images)
            else PageObjects()
        )
        reasons = hidden_reasons(
            handle, pdfium_boxes, drawn, page.get_cropbox(), objects, CharFonts(handle).size
        )
        if reasons is not None and source is not None:
            reasons = reasons[source]  # a restored char is hidden as the one it repeats
        if reasons is not None:
            geometry = analyse(_blank(text, reasons != 0), box_array, width, generated)
            for code in np.unique(reasons[reasons != 0]).tolist():
                hidden[HIDDEN_REASONS[code]] = analyse(
                    _blank(text, reasons != code), box_array, width, generated
                )
    return _Scan(
        geometry=geometry, width=width, height=height, image_count=images, hidden=hidden,
        source=source,
    )


def _char_fonts(
    textpage: pdfium.PdfTextPage, scan: _Scan, numbers: dict[tuple[str | None, bool], int]
) -> np.ndarray:
    """Per char index: a number for the font (family and boldness) of each drawn char, hidden
    ones included, -1 elsewhere; ``numbers`` holds the document's fonts seen so far.

    A char's loose box is as tall as its font's ascent and descent at its size, so the chars
    of a page whose boxes are one height are taken to be in one font: PDFium is asked once
    per height (a few a page), not per char (thousands).
    """
    height = np.full(len(scan.geometry.text), np.nan)
    for g in (scan.geometry, *scan.hidden.values()):
        height[g.drawn] = g.top - g.bottom
    drawn = np.flatnonzero(~np.isnan(height))
    out = np.full(len(height), -1, dtype=np.int64)
    if not len(drawn):
        return out
    _, first, which = np.unique(
        np.round(height[drawn] / _SAME_HEIGHT_PT), return_index=True, return_inverse=True)
    font_of = CharFonts(address(textpage)).font
    fonts = [numbers.setdefault(font_of(scan.pdfium_index(i)), len(numbers))
             for i in drawn[first].tolist()]
    out[drawn] = np.array(fonts, dtype=np.int64)[which]
    return out


def _generated(handle: int | None, text: str, drawn: np.ndarray) -> np.ndarray:
    """Per char index: whether PDFium generated the char (a space for a gap, a line break)
    rather than read it from the file; asked only of the whitespace chars."""
    generated = np.zeros(len(text), dtype=bool)
    spaces = np.ones(len(text), dtype=bool)
    spaces[drawn] = False
    indices = np.flatnonzero(spaces)
    if len(indices) and handle:
        flags = list(map(_is_generated, repeat(handle), indices.tolist()))
        generated[indices] = np.array(flags, dtype=np.int32) == 1
    return generated


def _blank(text: str, mask: np.ndarray) -> str:
    """The text with the masked chars turned into spaces (same length, so indices hold)."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).copy()
    codes[mask & (codes != 10) & (codes != 13)] = 32
    return codes.tobytes().decode("utf-32-le")


def _char(code: int) -> str:
    if code == 2:
        return "\ufffe"  # PDFium's soft-hyphen marker, as get_text_range gives it
    return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else "\ufffd"


def _count_images(handle: int | None, depth: int = 0) -> int:
    """Image objects on the page, including those inside form XObjects."""
    if depth:
        count, get = _form_count(handle), _form_object
    else:
        count, get = _count_objects(handle), _get_object
    kinds = [_object_type(obj) for obj in [get(handle, i) for i in range(max(count, 0))]]
    images = kinds.count(_IMAGE)
    if _FORM in kinds and depth < 8:
        images += sum(
            _count_images(get(handle, i), depth + 1) for i, k in enumerate(kinds) if k == _FORM
        )
    return images


def _raw_page(
    number: int, scan: _Scan, pieces: list[Piece], textpage: pdfium.PdfTextPage
) -> RawPage:
    fonts = CharFonts(address(textpage))
    size_of, font_of = fonts.size, fonts.font
    height = scan.height
    body = Origin.BODY
    lines = []
    # Dozens of lines a page: the pieces are unpacked as tuples and the lines built by position.
    for text, first_char, x0, y0, x1, y1, column in pieces:
        at = scan.pdfium_index(first_char)
        size = size_of(at)
        family, bold = font_of(at)
        if _TEX_CODES.search(text):
            text = text.translate(_TEX_LIGATURES)
        box = BBox(round(x0, 2), round(height - y1, 2), round(x1, 2), round(height - y0, 2))
        lines.append(  # (a NaN or infinite size is no size: the document's floats are finite)
            RawLine(text, body, box, round(size, 1) if 0 < size < _INF else None, bold, column,
                    family)
        )
    return RawPage(
        number=number, lines=lines, width=round(scan.width, 2), height=round(height, 2),
        image_count=scan.image_count,
    )


def _margin_text(line: RawLine) -> str:
    """The line's text with case, spacing and digits masked: "Page 2" and "page 3" are one."""
    return _DIGITS.sub("#", " ".join(line.text.casefold().split()))


def _margin_key(line: RawLine) -> tuple[str, int, int]:
    """Text with digits masked, and where it sits: a running header repeats at one place."""
    text = _margin_text(line)
    box = line.bbox
    return (text, round(box.x0 / 4), round(box.top / 4)) if box else (text, 0, 0)


def _band(box: BBox | None, bands: tuple[float, float] | None) -> Origin | None:
    """HEADER above the top band's edge, FOOTER below the bottom band's, else None."""
    if box is None or bands is None:
        return None
    if box.bottom <= bands[0]:
        return Origin.HEADER
    if box.top >= bands[1]:
        return Origin.FOOTER
    return None


def _mark_margins(pages: list[RawPage]) -> None:
    """Page numbers, and lines repeated at one place in the top/bottom band of several pages
    (and nowhere in the body), are page headers and footers."""
    seen: Counter[tuple[Origin, tuple[str, int, int]]] = Counter()
    body: list[RawLine] = []
    margin: list[tuple[RawLine, Origin, tuple[str, int, int]]] = []
    for page in pages:
        keys = set()
        bands = None
        if page.height:
            bands = (page.height * _MARGIN_BAND, page.height * (1 - _MARGIN_BAND))
        for line in page.lines:
            origin = _band(line.bbox, bands)
            if origin is None:
                body.append(line)
            else:
                key = _margin_key(line)
                keys.add((origin, key))
                margin.append((line, origin, key))
        seen.update(keys)
    # The body's texts matter only for a margin line seen on several pages: most files have
    # none, so they are masked only then.
    in_body: set[str] | None = None
    for line, origin, key in margin:
        repeated = len(pages) > 1 and seen[(origin, key)] > 1
        if repeated:
            if in_body is None:
                in_body = {_margin_text(body_line) for body_line in body}
            repeated = key[0] not in in_body
        if repeated or _PAGE_NUMBER.match(line.text):
            line.origin = origin


def _notices(pages: list[RawPage], page_count: int, limits: Limits) -> list[Notice]:
    notices = []
    if page_count > len(pages):
        notices.append(
            Notice(
                code="page_limit",
                message=(
                    f"only the first {len(pages)} of {page_count} pages were read "
                    f"(the limit is {limits.max_pages}); the rest was not checked"
                ),
                severity=Severity.WARNING,
                fix="shorten the resume; two pages is usual",
            )
        )
    if not any(line.text.strip() for p in pages for line in p.lines):
        notices.append(
            Notice(
                code="no_text_layer",
                message=(
                    "the PDF has no text layer (it looks like a scan or an image export), "
                    "so an ATS reads nothing from it"
                ),
                severity=Severity.ERROR,
                fix=_NO_TEXT_FIX,
            )
        )
        return notices
    for page in pages:
        if not any(line.text.strip() for line in page.lines):
            notices.append(
                Notice(
                    code="page_without_text",
                    message=f"page {page.number} has no text an ATS can read",
                    severity=Severity.WARNING,
                    page=page.number,
                    fix=_NO_TEXT_FIX,
                )
            )
    return notices
