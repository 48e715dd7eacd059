"""A batch over a folder of good, broken, hanging, crashing and hostile files, end to end.

The hang and the crash come from an injected work function (no test hook in the product):
it wraps the real per-file work and misbehaves for files named ``hang*`` and ``crash*``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import time
from dataclasses import replace
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from resume_checker.batch.cache import Cache
from resume_checker.batch.runner import BatchOptions, run_batch
from resume_checker.batch.worker import check_file
from resume_checker.cli.batch import register
from resume_checker.keywords.model import Category, KeywordSet, Term
from resume_checker.limits import DEFAULT_LIMITS
from resume_checker.ranking import Status

FAST = BatchOptions(jobs=2, limits=replace(DEFAULT_LIMITS, time_seconds=3.0))

SET = KeywordSet(
    id="ml-test",
    title="ML test set",
    categories={"frameworks": Category(title="Frameworks", weight=2),
                "languages": Category(title="Languages")},
    terms=(
        Term(name="PyTorch", category="frameworks", required=True),
        Term(name="TensorFlow", category="frameworks"),
        Term(name="CUDA", category="frameworks"),
        Term(name="Python", category="languages"),
        Term(name="Rust", category="languages"),
        Term(name="@RISK", category="languages", weight=5),  # a real tool; a formula to Excel
    ),
)
EDITED_SET = SET.model_copy(update={"terms": (*SET.terms, Term(name="JAX", category="frameworks"))})

STRONG = "Ada Strong\nada@example.com\n\nSkills\nPyTorch, TensorFlow, CUDA, Python, Rust\n"
FAIR = "Ben Fair\n\nSkills\nPyTorch and Python\n\nExperience\nTrained models with JAX.\n"
WEAK = "Cy Weak\n\nSkills\nExcel, Word\n"
HOSTILE_TEXT = (
    "Eve Hostile\n\nSkills\n=HYPERLINK(\"http://evil.example\") PyTorch\n"
    "<script>alert('x')</script> Python <img src=x onerror=alert(1)>\n"
)
HOSTILE_NAME = "=cmd|' calc'!A0 <img src=x onerror=alert(1)>.txt"


def hostile_work(state, task):
    """The real work, except that ``hang*`` files hang and ``crash*`` files kill the worker."""
    name = Path(task.path).name
    if name.startswith("hang"):
        time.sleep(60)
    if name.startswith("crash"):
        os.abort()
    return check_file(state, task)


def _pdf(path: Path, lines: list[str]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for line in lines:
        c.drawString(72, y, line)
        y -= 18
    c.save()


def make_folder(root: Path) -> Path:
    folder = root / "resumes"
    folder.mkdir()
    (folder / "strong.txt").write_text(STRONG)
    (folder / "fair.md").write_text(FAIR)
    (folder / "weak.txt").write_text(WEAK)
    (folder / HOSTILE_NAME).write_text(HOSTILE_TEXT)
    _pdf(folder / "pdf-strong.pdf", ["Dee Pdf", "", "Skills", "PyTorch, CUDA, Python, TensorFlow"])
    _pdf(folder / "pdf-weak.pdf", ["Flo Pdf", "", "Skills", "Python"])
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "hang.txt").write_text(STRONG)
    (folder / "crash.txt").write_text(STRONG)
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    (root / "outside.txt").write_text(STRONG)
    (folder / "escape.txt").symlink_to(root / "outside.txt")
    return folder


def _snapshot(root: Path) -> dict[str, tuple[int, float]]:
    return {
        str(p.relative_to(root)): (p.lstat().st_size, p.lstat().st_mtime)
        for p in root.rglob("*")
    }


def test_every_good_file_ranked_every_bad_one_explained(tmp_path):
    folder = make_folder(tmp_path)
    before = _snapshot(tmp_path)
    result = run_batch([folder], SET, FAST, work=hostile_work)
    assert _snapshot(tmp_path) == before  # no cache asked: nothing written anywhere

    by_file = {r.file.removeprefix("resumes/"): r for r in result.rows}
    ranked = [r.file.removeprefix("resumes/") for r in result.ranked]
    assert set(ranked) == {"strong.txt", "fair.md", "weak.txt", HOSTILE_NAME,
                           "pdf-strong.pdf", "pdf-weak.pdf"}
    assert ranked[0] == "strong.txt"
    assert ranked[-1] == "weak.txt"  # knocked out (no PyTorch) ranks below the rest
    assert by_file["corrupt.pdf"].status is Status.ERROR
    assert by_file["corrupt.pdf"].code == "unreadable"
    assert by_file["empty.txt"].error == "empty file (0 bytes)"
    assert by_file["hang.txt"].error == "took longer than 3 s"
    assert by_file["crash.txt"].error == "worker crashed (signal 6)"
    assert by_file["old.doc"].status is Status.SKIPPED
    assert by_file["escape.txt"].error == "symlink points outside the folder"
    assert result.count(Status.ERROR) == 4 and result.count(Status.SKIPPED) == 2
    assert result.failed


def test_cache_hit_on_second_run_and_rerank_after_set_edit(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "strong.txt").write_text(STRONG)
    (folder / "fair.md").write_text(FAIR)
    cache_path = tmp_path / "cache" / "c.sqlite3"
    options = BatchOptions(jobs=1, cache_path=cache_path)

    first = run_batch([folder], SET, options)
    assert [r.cached for r in first.ranked] == [False, False]
    assert stat.S_IMODE(cache_path.stat().st_mode) == 0o600

    second = run_batch([folder], SET, options)
    assert [r.cached for r in second.ranked] == [True, True]
    assert [(r.file, r.score) for r in second.ranked] == [(r.file, r.score) for r in first.ranked]

    edited = run_batch([folder], EDITED_SET, options)
    assert all(r.cached for r in edited.ranked)
    fair = {r.file: r for r in edited.ranked}["in/fair.md"]
    assert "JAX" in {h.term for h in fair.summary.matched}
    assert fair.score != {r.file: r for r in first.ranked}["in/fair.md"].score

    with Cache(cache_path) as db:
        assert db.info().documents == 2
        assert db.run("LAST").set_hash == EDITED_SET.content_hash
        assert len(db.runs()) == 3
        assert "Ada Strong" not in json.dumps(db.run("LAST").ranking)


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """test app"""

    register(app)
    return app


def test_cli_outputs_are_escaped_and_neutralised(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / HOSTILE_NAME).write_text(HOSTILE_TEXT)
    (folder / "strong.txt").write_text(STRONG)
    set_file = tmp_path / "set.yaml"
    set_file.write_text(json.dumps(SET.model_dump(mode="json")))
    out = tmp_path / "out"
    args = ["batch", str(folder), "--set", str(set_file), "--cache", str(tmp_path / "c.db"),
            "-o", str(out / "r.csv"), "-o", str(out / "r.html"), "-o", str(out / "r.md"),
            "-o", str(out / "r.json")]
    before = _snapshot(tmp_path)
    result = CliRunner().invoke(_app(), args)
    assert result.exit_code == 0, result.output
    after = _snapshot(tmp_path)
    changed = {p for p in after if after[p] != before.get(p)}
    allowed = {"out", "out/r.csv", "out/r.html", "out/r.md", "out/r.json"}
    assert changed - allowed <= {"c.db", "c.db-wal", "c.db-shm"}  # outputs and the cache only

    raw = (out / "r.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0]["top missing terms"].startswith("'@RISK")
    assert all(not v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values() if v)

    page = (out / "r.html").read_text()
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert 'http-equiv="Content-Security-Policy"' in page
    assert "http://" not in page.replace("http://evil.example", "")  # no network references
    assert "<script>" in page  # only our own sort script

    markdown = (out / "r.md").read_text()
    assert "<img" not in markdown

    report = json.loads((out / "r.json").read_text())
    assert report["keyword_set"]["id"] == "ml-test"
    assert {f["status"] for f in report["files"]} == {"ok"}
    assert all(f["report"]["score"] is not None for f in report["files"])


def test_cli_blind_keeps_names_and_contacts_out(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "quinn_zephyrine_cv.txt").write_text(
        "Zephyrine Quinn\nzq@mail.example.com | +1 (555) 123-4567 | linkedin.com/in/zquinn\n\n"
        "Skills\nPyTorch, Python; mentor to Zephyrine juniors (call 555-987-6543)\n"
    )
    set_file = tmp_path / "set.yaml"
    set_file.write_text(json.dumps(SET.model_dump(mode="json")))
    out = tmp_path / "out"
    args = ["batch", str(folder), "--set", str(set_file), "--no-cache", "--blind", "-j1"]
    for ext in ("csv", "html", "md", "json"):
        args += ["-o", str(out / f"r.{ext}")]
    result = CliRunner().invoke(_app(), args)
    assert result.exit_code == 0, result.output
    texts = [result.output] + [p.read_text() for p in out.iterdir()]
    for text in texts:
        for secret in ("Zephyrine", "Quinn", "quinn", "zq@", "123-4567", "987-6543", "linkedin"):
            assert secret not in text
    assert "candidate-001" in texts[1]


def test_cli_exit_codes(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "cv.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    set_file = tmp_path / "set.yaml"
    set_file.write_text(json.dumps(SET.model_dump(mode="json")))
    run = CliRunner().invoke
    assert run(_app(), ["batch", str(folder), "--set", str(set_file), "--no-cache"]).exit_code == 3
    (folder / "bad.pdf").write_bytes(b"%PDF-1.4 broken")
    assert run(_app(), ["batch", str(folder), "--set", str(set_file), "--no-cache"]).exit_code == 1
    assert run(_app(), ["batch", str(folder), "--set", str(tmp_path / "no.yaml")]).exit_code == 4
    bad_out = ["batch", str(folder), "--set", str(set_file), "-o", str(tmp_path / "x.xlsx")]
    assert run(_app(), bad_out).exit_code == 2


@pytest.mark.parametrize("ref", ["LAST", "missing-run"])
def test_compare_to(tmp_path, ref):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STRONG)
    (folder / "b.txt").write_text(FAIR)
    set_file = tmp_path / "set.yaml"
    set_file.write_text(json.dumps(SET.model_dump(mode="json")))
    base = ["batch", str(folder), "--set", str(set_file), "--cache", str(tmp_path / "c.db"), "-j1"]
    assert CliRunner().invoke(_app(), base).exit_code == 0
    (folder / "b.txt").write_text(STRONG + "\nExperience\nJAX\n")
    (folder / "c.txt").write_text(WEAK)
    second = CliRunner().invoke(_app(), [*base, "--top", "1", "--compare-to", ref])
    if ref == "missing-run":
        assert second.exit_code == 2
        return
    assert second.exit_code == 0, second.output
    assert "Compared with run" in second.output
    assert "new files: in/c.txt" in second.output
