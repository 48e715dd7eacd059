"""The parts of a Word package, read safely: zip-bomb limits checked before anything is
decompressed, XML parsed without entities, DTDs or network, external relationships dropped."""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from resume_checker.errors import LimitExceededError, UnreadableDocumentError
from resume_checker.limits import Limits

PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"

# Below this declared size a part is never a bomb, however well it compresses
# (a 200 KB run of empty table cells can compress 150:1 and is harmless).
_RATIO_FLOOR = 1024 * 1024

XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
    huge_tree=False, remove_comments=True, remove_pis=True,
)


@dataclass
class Parts:
    """Reads parts of the package, enforcing the zip-bomb limits before decompressing."""

    zf: zipfile.ZipFile
    source: str
    limits: Limits
    total: int = 0
    names: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.names = set(self.zf.namelist())

    def read(self, name: str) -> bytes:
        info = self.zf.getinfo(name)
        limits, size = self.limits, info.file_size
        if size > limits.max_docx_part_bytes:
            raise self._limit(
                f"the part {name} would unpack to {size:,} bytes, over the limit of "
                f"{limits.max_docx_part_bytes:,} bytes per part (a damaged file or a zip bomb?)"
            )
        if self.total + size > limits.max_docx_total_bytes:
            raise self._limit(
                f"the parts read would unpack to more than {limits.max_docx_total_bytes:,} bytes "
                "in total (a damaged file or a zip bomb?)"
            )
        ratio = size / max(info.compress_size, 1)
        if size >= _RATIO_FLOOR and ratio > limits.max_compression_ratio:
            raise self._limit(
                f"the part {name} is compressed {ratio:,.0f} to 1, over the limit of "
                f"{limits.max_compression_ratio:,.0f} to 1 (a zip bomb?)"
            )
        self.total += size
        with self.zf.open(info) as fh:
            return fh.read(size)  # zipfile also stops at the declared size

    def xml(self, name: str, role: str | None = None) -> etree._Element:
        """The part parsed; ``role`` says what it holds ("a page header"), for messages."""
        try:
            return etree.fromstring(self.read(name), XML_PARSER)
        except (etree.XMLSyntaxError, etree.ParserError) as exc:
            raise UnreadableDocumentError(
                xml_problem(f"{role or part_role(name)} ({name})", exc), source=self.source
            ) from exc

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Internal relationships of ``part``: id -> (target part name, type).  External ones
        (remote templates, linked images) are dropped here, so nothing can fetch them."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if rels_name not in self.names:
            return {}
        out: dict[str, tuple[str, str]] = {}
        for rel in self.xml(rels_name).iter(f"{{{PKG_RELS}}}Relationship"):
            target, rel_id = rel.get("Target", ""), rel.get("Id", "")
            if rel.get("TargetMode", "Internal") != "Internal" or not target or not rel_id:
                continue
            if target.startswith("/"):
                name = posixpath.normpath(target.lstrip("/"))
            else:
                name = posixpath.normpath(posixpath.join(folder, target))
            if not name.startswith("../"):
                out[rel_id] = (name, rel.get("Type", ""))
        return out

    def _limit(self, reason: str) -> LimitExceededError:
        return LimitExceededError(reason, source=self.source)


def part_role(name: str) -> str:
    """What a part of a Word package holds, in a user's words: "the main text", "the styles"..."""
    base = posixpath.basename(name).lower()
    if base.endswith(".rels"):
        return "the list of the file's parts"
    for prefix, role in _ROLES:
        if base.startswith(prefix):
            return role
    return "a part of the file"


