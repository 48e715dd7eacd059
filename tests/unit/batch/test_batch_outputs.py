"""Batch renderers, the document cache and run comparison, on hand-made rows (no workers)."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import os
import stat
import time

import pytest

from resume_checker.batch.blind import Redactor, candidate_label
from resume_checker.batch.cache import Cache, RunRecord
from resume_checker.batch.codec import document_from_json, document_to_json
from resume_checker.batch.runs import compare
from resume_checker.documents.model import BBox, Document, Line, Notice, Origin, Page, Section
from resume_checker.ranking import (
    BatchResult,
    BatchRow,
    EvidenceLine,
    ResumeSummary,
    Status,
    TermHit,
)
from resume_checker.render import batch_csv, batch_html, batch_json, batch_markdown

EVIL = "<script>alert(1)</script>"


def _summary(score: float, *, evidence: str = "PyTorch daily", ko: bool = False) -> ResumeSummary:
    return ResumeSummary(
        score=score, band="fair", knocked_out=ko,
        matched=(TermHit("PyTorch", "frameworks", 1, (EvidenceLine(evidence, 1, 4, "skills"),)),),
        missing=("-cmd", "=SUM(A1)", f"{EVIL}term"), missing_required=("+1",) if ko else (),
        findings=0,
    )


def _result(rows) -> BatchResult:
    return BatchResult(rows=tuple(rows), set_id="s", set_title=f"Set {EVIL}", set_hash="h",
                       started=time.time(), seconds=1.0)


ROWS = [
    BatchRow(1, "a.txt", Status.OK, _summary(80, evidence=f"{EVIL} PyTorch"), rank=1),
    BatchRow(2, "@b.txt", Status.OK, _summary(30, ko=True), rank=2),
    BatchRow(3, f"{EVIL}.pdf", Status.ERROR, error="took longer than 10 s", code="timeout"),
    BatchRow(4, "x.doc", Status.SKIPPED, error="unsupported format (.doc)", code="skipped"),
]


def test_csv_neutralises_formulas_and_starts_with_a_bom():
    text = batch_csv.render(_result(ROWS))
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][:4] == ["rank", "file", "status", "score"]
    assert rows[2][1] == "'@b.txt"
    assert rows[1][7] == "'-cmd; =SUM(A1); <script>alert(1)</script>term"
    assert rows[2][6] == "'+1"
    assert rows[3][-1] == "took longer than 10 s"
    for cell in ("\tx", "\rx", "=1+1", "+1", "-1", "@x"):
        assert batch_csv.neutralise(cell) == "'" + cell


def test_html_escapes_everything_and_loads_nothing():
    page = batch_html.render(_result(ROWS))
    assert EVIL not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 4  # title, evidence, term, file
    script = page.split("<script>")[1].split("</script>")[0]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src &#39;sha256-{digest}&#39;" in page  # the CSP allows exactly our script
    assert not any(s in page for s in ("src=\"http", "href=\"http", "@import", "url("))
    assert "<svg" in page and "<details" in page and "class=\"sortable\"" in page


def test_histogram_and_coverage():
    bars = batch_html.histogram([0, 9.9, 10, 55, 100])
    assert [b.value for b in bars] == [2, 1, 0, 0, 0, 1, 0, 0, 0, 1]
    cover = {b.label: b.share for b in batch_html.coverage(_result(ROWS))}
    assert cover["PyTorch"] == 1.0 and cover["-cmd"] == 0.0


def test_markdown_escapes_table_breakers():
    text = batch_markdown.render(_result(ROWS))
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    assert all(line.count("|") - line.count("\\|") == 8 for line in text.splitlines()
               if line.startswith("| 1 ") or line.startswith("| 2 "))


def test_json_has_run_metadata_and_every_file():
    data = json.loads(batch_json.render(_result(ROWS)))
    assert data["counts"] == {"ok": 2, "warning": 0, "error": 1, "skipped": 1, "ranked": 2}
    assert [f["status"] for f in data["files"]] == ["ok", "ok", "error", "skipped"]
    assert data["files"][2]["error"] == {"code": "timeout", "reason": "took longer than 10 s"}


def _document() -> Document:
    lines = (
        Line("Jane Roe", 1, 1),
        Line("jane@roe.example | +44 20 7946 0958", 1, 2),
        Line("Skills", 1, 3, Section.SKILLS, is_heading=True, bbox=BBox(1, 2, 3, 4.5),
             font_size=12.0, bold=True),
        Line("PyTorch at Roe Labs, see github.com/jroe", 1, 4, Section.SKILLS,
             origin=Origin.TABLE, column=2),
    )
    return Document(source="jane_roe.pdf", format="pdf", pages=(Page(1, lines, 612, 792, 1),),
                    notices=(Notice("x", "a notice", page=1, fix="do y"),), sha256="ab",
                    byte_size=10, page_count=1, metadata=(("Author", "Jane"),))


def test_document_round_trips_through_json():
    doc = _document()
    assert document_from_json(document_to_json(doc)) == doc
    with pytest.raises(ValueError, match="damaged cache entry"):
        document_from_json('{"pages": 1}')


def test_cached_json_is_plain_json_and_a_nulled_float_reads_as_damaged():
    doc = _document()
    text = document_to_json(doc)
    assert json.loads(text)["pages"][0][4][2][5] == [1, 2, 3, 4.5]  # any JSON reader reads it
    assert "Jane Roe" in text and "\\u" not in text  # compact UTF-8, no ASCII escapes
    # orjson writes a NaN or infinite float as null: such a box must not load as a box
    nulled = text.replace("[1,2,3,4.5]", "[1,null,3,4.5]")
    assert nulled != text
    with pytest.raises(ValueError, match="damaged cache entry"):
        document_from_json(nulled)


def test_blind_redaction():
    redactor = Redactor.for_document(_document())
    assert redactor.hides_line(1, 1) and redactor.hides_line(1, 2)
    assert not redactor.hides_line(1, 4)
    assert redactor.text("PyTorch at Roe Labs, see github.com/jroe") == (
        "PyTorch at [redacted] Labs, see [redacted]"
    )
    assert candidate_label(7) == "candidate-007"


def test_cache_is_private_and_expires(tmp_path):
    path = tmp_path / "sub" / "cache.sqlite3"
    with Cache(path) as db:
        db.put(_document())
        assert db.get("ab") == _document()
        assert db.get("cd") is None
        db.record_run(RunRecord("r1", time.time(), "s", "h", ({"file": "a", "rank": 1},)))
        assert db.run("LAST").id == "r1"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700 or os.getuid() == 0
    old = time.time() - 40 * 86400
    with Cache(path) as db:
        db._db.execute("UPDATE documents SET used = ?", (old,))
        db._db.execute("UPDATE runs SET created = ?", (old,))
    with Cache(path, retention_days=30) as db:
        assert db.info().documents == 0 and db.info().runs == 0


def test_compare_runs():
    def run(run_id, ranking):
        entries = tuple({"file": f, "rank": i, "score": s, "knocked_out": False}
                        for i, (f, s) in enumerate(ranking, 1))
        return RunRecord(run_id, 0, "s", "h", entries)

    before = run("r1", [("a", 90), ("b", 80), ("c", 50), ("d", 30)])
    after = run("r2", [("d", 95), ("a", 85), ("b", 45), ("e", 20)])
    diff = compare(after, before, top=2, pass_score=50)
    assert diff.entered_top == ("d",) and diff.left_top == ("b",)
    assert diff.now_passing == ("d",) and diff.no_longer_passing == ("b", "c")
    assert diff.moves[0].file == "d" and diff.moves[0].change == 3
    assert diff.new == ("e",) and diff.gone == ("c",)
