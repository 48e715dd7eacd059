"""The `batch` and `cache info|clear` commands: a thin shell over :mod:`resume_checker.batch`.

Register with :func:`register` (``register(app)``).  Exit codes for ``batch``:
0 every file was checked (warnings and skipped files allowed); 1 at least one file failed
(error rows in the outputs); 2 usage error; 3 no supported file was found; 4 keyword set not
found or invalid.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer

from resume_checker.batch.cache import DEFAULT_RETENTION_DAYS, Cache, default_cache_path
from resume_checker.batch.runs import Comparison, compare
from resume_checker.cli.options import (
    ExitCode,
    err,
    errors_to_exit_codes,
    format_by_extension,
    output_option,
)
from resume_checker.defaults import DEFAULT_SET
from resume_checker.limits import DEFAULT_LIMITS
from resume_checker.ranking import BatchResult, BatchRow, Status

OUTPUT_FORMATS = {".csv": "csv", ".json": "json", ".html": "html", ".htm": "html",
                  ".md": "md", ".markdown": "md"}
BATCH_EXIT_HELP = (
    "Exit codes: 0 every file checked (warnings/skipped allowed); 1 some files failed; "
    "2 usage error; 3 no supported file found; 4 keyword set not found or invalid."
)

cache_app = typer.Typer(help="Show or clear the batch cache of parsed resumes.",
                        no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add `batch` and `cache` to the main app."""
    app.command("batch", help=(batch.__doc__ or "") + "\n\n" + BATCH_EXIT_HELP)(batch)
    app.add_typer(cache_app, name="cache")