_ROLES = (
    ("document", "the main text"),
    ("styles", "the styles"),
    ("header", "a page header"),
    ("footer", "a page footer"),
    ("footnotes", "the footnotes"),
    ("endnotes", "the endnotes"),
    ("numbering", "the list numbering"),
    ("settings", "the settings"),
)
_DEPTH = re.compile(r"depth in document: (\d+)")
_ENCODING = re.compile(r"Unsupported encoding:? *([^\s,]{1,40})")
_ENTITY = re.compile(r"Entity '([^']{1,40})' not defined")
# libxml2's error codes (lxml.etree.ErrorTypes), grouped by what is wrong in the file
_CLOSING = frozenset({73, 74, 76, 77})  # GT_REQUIRED, TAG_NAME_MISMATCH, TAG_NOT_FINISHED...
_BARE_MARKUP = frozenset({23, 24, 68})  # ENTITYREF_SEMICOL_MISSING, NAME_REQUIRED...
_BAD_CHARS = frozenset({9, 81})         # INVALID_CHAR, INVALID_ENCODING
_EMPTY = 4                              # DOCUMENT_EMPTY ("Start tag expected")
_TRAILING = 5                           # DOCUMENT_END ("Extra content at the end")
_REPEATED_ATTRIBUTE = 42                # ATTRIBUTE_REDEFINED
_NAMESPACES = range(200, 210)           # NS_ERR_*: an undeclared or repeated prefix
_ENTITY_LOOP = 89                       # ENTITY_LOOP


def xml_problem(what: str, exc: etree.LxmlError) -> str:
    """Why a part is unreadable, in the file's terms: what the XML parser (libxml2) objected to,
    without its advice to the programmer ("use XML_PARSE_HUGE option").  ``what`` names the
    part: "the main text (word/document.xml)"."""
    message = str(getattr(exc, "msg", "") or exc)
    code = getattr(exc, "code", 0)
    depth = _DEPTH.search(message)
    if depth or "depth" in message.lower():
        levels = f" (more than {int(depth.group(1)):,} levels)" if depth else ""
        return (
            f"the Word file cannot be read: the document's XML is nested too deeply{levels} "
            f"in {what}; Word never writes such a file, so it is damaged or was made to "
            "overload readers"
        )
    if code == _ENTITY_LOOP or "entity reference loop" in message:
        return (
            f"the Word file cannot be read: {what} defines entities (text shortcuts) that "
            "refer to each other in a loop"
        )
    if "amplification" in message:
        return (
            f"the Word file cannot be read: {what} defines entities (text shortcuts) that "
            "expand to far more text than the file holds (an 'entity bomb')"
        )
    if "too long" in message or "Buffer size" in message or "huge" in message.lower():
        return (
            f"the Word file cannot be read: {what} holds a single piece of text, a name or an "
            "attribute too long to read safely (millions of characters in one piece)"
        )
    entity = _ENTITY.search(message)
    if entity:
        return (
            f"the Word file is damaged: {what} uses an entity it does not define "
            f"('&{entity.group(1)};'){_at(exc)}"
        )
    encoding = _ENCODING.search(message)
    if encoding:
        return (
            f"the Word file cannot be read: {what} declares a text encoding this reader does "
            f"not know ('{encoding.group(1)}'); Word writes UTF-8"
        )
    if code == _EMPTY or "Document is empty" in message:
        return f"the Word file is damaged: {what} is empty or is not XML"
    return f"the Word file is damaged: {what} is not well-formed XML: {_plain(code)}{_at(exc)}"


def _plain(code: int) -> str:
    """The kind of XML error, in plain words."""
    if code in _CLOSING:
        return "a tag is not closed, or is closed in the wrong place"
    if code in _BARE_MARKUP:
        return "a '&' or '<' stands in the text without being written as markup"
    if code in _BAD_CHARS:
        return "it holds bytes or characters that are not valid text"
    if code == _TRAILING:
        return "something follows the end of the document"
    if code == _REPEATED_ATTRIBUTE:
        return "a tag gives the same attribute twice"
    if code in _NAMESPACES:
        return "a tag uses a namespace prefix that is not declared"
    return "its markup is broken"


def _at(exc: etree.LxmlError) -> str:
    position = getattr(exc, "position", None)
    if not position or not position[0]:
        return ""
    line, column = position
    return f" (at line {line:,}, column {column:,})"
