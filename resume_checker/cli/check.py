"""`check` and `text`: one resume, parsed in a child process with the per-file limits, then
checked against a keyword set or a job ad, or printed as the matcher reads it."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from resume_checker.cli.options import (
    FORMAT_BY_SUFFIX,
    ExitCode,
    err,
    errors_to_exit_codes,
    format_by_extension,
    format_option,
    output_option,
    stdout_is_terminal,
    write_output,
)
from resume_checker.defaults import DEFAULT_SET

if TYPE_CHECKING:
    from resume_checker.documents.model import Document
    from resume_checker.report import Report


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"


class AtsMode(StrEnum):
    normal = "normal"
    exact = "exact"


SetOption = Annotated[
    str,
    typer.Option(
        "--set",
        "-s",
        help="Keyword set: a bundled or saved id (see `sets list`) or a path to a YAML file.",
    ),
]


def check(
    resume: Annotated[
        Path, typer.Argument(help="The resume: PDF, DOCX, TXT or MD.", show_default=False)
    ],
    keyword_set: SetOption = DEFAULT_SET,
    jd: Annotated[
        str | None,
        typer.Option(
            "--jd",
            help="A job ad (TXT/MD/PDF/DOCX file, or - for standard input) to check "
            "against instead "
            "of a keyword set: the ad becomes a keyword set on the fly.",
        ),
    ] = None,
    fmt: Annotated[
        ReportFormat | None,
        format_option("Report format (default: from --output's extension, else text)."),
    ] = None,
    output: Annotated[Path | None, output_option("Write the report to this file.")] = None,
    fail_under: Annotated[
        float | None,
        typer.Option(
            "--fail-under", min=0, max=100, help="Exit with code 1 when the score is below this."
        ),
    ] = None,
    color: Annotated[
        bool | None,
        typer.Option("--color/--no-color", help="Colour the text report (default: on a terminal)."),
    ] = None,
    include_hidden: Annotated[
        bool,
        typer.Option(
            "--include-hidden",
            help="Also match and score hidden text (white, tiny, off the page), for comparison; "
            "by default it is reported but not scored.",
        ),
    ] = False,
    ocr: Annotated[
        bool,
        typer.Option(
            "--ocr", help="Read PDF pages without text with tesseract OCR (approximate text)."
        ),
    ] = False,
    ats_view: Annotated[
        bool,
        typer.Option(
            "--ats-view",
            help="Add the text as an ATS reads it to the text report (JSON, Markdown and HTML "
            "always hold it).",
        ),
    ] = False,
    ats_mode: Annotated[
        AtsMode,
        typer.Option(
            "--ats-mode",
            help="exact: also score as an exact-string ATS search would (only terms written as "
            "the set lists them count), shown next to the normal score, with the terms to "
            "write out in full.",
        ),
    ] = AtsMode.normal,
) -> None:
    """Check one resume against a role keyword set (or a job ad) and explain the score."""
    from resume_checker.render import render

    kind = report_format(fmt, output)  # before any work: a bad -o is a usage error (exit 2)
    with errors_to_exit_codes():
        if jd is not None:
            report = _check_against_job_ad(resume, jd, include_hidden=include_hidden, ocr=ocr,
                                           ats_mode=ats_mode.value)
        else:
            report = _check_isolated(resume, keyword_set, include_hidden=include_hidden, ocr=ocr,
                                     ats_mode=ats_mode.value)
        use_color = color if color is not None else (output is None and stdout_is_terminal())
        write_output(render(report, kind, color=use_color, ats_view=ats_view), output)
    if fail_under is not None and report.scorable and report.score.value < fail_under:
        err(f"score {report.score.value:g} is under --fail-under {fail_under:g}")
        raise typer.Exit(ExitCode.BELOW_THRESHOLD)
    if fail_under is not None and not report.scorable:
        err("the resume could not be scored (see the report); treating it as under --fail-under")
        raise typer.Exit(ExitCode.BELOW_THRESHOLD)


def report_format(fmt: ReportFormat | None, output: Path | None) -> str:
    """``--format`` when given; else the format ``--output``'s extension names (.txt, .json,
    .md, .html), a usage error for any other (``-o x.pdf`` is not silently written as text);
    else text."""
    if fmt is not None:
        return fmt.value
    if output is None:
        return "text"
    return format_by_extension(output, FORMAT_BY_SUFFIX,
                               ".txt, .json, .md or .html, or give --format")


def _check_isolated(
    resume: Path, keyword_set: str, *, include_hidden: bool, ocr: bool, ats_mode: str = "normal"
) -> Report:
    """Load the set first (a bad set fails fast), then parse the resume in a child process
    with the per-file time and memory limits: a hostile PDF costs an error, not the machine.
    OCR needs the file's bytes beside the parse, so it runs in process."""
    from resume_checker.api import check as run_check

    if ocr:
        return run_check(resume, keyword_set, include_hidden=include_hidden, ocr=True,
                         ats_mode=ats_mode)
    from resume_checker.documents.isolated import parse_document_isolated
    from resume_checker.keywords.loader import load_keyword_set
    from resume_checker.matching import compile_matcher

    kwset = load_keyword_set(keyword_set)
    # spaCy's import and the matcher's compilation overlap the parse in the child process.
    document = parse_document_isolated(resume, meanwhile=lambda: compile_matcher(kwset))
    return run_check(document, kwset, include_hidden=include_hidden, ats_mode=ats_mode)


