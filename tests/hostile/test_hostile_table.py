"""The hostile table through the library (parse_document, check) and the CLI `check`:
every file is read by its true type or refused with a per-file reason, fast, and nothing
else escapes (no RecursionError, no MemoryError, no crash)."""

from __future__ import annotations

import contextlib
import time
import zlib
from pathlib import Path

import corpus
import pytest
from typer.testing import CliRunner

from resume_checker.api import check
from resume_checker.cli.app import app
from resume_checker.documents import parse_document, sniff
from resume_checker.documents.isolated import parse_document_isolated
from resume_checker.documents.pdf import inflate as pdf_inflate
from resume_checker.documents.pdf.inflate import DEFLATE_MAX_RATIO, check_inflated_size
from resume_checker.errors import ResumeCheckerError, UnsupportedFormatError
from resume_checker.limits import MB, Limits

CASES = {case.name: case for case in corpus.CASES}
SECONDS = 10.0  # the per-file wall-time limit; in-process reads must fit it too


def _text(document) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(line.text for page in document.pages for line in page.lines)


@pytest.mark.parametrize("name", list(CASES))
def test_library_reads_or_refuses_each_hostile_file(name: str, hostile_dir: Path) -> None:
    case = CASES[name]
    parse = parse_document_isolated if case.isolated else parse_document
    started = time.monotonic()
    if case.expect == "error":
        with pytest.raises(ResumeCheckerError) as info:
            parse(hostile_dir / name)
        assert info.value.code == case.code, info.value
        assert case.reason.lower() in str(info.value).lower()
        assert name in str(info.value)  # the message names the file
    else:
        document = parse_document(hostile_dir / name)
        codes = {notice.code for notice in document.notices}
        if case.notice:
            assert case.notice in codes, codes
        assert corpus.SECRET not in _text(document)
        assert len(_text(document)) <= Limits().max_chars + 10_000  # line breaks aside
        assert document.page_count <= 20_000 and len(document.pages) <= Limits().max_pages
    assert time.monotonic() - started < SECONDS


# in process; long_line.txt (1,000,000 characters to match, ~2 s) is checked by the CLI test
@pytest.mark.parametrize(
    "name", [n for n, c in CASES.items() if c.expect == "read" and n != "long_line.txt"]
)
def test_api_check_scores_each_readable_hostile_file(name: str, hostile_dir: Path) -> None:
    report = check(hostile_dir / name)
    assert 0 <= report.score.value <= 100


@pytest.mark.parametrize("name", list(CASES))
def test_cli_check_exits_with_a_reason(name: str, hostile_dir: Path) -> None:
    case = CASES[name]
    result = CliRunner().invoke(app, ["check", str(hostile_dir / name), "--format", "json"])
    assert not isinstance(result.exception, (RecursionError, MemoryError)), result.exception
    if case.expect == "error":
        assert result.exit_code == 3, result.output
        assert case.reason.lower() in result.stderr.lower()
    else:
        assert result.exit_code == 0, (result.exception, result.stderr)
        assert corpus.SECRET not in result.stdout


@pytest.mark.parametrize("name", ["form_bomb.pdf", "user_password.pdf", "many_pages.pdf"])
def test_isolated_parse_gives_the_same_outcome_as_in_process(name: str, hostile_dir: Path) -> None:
    case = CASES[name]
    if case.expect == "error":
        with pytest.raises(ResumeCheckerError) as info:
            parse_document_isolated(hostile_dir / name)
        assert type(info.value).__name__ != "ResumeCheckerError" and info.value.code == case.code
        assert info.value.source == name
    else:
        assert parse_document_isolated(hostile_dir / name) == parse_document(hostile_dir / name)


def test_isolated_parse_stops_at_the_time_limit(hostile_dir: Path) -> None:
    limits = Limits(time_seconds=0.05, memory_mb=0)
    with pytest.raises(ResumeCheckerError, match="took longer than 0.05 s"):
        parse_document_isolated(hostile_dir / "form_bomb.pdf", limits=limits)


def test_password_protected_pdf_says_so(hostile_dir: Path) -> None:
    with pytest.raises(ResumeCheckerError, match="password-protected"):
        parse_document(hostile_dir / "user_password.pdf")
    assert "Python" in _text(parse_document(hostile_dir / "owner_password.pdf"))


def test_true_type_wins_over_the_name(hostile_dir: Path) -> None:
    assert parse_document(hostile_dir / "pdf_named.docx").format == "pdf"
    assert parse_document(hostile_dir / "docx_named.pdf").format == "docx"
    assert parse_document(hostile_dir / "text_named.pdf").format == "text"


def test_twenty_thousand_pages_read_only_up_to_the_page_limit(hostile_dir: Path) -> None:
    document = parse_document(hostile_dir / "many_pages.pdf", limits=Limits(max_pages=3))
    assert document.page_count == 20_000 and len(document.pages) == 3
    notice = next(n for n in document.notices if n.code == "page_limit")
    assert "only the first 3 of 20000 pages were read" in notice.message


def test_long_line_is_cut_at_the_character_limit_with_a_notice(hostile_dir: Path) -> None:
    document = parse_document(hostile_dir / "long_line.txt", limits=Limits(max_chars=5_000))
    assert len(_text(document)) == 5_000
    notice = next(n for n in document.notices if n.code == "text_limit")
    assert "the rest was not checked" in notice.message


def test_external_entities_are_never_expanded(hostile_dir: Path) -> None:
    text = _text(parse_document(hostile_dir / "xxe.docx"))
    assert "Jane Doe" in text and "Python" in text
    assert corpus.SECRET not in text