def batch(
    paths: Annotated[list[str], typer.Argument(
        help="Resume files and folders (mixed), or fsspec URLs (s3://, gs://, file://; needs "
        "fsspec and the protocol's package).", show_default=False)],
    keyword_set: Annotated[list[str] | None, typer.Option(
        "--set", "-s", help="Keyword set id or YAML path; repeat to score every resume against "
        f"several sets in one pass (ranked by the first).  [default: {DEFAULT_SET}]",
        show_default=False)] = None,
    recursive: Annotated[bool, typer.Option("--recursive", "-r", help="Walk sub-folders.")] = False,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes "
                                             "(default: CPU count); with --scheduler local, "
                                             "the Dask workers.")] = None,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Run on Dask: 'local' (a LocalCluster of --jobs workers) or a "
        "scheduler address such as tcp://HOST:8786 (workers must see the same paths). Needs "
        "pip install \"resume-checker\\[dask]\".")] = None,
    output: Annotated[list[Path] | None, output_option(
        "Write a report; format by extension: .csv .json .html .md (repeatable).")] = None,
    top: Annotated[int | None, typer.Option(
        "--top", min=1, help="Show the best K in the terminal (default: all of them, or the best "
        "25 when the ranking is also written to a file).")] = None,
    min_score: Annotated[float | None, typer.Option(
        "--min-score", min=0, max=100, help="Show only scores at or above S in the terminal.")]
    = None,
    blind: Annotated[bool, typer.Option("--blind", help="Leave names, e-mails, phones, links "
                                        "and file names out of every output.")] = False,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1,
                                           help="Seconds allowed per file.")]
    = DEFAULT_LIMITS.time_seconds,
    memory_mb: Annotated[int, typer.Option("--memory-mb", min=64,
                                           help="Memory limit per worker (MB).")]
    = DEFAULT_LIMITS.memory_mb,
    cache: Annotated[Path | None, typer.Option("--cache", help="Cache file (SQLite).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write a cache.")]
    = False,
    retention_days: Annotated[float, typer.Option(
        "--retention-days", min=0, help="Drop cache entries unused for this many days.")]
    = DEFAULT_RETENTION_DAYS,
    compare_to: Annotated[str | None, typer.Option(
        "--compare-to", help="Compare with an earlier run: LAST or a run id.")] = None,
    query: Annotated[str | None, typer.Option(
        "--query", "-q", help="Rank only resumes matching a boolean query, e.g. "
        "'(PyTorch OR JAX) AND CUDA AND NOT \"intern\"': AND, OR, NOT, parentheses, quoted "
        "phrases, a trailing * wildcard; words side by side are joined by AND; a word naming a "
        "term of --set uses its aliases.")] = None,
    jd: Annotated[str | None, typer.Option(
        "--jd", help="A job ad (TXT/MD/PDF/DOCX file, or - for standard input): rank by the "
        "keyword set drafted from it (any --set is scored beside it), with each resume's TF-IDF "
        "content similarity to the ad as its own column, ordering equal scores.")] = None,
    skill_depth: Annotated[bool, typer.Option(
        "--skill-depth", help="Add a 'skill depth' column to the CSV and HTML reports: each "
        "matched term's years of use in dated positions and the last year used.")] = False,
) -> None:
    """Check many resumes at once, rank them, and write CSV / JSON / HTML / Markdown reports."""
    from resume_checker.api import load_keyword_set

    outputs = _output_formats(output or [])
    if no_cache and compare_to:
        err("error: --compare-to needs the cache (drop --no-cache)")
        raise typer.Exit(ExitCode.USAGE)
    if scheduler is not None:
        _require_dask()
    job_ad = None
    with errors_to_exit_codes():
        if jd is not None:
            job_ad, kwsets = _job_ad_sets(jd, keyword_set or [])
        else:
            kwsets = [load_keyword_set(k) for k in dict.fromkeys(keyword_set or [DEFAULT_SET])]
    if query is not None:
        _check_query(query, kwsets[0])
    from resume_checker.batch.runner import (  # heavy: only when batching
        BatchOptions,
        run_batch,
        run_record,
    )

    cache_path = None if no_cache else (cache or default_cache_path())
    previous = _previous_run(cache_path, compare_to, retention_days) if compare_to else None
    options = BatchOptions(
        recursive=recursive,
        jobs=jobs,
        limits=replace(DEFAULT_LIMITS, time_seconds=timeout, memory_mb=memory_mb),
        cache_path=cache_path,
        retention_days=retention_days,
        blind=blind,
        want_json="json" in outputs.values(),
        query=query,
        scheduler=scheduler,
        job_ad=job_ad,
    )
    with errors_to_exit_codes(), _usage_errors(), _Progress() as progress:
        result = run_batch(paths, kwsets, options, on_start=progress.start,
                           on_row=progress.advance)
    for path, fmt in outputs.items():
        _write(path, _renderer(fmt, skill_depth)(result))
        err(f"wrote {path}")
    _print_table(result, top=top, min_score=min_score, written=list(outputs))
    if previous is not None:
        labels = {r.path: r.file for r in result.rows} if blind else None
        _print_comparison(compare(run_record(result), previous, top=top or 10,
                                  pass_score=min_score or result.pass_score, labels=labels))
    _print_summary(result)
    filtered = any(r.code == "filtered_by_query" for r in result.rows)
    if not result.ranked and not result.count(Status.ERROR) and not filtered:
        err("error: no supported resume files found (PDF, DOCX, .txt, .md)")
        raise typer.Exit(ExitCode.UNREADABLE_INPUT)
    if result.failed:
        raise typer.Exit(ExitCode.BELOW_THRESHOLD)


@cache_app.command("info")
def cache_info(
    cache: Annotated[Path | None, typer.Option("--cache", help="Cache file (SQLite).")] = None,
) -> None:
    """Where the cache is, how many parsed resumes and runs it holds, and its size."""
    path = cache or default_cache_path()
    if not path.exists():
        typer.echo(f"cache: {path} (not created yet)")
        return
    with Cache(path, retention_days=None) as db:
        info = db.info()
        runs = db.runs()[:5]
    oldest = time.strftime("%Y-%m-%d", time.localtime(info.oldest)) if info.oldest else "-"
    typer.echo(f"cache: {info.path}\ndocuments: {info.documents}\nanalyses: {info.analyses}\n"
               f"files remembered: {info.files}\nruns: {info.runs}\n"
               f"size: {info.bytes / 1048576:.1f} MB\noldest entry: {oldest}")
    for run_id, created, set_id in runs:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(created))
        typer.echo(f"  run {run_id}  {when}  set {set_id}")


