"""Re-ranking from the cache: the cached analysis gives exactly the report a fresh check gives,
a file whose stat is unchanged is not even read, and a changed file is read again."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest
from findings_fixtures import header_contact_docx, layout_table_docx, white_tiny_pdf
from locations import SAMPLES

from resume_checker.analysis import analyse, check_analysis
from resume_checker.api import check_document, load_keyword_set, parse_document
from resume_checker.batch.cache import Cache
from resume_checker.batch.codec import (
    analysis_from_json,
    analysis_to_json,
    document_from_json,
    document_to_json,
)
from resume_checker.batch.runner import BatchOptions, run_batch
from resume_checker.batch.worker import FileTask, WorkerConfig, check_file, init_worker
from resume_checker.errors import UnreadableDocumentError
from resume_checker.keywords.model import Term
from resume_checker.render import render

TODAY = date(2026, 3, 15)
SETS = ("neural-network-architect", "data-scientist")


def _sources() -> list[tuple[str, bytes]]:
    files = [(p.name, p.read_bytes()) for p in sorted(SAMPLES.iterdir())
             if p.suffix in {".pdf", ".docx", ".txt"}]
    return files + [("white.pdf", white_tiny_pdf()), ("header.docx", header_contact_docx()),
                    ("table.docx", layout_table_docx())]


@pytest.mark.parametrize(("name", "data"), _sources(), ids=[n for n, _ in _sources()])
def test_a_cached_analysis_gives_the_report_a_fresh_check_gives(name, data):
    document = parse_document(data, filename=name)
    stored = analysis_from_json(analysis_to_json(analyse(document, today=TODAY)))
    for set_id in SETS:
        kwset = load_keyword_set(set_id)
        fresh = render(check_document(document, kwset, today=TODAY), "json")
        assert render(check_analysis(stored, kwset), "json") == fresh


def test_a_cached_document_keeps_its_hidden_lines():
    document = parse_document(white_tiny_pdf(), filename="white.pdf")
    assert document.hidden_lines
    assert document_from_json(document_to_json(document)) == document


def test_a_damaged_analysis_is_refused():
    text = analysis_to_json(analyse(parse_document(white_tiny_pdf(), filename="w.pdf")))
    with pytest.raises(ValueError, match="damaged cache entry"):
        analysis_from_json(text.replace('"findings"', '"finding"'))


def test_stored_lines_come_back_field_by_field():
    """The cache rebuilds lines by position (for speed): every field, given a value of its own,
    comes back in its place from both entries (a field added to Line or moved in it fails here:
    then the stored layout and the rebuild must follow, and the schema be bumped)."""
    from dataclasses import fields, replace

    from resume_checker.documents.model import BBox, Document, Line, Origin, Page, Section

    line = Line(text="Built CUDA kernels", page=2, number=7, section=Section.SKILLS,
                is_heading=True, origin=Origin.TABLE, bbox=BBox(1.0, 2.0, 3.0, 4.0),
                font_size=9.5, bold=True, column=3, hidden=None, font="Arial")
    hidden = replace(line, number=8, hidden="white_text")
    given = ("text", "page", "number", "section", "is_heading", "origin", "bbox", "font_size",
             "bold", "column", "hidden", "font")
    assert tuple(f.name for f in fields(Line)) == given
    document = Document(source="cv.pdf", format="pdf", pages=(Page(number=2, lines=(line,)),),
                        sha256="0" * 64, page_count=2, hidden_lines=(hidden,))
    assert document_from_json(document_to_json(document)) == document
    slim = analysis_from_json(analysis_to_json(analyse(document, today=TODAY))).document
    no_looks = {"bbox": None, "font_size": None, "bold": None, "font": None}
    assert slim.lines == (replace(line, **no_looks),)
    assert slim.hidden_lines == (replace(hidden, **no_looks),)


def _unreadable(source, limits):
    raise UnreadableDocumentError("the test forbids reading files")


def no_read_work(state, task):
    """The real work in a worker where any attempt to read a file fails."""
    import resume_checker.batch.worker as worker

    worker.read_bytes = _unreadable
    return check_file(state, task)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("strong_fit.pdf", "partial_fit.docx", "plain_resume.txt"):
        (folder / name).write_bytes((SAMPLES / name).read_bytes())
    return folder


def test_rerank_with_an_edited_set_reads_no_file(tmp_path, monkeypatch):
    import builtins
    import io

    folder = _folder(tmp_path)
    options = BatchOptions(jobs=1, cache_path=tmp_path / "c.sqlite3")
    kwset = load_keyword_set("neural-network-architect")
    edited = kwset.model_copy(update={"terms": (*kwset.terms[1:], Term(
        name="Python", category=kwset.terms[0].category, weight=3.0))})
    run_batch([folder], kwset, options)

    opened: list[str] = []  # files of the folder opened in this (the parent) process
    real_open = builtins.open

    def spy(file, *args, **kwargs):
        if str(file).startswith(str(folder)):
            opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    monkeypatch.setattr(io, "open", spy)
    again = run_batch([folder], edited, options, work=no_read_work)
    assert opened == []
    assert [r.error for r in again.rows] == [None, None, None]
    assert all(r.cached for r in again.rows)
    fresh = run_batch([folder], edited, BatchOptions(jobs=1))
    expected = [(r.file, r.summary) for r in fresh.ranked]
    assert [(r.file, r.summary) for r in again.ranked] == expected


def test_a_changed_file_is_read_again(tmp_path):
    folder = _folder(tmp_path)
    options = BatchOptions(jobs=1, cache_path=tmp_path / "c.sqlite3")
    kwset = load_keyword_set("neural-network-architect")
    run_batch([folder], kwset, options)
    target = folder / "plain_resume.txt"
    target.write_text(target.read_text() + "\nPyTorch, CUDA, Triton, TensorRT\n")

    again = run_batch([folder], kwset, options, work=no_read_work)
    by_file = {Path(r.file).name: r for r in again.rows}
    assert by_file["plain_resume.txt"].error == "the test forbids reading files"
    assert by_file["strong_fit.pdf"].error is None and by_file["strong_fit.pdf"].cached

    reread = run_batch([folder], kwset, options)
    row = {Path(r.file).name: r for r in reread.rows}["plain_resume.txt"]
    assert not row.cached
    assert "CUDA" in {h.term for h in row.summary.matched}


def test_an_analysis_is_for_one_day(tmp_path):
    """Another day's analysis is remade from the cached document (ongoing jobs count to today)."""
    path = _folder(tmp_path) / "strong_fit.pdf"
    cache_path = tmp_path / "c.sqlite3"
    kwset = load_keyword_set("neural-network-architect")
    Cache(cache_path).close()

    def run(day: date):
        state = init_worker(WorkerConfig(kwset, cache_path=str(cache_path), today=day))
        result = check_file(state, FileTask(str(path), "strong_fit.pdf"))
        with Cache(cache_path) as db:
            if result.document_json:
                db.put_many([(result.sha256, result.document_json)])
            if result.analysis_json:
                db.put_analyses(day.isoformat(), [(result.sha256, result.analysis_json)])
        return result

    first = run(TODAY)
    assert not first.cached and first.document_json and first.analysis_json
    same_day = run(TODAY)
    assert same_day.cached and same_day.analysis_json is None
    next_day = run(date(2026, 3, 16))
    assert next_day.cached and next_day.document_json is None and next_day.analysis_json


