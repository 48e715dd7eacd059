"""Batch ranking -> CSV: one row per file, safe to open in a spreadsheet.

Cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or
carriage return) get a leading ``'``; the file starts with a UTF-8 BOM so Excel reads accents.

A multi-set run keeps the columns above for the first set (the one the ranking follows) and adds,
for every set in order, ``score:<set-id>``, ``band:<set-id>``, ``knocked_out:<set-id>`` and
``missing_required:<set-id>``; a run given a job ad adds ``content similarity`` (TF-IDF, 0-1,
which orders equal scores) after the first set's columns.  ``skill_depth=True`` (``batch
--skill-depth``) adds, last, ``skill depth``: each matched term of the first set with its years of
use in dated positions and the last year used ("PyTorch 2.5y to present; Docker 1.0y to 2021;
Kubernetes (skills list only)").  Nothing time- or order-dependent is written beyond the
ranking.
"""

from __future__ import annotations

import csv
import io

from resume_checker.ranking import BatchResult, BatchRow

HEADER = (
    "rank", "file", "status", "score", "band", "knocked out", "missing required terms",
    "top missing terms", "matched count", "findings count", "error",
)
SET_COLUMNS = ("score", "band", "knocked_out", "missing_required")
#: a batch given a job ad: the TF-IDF similarity to it, which orders equal scores
SIMILARITY_COLUMN = "content similarity"
#: ``--skill-depth``: each matched term's years of use and last year used
DEPTH_COLUMN = "skill depth"
TOP_MISSING = 5
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Keep a cell from being read as a spreadsheet formula."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def render(result: BatchResult, *, skill_depth: bool = False) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    sets = result.sets if result.extra_sets else ()
    similarity = [SIMILARITY_COLUMN] if result.with_similarity else []
    depth = [DEPTH_COLUMN] if skill_depth else []
    writer.writerow([*HEADER, *similarity, *(f"{c}:{s.id}" for s in sets for c in SET_COLUMNS),
                     *depth])
    for row in result.rows:
        cells = _cells(row) + ([_similarity(row)] if similarity else []) + (
            _set_cells(row, len(sets)) if sets else []) + ([depth_cell(row)] if depth else [])
        writer.writerow([neutralise(cell) for cell in cells])
    return out.getvalue()


def depth_cell(row: BatchRow) -> str:
    """The ``skill depth`` cell: every matched term of the first set, longest use first."""
    s = row.summary
    if s is None:
        return ""
    hits = sorted(s.matched, key=lambda h: (-h.months, h.term.casefold()))
    return "; ".join(h.depth_text for h in hits)


def _similarity(row: BatchRow) -> str:
    s = row.summary
    return "" if s is None or s.content_similarity is None else f"{s.content_similarity:.4f}"


def _set_cells(row: BatchRow, count: int) -> list[str]:
    if not row.summaries:
        return [""] * (len(SET_COLUMNS) * count)
    return [
        cell
        for s in row.summaries
        for cell in (f"{s.score:.1f}" if s.scorable else "", s.band or "",
                     "yes" if s.knocked_out else "no", "; ".join(s.missing_required))
    ]


def _cells(row: BatchRow) -> list[str]:
    s = row.summary
    if s is None:
        return ["", row.file, row.status.value, "", "", "", "", "", "", "", row.error or ""]
    return [
        str(row.rank or ""),
        row.file,
        row.status.value,
        f"{s.score:.1f}" if s.scorable else "",
        s.band or "",
        "yes" if s.knocked_out else "no",
        "; ".join(s.missing_required),
        "; ".join(s.missing[:TOP_MISSING]),
        str(len(s.matched)),
        str(s.findings),
        "; ".join(s.notices),
    ]