@cache_app.command("clear")
def cache_clear(
    cache: Annotated[Path | None, typer.Option("--cache", help="Cache file (SQLite).")] = None,
) -> None:
    """Delete every cached document and analysis, remembered file and recorded run."""
    path = cache or default_cache_path()
    if path.exists():
        with Cache(path, retention_days=None) as db:
            db.clear()
    typer.echo(f"cleared {path}")


# ---------------------------------------------------------------- helpers


def _job_ad_sets(jd: str, named: list[str]) -> tuple[str, list[Any]]:
    """``--jd``: the ad's text, and the set drafted from it first (the ranking one), then the
    named sets (an ad with no recognisable term stops here, before any resume is read)."""
    from resume_checker.api import draft_job_ad, load_keyword_set
    from resume_checker.cli.check import read_job_ad

    text, source = read_job_ad(jd)
    drafted = draft_job_ad(text, source=source).keyword_set
    return text, [drafted, *(load_keyword_set(k) for k in dict.fromkeys(named))]


def _output_formats(paths: list[Path]) -> dict[Path, str]:
    return {path: format_by_extension(path, OUTPUT_FORMATS, ".csv, .json, .html or .md")
            for path in paths}


def _renderer(fmt: str, skill_depth: bool = False) -> Callable[[BatchResult], str]:
    from functools import partial

    from resume_checker.render import batch_csv, batch_html, batch_json, batch_markdown

    if skill_depth and fmt in ("csv", "html"):
        return partial({"csv": batch_csv, "html": batch_html}[fmt].render, skill_depth=True)
    modules = {"csv": batch_csv, "json": batch_json, "html": batch_html, "md": batch_markdown}
    return modules[fmt].render


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def _require_dask() -> None:
    from resume_checker.batch.dask_backend import DaskUnavailableError, require_dask

    try:
        require_dask()
    except DaskUnavailableError as exc:
        err(f"error: {exc}")
        raise typer.Exit(ExitCode.USAGE) from None


@contextmanager
def _usage_errors() -> Iterator[None]:
    """A URL input that fsspec cannot open is the user's to fix: exit 2, with the package."""
    from resume_checker.batch.remote import RemoteInputError

    try:
        yield
    except RemoteInputError as exc:
        err(f"error: {exc}")
        raise typer.Exit(ExitCode.USAGE) from None


def _check_query(query: str, kwset) -> None:
    """A malformed query stops the batch before any file is read (exit 2, caret at the column)."""
    from resume_checker.matching.query import QueryError, compile_query

    try:
        compile_query(query, kwset)
    except QueryError as exc:
        err(f"error: {exc}")
        raise typer.Exit(ExitCode.USAGE) from None


def _previous_run(cache_path: Path | None, ref: str, retention_days: float):
    if cache_path is None or not cache_path.exists():
        err(f"error: no earlier run {ref!r}: the cache is empty")
        raise typer.Exit(ExitCode.USAGE)
    with Cache(cache_path, retention_days=retention_days) as db:
        run = db.run(ref)
    if run is None:
        err(f"error: no earlier run {ref!r} in the cache (see `resume-checker cache info`)")
        raise typer.Exit(ExitCode.USAGE)
    return run


