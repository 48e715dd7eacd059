"""Batch -> JSON: run metadata, the ranking, and each file's full report (the core's JSON).

A multi-set run adds ``keyword_sets`` (every set, the ranking one first) and, per file, ``sets``:
one entry per set id with its score, band, knock-out and full report.  ``keyword_set``, ``score``
and ``report`` stay those of the first set, so single-set readers keep working.  A run given a job
ad (``batch --jd``) adds, per file, ``content_similarity``: the TF-IDF cosine (0-1) to the ad that
orders equal scores (never part of the score).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from resume_checker.ranking import BatchResult, BatchRow, SetInfo, Status
from resume_checker.version import __version__

SCHEMA_VERSION = "1.0"


def render(result: BatchResult) -> str:
    return json.dumps(to_dict(result), ensure_ascii=False, indent=2) + "\n"


def to_dict(result: BatchResult) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "resume-checker", "version": __version__},
        "run": {
            "id": result.run_id,
            "started": datetime.fromtimestamp(result.started, UTC).isoformat(),
            "seconds": round(result.seconds, 3),
            "blind": result.blind,
            "options": result.options,
        },
        "keyword_set": {"id": result.set_id, "title": result.set_title,
                        "content_hash": result.set_hash},
        "counts": {s.value: result.count(s) for s in Status} | {"ranked": len(result.ranked)},
        "files": [_row(r, result) for r in result.rows],
    } | ({"keyword_sets": [_set(s) for s in result.sets]} if result.extra_sets else {})


def _set(info: SetInfo) -> dict[str, Any]:
    return {"id": info.id, "title": info.title, "content_hash": info.hash,
            "pass_score": info.pass_score}


def _row(row: BatchRow, result: BatchResult) -> dict[str, Any]:
    s = row.summary
    per_set = {}
    if result.extra_sets and row.summaries:
        per_set = {"sets": {
            info.id: {"score": x.score if x.scorable else None, "band": x.band,
                      "knocked_out": x.knocked_out, "report": report}
            for info, x, report in zip(result.sets, row.summaries, row.reports, strict=True)
        }}
    return {
        "rank": row.rank,
        "file": row.file,
        "status": row.status.value,
        "score": s.score if s and s.scorable else None,
        "band": s.band if s else None,
        "knocked_out": s.knocked_out if s else None,
        "cached": row.cached,
        "seconds": round(row.seconds, 4),
        "error": None if s else {"code": row.code, "reason": row.error},
        "report": row.report_json,
    } | per_set | _similarity(row, result)


def _similarity(row: BatchRow, result: BatchResult) -> dict[str, Any]:
    """``content_similarity`` per file, in a run given a job ad (nothing otherwise)."""
    if not result.with_similarity:
        return {}
    return {"content_similarity": row.summary.content_similarity if row.summary else None}
