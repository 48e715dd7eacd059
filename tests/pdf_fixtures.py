"""Test PDFs made on the fly: raw PDF bytes for exact glyph placement, reportlab for the rest."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path

import reportlab
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

PAGE_W, PAGE_H = 612, 792
VERA_TTF = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"

# A 2x2 grey image XObject: enough for PDFium to report an image object.
_IMAGE = (
    b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
    b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream"
)
_FONTS = {"F1": "Helvetica", "F2": "Helvetica-Bold"}


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text(x: float, y: float, s: str, *, size: float = 10, font: str = "F1") -> str:
    """One string drawn at (x, y) (PDF coordinates, y up)."""
    return f"BT /{font} {size} Tf {x:.2f} {y:.2f} Td ({_escape(s)}) Tj ET\n"


def tj(x: float, y: float, items: Sequence[str | float], *, size: float = 10) -> str:
    """A TJ array: strings and kerning numbers (thousandths of an em, positive moves left)."""
    body = " ".join(f"({_escape(i)})" if isinstance(i, str) else f"{i:g}" for i in items)
    return f"BT /F1 {size} Tf {x:.2f} {y:.2f} Td [{body}] TJ ET\n"


def words_with_gaps(x: float, y: float, words: Sequence[str], *, size: float = 10,
                    gap_em: float = 0.3) -> str:
    """Each word drawn on its own with a gap and no space character between them."""
    out = []
    for word in words:
        out.append(text(x, y, word, size=size))
        x += stringWidth(word, "Helvetica", size) + gap_em * size
    return "".join(out)


def glyph_by_glyph(x: float, y: float, line: str, *, size: float = 10,
                   offsets: dict[str, float], gap_em: float = 0.22) -> str:
    """Every glyph its own text object, placed with widths that differ from the font's.

    Mimics HTML-to-PDF output: the advance after a char is its Helvetica width minus
    ``offsets[char]`` em, and word spaces are gaps of ``gap_em`` (no space characters).
    """
    out = []
    for word in line.split(" "):
        for ch in word:
            out.append(text(x, y, ch, size=size))
            x += stringWidth(ch, "Helvetica", size) - offsets.get(ch, 0.04) * size
        x += gap_em * size
    return "".join(out)


def image(x: float = 100, y: float = 300, w: float = 400, h: float = 300) -> str:
    return f"q {w} 0 0 {h} {x} {y} cm /Im1 Do Q\n"


def raw_pdf(pages: Sequence[str], *, width: float = PAGE_W, height: float = PAGE_H) -> bytes:
    """A PDF whose pages have the given content streams (Helvetica as F1, bold as F2, /Im1)."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    font_refs = []
    for name, base in _FONTS.items():
        objects.append(
            f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} "
            f"/Encoding /WinAnsiEncoding >>".encode()
        )
        font_refs.append(f"/{name} {len(objects)} 0 R")
    objects.append(_IMAGE)
    image_ref = len(objects)
    resources = f"<< /Font << {' '.join(font_refs)} >> /XObject << /Im1 {image_ref} 0 R >> >>"
    kids = []
    for content in pages:
        stream = content.encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] "
            f"/Resources {resources} /Contents {len(objects)} 0 R >>".encode()
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref
    )
    return bytes(out)


def canvas_pdf(*pages: Callable[[Canvas], None], encrypt: object = None) -> bytes:
    """A reportlab PDF, one drawing function per page (invariant, so the bytes are stable)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(PAGE_W, PAGE_H), invariant=1, encrypt=encrypt)
    for draw in pages:
        draw(canvas)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def lines_at(x: float, top: float, lines: Sequence[str], *, size: float = 10,
             leading: float = 14, font: str = "Helvetica") -> Callable[[Canvas], None]:
    """A page drawer writing lines downwards from ``top``."""
    def draw(canvas: Canvas) -> None:
        canvas.setFont(font, size)
        for i, line in enumerate(lines):
            canvas.drawString(x, top - i * leading, line)
    return draw
