"""`check --jd` is the library's one job-ad check: the same report as
:func:`resume_checker.api.check_against_job_ad`, with the resume parsed in the sandbox."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from locations import REPO
from typer.testing import CliRunner

from resume_checker.api import check_against_job_ad
from resume_checker.cli.app import app
from resume_checker.documents import parse_document
from resume_checker.documents.model import Document
from resume_checker.errors import UnreadableDocumentError
from resume_checker.render import render

SAMPLES = REPO / "samples"
RESUME = SAMPLES / "strong_fit.pdf"
AD = SAMPLES / "job_ad_ml_engineer.txt"
runner = CliRunner()


def _library(ad_text: str, source: str) -> dict:
    report = check_against_job_ad(parse_document(RESUME), ad_text, source=source)
    return json.loads(render(report, "json"))


def test_check_jd_file_is_the_library_job_ad_check() -> None:
    result = runner.invoke(app, ["check", str(RESUME), "--jd", str(AD), "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data == _library(AD.read_text(encoding="utf-8"), AD.name)
    assert data["keyword_set"]["id"] == "job-ad"
    assert 0 < data["content_similarity"] <= 1


def test_check_jd_from_stdin_names_the_ad_stdin() -> None:
    text = AD.read_text(encoding="utf-8")
    result = runner.invoke(app, ["check", str(RESUME), "--jd", "-", "-f", "json"], input=text)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data == _library(text, "<stdin>")
    assert data["keyword_set"]["title"] == "Job ad: <stdin>"


def test_check_jd_parses_resume_and_ad_in_the_sandbox(monkeypatch: pytest.MonkeyPatch) -> None:
    from resume_checker.documents import isolated

    parsed: list[str] = []
    real = isolated.parse_document_isolated

    def recording(source, **kwargs):
        parsed.append(Path(source).name)
        return real(source, **kwargs)

    monkeypatch.setattr(isolated, "parse_document_isolated", recording)
    result = runner.invoke(app, ["check", str(RESUME), "--jd", str(AD)])
    assert result.exit_code == 0, result.output
    assert parsed == [AD.name, RESUME.name]


def test_an_empty_job_ad_fails_before_the_resume_is_read() -> None:
    result = runner.invoke(app, ["check", "no-such-resume.pdf", "--jd", "-"], input="  \n")
    assert result.exit_code == 3
    assert "<stdin>: the job ad has no text" in result.output

    def never() -> Document:
        raise AssertionError("the resume must not be parsed")

    with pytest.raises(UnreadableDocumentError, match="the job ad has no text"):
        check_against_job_ad(never, " ", source="ad.txt")


def test_a_parse_callable_gives_the_same_report_as_a_document() -> None:
    text = AD.read_text(encoding="utf-8")
    document = parse_document(RESUME)
    direct = check_against_job_ad(document, text, source=AD.name)
    assert check_against_job_ad(lambda: document, text, source=AD.name) == direct