def test_another_days_analysis_uses_the_cached_documents_stored_tokens(tmp_path, monkeypatch):
    """The worker hands a cached document's stored tokens to the matcher and the cache writer:
    the text is not tokenized again, and the result is what a fresh tokenization gives."""
    import resume_checker.matching as matching
    import resume_checker.matching.codec as token_codec

    path = _folder(tmp_path) / "strong_fit.pdf"
    task = FileTask(str(path), "strong_fit.pdf")
    cache_path = tmp_path / "c.sqlite3"
    kwset = load_keyword_set("neural-network-architect")
    Cache(cache_path).close()
    first = check_file(init_worker(WorkerConfig(kwset, cache_path=str(cache_path), today=TODAY)),
                       task)
    with Cache(cache_path) as db:
        db.put_many([(first.sha256, first.document_json)])

    def no_tokenizing(text):
        raise AssertionError("the cached document's text was tokenized again")

    next_day = date(2026, 3, 16)
    state = init_worker(WorkerConfig(kwset, cache_path=str(cache_path), today=next_day))
    with monkeypatch.context() as patch:
        patch.setattr(matching, "text_tokens", no_tokenizing)
        patch.setattr(token_codec, "text_tokens", no_tokenizing)
        again = check_file(state, task)
    assert again.cached and again.document_json is None
    document = parse_document(path.read_bytes(), filename=path.name)
    assert again.analysis_json == analysis_to_json(analyse(document, today=next_day))
    assert again.summary == check_file(init_worker(WorkerConfig(kwset, today=next_day)),
                                       task).summary


