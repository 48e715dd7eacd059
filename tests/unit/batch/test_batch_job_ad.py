"""A batch given a job ad (``BatchOptions.job_ad``, ``batch --jd``): each row's TF-IDF content
similarity to the ad is its own column, and it orders rows of equal score, never the score."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest
import typer
from typer.testing import CliRunner

from resume_checker.batch.runner import BatchOptions, run_batch
from resume_checker.cli.batch import register
from resume_checker.keywords.model import Category, KeywordSet, Term
from resume_checker.limits import DEFAULT_LIMITS
from resume_checker.render import batch_csv, batch_html, batch_json, batch_markdown

OPTIONS = BatchOptions(jobs=1, limits=replace(DEFAULT_LIMITS, time_seconds=10.0))
SET = KeywordSet(
    id="data-test",
    title="Data test set",
    categories={"tools": Category(title="Tools")},
    terms=(Term(name="Python", category="tools"), Term(name="SQL", category="tools"),
           Term(name="Tableau", category="tools")),
)
AD = (
    "Data analyst for our retail pricing team. You will forecast store demand, build pricing "
    "dashboards and explain promotions to merchandising managers.\n"
    "Requirements: Python and SQL.\n"
)
#: the same two terms, so the same score; "b_close" also shares the ad's other words, and its
#: name sorts after "a_far": only the similarity can put it first
CLOSE = ("Bo Close\n\nSkills\nPython, SQL\n\nExperience\nForecast store demand for retail "
         "pricing; built pricing dashboards; explained promotions to merchandising managers.\n")
FAR = ("Al Far\n\nSkills\nPython, SQL\n\nExperience\nRepaired bicycles and organised the "
       "workshop's spare parts inventory.\n")
LOWER = "Cy Lower\n\nSkills\nPython\n\nExperience\nForecast store demand and retail pricing.\n"


def _name(shown: str) -> str:
    return shown.rsplit("/", 1)[-1]


@pytest.fixture()
def folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_far.txt").write_text(FAR)
    (folder / "b_close.txt").write_text(CLOSE)
    (folder / "c_lower.txt").write_text(LOWER)
    return folder


def test_equal_scores_are_ordered_by_similarity_to_the_ad(folder):
    plain = run_batch([folder], SET, OPTIONS)
    assert [_name(r.file) for r in plain.ranked] == ["a_far.txt", "b_close.txt", "c_lower.txt"]
    assert not plain.with_similarity
    assert all(r.summary.content_similarity is None for r in plain.ranked)

    result = run_batch([folder], SET, replace(OPTIONS, job_ad=AD))
    ranked = result.ranked
    assert result.with_similarity
    assert [_name(r.file) for r in ranked] == ["b_close.txt", "a_far.txt", "c_lower.txt"]
    close, far, lower = (r.summary for r in ranked)
    assert close.score == far.score > lower.score          # a tie, then a lower score
    assert close.content_similarity > far.content_similarity
    assert lower.content_similarity > far.content_similarity  # similarity never beats a score
    # the score is the same with or without the ad: the similarity is never mixed into it
    assert {r.file: r.score for r in plain.ranked} == {r.file: r.score for r in ranked}


def test_the_similarity_is_its_own_column_in_every_batch_output(folder):
    result = run_batch([folder], SET, replace(OPTIONS, job_ad=AD, want_json=True))
    by_file = {r.file: r.summary.content_similarity for r in result.ranked}
    rows = list(csv.DictReader(io.StringIO(batch_csv.render(result).lstrip("\ufeff"))))
    assert {r["file"]: float(r["content similarity"]) for r in rows} == by_file
    data = json.loads(batch_json.render(result))
    assert {f["file"]: f["content_similarity"] for f in data["files"]} == by_file
    assert all(f["report"]["content_similarity"] == by_file[f["file"]] for f in data["files"])
    best = result.ranked[0].summary.content_similarity
    md = batch_markdown.render(result)
    assert "| Similarity |" in md and f"| {best:.2f} |" in md
    html = batch_html.render(result)
    assert ">Similarity</th>" in html and f"{best:.2f}</td>" in html


def test_without_an_ad_no_output_has_a_similarity_column(folder):
    result = run_batch([folder], SET, replace(OPTIONS, want_json=True))
    assert "similarity" not in batch_csv.render(result).lower()
    assert "similarity" not in batch_markdown.render(result).lower()
    assert ">Similarity</th>" not in batch_html.render(result)
    files = json.loads(batch_json.render(result))["files"]
    assert all("content_similarity" not in f for f in files)


def test_re_ranking_from_the_cache_keeps_the_similarity(folder, tmp_path):
    options = replace(OPTIONS, job_ad=AD, cache_path=tmp_path / "c.sqlite3")
    first = run_batch([folder], SET, options)
    again = run_batch([folder], SET.model_copy(update={"title": "Edited"}), options)
    assert all(r.cached for r in again.ranked)
    assert [(r.file, r.summary.content_similarity) for r in again.ranked] == [
        (r.file, r.summary.content_similarity) for r in first.ranked]


def _cli() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """test app"""

    register(app)
    return app


def test_cli_batch_jd_drafts_the_set_from_the_ad(folder, tmp_path):
    ad = tmp_path / "ad.txt"
    ad.write_text(AD)
    out = tmp_path / "ranking.csv"
    result = CliRunner().invoke(_cli(), ["batch", str(folder), "--jd", str(ad), "--no-cache",
                                         "-j", "1", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Ranking: Job ad: ad.txt" in result.stdout and "similarity" in result.stdout
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8").lstrip("\ufeff"))))
    assert _name(rows[0]["file"]) == "b_close.txt" and rows[0]["content similarity"]


def test_cli_batch_jd_with_an_ad_of_no_terms_stops_before_any_file(folder, tmp_path):
    ad = tmp_path / "blurb.txt"
    ad.write_text("We are a friendly team in a nice office. Apply today and join us!\n")
    result = CliRunner().invoke(_cli(), ["batch", str(folder), "--jd", str(ad), "--no-cache"])
    assert result.exit_code == 3
    assert "blurb.txt: " in result.output and "no skill, tool" in result.output
    assert "checking" not in result.output
