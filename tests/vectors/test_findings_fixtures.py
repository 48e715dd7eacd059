"""Every finding on a resume made to have it: through check() and the rendered JSON."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest
from findings_fixtures import FIXTURES, covered_pdf, image_only_page_pdf, plain_pdf
from typer.testing import CliRunner

from resume_checker.api import check
from resume_checker.documents.ocr import OcrUnavailableError
from resume_checker.render import render

TODAY = date(2026, 1, 1)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture_raises_its_finding(name: str) -> None:
    filename, factory, code = FIXTURES[name]
    report = check(factory(), filename=filename, today=TODAY)
    assert code in {f.code for f in report.findings}
    data = json.loads(render(report, "json"))
    rendered = [f for f in data["findings"] if f["code"] == code]
    assert rendered and all(f["fix"] and f["title"] and f["explanation"] for f in rendered)
    assert data["findings_count"] >= len(data["findings"])
    for fmt in ("text", "md"):
        assert code in render(report, fmt)
    assert f'data-code="{code}"' in render(report, "html")


def test_clean_resume_raises_no_error_or_warning_about_parsing() -> None:
    report = check(plain_pdf(), filename="r.pdf", today=TODAY)
    codes = {f.code for f in report.findings}
    assert not codes & {"hidden_text", "garbled_text", "page_without_text", "no_text_layer",
                        "layout_table", "images", "mixed_script"}


def test_notice_and_finding_with_one_code_are_shown_once() -> None:
    report = check(image_only_page_pdf(), filename="scan.pdf", today=TODAY)
    assert any(n.code == "page_without_text" for n in report.notices)
    assert not any(n.code == "page_without_text" for n in report.extra_notices)
    for fmt in ("text", "md"):
        assert render(report, fmt).count("page_without_text") == 1


def test_image_only_page_says_how_to_get_ocr() -> None:
    report = check(image_only_page_pdf(), filename="scan.pdf", today=TODAY)
    finding = next(f for f in report.findings if f.code == "page_without_text")
    assert finding.page == 2 and "tesseract" in finding.fix and "--ocr" in finding.fix


def test_images_are_an_info_finding() -> None:
    report = check(covered_pdf(), filename="c.pdf", today=TODAY)
    finding = next(f for f in report.findings if f.code == "images")
    assert finding.severity.value == "info" and finding.page == 1


@pytest.fixture
def fake_tesseract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in tesseract on PATH that prints known text and records its arguments."""
    script = tmp_path / "bin" / "tesseract"
    script.parent.mkdir()
    log = tmp_path / "args.txt"
    script.write_text(
        "#!/bin/sh\n"
        f'echo "$@" >> "{log}"\n'
        'head -c 2 "$1" | grep -q P5 || exit 3\n'
        "printf 'Publications\\nTransformers for vision, NeurIPS 2021\\n'\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{script.parent}{os.pathsep}{os.environ['PATH']}")
    return log


def test_ocr_reads_image_only_pages_with_a_notice(fake_tesseract: Path) -> None:
    report = check(image_only_page_pdf(), filename="scan.pdf", today=TODAY, ocr=True)
    assert "Transformers" in {m.term for m in report.matched}
    assert any(n.code == "ocr_text" and "approximate" in n.message for n in report.notices)
    assert not any(f.code == "page_without_text" for f in report.findings)
    assert "stdout" in fake_tesseract.read_text()
    page2 = [a for a in report.ats_view if a.page == 2]
    assert page2 and page2[0].text == "Publications"


def test_ocr_without_tesseract_says_how_to_install(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(OcrUnavailableError, match="apt install tesseract-ocr"):
        check(image_only_page_pdf(), filename="scan.pdf", today=TODAY, ocr=True)


def test_cli_check_flags(tmp_path: Path) -> None:
    from findings_fixtures import white_tiny_pdf

    from resume_checker.cli.app import app

    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(white_tiny_pdf())
    plain = CliRunner().invoke(app, ["check", str(pdf), "--format", "json"])
    kept = CliRunner().invoke(app, ["check", str(pdf), "--format", "json", "--include-hidden"])
    assert plain.exit_code == 0 and kept.exit_code == 0, plain.output + kept.output
    a, b = json.loads(plain.stdout), json.loads(kept.stdout)
    assert b["hidden_included"] and b["score"] > a["score"]
    view = CliRunner().invoke(app, ["check", str(pdf), "--ats-view"])
    assert "ATS view" in view.stdout and "[hidden: white_text]" in view.stdout
    assert "ATS view" not in CliRunner().invoke(app, ["check", str(pdf)]).stdout
