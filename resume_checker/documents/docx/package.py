"""The parts of a Word package, read safely: zip-bomb limits checked before anything is
decompressed, XML parsed without entities, DTDs or network, external relationships dropped."""

from __future__ import annotations

import posixpath
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

    def xml(self, name: str) -> etree._Element:
        try:
            return etree.fromstring(self.read(name), XML_PARSER)
        except etree.XMLSyntaxError as exc:
            raise UnreadableDocumentError(
                f"the Word file is damaged: {name} is not well-formed XML ({exc})",
                source=self.source,
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
