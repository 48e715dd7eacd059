"""`check --ats-mode exact` (and the web toggle, and the API's `ats_mode`): the score an
exact-string ATS search would give, beside the normal one, with the terms to write out in full;
the normal mode's report does not change."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from resume_checker.api import check_document
from resume_checker.cli.app import app
from resume_checker.documents import parse_document
from resume_checker.keywords.loader import parse_keyword_set
from resume_checker.render import render
from resume_checker.render.json import to_dict

SET_YAML = """\
id: exact-test
title: Exact test
categories:
  arch: {title: Architectures, weight: 1}
  tools: {title: Tools, weight: 1}
terms:
  - {name: Convolutional neural networks, category: arch, aliases: [CNN], weight: 2}
  - {name: Natural language processing, category: arch, aliases: [NLP]}
  - {name: PyTorch, category: tools, required: true}
  - {name: pre-trained models, category: tools}
  - {name: Kubernetes, category: tools}
"""
KWSET = parse_keyword_set(SET_YAML, source="exact-test.yaml")
#: four terms found, three of them only as variants (plural, possessive, joined); NLP as written
VARIANTS = ("Summary\nTrained CNNs for NLP, and pretrained models.\nExperience\n"
            "Wrote PyTorch's data loaders.\n")
#: the same terms, each written once as the set lists it
EXACT = ("Summary\nTrained a CNN for natural language processing and NLP.\nExperience\n"
         "Wrote PyTorch data loaders for pre-trained models.\n")
runner = CliRunner()


def _report(text: str, mode: str = "exact"):
    document = parse_document(text.encode(), filename="cv.txt")
    return check_document(document, KWSET, ats_mode=mode)


def test_only_variants_score_lower_in_exact_mode():
    report = _report(VARIANTS)
    assert {m.term for m in report.matched} == {
        "Convolutional neural networks", "Natural language processing", "PyTorch",
        "pre-trained models"}
    assert report.exact_score is not None
    assert report.exact_score.value < report.score.value
    # a required term found only as a variant would be filtered out by an exact search
    assert not report.score.knocked_out and report.exact_score.knocked_out
    assert "PyTorch" in report.exact_score.missing_required
    assert {m.term: m.variants for m in report.not_exact} == {
        "Convolutional neural networks": ("plural",),
        "PyTorch": ("possessive",),
        "pre-trained models": ("hyphen_space",),
    }
    written = {m.term: m.listed_spelling for m in report.not_exact}
    assert written["Convolutional neural networks"] == "CNN"
    # NLP is written as listed, but, like CNN, only as the acronym
    assert [m.term for m in report.one_form] == [
        "Convolutional neural networks", "Natural language processing"]


def test_exact_hits_score_the_same_in_both_modes():
    report = _report(EXACT)
    assert report.exact_score is not None
    assert report.exact_score == report.score
    assert report.not_exact == ()
    assert [m.term for m in report.one_form] == ["Convolutional neural networks"]


def test_line_break_and_acronym_hits_are_not_exact():
    text = ("Summary\nBuilt Natural Language\nProcessing (NLP) systems\n\nSkills\n"
            "PyTorch, Kubernetes\n")
    report = _report(text)
    nlp = next(m for m in report.matched if m.term == "Natural language processing")
    assert nlp.exact  # "NLP" inside the definition is a listed spelling, as written
    assert [e.variant for e in nlp.evidence] == ["line_break", None]
    assert report.exact_score == report.score


def test_a_lookalike_spelling_counts_normally_but_not_in_exact_mode():
    """"PyT\u043erch" (a Cyrillic o) reads as PyTorch, but an exact search for "PyTorch"
    does not find the string the file holds; "Kubernetes" beside it is plain Latin."""
    text = "Summary\nWrote PyT\u043erch data loaders on Kubernetes.\n"
    report = _report(text)
    assert {m.term for m in report.matched} >= {"PyTorch", "Kubernetes"}
    assert "PyTorch" not in report.score.missing_required
    assert report.exact_score is not None and report.exact_score.knocked_out
    assert "PyTorch" in report.exact_score.missing_required
    assert {m.term: m.variants for m in report.not_exact} == {"PyTorch": ("lookalike",)}
    assert next(m for m in report.matched if m.term == "Kubernetes").exact
    assert ('PyTorch: found only as spelling with look-alike letters; write "PyTorch"'
            in render(report, "text", width=120))
    assert "only as spelling with look-alike letters" in render(report, "html")
    data = to_dict(report)
    torch = next(m for m in data["matched"] if m["term"] == "PyTorch")
    assert torch["exact"] is False and torch["variants"] == ["lookalike"]


def test_normal_mode_adds_no_exact_view():
    report = _report(VARIANTS, mode="normal")
    assert report.ats_mode == "normal" and report.exact_score is None
    data = to_dict(report)
    assert data["ats_mode"] == "normal" and data["exact"] is None
    # the per-term facts are in the JSON in every mode
    cnn = next(m for m in data["matched"] if m["term"] == "Convolutional neural networks")
    assert cnn["exact"] is False and cnn["variants"] == ["plural"]
    assert cnn["evidence"][0]["variant"] == "plural"
    assert cnn["forms"] == {"acronym": "CNN", "full": "Convolutional neural networks",
                            "acronym_written": True, "full_written": False}
    for fmt in ("text", "md"):
        assert "exact-string" not in render(report, fmt).lower()


def test_normal_text_and_markdown_do_not_show_the_per_term_facts():
    """The normal mode's text and Markdown reports are what they were before the facts: the
    same report with the facts blanked renders the same."""
    report = _report(VARIANTS, mode="normal")
    blank = dataclasses.replace(report, matched=tuple(
        dataclasses.replace(m, exact=True, variants=(), forms=None, evidence=tuple(
            dataclasses.replace(e, variant=None) for e in m.evidence))
        for m in report.matched))
    assert blank != report
    for fmt in ("text", "md"):
        assert render(blank, fmt) == render(report, fmt)


def test_exact_mode_in_every_format():
    report = _report(VARIANTS)
    data = json.loads(render(report, "json"))
    assert data["ats_mode"] == "exact"
    assert data["exact"]["score"] == report.exact_score.value
    assert data["exact"]["knocked_out"] is True
    assert {t["term"]: t["write"] for t in data["exact"]["not_exact"]}[
        "Convolutional neural networks"] == "CNN"
    assert data["exact"]["one_form"][1]["term"] == "Natural language processing"
    text = render(report, "text", width=100)
    assert f"Score: {report.score.value:g} / 100" in text
    assert f"Exact-string ATS score: {report.exact_score.value:g} / 100" in text
    assert 'PyTorch: found only as possessive; write "PyTorch"' in text
    assert 'only "NLP"; also write "Natural language processing"' in text
    md = render(report, "md")
    assert "## For an exact-string ATS" in md and "write `CNN`" in md
    html = render(report, "html")
    assert 'data-testid="exact-score"' in html and 'id="exact"' in html
    assert "only as plural or singular" in html


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="ATS mode"):
        _report(EXACT, mode="strict")


# ------------------------------------------------------------------------------------ CLI


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "set.yaml").write_text(SET_YAML, encoding="utf-8")
    (tmp_path / "cv.txt").write_text(VARIANTS, encoding="utf-8")
    return tmp_path / "cv.txt", tmp_path / "set.yaml"


def test_cli_ats_mode_exact_shows_both_scores(files):
    resume, kwset = files
    result = runner.invoke(app, ["check", str(resume), "--set", str(kwset), "--ats-mode",
                                 "exact"])
    assert result.exit_code == 0, result.output
    assert "Score: " in result.output and "Exact-string ATS score: " in result.output
    assert "Missed by an exact-string ATS (3)" in result.output
    plain = runner.invoke(app, ["check", str(resume), "--set", str(kwset)])
    assert plain.exit_code == 0 and "Exact-string" not in plain.output
    as_json = runner.invoke(app, ["check", str(resume), "--set", str(kwset), "-f", "json",
                                  "--ats-mode", "exact"])
    assert json.loads(as_json.output)["exact"]["score"] is not None


def test_cli_bad_ats_mode_is_a_usage_error(files):
    resume, kwset = files
    result = runner.invoke(app, ["check", str(resume), "--set", str(kwset), "--ats-mode",
                                 "strict"])
    assert result.exit_code == 2
    assert "--ats-mode" in result.output and "strict" in result.output


# ------------------------------------------------------------------------------------ web


@pytest.fixture(scope="module")
def web():
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from resume_checker.web.app import create_app

    return TestClient(create_app(), base_url="http://127.0.0.1")


CV = (b"Summary\nNeural network architect: deep learning with CNNs in PyTorch's ecosystem.\n"
      b"Skills\nPyTorch, GPU\n")


def test_web_api_ats_mode(web):
    files = {"file": ("cv.txt", CV)}
    normal = web.post("/api/check", files=files, data={"keyword_set": "neural-network-architect"})
    assert normal.status_code == 200 and normal.json()["exact"] is None
    exact = web.post("/api/check", files=files,
                     data={"keyword_set": "neural-network-architect", "ats_mode": "exact"})
    assert exact.status_code == 200
    body = exact.json()
    assert body["ats_mode"] == "exact" and body["score"] == normal.json()["score"]
    assert body["exact"]["score"] < body["score"]
    assert "Convolutional neural networks" in {t["term"] for t in body["exact"]["not_exact"]}
    bad = web.post("/api/check", files=files, data={"ats_mode": "strict"})
    assert bad.status_code == 422


def test_web_check_form_toggle(web):
    form = web.get("/")
    assert 'name="ats_mode" value="exact"' in form.text and 'type="checkbox"' in form.text
    files = {"file": ("cv.txt", CV)}
    checked = web.post("/check", files=files,
                       data={"keyword_set": "neural-network-architect", "ats_mode": "exact"})
    assert checked.status_code == 200
    assert 'data-testid="exact-score"' in checked.text and "For an exact-string ATS" in checked.text
    unchecked = web.post("/check", files=files, data={"keyword_set": "neural-network-architect"})
    assert unchecked.status_code == 200 and 'data-testid="exact-score"' not in unchecked.text


def test_a_lookalike_spelling_stays_not_exact_after_the_batch_cache():
    """A batch re-ranks from cached analyses: the folded words must survive the round trip,
    or a look-alike hit read back from the cache would count as exact."""
    from resume_checker.analysis import analyse, check_analysis
    from resume_checker.batch.codec import analysis_from_json, analysis_to_json

    document = parse_document("Summary\nWrote PyT\u043erch loaders.\n".encode(), filename="cv.txt")
    cached = analysis_from_json(analysis_to_json(analyse(document)))
    assert cached.document.folded_words == document.folded_words != ()
    report = check_analysis(cached, KWSET, ats_mode="exact")
    assert {m.term: m.variants for m in report.not_exact} == {"PyTorch": ("lookalike",)}
