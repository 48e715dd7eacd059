"""`sets diff`, `sets coverage` and `sets learn`: tune a keyword set with evidence.

Thin shells over :mod:`resume_checker.tuning.diff`, ``coverage`` and ``learn``; the integrator
registers them under ``resume-checker sets`` (``sets_app.command("diff")(diff)`` and so on).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from resume_checker.cli.options import (
    ExitCode,
    err,
    errors_to_exit_codes,
    format_by_extension,
    format_option,
    output_option,
    write_output,
)
from resume_checker.defaults import DEFAULT_SET
from resume_checker.limits import DEFAULT_LIMITS

SetOption = Annotated[str, typer.Option("--set", "-s", help="Keyword set id or YAML path.")]
CacheOption = Annotated[Path | None, typer.Option("--cache", help="Batch cache file (SQLite).")]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write a cache.")]
JobsOption = Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes.")]
RecursiveOption = Annotated[bool, typer.Option("--recursive", "-r", help="Walk sub-folders.")]


def diff(
    old: Annotated[str, typer.Argument(help="The old set: id or YAML path.")],
    new: Annotated[str, typer.Argument(help="The new set: id or YAML path.")],
    fmt: Annotated[str, format_option("text, json or md.")] = "text",
    output: Annotated[Path | None, output_option("Write to a file.")] = None,
) -> None:
    """Show what changed between two keyword sets: terms, weights, required, aliases, categories."""
    from resume_checker.keywords.loader import load_keyword_set
    from resume_checker.tuning import diff as d

    renderers = {"text": d.render_text, "json": d.render_json, "md": d.render_markdown}
    if fmt not in renderers:
        err(f"error: unknown format {fmt!r}; use text, json or md")
        raise typer.Exit(ExitCode.USAGE)
    with errors_to_exit_codes():
        result = d.diff_sets(load_keyword_set(old), load_keyword_set(new))
    if fmt == "text" and output is None:
        from rich.console import Console
        from rich.text import Text

        Console(soft_wrap=True).print(Text(d.render_text(result).rstrip("\n")))
        return
    write_output(renderers[fmt](result), output)


def read_resume_pool(folder: Path, kwset, recursive, jobs, cache, no_cache):
    """The readable resumes of a folder, read with the batch machinery (errors to stderr)."""
    from resume_checker.batch.cache import default_cache_path
    from resume_checker.batch.parsed import read_pool

    cache_path = None if no_cache else (cache or default_cache_path())
    limits = replace(DEFAULT_LIMITS)
    with errors_to_exit_codes():
        pool = read_pool([folder], kwset, recursive=recursive, jobs=jobs, limits=limits,
                         cache_path=cache_path)
    for name, reason in pool.failed:
        err(f"error: {name}: {reason}")
    err(f"read {len(pool.documents)} resume(s) ({pool.cached} from the cache), "
        f"{len(pool.failed)} failed, {pool.skipped} skipped")
    if not pool.documents:
        err("error: no readable resume found (PDF, DOCX, .txt, .md)")
        raise typer.Exit(ExitCode.UNREADABLE_INPUT)
    return pool


def coverage(
    folder: Annotated[Path, typer.Argument(help="A folder of resumes.")],
    keyword_set: SetOption = DEFAULT_SET,
    output: Annotated[Path | None, output_option(
        "Write .csv or .html (an inline-SVG chart).")] = None,
    recursive: RecursiveOption = False,
    jobs: JobsOption = None,
    cache: CacheOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """For each term, the share of the resumes that have it; flags terms no one or everyone has."""
    from resume_checker.keywords.loader import load_keyword_set
    from resume_checker.tuning import coverage as cov

    renderers = {".csv": cov.render_csv, ".html": cov.render_html, ".htm": cov.render_html}
    render = None if output is None else format_by_extension(output, renderers, ".csv or .html")
    with errors_to_exit_codes():
        kwset = load_keyword_set(keyword_set)
    pool = read_resume_pool(folder, kwset, recursive, jobs, cache, no_cache)
    result = cov.coverage(kwset, cov.presence(kwset, [doc for _, doc in pool.documents]))
    typer.echo(cov.render_text(result), nl=False)
    if output is not None and render is not None:
        write_output(render(result), output)
        err(f"wrote {output}")


def learn(
    folder: Annotated[Path, typer.Argument(help="A folder of resumes.")],
    labels: Annotated[Path, typer.Option(
        "--labels", help="CSV with columns file,shortlisted (yes/no, 1/0, true/false).")],
    keyword_set: SetOption = DEFAULT_SET,
    output: Annotated[Path | None, output_option(
        "The new set file (default: <id>-learned.yaml here); an existing file is never "
        "overwritten.")] = None,
    recursive: RecursiveOption = False,
    jobs: JobsOption = None,
    cache: CacheOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Learn weights and new terms from past shortlisting decisions; write a NEW set to review."""
    from resume_checker.keywords.loader import load_keyword_set
    from resume_checker.tuning import learn as lr

    with errors_to_exit_codes():
        kwset = load_keyword_set(keyword_set)
    target = output or Path(f"{kwset.id}-learned.yaml")
    if target.exists():
        err(f"error: {target} exists; choose another --output (a learned set never overwrites)")
        raise typer.Exit(ExitCode.USAGE)
    try:
        decisions = lr.parse_labels(labels.read_text(encoding="utf-8"), source=str(labels))
    except OSError as exc:
        err(f"error: cannot read {labels}: {exc.strerror or exc}")
        raise typer.Exit(ExitCode.USAGE) from None
    except lr.LabelsError as exc:
        err(f"error: {exc}")
        raise typer.Exit(ExitCode.USAGE) from None
    pool = read_resume_pool(folder, kwset, recursive, jobs, cache, no_cache)
    names = [name for name, _ in pool.documents]
    chosen, y, unknown = lr.pair_labels(names, decisions)
    for name in unknown[:10]:
        err(f"warning: label for {name!r} matches no readable resume (or several)")
    try:
        result = lr.learn(kwset, [pool.documents[i][1] for i in chosen], y,
                          unknown_labels=unknown)
    except lr.LabelsError as exc:
        err(f"error: {exc}")
        raise typer.Exit(ExitCode.USAGE) from None
    text = lr.render_learned_yaml(kwset, result)
    _print_learned(result)
    try:
        with open(target, "x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        err(f"error: {target} exists; choose another --output")
        raise typer.Exit(ExitCode.USAGE) from None
    err(f"wrote {target} (review it before use)")


def _print_learned(result) -> None:
    def auc(v):
        return "n/a" if v is None else f"{v:.3f}"

    typer.echo(f"{result.labelled} labelled resumes ({result.shortlisted} shortlisted), "
               f"{result.folds}-fold cross-validation")
    typer.echo(f"AUC of the current weights: {auc(result.auc_current)}; "
               f"of the learned model: {auc(result.auc_learned)}")
    changed = [w for w in result.weights if w.new_weight != w.old_weight]
    if changed:
        typer.echo("Weight changes:")
        for w in changed:
            typer.echo(f"  {w.term}: {w.old_weight:g} -> {w.new_weight:g} "
                       f"(coefficient {w.coefficient:+.2f})")
    if result.new_terms:
        typer.echo("Suggested new terms:")
        for n in result.new_terms:
            typer.echo(f"  {n.phrase}: in {n.shortlisted}/{n.shortlisted_total} shortlisted, "
                       f"{n.rejected}/{n.rejected_total} rejected")
