"""Report -> one self-contained HTML page: inline CSS and SVG, no script, a strict CSP meta tag.

The page is built from the JSON report (:func:`resume_checker.render.json.to_dict`), so the web
app can show a batch candidate from its stored JSON with the same markup.  Given the parsed
document, it adds the "ATS view": every line in reading order with its section, the evidence
of each matched term highlighted.  Jinja autoescaping escapes every text taken from a resume.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from resume_checker.documents.model import Document
from resume_checker.matching.exactness import VARIANT_LABELS
from resume_checker.report import Report

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)
GAUGE_RADIUS = 52


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    marked: bool


@dataclass(frozen=True, slots=True)
class AtsLine:
    page: int
    number: int
    section: str | None        # the section label, on the first line of each new section
    heading: bool
    margin: bool               # a page header/footer line (many ATS drop these)
    segments: tuple[Segment, ...]
    terms: tuple[str, ...]     # the matched terms this line is evidence for
    hidden: str | None = None  # why no reader sees it (white_text, tiny_text, ...), if hidden


def render_html(report: Report, *, document: Document | None = None, findings: Any = None) -> str:
    """The report as a standalone HTML page (``findings`` is a ``checks.Findings``, optional)."""
    from resume_checker.render.json import to_dict

    view = report_view(to_dict(report), document=document, findings=findings)
    return _env().get_template("report.html.j2").render(v=view, css=report_css(), csp=CSP)


def report_view(
    data: Mapping[str, Any], *, document: Document | None = None, findings: Any = None
) -> dict[str, Any]:
    """What the report templates show, from the JSON report (and the document, if known)."""
    score = data.get("score")
    shown = [_finding(f) for f in findings] if findings is not None else data.get("findings")
    return {
        "data": data,
        "score": score,
        "gauge": _gauge(score),
        "categories": [
            {**c, "bar": round(max(0.0, min(100.0, c["score"])), 1)} for c in data["categories"]
        ],
        "missing_groups": _missing_groups(data),
        "findings": shown,
        "notices": _extra_notices(data.get("notices", []), shown or []),
        "ats": (ats_view(document, data["matched"]) if document is not None
                else _stored_ats_view(data)),
        "depth": depth_chart(data),
        "variant_labels": VARIANT_LABELS,  # how the kinds of matched[].variants are named
    }


DEPTH_LABEL_WIDTH = 170
DEPTH_PLOT_WIDTH = 400
DEPTH_ROW = 22


def _month(text: str) -> int:
    year, month = text.split("-")
    return int(year) * 12 + int(month) - 1


def depth_chart(data: Mapping[str, Any]) -> dict[str, Any] | None:
    """The per-skill timeline: one row per matched term used in dated positions, one bar per
    position (x: months, from the earliest start to the report's today), and the terms found
    only outside dated positions, as a list.  None when no term has depth."""
    rows = [m for m in data.get("matched", []) if m.get("depth")]
    if not rows:
        return None
    dated = [m for m in rows if m["depth"]["positions"]]
    chart = None
    if dated:
        starts = [_month(p["start"]) for m in dated for p in m["depth"]["positions"]]
        ends = [_month(p["end"]) for m in dated for p in m["depth"]["positions"]]
        first, last = min(starts), max(ends) + 1
        structure = data.get("structure") or {}
        if structure.get("as_of"):
            last = max(last, _month(structure["as_of"][:7]) + 1)
        first_year, last_year = first // 12, (last - 1) // 12
        scale = DEPTH_PLOT_WIDTH / max(1, last - first)

        def x(month: int) -> float:
            return round(DEPTH_LABEL_WIDTH + (month - first) * scale, 1)

        step = max(1, math.ceil((last_year - first_year + 1) / 8))
        chart = {
            "width": DEPTH_LABEL_WIDTH + DEPTH_PLOT_WIDTH + 10,
            "height": 24 + len(dated) * DEPTH_ROW,
            "axis_y": 14 + len(dated) * DEPTH_ROW,
            "ticks": [{"x": x(y * 12), "year": y}
                      for y in range(first_year, last_year + 1, step) if y * 12 >= first],
            "rows": [
                {"term": m["term"], "y": 4 + i * DEPTH_ROW, "summary": m["depth"]["summary"],
                 "bars": [{"x": x(_month(p["start"])),
                           "w": max(2.0, round((_month(p["end"]) + 1 - _month(p["start"]))
                                               * scale, 1)),
                           "title": f'{m["term"]}: {p["dates_text"]}'
                                    + (f' ({p["title"]})' if p["title"] else "")}
                          for p in m["depth"]["positions"]]}
                for i, m in enumerate(dated)
            ],
        }
    return {
        "chart": chart,
        "rows": [{"term": m["term"], **m["depth"]} for m in rows],
    }


def ats_view(document: Document, matched: Iterable[Mapping[str, Any]]) -> list[AtsLine]:
    """The document's lines in reading order, evidence marked, section labels where they change."""
    hits: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for m in matched:
        for e in m["evidence"]:
            hits.setdefault((e["page"], e["line"]), []).append((m["term"], e["text"]))
    hidden: dict[int, list[Any]] = {}
    for extra in document.hidden_lines:
        hidden.setdefault(extra.page, []).append(extra)
    rows = [
        (line.page, line.number, line.section.label, line.is_heading, line.in_margin,
         line.text, line.hidden)
        for page in document.pages for line in (*page.lines, *hidden.get(page.number, ()))
    ]
    return _ats_lines(rows, hits)


def _stored_ats_view(data: Mapping[str, Any]) -> list[AtsLine] | None:
    """The ATS view from a JSON report's ``ats_view`` (None for reports made before it)."""
    if "ats_view" not in data:
        return None
    hits: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for m in data["matched"]:
        for e in m["evidence"]:
            hits.setdefault((e["page"], e["line"]), []).append((m["term"], e["text"]))
    rows = [
        (a["page"], a["line"], a["section"], a["heading"], a["origin"] in ("header", "footer"),
         a["text"], a.get("hidden"))
        for a in data["ats_view"]
    ]
    return _ats_lines(rows, hits)


def _ats_lines(
    rows: Iterable[tuple[int, int, str, bool, bool, str, str | None]],
    hits: Mapping[tuple[int, int], list[tuple[str, str]]],
) -> list[AtsLine]:
    out = []
    section = None
    for page, number, label, heading, margin, text, hidden in rows:
        found = hits.get((page, number), [])
        out.append(
            AtsLine(
                page=page,
                number=number,
                section=label if label != section else None,
                heading=heading,
                margin=margin,
                segments=mark(text, [t for _, t in found]),
                terms=tuple(dict.fromkeys(term for term, _ in found)),
                hidden=hidden,
            )
        )
        section = label
    return out


def _extra_notices(
    notices: Iterable[Mapping[str, Any]], findings: Iterable[Mapping[str, Any]]
) -> list[Mapping[str, Any]]:
    """Notices no finding already reports (the text-layer findings reuse notice codes)."""
    found = list(findings)
    covered = {(f["code"], f["page"]) for f in found}
    codes = {f["code"] for f in found}
    return [n for n in notices
            if (n["code"], n["page"]) not in covered and not (n["page"] is None
                                                           and n["code"] in codes)]


def mark(text: str, needles: Iterable[str]) -> tuple[Segment, ...]:
    """Split ``text`` into plain and marked runs, marking every case-insensitive occurrence."""
    lower = text.lower()
    spans: list[tuple[int, int]] = []
    for needle in {n.lower() for n in needles if n.strip()}:
        start = lower.find(needle)
        while start >= 0:
            spans.append((start, start + len(needle)))
            start = lower.find(needle, start + len(needle))
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    segments, pos = [], 0
    for a, b in merged:
        if a > pos:
            segments.append(Segment(text[pos:a], False))
        segments.append(Segment(text[a:b], True))
        pos = b
    if pos < len(text) or not segments:
        segments.append(Segment(text[pos:], False))
    return tuple(segments)


def report_css() -> str:
    return files("resume_checker.render").joinpath("templates/report.css").read_text("utf-8")


def _gauge(score: float | None) -> dict[str, float] | None:
    if score is None:
        return None
    circumference = 2 * math.pi * GAUGE_RADIUS
    filled = circumference * max(0.0, min(100.0, score)) / 100
    return {"r": GAUGE_RADIUS, "filled": round(filled, 2), "rest": round(circumference, 2)}


def _missing_groups(data: Mapping[str, Any]) -> list[tuple[str, list[Mapping[str, Any]]]]:
    titles = {c["id"]: c["title"] for c in data["categories"]}
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for m in data["missing"]:
        if not m["is_certification"]:
            groups.setdefault(titles.get(m["category"], m["category"]), []).append(m)
    return list(groups.items())


def _finding(f: Any) -> dict[str, Any]:
    severity = getattr(f.severity, "value", f.severity)
    return {"code": f.code, "severity": severity, "title": f.title,
            "explanation": f.explanation, "fix": f.fix, "page": f.page, "line": f.line,
            "evidence": f.evidence}


@cache
def _env() -> Environment:
    return Environment(
        loader=PackageLoader("resume_checker.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
