"""The C loop for PDF character boxes gives exactly what the ctypes loop gives.

`pdf_boxes.loose_boxes` reads each wanted char's box through the optional C module when it was
built, else through ctypes.  Both must fill the same array, so a document parses the same with
or without the module, and the C loop must refuse what would make it write out of bounds.
"""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium
import pytest
from locations import SAMPLES
from pdf_fixtures import glyph_by_glyph, raw_pdf, text, tj

from resume_checker.api import parse_document
from resume_checker.documents.pdf import boxes as pdf_boxes
from resume_checker.documents.pdf.layout import non_space_indices
from resume_checker.documents.pdf.pdfium_calls import address

PDFS = sorted(SAMPLES.glob("*.pdf"))
needs_native = pytest.mark.skipif(
    not pdf_boxes.NATIVE,
    reason="the optional C module resume_checker.documents._pdfboxes was not built (no C "
           "compiler at install); the ctypes path is in use and tested by the other tests",
)


def _fixture_pdfs() -> list[bytes]:
    """Each char its own object (the corpus's shape), kerned runs, an empty page."""
    return [
        raw_pdf([glyph_by_glyph(72, 700, "Deep learning, CUDA & C++ (2019-2024)", offsets={})]),
        raw_pdf([tj(72, 700, ["Py", -250, "Torch", 120, "JAX"]), ""]),
    ]


def _pages(data: bytes):
    pdf = pdfium.PdfDocument(data)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            try:
                yield textpage
            finally:
                textpage.close()
                page.close()
    finally:
        pdf.close()


def _all_pdfs() -> list[bytes]:
    return [p.read_bytes() for p in PDFS] + _fixture_pdfs()


def test_there_are_sample_pdfs_to_compare_on():
    assert len(PDFS) >= 3


@needs_native
@pytest.mark.parametrize("index", range(len(PDFS) + 2))
def test_native_and_ctypes_boxes_are_identical(index):
    data = _all_pdfs()[index]
    compared = 0
    for textpage in _pages(data):
        count = textpage.count_chars()
        wanted = non_space_indices(textpage.get_text_range() if count else "")
        native = pdf_boxes.loose_boxes(address(textpage), wanted, count, native=True)
        plain = pdf_boxes.loose_boxes(address(textpage), wanted, count, native=False)
        assert native.shape == plain.shape == (count, 4)
        assert native.tobytes() == plain.tobytes()
        compared += int(len(wanted) > 0 and np.any(native != 0))
    assert compared, "no page with drawn chars was compared"


@needs_native
@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_documents_parse_the_same_without_the_native_module(path, monkeypatch):
    data = path.read_bytes()
    with_native = parse_document(data, filename=path.name)
    monkeypatch.setattr(pdf_boxes, "_fill_boxes", None)
    without = parse_document(data, filename=path.name)
    assert with_native == without
    assert with_native.text == without.text and with_native.text.strip()


@needs_native
def test_the_c_loop_skips_indices_outside_the_page_and_rejects_bad_buffers():
    from resume_checker.documents._pdfboxes import fill_boxes

    data = raw_pdf([glyph_by_glyph(72, 700, "abc", offsets={})])
    for textpage in _pages(data):
        count = textpage.count_chars()
        boxes = np.zeros((count, 4), dtype=np.float32)
        wanted = np.array([-1, 0, count, count + 1000, 2**31 - 1], dtype=np.int32)
        done = fill_boxes(pdf_boxes.LOOSE_BOX_AT, address(textpage), wanted, boxes)
        assert done == 1  # only index 0 was in range
        assert boxes[0].any() and not boxes[1:].any()
        with pytest.raises(ValueError):
            fill_boxes(pdf_boxes.LOOSE_BOX_AT, address(textpage),
                       np.zeros(3, dtype=np.int8), boxes)  # not whole int32s
        with pytest.raises(ValueError):
            fill_boxes(pdf_boxes.LOOSE_BOX_AT, address(textpage), wanted,
                       np.zeros(5, dtype=np.float32))  # not 4 floats per char
        with pytest.raises(ValueError):
            fill_boxes(0, address(textpage), wanted, boxes)  # no function
        with pytest.raises(TypeError):  # read-only boxes
            fill_boxes(pdf_boxes.LOOSE_BOX_AT, address(textpage), wanted, b"\0" * 16 * count)


def test_the_ctypes_path_fills_the_wanted_rows_only():
    data = raw_pdf([text(72, 700, "a b  c")])
    for textpage in _pages(data):
        count = textpage.count_chars()
        chars = textpage.get_text_range()
        wanted = non_space_indices(chars)
        boxes = pdf_boxes.loose_boxes(address(textpage), wanted, count, native=False)
        drawn = np.flatnonzero(boxes.any(axis=1))
        assert drawn.tolist() == wanted.tolist() and len(wanted) == 3
        assert all(chars[i] != " " for i in drawn.tolist())


def test_an_empty_page_gives_an_empty_array():
    for native in (True, False):
        boxes = pdf_boxes.loose_boxes(1, np.array([], dtype=np.int64), 0, native=native)
        assert boxes.shape == (0, 4)