def test_inflating_pdf_stream_is_stopped_by_the_inflate_limit(hostile_dir: Path) -> None:
    """Regression: a 400 KB PDF whose content stream inflates to 400 MB made PDFium take ~850
    MB in process and abort a batch worker (signal 6) with no plain reason."""
    with pytest.raises(ResumeCheckerError) as info:
        parse_document(hostile_dir / "inflating.pdf")
    assert info.value.code == "limit_exceeded"
    assert "decompression bomb" in str(info.value)
    smaller = corpus.inflating_pdf(inflated_mb=3)
    assert check_inflated_size(smaller, source="x", limits=Limits()) > 3 * MB
    with pytest.raises(ResumeCheckerError, match="max_inflated_bytes"):
        check_inflated_size(smaller, source="x", limits=Limits(max_inflated_bytes=2 * MB))


def test_inflate_guard_counts_nothing_for_ordinary_pdfs() -> None:
    assert check_inflated_size(corpus.text_pdf(), source="x", limits=Limits()) == 0
    assert check_inflated_size(corpus.image_only_pdf(), source="x", limits=Limits()) == 0


@pytest.mark.parametrize("byte", [b"\0", b" ", b"a"])
def test_deflate_never_expands_past_the_ratio_the_guard_relies_on(byte: bytes) -> None:
    for size in (1 * MB, 20 * MB):
        packed = zlib.compress(byte * size, 9)
        assert size <= DEFLATE_MAX_RATIO * len(packed)


def test_a_file_too_small_to_hold_a_bomb_is_not_scanned(monkeypatch: pytest.MonkeyPatch) -> None:
    def scan(*args: object, **kwargs: object) -> int:
        raise AssertionError("scanned")

    monkeypatch.setattr(pdf_inflate, "check_inflated_size", scan)
    assert parse_document(corpus.text_pdf()).lines
    with pytest.raises(AssertionError, match="scanned"):  # a large one still is
        parse_document(corpus.text_pdf(), limits=Limits(max_inflated_bytes=1))


def test_a_small_bomb_is_stopped_under_a_small_inflate_limit() -> None:
    with pytest.raises(ResumeCheckerError, match="max_inflated_bytes"):
        parse_document(corpus.inflating_pdf(inflated_mb=3),
                       limits=Limits(max_inflated_bytes=2 * MB))


def test_mz_executable_is_not_sniffed_as_text() -> None:
    """Regression: a Windows program (MZ header, then mostly printable bytes) was read as text."""
    with pytest.raises(UnsupportedFormatError, match="a program"):
        sniff(corpus.mz_executable(), source="setup.txt")
    for magic in (b"\x7fELF\x02\x01\x01", b"\xcf\xfa\xed\xfe\x07\x00\x00\x01"):
        with pytest.raises(UnsupportedFormatError, match="a program"):
            sniff(magic + b"A" * 4000, source="tool")
    # a text file that merely starts with the letters MZ is still text
    assert sniff(b"MZ Consulting, Jane Doe\nPython\n", source="cv.txt").value == "text"


def test_resume_at_the_character_limit_in_many_lines_can_be_tokenized() -> None:
    """Regression: a text resume at max_chars in many lines (1,000,000 characters plus the line
    joins) made spaCy's make_doc raise ValueError [E088]: a 500 in the web app."""
    from resume_checker.matching.tokenizer import text_tokens

    text = "PyTorch CUDA\n" * (Limits().max_chars // 13 + 1_000)
    assert len(text) > 1_000_000
    assert len(text_tokens(text).words) > 150_000


def test_library_and_cli_check_never_touch_the_network(
    hostile_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sockets blocked in this process: reading every file and checking the DOCX ones with
    external entities and remote templates makes no connection and no name lookup."""
    import netguard

    attempts: list[str] = []
    netguard.block_network(monkeypatch, attempts)
    for name, case in CASES.items():
        if case.isolated:
            continue
        with contextlib.suppress(ResumeCheckerError):
            parse_document(hostile_dir / name)
    for name in ("remote_template.docx", "xxe.docx"):
        check(hostile_dir / name)
        result = CliRunner().invoke(app, ["check", str(hostile_dir / name)])
        assert result.exit_code == 0, result.stderr
    assert attempts == []


def _outside_code_fences(markdown: str) -> str:
    """The Markdown a renderer would read as markup: fenced code blocks (CommonMark: closed by
    a fence at least as long as the opening one) are literal text and are left out."""
    out, fence = [], ""
    for line in markdown.splitlines():
        stripped = line.lstrip()
        run = len(stripped) - len(stripped.lstrip("`"))
        if not fence and run >= 3:
            fence = "`" * run
        elif fence and run >= len(fence) and not stripped.strip("`"):
            fence = ""
        elif not fence:
            out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_injected_markup_is_inert_in_reports(fmt: str, hostile_dir: Path, tmp_path: Path) -> None:
    from resume_checker.render import render

    fence_break = tmp_path / "fence.txt"
    fence_break.write_text("Jane Doe\n```\n<script>alert(1)</script> CUDA\n````\n"
                           "<img src=x onerror=alert(2)> JAX\n")
    for path in (hostile_dir / "injection.txt", fence_break):
        out = render(check(path), fmt)
        assert "alert(1)" in out and "alert(2)" in out  # the hostile lines are quoted...
        live = _outside_code_fences(out) if fmt == "md" else out
        for mark in ("<script>alert", "<img src=x", 'href="javascript', "](javascript"):
            assert mark not in live, (path.name, mark)  # ...but never as live markup
