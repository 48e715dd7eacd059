"""The Typer app: parses flags, calls the library, maps errors to exit codes.

No scoring or parsing logic lives here; every command is a thin shell over
:mod:`resume_checker.api` and the pure renderers in :mod:`resume_checker.render`.
"""

from __future__ import annotations

import gc
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from resume_checker.cli.options import (
    EXIT_CODES_HELP,
    ExitCode,
    err,
    errors_to_exit_codes,
    format_for,
    format_option,
    output_option,
    stdout_is_terminal,
    write_output,
)
from resume_checker.defaults import DEFAULT_SET
from resume_checker.version import __version__

if TYPE_CHECKING:
    from resume_checker.report import Report

app = typer.Typer(
    name="resume-checker",
    help=(
        "Local-first resume keyword screening: an explained match score, the missing terms and "
        "certifications, and what an ATS would fail to read. Nothing leaves your machine.\n\n"
        + EXIT_CODES_HELP
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
sets_app = typer.Typer(
    help="List, show, validate and build role keyword sets.", no_args_is_help=True
)
app.add_typer(sets_app, name="sets")


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"resume-checker {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """resume-checker"""


SetOption = Annotated[
    str,
    typer.Option(
        "--set",
        "-s",
        help="Keyword set: a bundled or saved id (see `sets list`) or a path to a YAML file.",
    ),
]


@app.command()
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
) -> None:
    """Check one resume against a role keyword set (or a job ad) and explain the score."""
    from resume_checker.render import render

    with errors_to_exit_codes():
        if jd is not None:
            report = _check_against_job_ad(resume, jd)
        else:
            report = _check_isolated(resume, keyword_set, include_hidden=include_hidden, ocr=ocr)
        kind = format_for(fmt.value if fmt else None, output)
        if kind not in ("text", "json", "md", "html"):
            err(
                f"error: cannot write a {output.suffix if output else kind!r} report; "
                "use .txt, .json, .md or .html"
            )
            raise typer.Exit(ExitCode.USAGE)
        use_color = color if color is not None else (output is None and stdout_is_terminal())
        write_output(render(report, kind, color=use_color, ats_view=ats_view), output)
    if fail_under is not None and report.scorable and report.score.value < fail_under:
        err(f"score {report.score.value:g} is under --fail-under {fail_under:g}")
        raise typer.Exit(ExitCode.BELOW_THRESHOLD)
    if fail_under is not None and not report.scorable:
        err("the resume could not be scored (see the report); treating it as under --fail-under")
        raise typer.Exit(ExitCode.BELOW_THRESHOLD)


def _check_isolated(resume: Path, keyword_set: str, *, include_hidden: bool, ocr: bool) -> Report:
    """Load the set first (a bad set fails fast), then parse the resume in a child process
    with the per-file time and memory limits: a hostile PDF costs an error, not the machine.
    OCR needs the file's bytes beside the parse, so it runs in process."""
    from resume_checker.api import check as run_check

    if ocr:
        return run_check(resume, keyword_set, include_hidden=include_hidden, ocr=True)
    from resume_checker.documents.isolated import parse_document_isolated
    from resume_checker.keywords.loader import load_keyword_set
    from resume_checker.matching import compile_matcher

    kwset = load_keyword_set(keyword_set)
    # spaCy's import and the matcher's compilation overlap the parse in the child process.
    document = parse_document_isolated(resume, meanwhile=lambda: compile_matcher(kwset))
    return run_check(document, kwset, include_hidden=include_hidden)


def _check_against_job_ad(resume: Path, jd: str) -> Report:
    """``--jd``: the ad from standard input (``-``) or a file; each file is parsed in a child
    process with the per-file limits, as plain ``check`` parses the resume."""
    from resume_checker.api import check_against_job_ad
    from resume_checker.documents.isolated import parse_document_isolated

    if jd == "-":
        job_text, job_source = sys.stdin.read(), "<stdin>"
    else:
        job = parse_document_isolated(Path(jd))
        job_text, job_source = job.text, job.source
    return check_against_job_ad(lambda: parse_document_isolated(resume), job_text,
                                source=job_source)


@app.command()
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


@sets_app.command("list")
def sets_list() -> None:
    """List the bundled keyword sets and those saved in your user directory."""
    from rich.console import Console
    from rich.table import Table

    from resume_checker.keywords.loader import list_keyword_sets

    with errors_to_exit_codes():
        infos = list_keyword_sets()
    table = Table("id", "title", "terms", "where", box=None, pad_edge=False)
    for info in infos:
        table.add_row(info.id, info.title, str(info.term_count), str(info.path))
    Console(soft_wrap=True).print(table)


@sets_app.command("show")
def sets_show(
    ref: Annotated[str, typer.Argument(help="A set id or a path to a YAML file.")],
    as_yaml: Annotated[bool, typer.Option("--yaml", help="Print the set as YAML.")] = False,
) -> None:
    """Show a keyword set: categories, terms, aliases, weights, knock-outs."""
    from rich.console import Console
    from rich.table import Table

    from resume_checker.keywords.loader import dump_keyword_set, load_keyword_set

    with errors_to_exit_codes():
        kwset = load_keyword_set(ref)
    if as_yaml:
        sys.stdout.write(dump_keyword_set(kwset))
        return
    console = Console(soft_wrap=False)
    console.print(f"[bold]{kwset.title}[/bold] ({kwset.id}), {len(kwset.terms)} terms")
    if kwset.description:
        console.print(kwset.description)
    for cat_id, category in kwset.categories.items():
        terms = [t for t in kwset.terms if t.category == cat_id]
        table = Table(
            "term",
            "aliases",
            "weight",
            "required",
            title=f"{category.title} (weight {category.weight:g})",
            title_justify="left",
            box=None,
            pad_edge=False,
        )
        for term in terms:
            table.add_row(
                term.name,
                ", ".join(term.aliases),
                f"{term.weight:g}",
                "yes" if term.required else "",
            )
        console.print(table)


@sets_app.command("validate")
def sets_validate(
    files: Annotated[list[Path], typer.Argument(help="Keyword-set YAML files to check.")],
) -> None:
    """Check keyword-set files and print every problem (file, term, field, what is valid)."""
    from resume_checker.keywords.loader import validate_keyword_set_file

    bad = 0
    for path in files:
        problems = validate_keyword_set_file(path)
        if problems:
            bad += 1
            err(f"{path}: {len(problems)} problem(s)")
            for problem in problems:
                err(f"  - {problem}")
        else:
            typer.echo(f"{path}: ok")
    if bad:
        raise typer.Exit(ExitCode.INVALID_SET)


def _register_commands() -> None:
    """Commands whose shells live in their own modules (each imports only what it needs)."""
    from resume_checker.cli.batch import register as register_batch
    from resume_checker.cli.serve import serve
    from resume_checker.cli.sets_build import build as sets_build
    from resume_checker.cli.sets_tune import coverage, diff, learn

    register_batch(app)
    sets_app.command("build")(sets_build)
    sets_app.command("diff")(diff)
    sets_app.command("coverage")(coverage)
    sets_app.command("learn")(learn)
    app.command("serve")(serve)


_register_commands()


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    finally:
        # Output is written and flushed by now.  Freezing the heap spares the interpreter's
        # exit-time collection of spaCy's object graph (~0.15 s of a cold `check`); the
        # operating system frees the memory either way.
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    main()