def _check_against_job_ad(
    resume: Path, jd: str, *, include_hidden: bool, ocr: bool, ats_mode: str = "normal"
) -> Report:
    """``--jd``: the ad from standard input (``-``) or a file; each file is parsed in a child
    process with the per-file limits, as plain ``check`` parses the resume (with ``--ocr`` the
    resume is read in process, as ``check --set --ocr`` reads it)."""
    from resume_checker.api import check_against_job_ad, read_resume
    from resume_checker.documents.isolated import parse_document_isolated

    job_text, job_source = read_job_ad(jd)

    def parse() -> Document:
        return read_resume(resume, ocr=True) if ocr else parse_document_isolated(resume)

    return check_against_job_ad(parse, job_text, source=job_source,
                                include_hidden=include_hidden, ats_mode=ats_mode)


def read_job_ad(jd: str) -> tuple[str, str]:
    """The job ad's text and name: standard input for ``-`` ("<stdin>"), else the file, parsed
    in a child process with the per-file limits (TXT, MD, PDF or DOCX)."""
    from resume_checker.documents.isolated import parse_document_isolated

    if jd == "-":
        return sys.stdin.read(), "<stdin>"
    job = parse_document_isolated(Path(jd))
    return job.text, job.source


def text(
    resume: Annotated[
        Path, typer.Argument(help="The resume: PDF, DOCX, TXT or MD.", show_default=False)
    ],
    sections: Annotated[
        bool, typer.Option("--sections", help="Prefix each line with its section label.")
    ] = False,
    locations: Annotated[
        bool, typer.Option("--locations", help="Prefix each line with page:line.")
    ] = False,
) -> None:
    """Print the extracted plain text in reading order: exactly what the matcher sees."""
    from resume_checker.documents.isolated import parse_document_isolated

    with errors_to_exit_codes():
        document = parse_document_isolated(resume)
    for notice in document.notices:
        err(f"{notice.severity.value}: {document.source}: {notice.message}")
    out: list[str] = []
    for page in document.pages:
        for line in page.lines:
            prefix = ""
            if locations:
                prefix += f"{line.page}:{line.number}\t"
            if sections:
                prefix += f"[{line.section.value}{'*' if line.is_heading else ''}]\t"
            out.append(prefix + line.text)
        out.append("")
    sys.stdout.write("\n".join(out).rstrip("\n") + "\n")
