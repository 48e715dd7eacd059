"""Resumes made on the fly, one per finding: each has the problem its name says, and little else.

`FIXTURES` maps a name to (file name, bytes factory, the finding code it must raise); the
tests run each through `check()` and the rendered JSON.  The stuffing variants share one
visible resume so the score with and without the hidden copy can be compared.
"""

from __future__ import annotations

from collections.abc import Callable

from docx_fixtures import raw_docx
from pdf_fixtures import PAGE_H, canvas_pdf, image, raw_pdf, text
from reportlab.pdfgen.canvas import Canvas

VISIBLE = (
    "Jane Example",
    "jane@example.com | +1 555 010 0199 | Berlin",
    "Summary",
    "Machine learning engineer who designs neural network architectures for vision.",
    "Experience",
    "Senior ML Engineer, Acme Vision GmbH",
    "Jan 2018 - Present",
    "- Built PyTorch training pipelines for image models on GPU clusters.",
    "- Designed convolutional networks and cut inference latency by 40%.",
    "Education",
    "M.Sc. Computer Science, Example University, 2017",
    "Skills",
    "Python, PyTorch, NumPy, Docker",
)
#: keywords of the bundled set that the visible resume lacks
STUFFED = "TensorFlow JAX Kubernetes CUDA Transformers MLOps ONNX TensorRT distributed training"


def _resume(canvas: Canvas) -> None:
    canvas.setFont("Helvetica", 10)
    for i, line in enumerate(VISIBLE):
        canvas.drawString(72, PAGE_H - 72 - i * 16, line)


def plain_pdf() -> bytes:
    return canvas_pdf(_resume)


def white_tiny_pdf() -> bytes:
    """The resume plus a white 1-pt copy of the keywords at the bottom of the page."""
    def draw(canvas: Canvas) -> None:
        _resume(canvas)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.setFont("Helvetica", 1)
        canvas.drawString(72, 60, STUFFED)
    return canvas_pdf(draw)


def white_pdf() -> bytes:
    """White text at the body's size (only the colour hides it)."""
    def draw(canvas: Canvas) -> None:
        _resume(canvas)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.setFont("Helvetica", 10)
        canvas.drawString(72, 90, STUFFED)
    return canvas_pdf(draw)


def tiny_pdf() -> bytes:
    """Black text under 4 pt."""
    def draw(canvas: Canvas) -> None:
        _resume(canvas)
        canvas.setFont("Helvetica", 2)
        canvas.drawString(72, 60, STUFFED)
    return canvas_pdf(draw)


def off_page_pdf() -> bytes:
    """Text placed beyond the right edge of the page."""
    def draw(canvas: Canvas) -> None:
        _resume(canvas)
        canvas.setFont("Helvetica", 10)
        canvas.drawString(700, 300, STUFFED)
    return canvas_pdf(draw)


def covered_pdf() -> bytes:
    """Text with an image drawn over it afterwards."""
    lines = "".join(text(72, PAGE_H - 72 - i * 16, s) for i, s in enumerate(VISIBLE))
    return raw_pdf([lines + text(72, 120, STUFFED) + image(60, 100, 500, 40)])


def white_on_dark_pdf() -> bytes:
    """White text on a dark band: visible design, not hidden text."""
    def draw(canvas: Canvas) -> None:
        _resume(canvas)
        canvas.setFillColorRGB(0.1, 0.2, 0.4)
        canvas.rect(60, 40, 490, 40, stroke=0, fill=1)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.setFont("Helvetica", 10)
        canvas.drawString(72, 56, "Portfolio: example.com/jane")
    return canvas_pdf(draw)


def image_only_page_pdf() -> bytes:
    """Page 1 is text, page 2 only an image (a scanned page)."""
    lines = "".join(text(72, PAGE_H - 72 - i * 16, s) for i, s in enumerate(VISIBLE))
    return raw_pdf([lines, image(50, 50, 500, 700)])


def cid_pdf() -> bytes:
    """A text layer of (cid:NN) codes, as a font without a Unicode map leaves it."""
    garbage = ["(cid:12)(cid:40)(cid:3)(cid:77)(cid:5)(cid:19)(cid:44)" * 2] * 8
    return canvas_pdf(lambda c: _lines(c, (*VISIBLE[:2], *garbage)))


def _lines(canvas: Canvas, lines: tuple[str, ...]) -> None:
    canvas.setFont("Helvetica", 10)
    for i, line in enumerate(lines):
        canvas.drawString(72, PAGE_H - 72 - i * 16, line)


def _p(s: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{s}</w:t></w:r></w:p>'


_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def header_contact_docx() -> bytes:
    """Name and contact details only in the page header part."""
    header = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"{_p('Jane Example')}{_p('jane@example.com | +1 555 010 0199')}</w:hdr>"
    )
    body = "".join(_p(s) for s in VISIBLE[2:])
    body += (f'<w:sectPr><w:headerReference xmlns:r="{_REL}" w:type="default" r:id="rId9"/>'
             "</w:sectPr>")
    return raw_docx(
        body,
        parts={"word/header1.xml": header},
        doc_rels=f'<Relationship Id="rId9" Type="{_REL}/header" Target="header1.xml"/>',
    )


def layout_table_docx() -> bytes:
    """The experience section laid out in a two-cell table (heading in one, text in the other)."""
    cell = "<w:tc>{}</w:tc>"
    rows = [
        ("Experience", "Senior ML Engineer, Acme Vision GmbH, Jan 2018 - Present"),
        ("", "Built PyTorch training pipelines for image models on GPU clusters and "
             "designed convolutional networks for inference on the edge."),
        ("Education", "M.Sc. Computer Science, Example University, 2017"),
        ("Skills", "Python, PyTorch, NumPy, Docker, Kubernetes and CUDA kernels"),
    ]
    table = "<w:tbl>" + "".join(
        "<w:tr>" + cell.format(_p(a)) + cell.format(_p(b)) + "</w:tr>" for a, b in rows
    ) + "</w:tbl>"
    return raw_docx("".join(_p(s) for s in VISIBLE[:4]) + table)


def my_journey_text() -> bytes:
    lines = list(VISIBLE)
    lines[lines.index("Experience")] = "My Journey"
    return "\n".join(lines).encode()


def lookalike_docx() -> bytes:
    """The visible resume with "PyTorch" written with a Cyrillic o (U+043E) in its skills."""
    lines = [ln.replace("PyTorch, ", "PyT\u043erch, ") if ln.startswith("Python") else ln
             for ln in VISIBLE]
    return raw_docx("".join(_p(s) for s in lines))


#: name -> (file name, factory, the finding code it must raise)
FIXTURES: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "white_tiny": ("white_tiny.pdf", white_tiny_pdf, "hidden_text"),
    "white": ("white.pdf", white_pdf, "hidden_text"),
    "tiny": ("tiny.pdf", tiny_pdf, "hidden_text"),
    "off_page": ("off_page.pdf", off_page_pdf, "hidden_text"),
    "covered": ("covered.pdf", covered_pdf, "hidden_text"),
    "image_only_page": ("scan_page.pdf", image_only_page_pdf, "page_without_text"),
    "cid": ("cid.pdf", cid_pdf, "garbled_text"),
    "header_contact": ("header_contact.docx", header_contact_docx, "contact_in_header"),
    "layout_table": ("table.docx", layout_table_docx, "layout_table"),
    "my_journey": ("journey.txt", my_journey_text, "nonstandard_heading"),
    "lookalike": ("lookalike.docx", lookalike_docx, "mixed_script"),
}