def test_cache_clear_forgets_files_and_analyses(tmp_path):
    folder = _folder(tmp_path)
    cache_path = tmp_path / "c.sqlite3"
    run_batch([folder], load_keyword_set("neural-network-architect"),
              BatchOptions(jobs=1, cache_path=cache_path))
    with Cache(cache_path) as db:
        assert len(db.file_hashes()) == 3
        db.clear()
        assert db.file_hashes() == {} and db.info().documents == 0
        assert db._db.execute("SELECT COUNT(*) FROM analyses").fetchone() == (0,)
    assert os.stat(cache_path).st_size > 0


def test_cache_info_counts_what_the_cache_holds(tmp_path):
    from typer.testing import CliRunner

    from resume_checker.cli.app import app

    folder = _folder(tmp_path)
    cache_path = tmp_path / "c.sqlite3"
    run_batch([folder], load_keyword_set("neural-network-architect"),
              BatchOptions(jobs=1, cache_path=cache_path))
    shown = CliRunner().invoke(app, ["cache", "info", "--cache", str(cache_path)])
    assert shown.exit_code == 0, shown.output
    for line in ("documents: 3", "analyses: 3", "files remembered: 3", "runs: 1"):
        assert line in shown.output
    assert CliRunner().invoke(app, ["cache", "clear", "--cache", str(cache_path)]).exit_code == 0
    shown = CliRunner().invoke(app, ["cache", "info", "--cache", str(cache_path)])
    assert "documents: 0" in shown.output and "files remembered: 0" in shown.output


def test_a_cache_from_an_older_layout_is_emptied_not_misread(tmp_path):
    import sqlite3

    path = tmp_path / "c.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE documents (sha256 TEXT, parser TEXT, body TEXT, created REAL,"
               " used REAL, PRIMARY KEY (sha256, parser))")
    db.execute("INSERT INTO documents VALUES ('x', 'p', '{}', 0, 0)")
    db.execute("CREATE TABLE runs (id TEXT PRIMARY KEY, created REAL NOT NULL, set_id TEXT NOT"
               " NULL, set_hash TEXT NOT NULL, ranking TEXT NOT NULL)")
    db.execute("INSERT INTO runs VALUES ('r1', 1e12, 's', 'h', '[]')")
    db.commit()
    db.close()
    with Cache(path) as cache:
        info = cache.info()
        assert info.documents == 0 and info.runs == 1  # documents re-laid out, runs kept
    folder = _folder(tmp_path)
    result = run_batch([folder], load_keyword_set("neural-network-architect"),
                       BatchOptions(jobs=1, cache_path=path))
    assert all(r.error is None for r in result.rows)


def test_retention_is_refreshed_by_use(tmp_path):
    import sqlite3
    import time

    folder = _folder(tmp_path)
    path = tmp_path / "c.sqlite3"
    options = BatchOptions(jobs=1, cache_path=path)
    kwset = load_keyword_set("neural-network-architect")
    run_batch([folder], kwset, options)
    long_ago = time.time() - 20 * 86_400
    db = sqlite3.connect(path)
    for table in ("documents", "analyses", "files"):
        db.execute(f"UPDATE {table} SET used = ?", (long_ago,))
    db.commit()
    run_batch([folder], kwset, options)
    for table in ("documents", "analyses", "files"):
        (oldest,) = db.execute(f"SELECT MIN(used) FROM {table}").fetchone()
        assert oldest > time.time() - 3600, table
    db.close()


def test_the_terminal_shows_the_best_rows_when_the_ranking_goes_to_a_file(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import resume_checker.cli.batch as cli_batch
    from resume_checker.cli.app import app

    monkeypatch.setattr(cli_batch, "TERMINAL_ROWS", 2)
    folder = _folder(tmp_path)
    base = ["batch", str(folder), "--set", "neural-network-architect", "--no-cache", "-j", "1"]
    third = re.compile(r"^│\s+3\s+│", re.MULTILINE)  # the table row ranked third
    shown = CliRunner().invoke(app, [*base, "--output", str(tmp_path / "r.csv")])
    assert "... and 1 more in" in shown.output and "r.csv" in shown.output
    assert not third.search(shown.output)
    every = CliRunner().invoke(app, base)
    assert "more in" not in every.output and third.search(every.output)
