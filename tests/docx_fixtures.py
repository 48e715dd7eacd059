"""Generators of DOCX test files: python-docx for ordinary content, raw XML where it cannot go
(text boxes in mc:AlternateContent, remote templates, entities, forged ZIP sizes)."""

from __future__ import annotations

import io
import struct
import zipfile

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "v": "urn:schemas-microsoft-com:vml",
}
NSDECLS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NS.items())
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DOC_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_CT = "application/vnd.ms-word.document.macroEnabled.main+xml"


def textbox_run_xml(text: str, *, choice: bool = True, fallback: bool = True) -> str:
    """A run holding a Word 2010 text box: DrawingML in mc:Choice, VML in mc:Fallback, as Word
    writes it (the same text twice in the file)."""
    box = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    parts = []
    if choice:
        parts.append(
            '<mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:extent cx="10" cy="10"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
            f'wordprocessingShape"><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData>'
            "</a:graphic></wp:anchor></w:drawing></mc:Choice>"
        )
    if fallback:
        parts.append(
            f"<mc:Fallback><w:pict><v:rect><v:textbox>{box}</v:textbox></v:rect></w:pict>"
            "</mc:Fallback>"
        )
    return f"<w:r {NSDECLS}><mc:AlternateContent>{''.join(parts)}</mc:AlternateContent></w:r>"


def python_docx_resume() -> bytes:
    """A resume made with python-docx: header, footer, heading, body, table, nested table and a
    text box, in a known order."""
    import docx
    from docx.oxml import parse_xml
    from docx.shared import Pt

    doc = docx.Document()
    section = doc.sections[0]
    section.header.paragraphs[0].text = "Jane Doe | jane@example.com"
    section.footer.paragraphs[0].text = "Page footer text"
    doc.add_heading("Summary", level=1)
    para = doc.add_paragraph()
    run = para.add_run("Machine learning engineer")
    run.font.size = Pt(11)
    para.add_run(" with ")
    para.add_run("PyTorch").bold = True
    para.add_run("\tand TensorFlow.")
    doc.add_heading("Experience", level=1)
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Acme Corp"
    table.cell(0, 1).text = "2019 - 2023"
    left = table.cell(1, 0)
    left.text = "Built models"
    left.add_paragraph("Led a team")
    nested = table.cell(1, 1).add_table(rows=1, cols=2)
    nested.cell(0, 0).text = "Nested A"
    nested.cell(0, 1).text = "Nested B"
    anchor = doc.add_paragraph("Anchor paragraph")
    anchor._p.append(parse_xml(textbox_run_xml("Box text")))
    doc.add_heading("Skills", level=1)
    doc.add_paragraph("Python, Kubernetes")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def raw_docx(
    body: str,
    *,
    parts: dict[str, str | bytes] | None = None,
    doc_rels: str = "",
    content_type: str = DOC_CT,
    prolog: str = "",
    compress: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A minimal package around ``body`` (the children of w:body), with extra parts and
    document relationships as given."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f"<w:document {NSDECLS}><w:body>{body}</w:body></w:document>"
    )
    files: dict[str, str | bytes] = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org'
            '/package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/word/document.xml" '
            f'ContentType="{content_type}"/></Types>'
        ),
        "_rels/.rels": _rels(f'<Relationship Id="rId1" Type="{REL}/officeDocument" '
                             'Target="word/document.xml"/>'),
        "word/document.xml": document,
        "word/_rels/document.xml.rels": _rels(doc_rels),
    }
    files.update(parts or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compress) as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    return buf.getvalue()


def _rels(inner: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        f'openxmlformats.org/package/2006/relationships">{inner}</Relationships>'
    )


def para(text: str, *, extra_run: str = "", ppr: str = "") -> str:
    return f"<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>{extra_run}</w:p>"


def remote_template_docx() -> bytes:
    """settings.xml attaches a template by URL and an image is linked by URL, as a tracking or
    credential-leaking document would."""
    settings = (
        f'<w:settings {NSDECLS}><w:attachedTemplate r:id="rId1"/></w:settings>'
    )
    return raw_docx(
        para("Remote template resume"),
        doc_rels=(
            f'<Relationship Id="rId9" Type="{REL}/settings" Target="settings.xml"/>'
            f'<Relationship Id="rId10" Type="{REL}/image" '
            'Target="http://example.invalid/track.png" TargetMode="External"/>'
            f'<Relationship Id="rId11" Type="{REL}/header" '
            'Target="http://example.invalid/header.xml" TargetMode="External"/>'
        ),
        parts={
            "word/settings.xml": settings,
            "word/_rels/settings.xml.rels": _rels(
                f'<Relationship Id="rId1" Type="{REL}/attachedTemplate" '
                'Target="http://example.invalid/template.dotx" TargetMode="External"/>'
            ),
        },
    )


def forge_declared_size(data: bytes, name: str, size: int) -> bytes:
    """Rewrite the central-directory entry of ``name`` to declare ``size`` uncompressed bytes
    (a zip bomb's claim), leaving the data as it is."""
    encoded = name.encode()
    out = bytearray(data)
    pos = out.find(b"PK\x01\x02")
    while pos != -1:
        name_len = struct.unpack_from("<H", out, pos + 28)[0]
        if bytes(out[pos + 46 : pos + 46 + name_len]) == encoded:
            struct.pack_into("<I", out, pos + 24, size)
            return bytes(out)
        pos = out.find(b"PK\x01\x02", pos + 4)
    raise KeyError(name)
