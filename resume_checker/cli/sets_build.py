"""`resume-checker sets build`: draft a keyword set from role documents.

:func:`build` is registered on the ``sets`` Typer app.  Reading role documents goes through the
document parsers (TXT, MD, PDF, DOCX) or, for a CSV of job ads, through one column of it.
(``check --jd`` is :func:`resume_checker.api.check_against_job_ad`.)
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from resume_checker.cli.options import (
    ExitCode,
    err,
    errors_to_exit_codes,
    output_option,
    write_output,
)
from resume_checker.errors import UnreadableDocumentError
from resume_checker.limits import DEFAULT_LIMITS

if TYPE_CHECKING:
    from resume_checker.keywords.model import KeywordSet
    from resume_checker.tuning.builder import SourceText

_CSV_FIELD_LIMIT = 10 * 1024 * 1024


def read_csv_documents(
    path: Path,
    *,
    column: str,
    where: Sequence[str] = (),
    max_rows: int | None = None,
) -> list[SourceText]:
    """Non-empty cells of one CSV column as documents named ``file.csv#row<N>``, in file order.

    ``where`` holds ``COLUMN=TEXT`` filters: a row is kept when each named column contains
    the text (case-insensitive), e.g. ``title=Machine Learning Engineer``.
    """
    filters = []
    for item in where:
        name, sep, value = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"--csv-where needs COLUMN=TEXT, got {item!r}")
        filters.append((name.strip(), value.strip().lower()))
    data = path.read_bytes()
    if len(data) > DEFAULT_LIMITS.max_file_bytes * 10:
        raise UnreadableDocumentError("the CSV file is too large to build from", source=path.name)
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig", errors="replace")))
    missing = [c for c in (column, *(n for n, _ in filters)) if c not in (reader.fieldnames or [])]
    if missing:
        raise UnreadableDocumentError(
            f"no column {missing[0]!r}; columns are: {', '.join(reader.fieldnames or [])}",
            source=path.name,
        )
    from resume_checker.tuning.builder import SourceText

    documents: list[SourceText] = []
    for number, row in enumerate(reader, start=2):
        text = (row.get(column) or "").strip()
        if not text or any(value not in (row.get(n) or "").lower() for n, value in filters):
            continue
        documents.append(SourceText(f"{path.name}#row{number}", text))
        if max_rows is not None and len(documents) >= max_rows:
            break
    return documents


def read_role_documents(
    paths: Sequence[Path],
    *,
    csv_column: str | None = None,
    csv_where: Sequence[str] = (),
    max_rows: int | None = None,
) -> list[SourceText]:
    """Role documents as text: CSV files by column, everything else through the parsers."""
    from resume_checker.documents import parse_document
    from resume_checker.tuning.builder import SourceText

    documents: list[SourceText] = []
    for path in paths:
        if path.suffix.lower() == ".csv":
            documents += read_csv_documents(
                path, column=csv_column or "description", where=csv_where, max_rows=max_rows
            )
        else:
            document = parse_document(path)
            documents.append(SourceText(document.source, document.text))
    return documents


def build(
    documents: Annotated[
        list[Path],
        typer.Argument(
            help="Role documents: job descriptions, career pages or notes (TXT, MD, PDF, DOCX), "
            "or a CSV of job ads (one ad a row; see --csv-column).",
            show_default=False,
        ),
    ],
    set_id: Annotated[
        str, typer.Option("--id", help="Id of the new set: lower-case words joined by '-'.")
    ],
    title: Annotated[str, typer.Option("--title", help="Title of the role, 'Data Scientist'.")],
    output: Annotated[
        Path | None, output_option("Write the draft YAML here (default: stdout).")
    ] = None,
    csv_column: Annotated[
        str, typer.Option("--csv-column", help="The CSV column that holds the job-ad text.")
    ] = "description",
    csv_where: Annotated[
        list[str] | None,
        typer.Option(
            "--csv-where",
            help="Keep CSV rows whose COLUMN contains TEXT (case-insensitive), e.g. "
            "'title=Data Scientist'. Repeat to combine.",
        ),
    ] = None,
    max_rows: Annotated[
        int | None,
        typer.Option("--max-rows", min=1, help="Use at most this many CSV rows, in file order."),
    ] = None,
    max_terms: Annotated[
        int, typer.Option("--max-terms", min=1, max=500, help="Keep at most this many terms.")
    ] = 80,
    description: Annotated[
        str | None, typer.Option("--description", help="Description written into the set.")
    ] = None,
    check_against: Annotated[
        Path | None,
        typer.Option(
            "--check-against",
            help="A folder of resumes to try the draft on: says how many its required terms "
            "knock out, and warns when they knock out every one.",
            file_okay=False,
        ),
    ] = None,
) -> None:
    """Build a draft keyword set from role documents, for a person to review.

    Terms come from a packaged vocabulary (O*NET Technology Skills and ESCO skills, CC BY 4.0,
    plus curated terms), certifications, licences and spoken languages the ads ask for, the
    title's field words, acronyms written in the documents and distinctive phrases.  Each ad is
    read by its parts: requirements set weights and (when they state a minimum) `required`;
    benefits, company and legal text give no terms.  Years of experience and the degree asked
    for become min_years_experience and education.  Every term carries a comment saying why.
    """
    from resume_checker.tuning.draft_yaml import render_draft_yaml

    with errors_to_exit_codes():
        texts = read_role_documents(
            documents, csv_column=csv_column, csv_where=csv_where or (), max_rows=max_rows
        )
        if not texts:
            err("error: no document text to build from (empty files or no matching CSV rows)")
            raise typer.Exit(ExitCode.UNREADABLE_INPUT)
        try:
            from resume_checker.tuning.builder import NothingToDraftError, build_keyword_set

            draft = build_keyword_set(
                texts, set_id=set_id, title=title, description=description, max_terms=max_terms
            )
        except NothingToDraftError:
            raise  # a KeywordSetError: errors_to_exit_codes prints it
        except ValueError as exc:  # pydantic: a bad --id or --title
            err(f"error: {exc}")
            raise typer.Exit(ExitCode.USAGE) from None
        write_output(render_draft_yaml(draft), output)
    if output is not None:
        err(f"wrote {len(draft.keyword_set.terms)} terms from {len(texts)} document(s) to {output}")
    if check_against is not None:
        _check_against(draft.keyword_set, check_against)


def _check_against(kwset: KeywordSet, folder: Path) -> None:
    """Try the draft on a folder of resumes: how many its required terms knock out."""
    from resume_checker.cli.sets_tune import read_resume_pool
    from resume_checker.tuning import coverage as cov

    pool = read_resume_pool(folder, kwset, False, None, None, False)
    result = cov.coverage(kwset, cov.presence(kwset, [doc for _, doc in pool.documents]))
    required = sum(t.required for t in kwset.terms)
    err(f"checked against {result.resumes} resume(s) of {folder}: {required} required term(s) "
        f"knock out {result.knocked_out}")
    warning = cov.knockout_warning(result)
    if warning:
        err(warning)
