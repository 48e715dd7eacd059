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


# ------------------------------------------------- the ad beside the resume (issue 14, item 6)

SHORT_AD = (
    "Machine Learning Engineer\n"
    "Requirements: Python, PyTorch and SQL. Python is a must.\n"
    "Nice to have: Kubernetes.\n"
)


def _ad_report():
    return check_against_job_ad(parse_document(RESUME), SHORT_AD, source="short-ad.txt")


def test_each_drafted_term_shows_ad_and_resume_mentions_required_first() -> None:
    report = _ad_report()
    ad = report.job_ad
    assert ad is not None and ad.source == "short-ad.txt"
    assert [t.term for t in ad.terms] and {t.term for t in ad.terms} == {
        t.name for t in _drafted_terms()}
    required = [t.required for t in ad.terms]
    assert required == sorted(required, reverse=True)  # required ones first
    counts = {m.term: m.count for m in report.matched}
    for t in ad.terms:
        assert t.resume_mentions == counts.get(t.term, 0)
        assert t.ad_mentions >= 1
        assert t.excerpt and any(w.lower() in t.excerpt.lower() for w in (*t.written_as, t.term))
    python = next(t for t in ad.terms if t.term == "Python")
    assert python.ad_mentions == 2 and python.resume_mentions == counts["Python"] >= 1


def _drafted_terms():
    from resume_checker.api import draft_job_ad

    return draft_job_ad(SHORT_AD, source="short-ad.txt").keyword_set.terms


def test_the_ad_beside_the_resume_is_in_every_format() -> None:
    report = _ad_report()
    data = json.loads(render(report, "json"))
    terms = data["job_ad"]["terms"]
    assert data["job_ad"]["source"] == "short-ad.txt"
    assert [t["term"] for t in terms] == [t.term for t in report.job_ad.terms]
    assert set(terms[0]) == {"term", "category", "weight", "required", "ad_mentions",
                             "resume_mentions", "written_as", "excerpt"}
    text = render(report, "text")
    assert "The job ad beside the resume (short-ad.txt)" in text
    python = next(t for t in report.job_ad.terms if t.term == "Python")
    assert "Python [required]" in text and f'"{python.excerpt[:20]}' in text
    md = render(report, "md")
    assert "## The job ad beside the resume (short-ad.txt)" in md
    assert "| Term | In the ad | In the resume | The ad's words |" in md
    html = render(report, "html")
    assert 'id="job-ad"' in html and "In the resume" in html and python.excerpt in html
    for fmt in ("text", "md", "html"):
        assert "similarity" in render(report, fmt).lower(), fmt


def test_a_named_set_report_has_no_job_ad_section() -> None:
    from resume_checker.api import check

    report = check(RESUME, "neural-network-architect")
    assert report.job_ad is None
    assert "job_ad" not in json.loads(render(report, "json"))
    assert "job ad beside" not in render(report, "text").lower()
    assert "job ad beside" not in render(report, "md").lower()
    assert 'id="job-ad"' not in render(report, "html")


NO_TERMS_AD = "We are a friendly team in a nice office. Apply today and join us!\n"


def test_an_ad_with_no_recognisable_term_is_a_plain_error(tmp_path: Path) -> None:
    ad = tmp_path / "blurb.txt"
    ad.write_text(NO_TERMS_AD, encoding="utf-8")
    result = runner.invoke(app, ["check", str(RESUME), "--jd", str(ad)])
    assert result.exit_code == 3, result.output
    assert "blurb.txt: " in result.output and "no skill, tool" in result.output
    assert "Traceback" not in result.output and "ValidationError" not in result.output

    def never() -> Document:
        raise AssertionError("the resume must not be parsed")

    with pytest.raises(UnreadableDocumentError, match="no skill, tool"):
        check_against_job_ad(never, NO_TERMS_AD, source="blurb.txt")


def test_check_jd_honours_include_hidden(tmp_path: Path) -> None:
    from findings_fixtures import white_tiny_pdf

    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(white_tiny_pdf())
    ad = tmp_path / "ad.txt"
    ad.write_text("Requirements: PyTorch, Kubernetes, CUDA, TensorFlow and ONNX.\n")
    runs = [runner.invoke(app, ["check", str(pdf), "--jd", str(ad), "-f", "json", *extra])
            for extra in ([], ["--include-hidden"])]
    assert all(r.exit_code == 0 for r in runs), runs[0].output + runs[1].output
    plain, kept = (json.loads(r.stdout) for r in runs)
    assert not plain["hidden_included"] and kept["hidden_included"]
    assert kept["score"] > plain["score"]
    beside = {t["term"]: t["resume_mentions"] for t in kept["job_ad"]["terms"]}
    assert beside["Kubernetes"] >= 1
    assert {t["term"]: t["resume_mentions"] for t in plain["job_ad"]["terms"]}["Kubernetes"] == 0


def test_check_jd_honours_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import stat

    from findings_fixtures import image_only_page_pdf

    script = tmp_path / "bin" / "tesseract"
    script.parent.mkdir()
    script.write_text(
        "#!/bin/sh\nprintf 'Publications\\nTransformers for vision, NeurIPS 2021\\n'\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{script.parent}{os.pathsep}{os.environ['PATH']}")
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(image_only_page_pdf())
    ad = tmp_path / "ad.txt"
    ad.write_text("Requirements: PyTorch and Transformers; papers at NeurIPS.\n")
    runs = [runner.invoke(app, ["check", str(pdf), "--jd", str(ad), "-f", "json", *extra])
            for extra in ([], ["--ocr"])]
    assert all(r.exit_code == 0 for r in runs), runs[0].output + runs[1].output
    plain, read = (json.loads(r.stdout) for r in runs)
    assert "NeurIPS" not in {m["term"] for m in plain["matched"]}
    assert "NeurIPS" in {m["term"] for m in read["matched"]}
    assert any(n["code"] == "ocr_text" for n in read["notices"])


def test_check_output_with_an_unknown_extension_is_a_usage_error(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    result = runner.invoke(app, ["check", str(RESUME), "-o", str(out)])
    assert result.exit_code == 2
    assert "cannot tell the format of" in result.output and ".json" in result.output
    assert not out.exists()
    forced = runner.invoke(app, ["check", str(RESUME), "-o", str(out), "-f", "json"])
    assert forced.exit_code == 0, forced.output
    assert json.loads(out.read_text(encoding="utf-8"))["keyword_set"]["id"]
    md = tmp_path / "report.md"
    assert runner.invoke(app, ["check", str(RESUME), "-o", str(md)]).exit_code == 0
    assert md.read_text(encoding="utf-8").startswith("# Resume check")