class _Progress:
    """A Rich bar (count, rate, ETA) on a terminal; a line every 5% otherwise.  Stderr only."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.total = 0
        self.done = 0
        self.started = time.monotonic()
        self.next_line = 0

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def start(self, total: int) -> None:
        self.total = total
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[rate]}/s"), TimeRemainingColumn(),
                                console=Console(stderr=True), transient=True)
            self.task = self.bar.add_task("batch", total=total, rate="-")
            self.bar.start()
        else:
            err(f"checking {total} file(s)")

    def advance(self, row: BatchRow) -> None:
        self.done += 1
        rate = self.done / max(time.monotonic() - self.started, 1e-6)
        if self.bar is not None:
            self.bar.update(self.task, advance=1, rate=f"{rate:.1f}")
        elif self.done >= self.next_line or self.done == self.total:
            err(f"checked {self.done}/{self.total} ({rate:.1f}/s)")
            self.next_line = self.done + max(1, self.total // 20)


#: rows the terminal shows when the ranking also went to a file and no --top was given
TERMINAL_ROWS = 25


def _print_table(
    result: BatchResult, *, top: int | None, min_score: float | None, written: list[Path]
) -> None:
    """The ranking in the terminal: the best ``top`` rows; without ``--top``, every row when no
    file was asked for (the terminal is the only place to see them), else the best 25 (the files
    hold them all; a table of thousands of rows would scroll the summary away)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    rows = [r for r in result.ranked if min_score is None
            or (r.summary and r.summary.scorable and (r.score or 0) >= min_score)]
    shown = top or (TERMINAL_ROWS if written else None)
    more = len(rows) - shown if shown and len(rows) > shown else 0
    rows = rows[:shown] if shown else rows
    table = Table(title=f"Ranking: {result.set_title}", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("file")
    table.add_column("score", justify="right")
    for info in result.extra_sets:
        table.add_column(f"score: {info.id}", justify="right")
    if result.with_similarity:
        table.add_column("similarity", justify="right")
    for name in ("band", "missing required", "top missing"):
        table.add_column(name)
    for row in rows:
        s = row.summary
        assert s is not None
        table.add_row(
            str(row.rank), Text(row.file),
            *(f"{x.score:.1f}" if x.scorable else "n/a" for x in row.summaries),
            *([_similarity(s.content_similarity)] if result.with_similarity else []),
            Text(s.band or ""), Text(", ".join(s.missing_required), style="red"),
            Text(", ".join(s.missing[:3])),
        )
    Console(soft_wrap=False).print(table)
    if more and not top:
        files = ", ".join(str(path) for path in written)
        typer.echo(f"... and {more} more in {files} (--top N shows more here)")


def _similarity(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _print_comparison(c: Comparison) -> None:
    typer.echo(f"\nCompared with run {c.previous_id}"
               + ("" if c.same_set else " (the keyword set has changed since)") + ":")
    for label, names in ((f"entered the top {c.top}", c.entered_top),
                         (f"left the top {c.top}", c.left_top),
                         ("now passing", c.now_passing), ("no longer passing", c.no_longer_passing),
                         ("new files", c.new), ("files gone", c.gone)):
        if names:
            typer.echo(f"  {label}: {', '.join(names)}")
    for move in c.moves:
        typer.echo(f"  {move.file}: #{move.before} -> #{move.after} ({move.change:+d})")
    if not (c.entered_top or c.left_top or c.now_passing or c.no_longer_passing or c.new
            or c.gone or c.moves):
        typer.echo("  no changes in the ranking")


def _print_summary(result: BatchResult) -> None:
    checked = len(result.ranked) + result.count(Status.ERROR)
    rate = checked / result.seconds if result.seconds else 0.0
    filtered = sum(1 for r in result.rows if r.code == "filtered_by_query")
    for row in result.rows:
        if row.status in (Status.ERROR, Status.SKIPPED):
            err(f"{row.status.value}: {row.file}: {row.error}")
    err(f"{result.count(Status.OK)} ok, {result.count(Status.WARNING)} with warnings, "
        f"{result.count(Status.ERROR)} errors, {result.count(Status.SKIPPED) - filtered} skipped, "
        f"{filtered} filtered by the query "
        f"in {result.seconds:.1f} s ({rate:.1f} files/s); run {result.run_id}")
