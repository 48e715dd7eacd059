"""Batch speed on the livecareer corpus (2,484 PDFs), all figures printed by one run.

Run:  .venv/bin/python benchmarks/bench_batch.py [--corpus DIR] [--jobs 2] [--limit N]
                                                 [--baseline-files 40] [--set ID] [--jd AD]

1. end to end: discover, parse, match, score, rank, write the CSV, with a fresh cache
   (so cache writes are included) and ``--jobs`` worker processes.  Target >= 80 resumes/s.
2. naive baseline: pdfplumber ``extract_text()`` + one case-insensitive regex per term,
   single process, measured on ``--baseline-files`` files spread over the corpus and
   extrapolated per file (it is far too slow to run on all of them); reported per core and,
   for a fair ratio against ``--jobs`` workers, scaled by the same number of cores.
   Target: batch >= 20x baseline.
3. re-ranking from the cache with an edited set (one term added, one weight changed):
   every document comes from the cache, nothing is parsed.  Target >= 1,000 resumes/s.
4. peak resident memory of one worker (the largest over the run).  Target < 300 MB.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "resumes-livecareer"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N files")
    parser.add_argument("--baseline-files", type=int, default=40)
    parser.add_argument("--set", default="neural-network-architect")
    parser.add_argument("--jd", type=Path, default=None,
                        help="a job ad: every run also gets each resume's content similarity "
                             "to it (BatchOptions.job_ad, as `batch --jd`)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each timed figure; the best is reported (timeit's rule: "
                             "on a shared or virtual machine, slower runs measure the neighbours)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"SKIPPED: corpus folder {args.corpus} is absent (../shared is not checked out here);"
              " no figures measured.")
        return 0

    from resume_checker.api import load_keyword_set
    from resume_checker.batch.runner import BatchOptions, run_batch
    from resume_checker.documents.pdf.boxes import box_loop
    from resume_checker.keywords.model import Term
    from resume_checker.render import batch_csv

    kwset = load_keyword_set(args.set)
    job_ad = args.jd.read_text(encoding="utf-8") if args.jd else None
    files = sorted(args.corpus.rglob("*.pdf"))
    if args.limit:
        files = files[: args.limit]
    inputs = [str(f) for f in files]
    print(f"corpus: {args.corpus} ({len(files)} PDFs), set {kwset.id} ({len(kwset.terms)} terms), "
          f"{args.jobs} workers, best of {args.repeat} runs (all runs in brackets)")
    print(f"PDF character boxes: {box_loop()}")
    if args.jd:
        print(f"job ad: {args.jd} (each row's content similarity to it; equal scores ordered "
              "by it)")

    with tempfile.TemporaryDirectory() as tmp:
        cache_path = Path(tmp) / "cache.sqlite3"

        def cold(cache: Path | None):
            for part in (cache, Path(f"{cache}-wal"), Path(f"{cache}-shm")) if cache else ():
                part.unlink(missing_ok=True)
            result = run_batch(inputs, kwset, BatchOptions(jobs=args.jobs, cache_path=cache,
                                                           job_ad=job_ad))
            (Path(tmp) / "ranking.csv").write_text(batch_csv.render(result), encoding="utf-8")
            return result

        cold_s, result = _best(args.repeat, lambda: cold(cache_path))
        errors = [r for r in result.rows if r.error]
        batch_rate = len(files) / min(cold_s)
        print(f"\n1. end to end (discover, parse, check, match, score, rank, CSV; cache written): "
              f"{len(files)} files in {min(cold_s):.1f} s = {batch_rate:.1f} resumes/s "
              f"[{_rates(len(files), cold_s)}] ({len(result.ranked)} ranked, {len(errors)} errors)"
              f"   target >= 80")
        for row in errors[:5]:
            print(f"   error: {row.file}: {row.error}")
        bare_s, _ = _best(args.repeat, lambda: cold(None))
        print(f"   the same without the cache (--no-cache): {len(files) / min(bare_s):.1f} "
              f"resumes/s [{_rates(len(files), bare_s)}]")

        base_files = files[:: max(1, len(files) // args.baseline_files)][: args.baseline_files]
        spellings = [t.spellings for t in kwset.terms]
        base_s = [naive_baseline(base_files, spellings) for _ in range(max(1, args.repeat))]
        base_rate = 1 / min(base_s)
        print(f"\n2. naive baseline (pdfplumber extract_text + a regex per term), measured on "
              f"{len(base_files)} files, extrapolated: {min(base_s) * 1000:.0f} ms/file = "
              f"{base_rate:.2f} resumes/s on one core, {base_rate * args.jobs:.2f} on {args.jobs}")
        print(f"   ratio batch / baseline: {batch_rate / base_rate:.0f}x per-core baseline, "
              f"{batch_rate / (base_rate * args.jobs):.0f}x same-cores baseline   target >= 20x")

        cold(cache_path)  # the cache the re-ranks read: this set, today
        edited = kwset.model_copy(update={"terms": _edited_terms(kwset, Term)})
        options = BatchOptions(jobs=args.jobs, cache_path=cache_path, job_ad=job_ad)
        warm_s, again = _best(args.repeat, lambda: run_batch(inputs, edited, options))
        warm = min(warm_s)
        cached = sum(1 for r in again.rows if r.cached)
        pairs = zip(result.ranked, again.ranked, strict=False)
        moved = sum(1 for a, b in pairs if a.file != b.file)
        print(f"\n3. re-rank from cache with an edited set: {len(files)} files in {warm:.2f} s = "
              f"{len(files) / warm:.0f} resumes/s [{_rates(len(files), warm_s)}] ({cached} from "
              f"cache, {moved} rank positions changed hands), {min(cold_s) / warm:.1f}x end to end"
              f"   target >= 1000")
        command_s = [] if args.limit else _best(
            args.repeat, lambda: rerank_command(args.corpus, edited, cache_path, tmp))[0]
        if command_s:  # the whole corpus folder only (not with --limit)
            print(f"   as a command (a new process: Python, spaCy and the workers start, CSV "
                  f"written): {min(command_s):.2f} s = {len(files) / min(command_s):.0f} "
                  f"resumes/s [{_rates(len(files), command_s)}]")
        peak = max(result.peak_worker_rss_mb, again.peak_worker_rss_mb)
        print(f"\n4. peak RSS of one worker: {peak:.0f} MB   target < 300")
    stages(files[:: max(1, len(files) // 60)][:60], kwset, job_ad)
    return 0


def _best(runs: int, fn):
    """Seconds of each of ``runs`` calls of ``fn``, and the last call's value."""
    seconds, value = [], None
    for _ in range(max(1, runs)):
        started = time.perf_counter()
        value = fn()
        seconds.append(time.perf_counter() - started)
    return seconds, value


