"""Resumes are personal data: no resume text in any log record or on stderr at any verbosity,
no temporary file left behind, and one upload size limit everywhere (Limits().max_file_bytes).

The subprocess side (the CLI and batch workers with logging at DEBUG through a sitecustomize)
is in ``tests/hostile/test_hostile_batch.py``; here the library, the in-process CLI and the
web app run with the root logger at DEBUG and a fresh temporary directory.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from resume_checker.api import check
from resume_checker.cli.app import app
from resume_checker.limits import Limits

MARKER = "Zqxvprivate5208"
RESUME = (
    f"Jane {MARKER}\njane.{MARKER.lower()}@example.com\n+1 555 0100\n\nSkills\n"
    "PyTorch, CUDA, Kubernetes\n\nExperience\nMachine learning engineer, 2019 - 2024\n"
)


@pytest.fixture
def fresh_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty temporary directory for this process and any child it starts."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)  # the root logger: every library's records
    return caplog


def _no_marker(caplog: pytest.LogCaptureFixture, *texts: str) -> None:
    for record in caplog.records:
        assert MARKER not in record.getMessage()
        assert MARKER.lower() not in record.getMessage()
    for text in texts:
        assert MARKER not in text and MARKER.lower() not in text


def test_api_check_logs_no_resume_text(debug_logs, fresh_tmp: Path, tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(RESUME)
    report = check(path)
    assert report.scorable
    _no_marker(debug_logs)
    assert list(fresh_tmp.iterdir()) == []


@pytest.mark.parametrize("fmt", ["text", "json", "md"])
def test_cli_check_writes_no_resume_text_to_stderr_or_logs(
    fmt: str, debug_logs, fresh_tmp: Path, tmp_path: Path
) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(RESUME)
    result = CliRunner().invoke(app, ["check", str(path), "--format", fmt])
    assert result.exit_code == 0, result.output
    _no_marker(debug_logs, result.stderr)
    assert list(fresh_tmp.iterdir()) == []


def test_cli_text_notices_do_not_quote_the_resume(debug_logs, tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_bytes(RESUME.replace("Skills", "Sk\x00ills").encode("cp1252") + b"\x81\x8d")
    result = CliRunner().invoke(app, ["text", str(path)])
    assert result.exit_code == 0
    assert "warning" in result.stderr  # the fallback-encoding notice is there, without the text
    _no_marker(debug_logs, result.stderr)


def test_cli_batch_logs_no_resume_text_and_leaves_no_temp_files(
    debug_logs, fresh_tmp: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_text(RESUME)
    (folder / "b.txt").write_text(RESUME.replace("Jane", "John"))
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n" + RESUME.encode())
    out = tmp_path / "out"
    result = CliRunner().invoke(app, [
        "batch", str(folder), "--jobs", "1", "--cache", str(tmp_path / "cache.sqlite3"),
        "-o", str(out / "r.csv"), "-o", str(out / "r.json"),
    ])
    assert result.exit_code in (0, 1), result.output
    _no_marker(debug_logs, result.stderr)
    # multiprocessing keeps one pymp-* folder (its forkserver socket) per process and removes it
    # at exit; the subprocess batch test in tests/hostile shows TMPDIR empty after the run
    assert [p for p in fresh_tmp.iterdir() if not p.name.startswith("pymp-")] == []


# --------------------------------------------------------------------------- web

fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from resume_checker.web.app import body_limit_for, create_app  # noqa: E402
from resume_checker.web.uploads import UploadLimits  # noqa: E402


def test_web_upload_logs_no_resume_text_and_leaves_no_temp_files(
    debug_logs, fresh_tmp: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("RESUME_CHECKER_SETS_DIR", str(tmp_path / "sets"))
    web = TestClient(create_app(), base_url="http://127.0.0.1")
    response = web.post("/api/check", files={"file": ("cv.txt", RESUME.encode())})
    assert response.status_code == 200, response.text
    page = web.post("/check", files={"file": ("cv.txt", RESUME.encode())},
                    data={"keyword_set": "neural-network-architect"})
    assert page.status_code == 200
    # over 1 MB, so the multipart parser spools it to a temporary file; a broken PDF, so the
    # error path is the one taken (and it is quick)
    big = b"%PDF-1.4\n" + RESUME.encode() * 8_000
    assert len(big) > 1024 * 1024
    response = web.post("/api/check", files={"file": ("big.pdf", big)})
    assert response.status_code == 422, response.text
    assert MARKER not in response.text
    _no_marker(debug_logs)
    assert list(fresh_tmp.iterdir()) == []


def test_web_upload_limit_is_the_library_file_limit() -> None:
    """One number: the web's per-file limit is Limits().max_file_bytes, and follows it."""
    assert UploadLimits().max_file_bytes == Limits().max_file_bytes
    small = UploadLimits(files=Limits(max_file_bytes=4_000))
    assert small.max_file_bytes == 4_000
    assert body_limit_for(small, "/api/check") < body_limit_for(UploadLimits(), "/api/check")
    web = TestClient(create_app(limits=small), base_url="http://127.0.0.1")
    response = web.post("/api/check", files={"file": ("cv.txt", RESUME.encode() * 40)})
    assert response.status_code == 413
    assert MARKER not in response.text
