"""Batch ranking -> CSV: one row per file, safe to open in a spreadsheet.

Cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or
carriage return) get a leading ``'``; the file starts with a UTF-8 BOM so Excel reads accents.
"""

from __future__ import annotations

import csv
import io

from resume_checker.batch.model import BatchResult, BatchRow

HEADER = (
    "rank", "file", "status", "score", "band", "knocked out", "missing required terms",
    "top missing terms", "matched count", "findings count", "error",
)
TOP_MISSING = 5
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Keep a cell from being read as a spreadsheet formula."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def render(result: BatchResult) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in result.rows:
        writer.writerow([neutralise(cell) for cell in _cells(row)])
    return out.getvalue()


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
