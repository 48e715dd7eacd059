"""Word (.docx) resumes: every piece of text an ATS reads, in document order.

The package is read with :mod:`zipfile` and each XML part with a locked-down lxml parser,
rather than through python-docx, because ``Document.paragraphs`` misses tables, headers,
footers and text boxes, and opening a package with python-docx decompresses every part
(images and embedded objects included) before we could check its size.  Only the parts we
need are read: ``word/document.xml``, its relationships, ``word/styles.xml``, and the header
and footer parts the sections name.  Each is checked against the zip-bomb limits (declared
size, running total, compression ratio) before it is decompressed.  External relationships
(a remote template, a linked image) are ignored, never fetched; the parser expands no
entities, loads no DTD and never touches the network.

Choices, so readers of the report know what a line is:

* Table rows whose cells hold one line each become one line, cells joined by " | "
  ("Acme Corp | 2019 - 2023"), which keeps a row's facts together.  When any cell holds
  several lines or a nested table (a two-column layout table), each cell's lines are given
  in turn, so a sidebar is never interleaved with the main column.
* Text boxes follow the paragraph they are anchored in.  In ``mc:AlternateContent`` only
  the first Choice is read (the Fallback when there is no Choice): never both.
* Headers and footers of every section (first, default, even; each part once, each line
  once) open page 1 and close the last page.
* A DOCX has no fixed pages; it is page 1 unless it holds explicit page breaks
  (``w:br w:type="page"`` or ``w:pageBreakBefore``).  ``w:lastRenderedPageBreak`` is
  ignored: it records where some earlier renderer broke pages, which differs between
  producers and goes stale on edit.
* Text no reader sees (Hidden font effect, white on a white page, under 4 pt: see
  :mod:`.styles`) is kept out of the lines, as the PDF parser does: the visible rest of
  its paragraph stays a line, the hidden words become `Document.hidden_lines` of the same
  page, numbered after its visible lines.  Deleted tracked changes and field instructions
  are not text and are skipped.  Footnotes are not read.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from lxml import etree

from resume_checker.documents.assemble import RawLine, RawPage, build_document
from resume_checker.documents.docx.lines import Hidden, LineBuffer, join_row, with_hidden_lines
from resume_checker.documents.docx.package import Parts
from resume_checker.documents.docx.signature import MAIN_PART
from resume_checker.documents.docx.styles import (
    DARK,
    RunFormat,
    Styles,
    W,
    hex_colour,
    may_underlay_text,
    on_off,
    shading,
    val,
)
from resume_checker.documents.model import Document, Format, Notice, Origin, Severity
from resume_checker.errors import UnreadableDocumentError
from resume_checker.limits import DEFAULT_LIMITS, Limits

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


P, R_, T, TBL, TR, TC = _w("p"), _w("r"), _w("t"), _w("tbl"), _w("tr"), _w("tc")
SDT, SDT_CONTENT, TXBX = _w("sdt"), _w("sdtContent"), _w("txbxContent")
ALT, CHOICE, FALLBACK = f"{{{MC}}}AlternateContent", f"{{{MC}}}Choice", f"{{{MC}}}Fallback"
TYPE = _w("type")
# Containers whose children are read as if they stood in the parent.
_INLINE_WRAPPERS = frozenset(
    _w(n)
    for n in ("hyperlink", "smartTag", "customXml", "fldSimple", "ins", "moveTo", "dir", "bdo")
)
_BLOCK_WRAPPERS = frozenset(_w(n) for n in ("customXml", "ins", "moveTo"))
_SKIPPED_INLINE = frozenset(_w(n) for n in ("del", "moveFrom", "pPr"))
_SPACE = frozenset(_w(n) for n in ("tab", "ptab"))
_NEWLINE = frozenset(_w(n) for n in ("cr",))
_GRAPHICS = frozenset(_w(n) for n in ("drawing", "pict", "object"))
_IMAGES = frozenset(
    (
        "{http://schemas.openxmlformats.org/drawingml/2006/main}blip",
        "{urn:schemas-microsoft-com:vml}imagedata",
    )
)
_HEADER_TYPES = ("first", "default", "even")
_PAGE_BREAK = "page-break"
_IMAGE = "image"

def parse_docx(data: bytes, *, source: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read body, tables, text boxes, headers and footers of a .docx into a Document."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise UnreadableDocumentError(
            f"the Word file is damaged (not a readable ZIP archive): {exc}", source=source
        ) from exc
    try:
        with zf:
            return _parse(zf, data, source=source, limits=limits)
    except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError, RuntimeError) as exc:
        # RuntimeError: an encrypted entry; NotImplementedError: an unknown compression method.
        raise UnreadableDocumentError(
            f"the Word file is damaged or uses an unsupported ZIP feature: {exc}", source=source
        ) from exc
    except RecursionError as exc:
        raise UnreadableDocumentError(
            "the Word file nests tables or text boxes too deeply to read", source=source
        ) from exc


def _parse(zf: zipfile.ZipFile, data: bytes, *, source: str, limits: Limits) -> Document:
    parts = Parts(zf, source=source, limits=limits)
    if MAIN_PART not in parts.names:
        raise UnreadableDocumentError(
            "the Word file has no word/document.xml: it is incomplete or not a Word document",
            source=source,
        )
    root = parts.xml(MAIN_PART)
    body = root.find(_w("body"))
    if body is None:
        raise UnreadableDocumentError("word/document.xml has no body", source=source)
    rels = parts.relationships(MAIN_PART)
    styles_part = next((t for t, kind in rels.values() if kind.endswith("/styles")), None)
    if styles_part is None and "word/styles.xml" in parts.names:
        styles_part = "word/styles.xml"
    styles = Styles(parts.xml(styles_part, "the styles") if styles_part in parts.names else None)
    notices: list[Notice] = []

    margin_roots: list[tuple[Origin, etree._Element]] = []
    for origin, part in _margin_parts(root, rels):
        if part in parts.names:
            margin_roots.append((origin, parts.xml(part, f"a page {origin.value}")))
        else:
            notices.append(
                Notice(
                    code="missing_part",
                    message=f"the {origin.value} part {part} named by the document is missing",
                    severity=Severity.WARNING,
                )
            )
    walker = _Walker(styles, _page_colour(root, [root] + [r for _, r in margin_roots]))
    items = walker.blocks(body, Origin.BODY)
    margins: dict[Origin, list[RawLine | Hidden]] = {Origin.HEADER: [], Origin.FOOTER: []}
    for origin, margin_root in margin_roots:
        seen = {(type(item), _text(item)) for item in margins[origin]}
        for item in walker.blocks(margin_root, origin):
            if isinstance(item, RawLine | Hidden) and (type(item), _text(item)) not in seen:
                seen.add((type(item), _text(item)))
                margins[origin].append(item)

    pages, hidden = _paginate(items)
    head, foot = (margins[o] for o in (Origin.HEADER, Origin.FOOTER))
    pages[0].lines[:0] = [i for i in head if isinstance(i, RawLine)]
    pages[-1].lines.extend(i for i in foot if isinstance(i, RawLine))
    hidden[:0] = [replace(i, page=1) for i in head if isinstance(i, Hidden)]
    hidden.extend(replace(i, page=len(pages)) for i in foot if isinstance(i, Hidden))
    document = build_document(
        source=source, fmt=Format.DOCX.value, data=data, pages=pages, notices=notices,
        limits=limits,
    )
    return with_hidden_lines(document, hidden, limits) if hidden else document


def _text(item: RawLine | Hidden) -> str:
    return item.line.text if isinstance(item, Hidden) else item.text


def _page_colour(root: etree._Element, parts: list[etree._Element]) -> str | None:
    """What lies behind the text where nothing else does: the page colour, or an unknown dark
    backdrop when a part holds a shape or picture that may lie behind text."""
    if any(may_underlay_text(part) for part in parts):
        return DARK
    background = root.find(_w("background"))
    return None if background is None else hex_colour(background.get(_w("color")))


def _paginate(items: list[_Item]) -> tuple[list[RawPage], list[Hidden]]:
    """Split the item stream at explicit page breaks; a break on an empty page is ignored.
    Hidden lines are returned apart, each with its page number set."""
    pages = [RawPage(number=1)]
    hidden: list[Hidden] = []
    for item in items:
        page = pages[-1]
        if item == _PAGE_BREAK:
            if page.lines:
                pages.append(RawPage(number=page.number + 1))
        elif item == _IMAGE:
            page.image_count += 1
        elif isinstance(item, RawLine):
            page.lines.append(item)
        elif isinstance(item, Hidden):
            hidden.append(replace(item, page=page.number))
    if len(pages) > 1 and not pages[-1].lines and not pages[-1].image_count:
        pages.pop()
        hidden = [replace(h, page=min(h.page, len(pages))) for h in hidden]
    return pages, hidden


def _margin_parts(root: etree._Element, rels: dict[str, tuple[str, str]]) -> Iterator[
    tuple[Origin, str]
]:
    """Header then footer parts of every section, each part once, first/default/even order."""
    seen: set[str] = set()
    sections = list(root.iter(_w("sectPr")))
    for origin, ref_tag in ((Origin.HEADER, "headerReference"), (Origin.FOOTER, "footerReference")):
        for sect in sections:
            refs = {
                ref.get(TYPE, "default"): ref.get(f"{{{R}}}id") for ref in sect.iter(_w(ref_tag))
            }
            for kind in _HEADER_TYPES:
                rel = rels.get(refs.get(kind) or "")
                if rel and rel[0] not in seen:
                    seen.add(rel[0])
                    yield origin, rel[0]


_Item = RawLine | Hidden | str


class _Walker:
    """Walks WordprocessingML blocks into a stream of RawLines, hidden lines, page breaks
    and images.  ``behind`` is the colour behind the text being read (cell, table or page
    shading; None for a white page)."""

    def __init__(self, styles: Styles, page_colour: str | None) -> None:
        self.styles = styles
        self.page_colour = page_colour

    def blocks(self, parent: etree._Element, origin: Origin, behind: str | None = None
               ) -> list[_Item]:
        if behind is None:
            behind = self.page_colour
        out: list[_Item] = []
        for child in parent:
            tag = child.tag
            if tag == P:
                out.extend(self._paragraph(child, origin, behind))
            elif tag == TBL:
                out.extend(self._table(child, origin, behind))
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    out.extend(self.blocks(content, origin, behind))
            elif tag in _BLOCK_WRAPPERS:
                out.extend(self.blocks(child, origin, behind))
            elif tag == ALT:
                out.extend(self.blocks(_choose(child), origin, behind))
        return out

    def _table(self, tbl: etree._Element, origin: Origin, behind: str | None) -> list[_Item]:
        inner = origin if origin in (Origin.HEADER, Origin.FOOTER) else Origin.TABLE
        tbl_pr = tbl.find(_w("tblPr"))
        if self.styles.table_has_dark_shading(val(tbl_pr, "tblStyle")):
            behind = DARK
        elif tbl_pr is not None:
            behind = shading(tbl_pr.find(_w("shd"))) or behind
        out: list[_Item] = []
        for row in _children(tbl, TR):
            cells = [self.blocks(cell, inner, _cell_shading(cell) or behind)
                     for cell in _children(row, TC)]
            nested = any(cell.find(TBL) is not None for cell in _children(row, TC))
            texts = [[i for i in cell if isinstance(i, RawLine)] for cell in cells]
            if not nested and all(len(lines) <= 1 for lines in texts):
                lines = [lines[0] for lines in texts if lines]
                if lines:
                    out.append(join_row(lines, inner))
                out.extend(i for cell in cells for i in cell if not isinstance(i, RawLine))
            else:
                for cell in cells:
                    out.extend(cell)
        return out

    def _paragraph(self, p: etree._Element, origin: Origin, behind: str | None) -> list[_Item]:
        ppr = p.find(_w("pPr"))
        style_id = val(ppr, "pStyle")
        heading = self.styles.is_heading(style_id) or val(ppr, "outlineLvl") not in (None, "9")
        out: list[_Item] = []
        if ppr is not None and on_off(ppr.find(_w("pageBreakBefore"))):
            out.append(_PAGE_BREAK)
        behind = self.styles.paragraph_shading(ppr, style_id) or behind
        ctx = _Paragraph(self, style_id, origin, heading, behind)
        ctx.inline(p)
        out.extend(ctx.finish())
        return out


def _cell_shading(cell: etree._Element) -> str | None:
    tc_pr = cell.find(_w("tcPr"))
    return None if tc_pr is None else shading(tc_pr.find(_w("shd")))


@dataclass
class _Paragraph:
    """State while reading one paragraph: the current line and the text boxes met."""

    walker: _Walker
    style_id: str | None
    origin: Origin
    heading: bool
    behind: str | None
    out: list[_Item] = field(default_factory=list)
    line: LineBuffer = field(default_factory=LineBuffer)
    boxes: list[etree._Element] = field(default_factory=list)

    def inline(self, parent: etree._Element) -> None:
        for child in parent:
            tag = child.tag
            if tag == R_:
                fmt = self.walker.styles.run(child.find(_w("rPr")), self.style_id)
                self.run(child, fmt, fmt.hidden(self.behind))
            elif tag in _INLINE_WRAPPERS:
                self.inline(child)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self.inline(content)
            elif tag == ALT:
                self.inline(_choose(child))

    def run(self, parent: etree._Element, fmt: RunFormat, hidden: str | None) -> None:
        bold, size, add = fmt.bold, fmt.size, self.line.add
        for child in parent:
            tag = child.tag
            if tag == T:
                add(child.text or "", bold, size, hidden)
            elif tag in _SPACE:
                add(" ", None, None, hidden)
            elif tag == _w("br"):
                self.newline()
                if child.get(TYPE) == "page" and self.origin not in (Origin.HEADER, Origin.FOOTER):
                    self.out.append(_PAGE_BREAK)
            elif tag in _NEWLINE:
                self.newline()
            elif tag == _w("noBreakHyphen"):
                add("-", bold, size, hidden)
            elif tag == _w("softHyphen"):
                add("\u00ad", bold, size, hidden)
            elif tag in _GRAPHICS:
                self.graphic(child)
            elif tag == ALT:
                self.run(_choose(child), fmt, hidden)

    def graphic(self, element: etree._Element) -> None:
        """Text boxes inside a drawing are read after the line; pictures are counted."""
        for node in _find(element, TXBX, _IMAGES):
            if node.tag == TXBX:
                self.boxes.append(node)
            else:
                self.out.append(_IMAGE)

    def newline(self) -> None:
        self.out.extend(self.line.take(self.origin, self.heading))

    def finish(self) -> list[_Item]:
        self.newline()
        box_origin = self.origin if self.origin in (Origin.HEADER, Origin.FOOTER) else (
            Origin.TEXTBOX
        )
        for box in self.boxes:
            self.out.extend(self.walker.blocks(box, box_origin))
        return self.out


def _choose(alternate: etree._Element) -> etree._Element:
    """The one branch of mc:AlternateContent to read: the first Choice, else the Fallback."""
    branch = alternate.find(CHOICE)
    if branch is None:
        branch = alternate.find(FALLBACK)
    return branch if branch is not None else etree.Element("empty")


def _find(element: etree._Element, stop: str, also: frozenset[str]) -> Iterator[etree._Element]:
    """Descendants tagged ``stop`` (not searched further) or in ``also``, one AlternateContent
    branch only."""
    for child in element:
        if child.tag == stop or child.tag in also:
            yield child
        elif child.tag == ALT:
            yield from _find(_choose(child), stop, also)
        else:
            yield from _find(child, stop, also)


def _children(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children tagged ``tag``, looking through content controls and custom XML wrappers."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _children(child, tag)
