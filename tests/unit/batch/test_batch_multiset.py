"""Several keyword sets in one pass: each document parsed once, scored per set, ranked by set 1."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest
from test_batch_run import FAIR, SET, STRONG, WEAK, _app
from typer.testing import CliRunner

from resume_checker.batch.runner import BatchOptions, run_batch
from resume_checker.batch.worker import FileTask, WorkerConfig, check_file, init_worker
from resume_checker.keywords.model import Category, KeywordSet, Term
from resume_checker.limits import DEFAULT_LIMITS
from resume_checker.render import batch_csv, batch_html, batch_json, batch_markdown

OPTIONS = BatchOptions(jobs=1, limits=replace(DEFAULT_LIMITS, time_seconds=10.0))

#: a second role that prefers what the first one does not: the rankings must differ
OFFICE = KeywordSet(
    id="office-test",
    title="Office test set",
    categories={"tools": Category(title="Tools")},
    terms=(Term(name="Excel", category="tools", required=True),
           Term(name="Word", category="tools"), Term(name="JAX", category="tools")),
)


@pytest.fixture()
def folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "strong.txt").write_text(STRONG)
    (folder / "fair.md").write_text(FAIR)
    (folder / "weak.txt").write_text(WEAK)
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_each_document_is_parsed_once_and_scored_per_set(tmp_path, monkeypatch):
    import resume_checker.documents as documents

    calls = []
    real = documents.parse_document
    monkeypatch.setattr(documents, "parse_document",
                        lambda *a, **k: calls.append(1) or real(*a, **k))
    path = tmp_path / "strong.txt"
    path.write_text(STRONG)
    state = init_worker(WorkerConfig(keyword_set=SET, extra_sets=(OFFICE,), want_json=True))
    result = check_file(state, FileTask(str(path), "strong.txt"))
    assert len(calls) == 1
    assert len(result.extra_summaries) == 1 and len(result.extra_reports) == 1
    assert result.summary.score > 50 and not result.summary.knocked_out
    assert result.extra_summaries[0].knocked_out  # no Excel
    assert result.extra_reports[0]["keyword_set"]["id"] == "office-test"


def test_multiset_ranks_by_first_set_and_matches_single_set_runs(folder):
    both = run_batch([folder], [SET, OFFICE], OPTIONS)
    alone = run_batch([folder], SET, OPTIONS)
    office = run_batch([folder], OFFICE, OPTIONS)
    assert [r.file for r in both.ranked] == [r.file for r in alone.ranked]
    assert [r.file for r in both.ranked] != [r.file for r in office.ranked]
    scores = {r.file: r.score for r in office.ranked}
    assert {r.file: r.extra_summaries[0].score for r in both.ranked} == scores
    assert [s.id for s in both.sets] == ["ml-test", "office-test"]
    assert batch_csv.render(alone) == batch_csv.render(  # a single set keeps the old columns
        replace(both, extra_sets=(), rows=tuple(replace(r, extra_summaries=()) for r in both.rows)))


def test_multiset_outputs_gain_a_column_per_set(folder):
    result = run_batch([folder], [SET, OFFICE], replace(OPTIONS, want_json=True))
    rows = list(csv.DictReader(io.StringIO(batch_csv.render(result).lstrip("\ufeff"))))
    header = list(rows[0])
    for set_id in ("ml-test", "office-test"):
        for col in ("score", "band", "knocked_out", "missing_required"):
            assert f"{col}:{set_id}" in header
    weak = next(r for r in rows if r["file"] == "in/weak.txt")
    assert weak["knocked_out:ml-test"] == "yes" and weak["knocked_out:office-test"] == "no"
    assert weak["score:ml-test"] == weak["score"]
    empty = next(r for r in rows if r["file"] == "in/empty.txt")
    assert empty["score:office-test"] == "" and empty["status"] == "error"

    data = json.loads(batch_json.render(result))
    assert [s["id"] for s in data["keyword_sets"]] == ["ml-test", "office-test"]
    strong = next(f for f in data["files"] if f["file"] == "in/strong.txt")
    assert set(strong["sets"]) == {"ml-test", "office-test"}
    assert strong["sets"]["office-test"]["report"]["keyword_set"]["id"] == "office-test"
    assert strong["sets"]["ml-test"]["score"] == strong["score"]

    md = batch_markdown.render(result)
    assert "| Rank | File | Score | Score: office-test | Band |" in md
    assert "Ranked by `ml-test`" in md
    page = batch_html.render(result)
    assert "<th>Score: office-test</th>" in page and "Ranked by ml-test" in page


def test_cli_repeats_set(folder, tmp_path):
    sets = []
    for kwset in (SET, OFFICE):
        path = tmp_path / f"{kwset.id}.yaml"
        path.write_text(json.dumps(kwset.model_dump(mode="json")))
        sets += ["--set", str(path)]
    out = tmp_path / "r.csv"
    result = CliRunner().invoke(_app(), ["batch", str(folder), *sets, "--no-cache", "-j", "1",
                                         "-o", str(out)], env={"COLUMNS": "200"})
    assert result.exit_code == 1, result.output  # empty.txt is an error row
    assert "score: office-test" in result.output
    assert "score:office-test" in out.read_text(encoding="utf-8-sig").splitlines()[0]
