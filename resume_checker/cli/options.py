"""What every CLI command shares: exit codes, the error-to-exit-code map, the output options
(``--output`` / ``--format`` and the format an output file's extension names), output writing.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from enum import IntEnum
from pathlib import Path
from typing import Any, TypeVar

import typer

from resume_checker.errors import DocumentError, KeywordSetError, ResumeCheckerError

T = TypeVar("T")


class ExitCode(IntEnum):
    """Documented exit codes (README, `resume-checker --help`)."""

    OK = 0
    BELOW_THRESHOLD = 1  # check: score under --fail-under; batch: a file failed to be checked
    USAGE = 2  # bad flags or arguments (Typer's own code)
    UNREADABLE_INPUT = (
        3  # the resume could not be read (missing, unsupported, broken, password, limit)
    )
    INVALID_SET = 4  # the keyword set was not found or is invalid
    INTERNAL = 70  # a bug: please report it


EXIT_CODES_HELP = (
    "Exit codes: 0 ok; 1 score under --fail-under (batch: some files failed); 2 usage error; "
    "3 unreadable input; 4 keyword set not found or invalid."
)


def err(message: str) -> None:
    """Write a plain message to standard error (never resume text)."""
    typer.echo(message, err=True)


@contextmanager
def errors_to_exit_codes() -> Iterator[None]:
    """Turn library errors into a one-line message and the documented exit code."""
    try:
        yield
    except KeywordSetError as exc:
        err(f"error: {exc}")
        raise typer.Exit(ExitCode.INVALID_SET) from None
    except DocumentError as exc:
        err(f"error: {exc}")
        raise typer.Exit(ExitCode.UNREADABLE_INPUT) from None
    except ResumeCheckerError as exc:
        err(f"error: {exc}")
        raise typer.Exit(ExitCode.UNREADABLE_INPUT) from None


def output_option(help: str) -> Any:
    """``--output`` / ``-o``, with the command's own help (each writes its own kind of file)."""
    return typer.Option("--output", "-o", help=help)


def format_option(help: str) -> Any:
    """``--format`` / ``-f``, with the command's own help (each has its own formats)."""
    return typer.Option("--format", "-f", help=help)


def write_output(text: str, output: Path | None) -> None:
    """Write to the file asked for (UTF-8), or to standard output."""
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")


FORMAT_BY_SUFFIX = {
    ".json": "json",
    ".md": "md",
    ".markdown": "md",
    ".txt": "text",
    ".html": "html",
}


def format_for(fmt: str | None, output: Path | None, default: str = "text") -> str:
    """The explicit --format, else the output file's extension, else the default."""
    if fmt:
        return fmt
    if output is not None:
        return FORMAT_BY_SUFFIX.get(output.suffix.lower(), default)
    return default


def format_by_extension(path: Path, formats: Mapping[str, T], choices: str) -> T:
    """What ``formats`` gives the path's extension (a format name, a renderer); else a usage
    error (exit 2) that names the ``choices``."""
    fmt = formats.get(path.suffix.lower())
    if fmt is None:
        err(f"error: cannot tell the format of {path}; use {choices}")
        raise typer.Exit(ExitCode.USAGE)
    return fmt


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()
