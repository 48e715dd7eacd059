"""`resume-checker batch` over a folder holding the whole hostile table, run once per session as
a real subprocess (workers, limits, cache) with the network made impossible and logging at
DEBUG: every file gets its own outcome, symlinks out and loops are skipped, the outputs are
inert, nothing tried to connect, no resume text reached stderr, no temporary file was left."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import corpus
import netguard
import pytest
from typer.testing import CliRunner

from resume_checker.cli.app import app

BIN = Path(sys.executable).parent / "resume-checker"
FORMULA = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Run:
    folder: Path
    out: Path
    result: subprocess.CompletedProcess[str]
    net_log: Path
    tmpdir: Path
    files: dict[str, dict]


def _sandbox(base: Path) -> tuple[dict[str, str], Path, Path]:
    """Env with the network guard, DEBUG logging, a fresh TMPDIR and private user dirs."""
    tmpdir, net_log = base / "tmp", base / "net.log"
    tmpdir.mkdir()
    env = netguard.guarded_env(base / "guard", net_log)
    env.update(TMPDIR=str(tmpdir), HOME=str(base / "home"), XDG_CACHE_HOME=str(base / "cache"),
               XDG_DATA_HOME=str(base / "data"), XDG_CONFIG_HOME=str(base / "config"),
               XDG_STATE_HOME=str(base / "state"))
    return env, net_log, tmpdir


@pytest.fixture(scope="session")
def batch_run(hostile_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Run:
    base = tmp_path_factory.mktemp("batch-run")
    env, net_log, tmpdir = _sandbox(base)
    out = base / "out"
    args = [str(BIN), "batch", str(hostile_dir), "--recursive", "--jobs", "2",
            "--cache", str(base / "cache.sqlite3")]
    args += [a for ext in ("csv", "json", "html", "md") for a in ("-o", str(out / f"r.{ext}"))]
    result = subprocess.run(args, env=env, capture_output=True, text=True, timeout=240,
                            cwd=base)
    files = {Path(f["file"]).name: f for f in json.loads((out / "r.json").read_text())["files"]}
    return Run(hostile_dir, out, result, net_log, tmpdir, files)


def _reason(row: dict) -> str:
    """The row's error text (a plain string, or {"code", "reason"})."""
    error = row["error"]
    return error["reason"] if isinstance(error, dict) else error


def test_batch_finishes_with_some_files_failed(batch_run: Run) -> None:
    assert batch_run.result.returncode == 1, batch_run.result.stderr[-2000:]
    assert "Traceback" not in batch_run.result.stderr


@pytest.mark.parametrize("case", corpus.CASES, ids=lambda c: c.name)
def test_batch_gives_each_hostile_file_its_own_outcome(batch_run: Run, case: corpus.Case) -> None:
    if case.name == "text_named.pdf":
        row = batch_run.files[case.name]  # discovery trusts a .pdf name only with %PDF- bytes
        assert row["status"] == "skipped" and "unsupported format" in _reason(row)
        return
    row = batch_run.files[case.name]
    if case.expect == "error":
        assert row["status"] == "error", row
        if case.isolated:  # the worker died under its memory limit: any plain reason
            assert _reason(row)
            return
        assert case.reason.lower() in _reason(row).lower()
        if isinstance(row["error"], dict):
            assert row["error"]["code"] == case.code
    else:
        assert row["status"] in ("ok", "warning"), row
        if case.notice:
            codes = [n["code"] for n in row["report"]["notices"]]
            assert case.notice in codes


def test_batch_does_not_follow_a_symlink_out_or_a_loop(batch_run: Run) -> None:
    assert "symlink points outside the folder" in _reason(batch_run.files["link_outside.txt"])
    assert batch_run.files["again"]["status"] == "skipped"
    assert "symlink loop" in _reason(batch_run.files["again"])
    for path in batch_run.out.iterdir():
        assert corpus.SECRET not in path.read_text(encoding="utf-8-sig")


def test_batch_and_its_workers_never_tried_the_network(batch_run: Run) -> None:
    assert not batch_run.net_log.exists(), batch_run.net_log.read_text()


def test_batch_logs_no_resume_text_at_debug(batch_run: Run) -> None:
    assert corpus.MARKER not in batch_run.result.stderr
    assert "PyTorch" not in batch_run.result.stderr  # resume words, not just the marker


def test_batch_leaves_no_temporary_files(batch_run: Run) -> None:
    assert list(batch_run.tmpdir.iterdir()) == []


def test_batch_csv_cells_are_never_formulas(batch_run: Run) -> None:
    text = (batch_run.out / "r.csv").read_text(encoding="utf-8-sig")
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            assert not cell.startswith(FORMULA), cell


def test_batch_html_and_markdown_hold_no_live_markup(batch_run: Run) -> None:
    html = (batch_run.out / "r.html").read_text(encoding="utf-8")
    markdown = (batch_run.out / "r.md").read_text(encoding="utf-8")
    for mark in ("<img src=x", "<script>alert", "onerror=alert(1)>"):
        assert mark not in html and mark not in markdown
    assert "&lt;img src=x onerror=alert(1)&gt;" in html or "&#60;img" in html


def test_batch_csv_neutralises_a_file_named_like_a_formula(
    hostile_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given by its bare name, the file's label starts with '=': the CSV must not run it."""
    name = '=HYPERLINK("http:__evil.invalid","x").txt'
    monkeypatch.chdir(hostile_dir)
    out = tmp_path / "r.csv"
    result = CliRunner().invoke(app, ["batch", name, "@SUM(1+1).md", "--jobs", "1", "--no-cache",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert any(name in cell for row in rows for cell in row)
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA), cell


def test_check_subprocess_never_tries_the_network_nor_logs_resume_text(
    hostile_dir: Path, tmp_path: Path
) -> None:
    env, net_log, tmpdir = _sandbox(tmp_path)
    for name in ("remote_template.docx",):  # every file goes through the batch run above
        result = subprocess.run([str(BIN), "check", str(hostile_dir / name), "-f", "md"],
                                env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert corpus.MARKER not in result.stderr
        assert corpus.SECRET not in result.stdout
    assert not net_log.exists(), net_log.read_text()
    assert list(tmpdir.iterdir()) == []


def test_the_network_guard_itself_catches_a_connection(tmp_path: Path) -> None:
    """The guard must be able to fail: a plain connect and a name lookup are both recorded."""
    env, net_log, _ = _sandbox(tmp_path)
    code = ("import socket\nfor f in (lambda: socket.create_connection(('127.0.0.1', 9)),"
            " lambda: socket.socket().connect(('127.0.0.1', 9)),"
            " lambda: socket.getaddrinfo('example.invalid', 80)):\n"
            "    try: f()\n    except OSError: pass\n")
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
    assert len(net_log.read_text().splitlines()) == 3
    assert os.environ.get(netguard.LOG_ENV) is None  # the test process itself is untouched