def _rates(count: int, seconds: list[float]) -> str:
    return ", ".join(f"{count / s:.0f}" for s in seconds)


def rerank_command(folder: Path, kwset, cache: Path, tmp: str) -> None:
    """``resume-checker batch FOLDER --recursive --set edited.yaml --cache CACHE -o ranking.csv``,
    timed from process start to exit."""
    import subprocess

    from resume_checker.keywords.loader import dump_keyword_set

    set_file = Path(tmp) / "edited.yaml"
    set_file.write_text(dump_keyword_set(kwset), encoding="utf-8")
    program = Path(sys.executable).with_name("resume-checker")  # the installed command
    command = [str(program), "batch", str(folder), "--recursive", "--set", str(set_file),
               "--cache", str(cache), "--output", str(Path(tmp) / "command.csv")]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):  # 1: some file failed, still a ranking
        raise SystemExit(f"the batch command failed ({done.returncode}): {done.stderr[-500:]}")


def stages(files: list[Path], kwset, job_ad: str | None = None) -> None:
    """Per-file cost of each stage in this one process, to show where batch time goes.

    CPU time of this process (``time.process_time``), so that other load on the machine
    inflates the figures less.  A cold batch runs parse, analyse, check and the cache writes;
    a re-rank runs only "re-rank": decode the cached analysis, check it against the set,
    summarise the row.
    """
    from datetime import date

    from resume_checker.analysis import analyse, check_analysis
    from resume_checker.api import parse_document
    from resume_checker.batch.codec import (
        analysis_from_json,
        analysis_to_json,
        document_to_json,
    )
    from resume_checker.batch.summary import summarize

    today = date.today()
    timings: dict[str, float] = {}
    similarity = None
    if job_ad is not None:
        from resume_checker.matching.similarity import fit_job_ad

        similarity = fit_job_ad(job_ad)

    def timed(name, fn, *args, **kwargs):
        started = time.process_time()
        value = fn(*args, **kwargs)
        timings[name] = timings.get(name, 0.0) + time.process_time() - started
        return value

    datas = [f.read_bytes() for f in files]
    warm_up = 20  # files that only warm the process up (caches, the tokenizer's memo), as in a
    for index, data in enumerate(datas[:warm_up] + datas):  # worker that has read a few already
        if index == warm_up:
            timings.clear()
        doc = timed("parse (core)", parse_document, data, filename="x.pdf")
        analysis = timed("analyse (document checks)", analyse, doc, today=today)
        timed("check (match, set checks, score)", check_analysis, analysis, kwset)
        timed("cache JSON out (document)", document_to_json, doc)
        text = timed("cache JSON out (analysis)", analysis_to_json, analysis)
        stored = timed("re-rank: decode the analysis", analysis_from_json, text)
        report = timed("re-rank: check", check_analysis, stored, kwset, ats_view=False)
        timed("re-rank: row", summarize, report, stored.document, None)
        if similarity is not None:
            timed("similarity to the job ad (--jd)", similarity.similarity, stored.document.text)
    print(f"\n5. where the time goes (one process, CPU time, {len(files)} files):")
    for name, seconds in timings.items():
        print(f"   {name:34s} {seconds / len(files) * 1000:7.2f} ms/file")


def naive_baseline(files: list[Path], spellings: list[tuple[str, ...]]) -> float:
    """Seconds per file for the obvious approach: full pdfplumber text, one regex per term."""
    import pdfplumber

    patterns = [
        re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in names) + r")(?!\w)", re.I)
        for names in spellings
    ]
    started = time.perf_counter()
    for path in files:
        with pdfplumber.open(path) as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        sum(1 for p in patterns if p.search(text))
    return (time.perf_counter() - started) / len(files)


def _edited_terms(kwset, term_cls):
    first, *rest = kwset.terms
    return (first.model_copy(update={"weight": first.weight * 3}), *rest,
            term_cls(name="Kubernetes", category=first.category))



if __name__ == "__main__":
    sys.exit(main())
