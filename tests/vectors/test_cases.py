"""The sample resumes as a table of must_find / must_miss terms, shared by the library and
the CLI: both must see exactly the same terms in the same files."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from locations import REPO
from typer.testing import CliRunner

from resume_checker import check
from resume_checker.cli.app import app

SAMPLES = REPO / "samples"
sys.path.insert(0, str(SAMPLES))
from expectations import EXPECTATIONS  # noqa: E402

CASES = sorted(EXPECTATIONS.items())
runner = CliRunner()


def _file(case: str) -> Path:
    return SAMPLES / case.split("#", 1)[0]


def _set(expected: dict) -> str:
    ref = str(expected["set"])
    return str(REPO / ref) if ref.endswith(".yaml") else ref


def _assert_expected(found: set[str], expected: dict, case: str) -> None:
    missing = [t for t in expected["must_find"] if t not in found]
    wrongly = [t for t in expected["must_miss"] if t in found]
    assert not missing, f"{case}: expected but not found: {missing}"
    assert not wrongly, f"{case}: found but must not be: {wrongly}"


@pytest.mark.parametrize(("case", "expected"), CASES, ids=[c for c, _ in CASES])
def test_library_finds_and_misses(case: str, expected: dict) -> None:
    report = check(_file(case), _set(expected))
    _assert_expected({m.term for m in report.matched}, expected, case)
    if "knocked_out" in expected:
        assert report.knocked_out is expected["knocked_out"]
    if "band" in expected:
        assert report.band == expected["band"]


@pytest.mark.parametrize(("case", "expected"), CASES, ids=[c for c, _ in CASES])
def test_cli_finds_and_misses(case: str, expected: dict) -> None:
    result = runner.invoke(app, ["check", str(_file(case)), "--set", _set(expected), "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema_version"]
    _assert_expected({m["term"] for m in data["matched"]}, expected, case)
    for m in data["matched"]:
        assert m["evidence"] and m["count"] >= 1
        assert all({"page", "line", "line_text", "section"} <= e.keys() for e in m["evidence"])
    if "knocked_out" in expected:
        assert data["knocked_out"] is expected["knocked_out"]


def test_missing_terms_list_required_first_and_certifications_apart() -> None:
    report = check(SAMPLES / "partial_fit.pdf", "neural-network-architect")
    flags = [m.required for m in report.missing]
    assert flags == sorted(flags, reverse=True), "required terms come first"
    assert report.missing_certifications
    assert all(m.is_certification for m in report.missing_certifications)
    assert "Deep Learning Specialization" in {m.term for m in report.missing_certifications}


def test_format_is_decided_by_the_bytes_not_the_name(tmp_path: Path) -> None:
    pdf_named_docx = tmp_path / "resume.docx"
    shutil.copy(SAMPLES / "strong_fit.pdf", pdf_named_docx)
    docx_named_pdf = tmp_path / "resume.pdf"
    shutil.copy(SAMPLES / "strong_fit.docx", docx_named_pdf)
    assert check(pdf_named_docx).document.format == "pdf"
    assert check(docx_named_pdf).document.format == "docx"


def test_text_command_reads_the_two_columns_one_after_the_other() -> None:
    result = runner.invoke(app, ["text", str(SAMPLES / "two_column.pdf"), "--sections"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    sidebar_end = next(i for i, line in enumerate(lines) if "Polytechnic, 2017" in line)
    main_start = next(i for i, line in enumerate(lines) if line.endswith("\tSummary"))
    assert sidebar_end < main_start, "the sidebar is read before the main column"
    assert lines[sidebar_end].startswith("[education]")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["check", "missing-file.pdf"], 3),
        (["check", str(SAMPLES / "strong_fit.pdf"), "--set", "no-such-set"], 4),
        (["check", str(SAMPLES / "weak_fit.pdf"), "--fail-under", "50"], 1),
        (["check", str(SAMPLES / "strong_fit.pdf"), "--fail-under", "50", "-f", "json"], 0),
        (["check", str(SAMPLES / "strong_fit.pdf"), "--format", "yaml"], 2),
        (["sets", "validate", str(REPO / "keyword_sets" / "neural-network-architect.yaml")], 0),
        (["sets", "validate",
          str(REPO / "tests/fixtures/keyword_sets/broken/unknown_category.yaml")], 4),
    ],
)
def test_cli_exit_codes(args: list[str], code: int) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.output


def test_markdown_and_text_reports_name_the_missing_certifications() -> None:
    for fmt in ("md", "text"):
        result = runner.invoke(
            app, ["check", str(SAMPLES / "partial_fit.pdf"), "-f", fmt, "--no-color"]
        )
        assert result.exit_code == 0
        assert "Deep Learning Specialization" in result.stdout
        assert "filtered out" in result.stdout
