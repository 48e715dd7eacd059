"""Regenerate the project's own sample resumes and job ads.

Every sample in this folder (``*.pdf``, ``*.docx``, ``*.txt``) is written by this script, so a
reader can see exactly what each file holds and why.  All people, companies and schools are
fictional; e-mail addresses use example.com and phone numbers the 555 range.

The output is reproducible byte for byte: reportlab runs with ``invariant=1`` and uncompressed
page streams, DOCX core properties are fixed, and DOCX zip entries get a fixed timestamp.

The module is longer than the project's usual limit because it holds the sample text itself;
the resume text lives in ``resume_text.py`` beside it and the drawing code is here.

Usage: ``python samples/make_samples.py [--out DIR]`` (default: this folder).
Needs only reportlab and python-docx.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    FrameBreak,
    HRFlowable,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

HERE = Path(__file__).resolve().parent


def _load_text():
    """The sample text module beside this script (samples/ is not a package)."""
    spec = importlib.util.spec_from_file_location("_sample_resume_text", HERE / "resume_text.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


txt = _load_text()
AUTHOR = "resume-checker samples"
FIXED_DATE = dt.datetime(2024, 1, 1, 0, 0, 0)
ZIP_DATE = (2024, 1, 1, 0, 0, 0)


# ---------------------------------------------------------------------------------------------
# A tiny markup for resume text (see resume_text.py): parsed into blocks every renderer shares.


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Bullet:
    text: str


@dataclass(frozen=True)
class Labeled:
    label: str
    text: str


@dataclass(frozen=True)
class Entry:
    title: str
    org: str
    place: str
    when: str


Block = Para | Bullet | Labeled | Entry


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Resume:
    name: str
    headline: str
    contact: tuple[str, ...]
    sections: tuple[Section, ...]


def parse_resume(source: str) -> Resume:
    """Parse the sample markup: '# name', '> headline', '@ a | b', '## heading', '### entry',
    '- bullet', '* Label: text', plain paragraphs; an indented line continues the one above."""
    logical: list[str] = []
    for raw in source.strip("\n").splitlines():
        if raw.startswith("  ") and logical and logical[-1]:
            logical[-1] += " " + raw.strip()
        else:
            logical.append(raw.rstrip())
    name = headline = ""
    contact: tuple[str, ...] = ()
    sections: list[Section] = []
    heading: str | None = None
    blocks: list[Block] = []
    for line in logical:
        if not line:
            continue
        marker, _, rest = line.partition(" ")
        if marker == "#":
            name = rest
        elif marker == ">":
            headline = rest
        elif marker == "@":
            contact = tuple(part.strip() for part in rest.split("|"))
        elif marker == "##":
            if heading is not None:
                sections.append(Section(heading, tuple(blocks)))
            heading, blocks = rest, []
        elif marker == "###":
            title, org, place, when = (part.strip() for part in rest.split("|"))
            blocks.append(Entry(title, org, place, when))
        elif marker == "-":
            blocks.append(Bullet(rest))
        elif marker == "*":
            label, _, text = rest.partition(":")
            blocks.append(Labeled(label.strip(), text.strip()))
        else:
            blocks.append(Para(line))
    if heading is not None:
        sections.append(Section(heading, tuple(blocks)))
    return Resume(name, headline, contact, tuple(sections))


# ---------------------------------------------------------------------------------------------
# PDF


def _styles(base: float = 10.0) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=base, leading=base * 1.3,
                          alignment=TA_LEFT, spaceAfter=3)
    return {
        "name": ParagraphStyle("name", parent=body, fontName="Helvetica-Bold",
                               fontSize=base * 1.9, leading=base * 2.3, spaceAfter=2),
        "headline": ParagraphStyle("headline", parent=body, fontSize=base * 1.15,
                                   leading=base * 1.5, textColor=colors.HexColor("#333333")),
        "contact": ParagraphStyle("contact", parent=body, fontSize=base * 0.9),
        "heading": ParagraphStyle("heading", parent=body, fontName="Helvetica-Bold",
                                  fontSize=base * 1.2, leading=base * 1.5, spaceBefore=8,
                                  spaceAfter=1, textColor=colors.HexColor("#1f3a5f")),
        "entry": ParagraphStyle("entry", parent=body, spaceBefore=4, spaceAfter=0),
        "meta": ParagraphStyle("meta", parent=body, fontName="Helvetica-Oblique",
                               fontSize=base * 0.9, textColor=colors.HexColor("#444444")),
        "body": body,
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=12, bulletIndent=2,
                                 spaceAfter=1.5),
    }


def _flow_blocks(section: Section, st: dict[str, ParagraphStyle], rule_width: str = "100%"):
    yield Paragraph(escape(section.heading), st["heading"])
    yield HRFlowable(width=rule_width, thickness=0.6, color=colors.HexColor("#1f3a5f"),
                     spaceBefore=0, spaceAfter=4)
    for block in section.blocks:
        if isinstance(block, Entry):
            yield Paragraph(f"<b>{escape(block.title)}</b>, {escape(block.org)}", st["entry"])
            yield Paragraph(escape(f"{block.place} | {block.when}"), st["meta"])
        elif isinstance(block, Bullet):
            yield Paragraph(escape(block.text), st["bullet"], bulletText="\u2022")
        elif isinstance(block, Labeled):
            yield Paragraph(f"<b>{escape(block.label)}:</b> {escape(block.text)}", st["body"])
        else:
            yield Paragraph(escape(block.text), st["body"])


def _pdf_meta(title: str) -> dict[str, object]:
    return {"title": title, "author": AUTHOR, "subject": "Sample resume (fictional)",
            "creator": "samples/make_samples.py", "keywords": ["resume-checker", "sample"],
            "invariant": 1, "pageCompression": 0}


def one_column_pdf(resume: Resume, title: str) -> bytes:
    """A plain one-column resume: name, contact line, then sections top to bottom."""
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=LETTER, leftMargin=0.8 * inch, rightMargin=0.8 * inch,
                            topMargin=0.7 * inch, bottomMargin=0.7 * inch, **_pdf_meta(title))
    st = _styles()
    story = [Paragraph(escape(resume.name), st["name"]),
             Paragraph(escape(resume.headline), st["headline"]),
             Paragraph(escape("  |  ".join(resume.contact)), st["contact"]), Spacer(1, 4)]
    for section in resume.sections:
        story.extend(_flow_blocks(section, st))
    doc.build(story)
    return out.getvalue()


def two_column_pdf(sidebar: Resume, main: Resume, title: str) -> bytes:
    """A sidebar resume: contact, skills and certifications on a shaded left column.

    The left frame is filled first, so the content stream holds the sidebar before the
    main column (reading order = column order), while lines of the two columns share
    the same heights on the page.
    """
    out = io.BytesIO()
    width, height = LETTER
    side_w = 2.35 * inch

    def shade(canvas: Canvas, _doc: object) -> None:
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#eef2f7"))
        canvas.rect(0, 0, side_w + 0.25 * inch, height, stroke=0, fill=1)
        canvas.restoreState()

    left = Frame(0.35 * inch, 0.6 * inch, side_w - 0.2 * inch, height - 1.2 * inch, id="side",
                 leftPadding=0, rightPadding=0)
    right = Frame(side_w + 0.55 * inch, 0.6 * inch, width - side_w - 1.2 * inch,
                  height - 1.2 * inch, id="main", leftPadding=0, rightPadding=0)
    doc = BaseDocTemplate(out, pagesize=LETTER, **_pdf_meta(title))
    doc.addPageTemplates([PageTemplate(id="two", frames=[left, right], onPage=shade)])
    side = _styles(9.0)
    st = _styles(10.0)
    story: list = [Paragraph(escape(sidebar.name), side["name"]),
                   Paragraph(escape(sidebar.headline), side["headline"]), Spacer(1, 6)]
    for section in sidebar.sections:
        story.extend(_flow_blocks(section, side))
    story.append(FrameBreak())
    for section in main.sections:
        story.extend(_flow_blocks(section, st))
    doc.build(story)
    return out.getvalue()


@dataclass(frozen=True)
class SetPara:
    """A paragraph whose line breaks are fixed by hand (hyphenated sample)."""

    lines: tuple[str, ...]
    justify: bool = True


def hyphenated_pdf(parts: tuple[tuple[str, object], ...], title: str) -> bytes:
    """Justified paragraphs whose lines break exactly where given, hyphens included.

    Each line is one text object; justification spreads the gap with the PDF word-spacing
    operator (Tw), so real space characters stay in the text.  The last line of a paragraph
    is set ragged, as typesetters do.
    """
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=LETTER, invariant=1, pageCompression=0)
    canvas.setTitle(title)
    canvas.setAuthor(AUTHOR)
    canvas.setSubject("Sample resume (fictional)")
    canvas.setCreator("samples/make_samples.py")
    canvas.setKeywords("resume-checker, sample")
    left, right = 90.0, LETTER[0] - 90.0
    y = LETTER[1] - 80.0
    font, size, leading = "Times-Roman", 12.0, 15.0
    for kind, value in parts:
        if kind == "name":
            canvas.setFont("Times-Bold", 20)
            canvas.drawString(left, y, str(value))
            y -= 18
        elif kind == "contact":
            canvas.setFont("Times-Roman", 10)
            canvas.drawString(left, y, str(value))
            y -= 10
        elif kind == "heading":
            y -= 12
            canvas.setFont("Times-Bold", 12.5)
            canvas.drawString(left, y, str(value))
            canvas.setLineWidth(0.5)
            canvas.line(left, y - 3, right, y - 3)
            y -= 17
        elif kind == "entry":
            canvas.setFont("Times-Italic", 11)
            canvas.drawString(left, y, str(value))
            y -= leading
        elif isinstance(value, SetPara):
            last = len(value.lines) - 1
            for i, line in enumerate(value.lines):
                natural = stringWidth(line, font, size)
                gaps = line.count(" ")
                spread = (right - left - natural) / gaps if value.justify and i < last else 0
                if spread < 0 or spread > 4:
                    raise ValueError(f"line does not fit the measure: {line!r} ({spread:.1f})")
                text = canvas.beginText(left, y)
                text.setFont(font, size)
                text.setWordSpace(spread)
                text.textOut(line)
                canvas.drawText(text)
                y -= leading
            y -= 4
    canvas.showPage()
    canvas.save()
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# DOCX

def _new_docx(title: str):
    from docx import Document
    from docx.shared import Inches, Pt

    doc = Document()
    for section in doc.sections:
        section.left_margin = section.right_margin = Inches(0.9)
        section.top_margin = section.bottom_margin = Inches(0.8)
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(10.5)
    props = doc.core_properties
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.title = title
    props.subject = "Sample resume (fictional)"
    props.keywords = "resume-checker, sample"
    props.comments = "Generated by samples/make_samples.py"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1
    return doc


def _docx_blocks(doc, section: Section) -> None:
    doc.add_heading(section.heading, level=1)
    for block in section.blocks:
        if isinstance(block, Entry):
            p = doc.add_paragraph()
            p.add_run(block.title).bold = True
            p.add_run(f", {block.org}")
            p.paragraph_format.space_after = 0
            meta = doc.add_paragraph()
            meta.add_run(f"{block.place} | {block.when}").italic = True
        elif isinstance(block, Bullet):
            doc.add_paragraph(block.text, style="List Bullet")
        elif isinstance(block, Labeled):
            p = doc.add_paragraph()
            p.add_run(f"{block.label}: ").bold = True
            p.add_run(block.text)
        else:
            doc.add_paragraph(block.text)


def _docx_bytes(doc) -> bytes:
    """Save, then rewrite the zip with fixed entry timestamps so the bytes are reproducible."""
    raw = io.BytesIO()
    doc.save(raw)
    src = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def standard_docx(resume: Resume, title: str) -> bytes:
    """A one-column Word resume: Title style for the name, Heading 1 for each section."""
    doc = _new_docx(title)
    doc.add_paragraph(resume.name, style="Title")
    doc.add_paragraph(resume.headline)
    doc.add_paragraph("  |  ".join(resume.contact))
    for section in resume.sections:
        _docx_blocks(doc, section)
    return _docx_bytes(doc)


def table_header_docx(resume: Resume, skills: tuple[tuple[str, object, str], ...],
                      title: str) -> bytes:
    """Contact details only in the page header; skills in a 3-column table, one cell nested."""
    from docx.shared import Pt

    doc = _new_docx(title)
    header = doc.sections[0].header.paragraphs[0]
    header.add_run(resume.name).bold = True
    header.add_run("  |  " + "  |  ".join(resume.contact))
    headline = doc.add_paragraph()
    headline.add_run(resume.headline).font.size = Pt(14)
    for section in resume.sections:
        if section.heading != "Skills":
            _docx_blocks(doc, section)
            continue
        doc.add_heading("Skills", level=1)
        table = doc.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, label in zip(table.rows[0].cells, ("Area", "Skills", "Depth"), strict=True):
            cell.paragraphs[0].add_run(label).bold = True
        for area, value, depth in skills:
            cells = table.add_row().cells
            cells[0].text = area
            cells[2].text = depth
            if isinstance(value, str):
                cells[1].text = value
            else:
                cells[1].text = "Frameworks by years of use:"
                inner = cells[1].add_table(rows=0, cols=2)
                inner.style = "Table Grid"
                for name, years in value:
                    row = inner.add_row().cells
                    row[0].text, row[1].text = name, years
    return _docx_bytes(doc)


_TEXTBOX = """<mc:AlternateContent {ns}><mc:Choice Requires="wps"><w:drawing>\
<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" \
relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">\
<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:align>right</wp:align>\
</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>\
</wp:positionV><wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>\
<wp:wrapSquare wrapText="bothSides"/><wp:docPr id="1" name="Text Box 1"/><wp:cNvGraphicFramePr/>\
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">\
<wps:wsp><wps:cNvSpPr txBox="1"><a:spLocks noChangeArrowheads="1"/></wps:cNvSpPr>\
<wps:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>\
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="EEF2F7"/>\
</a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="1F3A5F"/></a:solidFill>\
<a:miter lim="800000"/></a:ln></wps:spPr><wps:txbx><w:txbxContent>{body}</w:txbxContent>\
</wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" \
rIns="91440" bIns="45720" anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>\
</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>\
<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" \
path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" \
o:connecttype="rect"/></v:shapetype><v:shape id="Text Box 1" o:spid="_x0000_s1026" \
type="#_x0000_t202" style="position:absolute;margin-left:0;margin-top:0;width:{wpt}pt;\
height:{hpt}pt;z-index:251659264;visibility:visible;mso-wrap-style:square;\
mso-position-horizontal:right;mso-position-horizontal-relative:margin;\
mso-position-vertical-relative:text;v-text-anchor:top" fillcolor="#eef2f7" \
strokecolor="#1f3a5f"><v:textbox><w:txbxContent>{body}</w:txbxContent></v:textbox>\
<w10:wrap type="square"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"""

_NS = {
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "w10": "urn:schemas-microsoft-com:office:word",
}


def _textbox_xml(heading: str, items: tuple[str, ...], width_in: float, height_in: float) -> str:
    paras = [f'<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:spacing w:before="0"/></w:pPr>'
             f"<w:r><w:t>{escape(heading)}</w:t></w:r></w:p>"]
    paras += [f'<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t>{escape(item)}'
              "</w:t></w:r></w:p>" for item in items]
    ns = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in _NS.items())
    return _TEXTBOX.format(ns=ns, body="".join(paras), cx=int(width_in * 914400),
                           cy=int(height_in * 914400), wpt=f"{width_in * 72:g}",
                           hpt=f"{height_in * 72:g}")


def textbox_docx(resume: Resume, box_heading: str, box_items: tuple[str, ...],
                 title: str) -> bytes:
    """A Word resume whose skills panel is a floating text box, written the way Word does:
    mc:AlternateContent with a DrawingML (wps) Choice and a VML Fallback, each holding the
    same w:txbxContent."""
    from docx.oxml import parse_xml

    doc = _new_docx(title)
    doc.add_paragraph(resume.name, style="Title")
    anchor = doc.add_paragraph(resume.headline)
    run = anchor.add_run()
    run._r.append(parse_xml(_textbox_xml(box_heading, box_items, 2.1, 2.5)))
    doc.add_paragraph("  |  ".join(resume.contact))
    for section in resume.sections:
        _docx_blocks(doc, section)
    return _docx_bytes(doc)


# ---------------------------------------------------------------------------------------------
# Plain text


def plain_text(resume: Resume) -> bytes:
    """A plain UTF-8 resume: capitalised headings, bullets as '•', LF line ends."""
    out = [resume.name, resume.headline, " · ".join(resume.contact)]
    for section in resume.sections:
        out += ["", section.heading.upper(), "=" * len(section.heading)]
        for block in section.blocks:
            if isinstance(block, Entry):
                out += ["", f"{block.title} — {block.org}", f"{block.place} · {block.when}"]
            elif isinstance(block, Bullet):
                out.append(f"  • {block.text}")
            elif isinstance(block, Labeled):
                out.append(f"{block.label}: {block.text}")
            else:
                out.append(block.text)
    return ("\n".join(out) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------------------------


def builders() -> dict[str, Callable[[], bytes]]:
    """File name -> function returning that sample's bytes."""
    return {
        "strong_fit.pdf": lambda: one_column_pdf(parse_resume(txt.STRONG_PDF),
                                                 "Amara Lindqvist - Resume"),
        "strong_fit.docx": lambda: standard_docx(parse_resume(txt.STRONG_DOCX),
                                                 "Rafael Moreno-Castillo - Resume"),
        "partial_fit.pdf": lambda: one_column_pdf(parse_resume(txt.PARTIAL_PDF),
                                                  "Priya Natarajan - Resume"),
        "partial_fit.docx": lambda: standard_docx(parse_resume(txt.PARTIAL_DOCX),
                                                  "Daniel Okoro - Resume"),
        "weak_fit.pdf": lambda: one_column_pdf(parse_resume(txt.WEAK_PDF),
                                               "Morgan Ellis - Resume"),
        "two_column.pdf": lambda: two_column_pdf(parse_resume(txt.TWO_COLUMN_SIDE),
                                                 parse_resume(txt.TWO_COLUMN_MAIN),
                                                 "Sofia Haddad - Resume"),
        "skills_table_header_contact.docx": lambda: table_header_docx(
            parse_resume(txt.TABLE_DOCX), txt.TABLE_SKILLS, "Ingrid Halvorsen - Resume"),
        "hyphenated.pdf": lambda: hyphenated_pdf(_hyphenated_parts(), "Lena Vogt - Resume"),
        "textbox.docx": lambda: textbox_docx(parse_resume(txt.TEXTBOX_DOCX), "Skills",
                                             txt.TEXTBOX_SKILLS, "Grace Achebe-Lund - Resume"),
        "plain_resume.txt": lambda: plain_text(parse_resume(txt.PLAIN_TXT)),
        "job_ad_nn_architect.txt": lambda: txt.JOB_AD_NN_ARCHITECT.encode("utf-8"),
        "job_ad_ml_engineer.txt": lambda: txt.JOB_AD_ML_ENGINEER.encode("utf-8"),
    }


def _hyphenated_parts() -> tuple[tuple[str, object], ...]:
    parts: list[tuple[str, object]] = []
    for kind, value in txt.HYPHENATED:
        if kind == "para":
            parts.append((kind, SetPara(tuple(value))))
        elif kind == "list":
            parts.append(("para", SetPara(tuple(value), justify=False)))
        else:
            parts.append((kind, value))
    return tuple(parts)


def generate(out_dir: Path) -> list[Path]:
    """Write every sample into out_dir and return the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, build in builders().items():
        path = out_dir / name
        path.write_bytes(build())
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE,
                        help="folder to write (default: %(default)s)")
    args = parser.parse_args(argv)
    for path in generate(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
