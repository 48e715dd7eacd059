"""`sets list`, `sets show` and `sets validate`: the bundled and saved keyword sets."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from resume_checker.cli.options import ExitCode, err, errors_to_exit_codes


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
