"""Batch ranking -> Markdown table; every cell escaped so resume text cannot change the table.

A multi-set run ranks by the first set and adds a score column per further set.
"""

from __future__ import annotations

import re

from resume_checker.ranking import BatchResult, ResumeSummary, Status

TOP_MISSING = 5
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def escape(text: str) -> str:
    """Escape Markdown and inline HTML; newlines become spaces (one row per file)."""
    flat = " ".join(text.split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", flat)


def render(result: BatchResult) -> str:
    extra = result.extra_sets
    also = "".join(f" Score: {escape(x.id)} |" for x in extra)
    sim = result.with_similarity
    if sim:
        also += " Similarity |"
    lines = [
        f"# Batch ranking: {escape(result.set_title)} (`{escape(result.set_id)}`)",
        "",
        _counts(result),
        "",
        f"| Rank | File | Score |{also} Band | Knocked out | Missing required | Top missing |",
        "|---:|---|---:|" + "---:|" * (len(extra) + sim) + "---|---|---|---|",
    ]
    if sim:
        lines[3:3] = ["Rows of equal score are ordered by their content similarity to the job "
                      "ad (TF-IDF, 0-1; never part of the score).", ""]
    if extra:
        lines[3:3] = [f"Ranked by `{escape(result.set_id)}`; also scored against "
                      + ", ".join(f"`{escape(x.id)}`" for x in extra) + ".", ""]
    for row in result.ranked:
        s = row.summary
        assert s is not None
        scores = "".join(f" {_score(x)} |" for x in row.extra_summaries)
        if sim:
            scores += f" {_similarity(s)} |"
        lines.append(
            f"| {row.rank} | {escape(row.file)} | {_score(s)} |{scores} "
            f"{escape(s.band or '')} | {'yes' if s.knocked_out else 'no'} "
            f"| {escape(', '.join(s.missing_required))} "
            f"| {escape(', '.join(s.missing[:TOP_MISSING]))} |"
        )
    failed = [r for r in result.rows if r.status in (Status.ERROR, Status.SKIPPED)]
    if failed:
        lines += ["", "## Not ranked", "", "| File | Status | Reason |", "|---|---|---|"]
        lines += [
            f"| {escape(r.file)} | {r.status.value} | {escape(r.error or '')} |" for r in failed
        ]
    return "\n".join(lines) + "\n"


def _similarity(s: ResumeSummary) -> str:
    return "" if s.content_similarity is None else f"{s.content_similarity:.2f}"


def _score(s: ResumeSummary) -> str:
    return f"{s.score:.1f}" if s.scorable else "n/a"


def _counts(result: BatchResult) -> str:
    return (
        f"{len(result.ranked)} ranked · {result.count(Status.OK)} ok · "
        f"{result.count(Status.WARNING)} with warnings · {result.count(Status.ERROR)} errors · "
        f"{result.count(Status.SKIPPED)} skipped"
    )
