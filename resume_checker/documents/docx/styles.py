"""Word style resolution for the DOCX parser: bold, size and whether a reader can see a run.

A run's look comes from, first to last: its own ``w:rPr``, its character style, its paragraph
style (each with its ``w:basedOn`` chain) and the document defaults.  The styles part is
resolved once per (character style, paragraph style) pair, not per run: a resume has
thousands of runs and a handful of pairs.

Hidden text, as keyword stuffers write it in Word: the Hidden font effect (``w:vanish``), a
white or near-white font (each channel at least 235) with nothing dark behind it (run
highlight or shading, paragraph, cell or table shading, page colour), or a font under 4 pt.
Where a dark shape or a picture may lie behind the text (Word places those by layout, which
this parser does not compute) white text is taken as visible: a false alarm on a real design
would be worse than a stuffer missed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_V = "urn:schemas-microsoft-com:vml"

#: reason codes of DOCX hidden text, strongest first (a run gets the first that applies)
HIDDEN_REASONS = ("vanish", "white_text", "tiny_text")
TINY_PT = 4.0       # text set smaller than this (points) is unreadable on paper
_LIGHT = 235        # every channel at least this (of 255): white or near it
#: a backdrop of unknown colour behind the text (a shape, a picture): white text shows on it
DARK = "000000"


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


VAL = _w("val")
_B, _SZ, _VANISH, _COLOR = _w("b"), _w("sz"), _w("vanish"), _w("color")
_SHD, _HIGHLIGHT, _RSTYLE = _w("shd"), _w("highlight"), _w("rStyle")
_HIGHLIGHTS = {
    "black": "000000", "blue": "0000FF", "cyan": "00FFFF", "green": "00FF00",
    "magenta": "FF00FF", "red": "FF0000", "yellow": "FFFF00", "white": "FFFFFF",
    "darkblue": "000080", "darkcyan": "008080", "darkgreen": "008000",
    "darkmagenta": "800080", "darkred": "800000", "darkyellow": "808000",
    "darkgray": "808080", "lightgray": "C0C0C0",
}
_HEX = re.compile(r"[0-9A-Fa-f]{6}")
_VML_HEX = re.compile(r"#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})\b")
_VML_LIGHT_NAMES = frozenset(("white", "window", "background"))


@dataclass(frozen=True, slots=True)
class RunFormat:
    """The resolved look of a run: what the report shows and what hides it."""

    bold: bool
    size: float | None  # points
    vanish: bool
    color: str | None  # font colour as RRGGBB; None for automatic
    backdrop: str | None  # the run's own highlight or shading as RRGGBB, if any

    def hidden(self, behind: str | None) -> str | None:
        """Why no reader sees this run (a HIDDEN_REASONS code), given the colour ``behind``
        it (paragraph, cell, table or page; None for a plain white page); None if visible."""
        if self.vanish:
            return "vanish"
        if self.color is not None and is_light(self.color):
            backdrop = self.backdrop or behind
            if backdrop is None or is_light(backdrop):
                return "white_text"
        if self.size is not None and self.size < TINY_PT:
            return "tiny_text"
        return None


# Raw run properties as set in one w:rPr, None where not set:
# (bold, size, vanish, color, backdrop, rStyle); colour "" means automatic.
_Props = tuple[bool | None, float | None, bool | None, str | None, str | None, str | None]
_UNSET: _Props = (None, None, None, None, None, None)


def run_props(rpr: etree._Element | None) -> _Props:
    """The run properties set directly in a w:rPr, in one pass over its children."""
    if rpr is None:
        return _UNSET
    bold = size = vanish = color = backdrop = rstyle = None
    highlight = None
    for child in rpr:
        tag = child.tag
        if tag == _B:
            bold = on_off(child)
        elif tag == _SZ:
            half_points = child.get(VAL, "")
            # isdecimal, not isdigit: int() refuses digits such as "\u00b2"
            size = int(half_points) / 2 if half_points.isdecimal() else None
        elif tag == _VANISH:
            vanish = on_off(child)
        elif tag == _COLOR:
            value = child.get(VAL, "")
            color = value.upper() if _HEX.fullmatch(value) else ""
        elif tag == _SHD:
            backdrop = shading(child)
        elif tag == _HIGHLIGHT:
            highlight = _HIGHLIGHTS.get(child.get(VAL, "").lower())
        elif tag == _RSTYLE:
            rstyle = child.get(VAL)
    # A highlight is drawn over the run's shading.
    return bold, size, vanish, color, highlight or backdrop, rstyle


def shading(shd: etree._Element | None) -> str | None:
    """The colour a w:shd paints (RRGGBB), None when it paints nothing."""
    if shd is None:
        return None
    pattern = (shd.get(VAL) or "clear").lower()
    if pattern == "nil":
        return None
    if pattern == "solid":  # the pattern colour covers the fill; automatic is black
        color = shd.get(_w("color"), "")
        return color.upper() if _HEX.fullmatch(color) else DARK
    fill = shd.get(_w("fill"), "")
    return fill.upper() if _HEX.fullmatch(fill) else None


def hex_colour(value: str | None) -> str | None:
    """An RRGGBB attribute value, upper-cased; None for "auto", absent or malformed."""
    return value.upper() if value and _HEX.fullmatch(value) else None


def is_light(color: str) -> bool:
    """RRGGBB with every channel at least 235: white or near it."""
    return all(int(color[i:i + 2], 16) >= _LIGHT for i in (0, 2, 4))


def val(parent: etree._Element | None, name: str) -> str | None:
    if parent is None:
        return None
    child = parent.find(_w(name))
    return None if child is None else child.get(VAL)


def on_off(element: etree._Element | None) -> bool | None:
    """A WordprocessingML on/off property: absent -> None, bare or true -> True."""
    if element is None:
        return None
    return element.get(VAL, "true").lower() in ("1", "true", "on")


def _on_off_attr(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")


@dataclass(frozen=True, slots=True)
class _Style:
    name: str
    based_on: str | None
    props: _Props
    outline: bool
    shading: str | None  # paragraph shading (pPr/shd)


class Styles:
    """Style facts needed for bold, size, hidden text and heading detection, inheritance
    resolved.  Styles are read on first use: Word's styles part lists hundreds, a resume
    uses a few."""

    def __init__(self, root: etree._Element | None) -> None:
        self._elements: dict[str, etree._Element] = {}
        self._cache: dict[str, _Style] = {}
        self._formats: dict[tuple[str | None, str | None], RunFormat] = {}
        self._para_shading: dict[str | None, str | None] = {}
        self._table_dark: dict[str | None, bool] = {}
        self._normal: str | None = None
        rpr_default = None
        if root is not None:
            rpr_default = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
            for style in root.iterchildren(_w("style")):
                style_id = style.get(_w("styleId"))
                if not style_id:
                    continue
                self._elements[style_id] = style
                if style.get(_w("type")) == "paragraph" and _on_off_attr(style.get(_w("default"))):
                    self._normal = style_id
        self._default = run_props(rpr_default)

    def _style(self, style_id: str) -> _Style | None:
        if style_id in self._cache:
            return self._cache[style_id]
        element = self._elements.get(style_id)
        if element is None:
            return None
        ppr = element.find(_w("pPr"))
        style = _Style(
            (val(element, "name") or "").lower(),
            val(element, "basedOn"),
            run_props(element.find(_w("rPr"))),
            val(ppr, "outlineLvl") not in (None, "9"),
            None if ppr is None else shading(ppr.find(_SHD)),
        )
        self._cache[style_id] = style
        return style

    def _chain(self, style_id: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self._style(style_id)
            if style is None:
                return
            yield style
            style_id = style.based_on

    def is_heading(self, style_id: str | None) -> bool:
        return any(
            s.name.startswith("heading") or s.name in ("title", "subtitle") or s.outline
            for s in self._chain(style_id or self._normal)
        )

    def run(self, rpr: etree._Element | None, para_style: str | None) -> RunFormat:
        """The resolved look of a run: its own properties over its styles' and the defaults."""
        props = run_props(rpr)
        base = self._base(props[5], para_style)
        if props[:5] == _UNSET[:5]:
            return base
        bold, size, vanish, color, backdrop = props[:5]
        return RunFormat(
            bold=base.bold if bold is None else bold,
            size=base.size if size is None else size,
            vanish=base.vanish if vanish is None else vanish,
            color=base.color if color is None else (color or None),
            backdrop=base.backdrop if backdrop is None else backdrop,
        )

    def _base(self, char_style: str | None, para_style: str | None) -> RunFormat:
        key = (char_style, para_style)
        found = self._formats.get(key)
        if found is None:
            chains = [*self._chain(char_style), *self._chain(para_style or self._normal)]
            layers = [s.props for s in chains] + [self._default]

            def first(index: int) -> object:
                return next((p[index] for p in layers if p[index] is not None), None)

            color = first(3)
            found = RunFormat(
                bold=bool(first(0)),
                size=first(1),  # type: ignore[arg-type]
                vanish=bool(first(2)),
                color=color or None,  # type: ignore[arg-type]
                backdrop=first(4),  # type: ignore[arg-type]
            )
            self._formats[key] = found
        return found

    def paragraph_shading(self, ppr: etree._Element | None, style_id: str | None) -> str | None:
        """The colour a paragraph's own or style shading paints behind its text, if any."""
        if ppr is not None:
            shd = ppr.find(_SHD)
            if shd is not None:
                return shading(shd)
        if style_id not in self._para_shading:
            self._para_shading[style_id] = next(
                (s.shading for s in self._chain(style_id or self._normal) if s.shading), None
            )
        return self._para_shading[style_id]

    def table_has_dark_shading(self, style_id: str | None) -> bool:
        """Whether a table style paints any dark shading (a header row, banded rows): which
        cells it paints depends on conditional formatting, so the whole table counts."""
        if style_id not in self._table_dark:
            self._table_dark[style_id] = any(
                (color := shading(shd)) is not None and not is_light(color)
                for style_id_ in _ids(self._chain(style_id), style_id)
                for shd in self._elements[style_id_].iter(_SHD)
            )
        return self._table_dark[style_id]


