"""The Typer app: parses flags, calls the library, maps errors to exit codes.

No scoring or parsing logic lives here; every command is a thin shell over
:mod:`resume_checker.api` and the pure renderers in :mod:`resume_checker.render`, in its own
module: :mod:`.check` (check, text), :mod:`.sets` and :mod:`.sets_build` / :mod:`.sets_tune`
(sets ...), :mod:`.batch` (batch, cache ...), :mod:`.serve`.
"""

from __future__ import annotations

import gc
from typing import Annotated

import typer

from resume_checker.cli.options import EXIT_CODES_HELP
from resume_checker.version import __version__

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


def _register_commands() -> None:
    """Commands whose shells live in their own modules, in the order `--help` lists them."""
    from resume_checker.cli.batch import register as register_batch
    from resume_checker.cli.check import check, text
    from resume_checker.cli.serve import serve
    from resume_checker.cli.sets import sets_list, sets_show, sets_validate
    from resume_checker.cli.sets_build import build as sets_build
    from resume_checker.cli.sets_tune import coverage, diff, learn

    app.command()(check)
    app.command()(text)
    sets_app.command("list")(sets_list)
    sets_app.command("show")(sets_show)
    sets_app.command("validate")(sets_validate)
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