def _ids(chain: Iterator[_Style], style_id: str | None) -> Iterator[str]:
    """The style ids along a basedOn chain, starting at ``style_id``."""
    for style in chain:
        if style_id is None:
            return
        yield style_id
        style_id = style.based_on


def may_underlay_text(root: etree._Element) -> bool:
    """Whether a part holds a picture or shape placed behind text, or a shape with a fill that
    is not light: white text may sit on it, and where is a matter of layout."""
    for anchor in root.iter(f"{{{_WP}}}anchor"):
        if _on_off_attr(anchor.get("behindDoc")):
            return True
    for props in root.iter(f"{{{_WPS}}}spPr"):
        for fill in props:
            tag = _local_name(fill)
            if tag in ("gradFill", "blipFill", "pattFill"):
                return True
            if tag == "solidFill" and not _light_drawingml(fill):
                return True
    for shape in root.iter(*(f"{{{_V}}}{n}" for n in ("shape", "rect", "roundrect", "oval"))):
        if (shape.get("filled") or "t").lower() in ("f", "false"):
            continue
        fill = shape.find(f"{{{_V}}}fill")
        if fill is not None and fill.get("type") in ("frame", "tile", "gradient", "pattern"):
            return True
        if not _light_vml(shape.get("fillcolor")):
            return True
    return False


def _local_name(element: etree._Element) -> str | None:
    """The tag without its namespace; None for a node that is not an element (an unexpanded
    entity reference: ``etree.QName`` refuses those)."""
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else None


def _light_drawingml(fill: etree._Element) -> bool:
    for color in fill:
        tag, value = _local_name(color), color.get("val", "")
        if tag == "srgbClr" and _HEX.fullmatch(value):
            return is_light(value)
        if tag == "schemeClr":
            return value in ("bg1", "lt1")
        if tag == "prstClr":
            return value == "white"
    return False


def _light_vml(fillcolor: str | None) -> bool:
    """VML's fill colour (white when not given): "#RRGGBB", "#RGB", a name, "... [index]"."""
    if fillcolor is None:
        return True
    value = fillcolor.strip().lower()
    match = _VML_HEX.match(value)
    if match:
        digits = match.group(1)
        if len(digits) == 3:
            digits = "".join(c * 2 for c in digits)
        return is_light(digits)
    return value.split()[0] in _VML_LIGHT_NAMES if value else True
