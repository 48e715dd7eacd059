"""Batch throughput: the local pool against a Dask LocalCluster of the same size, in one run.

Run:  .venv/bin/python benchmarks/bench_dask.py [--corpus DIR] [--jobs 2] [--limit N] [--set ID]

1. local batch: ``run_batch`` with ``--jobs`` pool workers, no cache (every file parsed).
2. Dask: the same files and set on a ``LocalCluster(n_workers=--jobs, threads_per_worker=1)``
   started beforehand (its start-up is printed apart; the sandboxes' start-up is counted).
3. the ratio (target: Dask within 15% of the local batch's throughput), a check that both rank
   the same, and, from the measured cost per file on one Dask worker, how many workers would
   screen 1,000,000 resumes in an hour.
"""

from __future__ import annotations

import argparse
import math
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "resumes-livecareer"
TARGET_FILES, TARGET_SECONDS = 1_000_000, 3600.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N files")
    parser.add_argument("--set", default="neural-network-architect")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"SKIPPED: corpus folder {args.corpus} is absent (../shared is not checked out here);"
              " no figures measured.")
        return 0
    try:
        from distributed import LocalCluster
    except ImportError:
        print('SKIPPED: Dask is not installed (pip install "resume-checker[dask]").')
        return 0

    from resume_checker.api import load_keyword_set
    from resume_checker.batch.runner import BatchOptions, run_batch
    from resume_checker.reports import batch_csv

    kwset = load_keyword_set(args.set)
    files = sorted(str(f) for f in args.corpus.rglob("*.pdf"))[: args.limit]
    print(f"corpus: {args.corpus} ({len(files)} PDFs), set {kwset.id}, {args.jobs} workers, "
          "no cache")
    options = BatchOptions(jobs=args.jobs)

    started = time.perf_counter()
    local = run_batch(files, kwset, options)
    local_s = time.perf_counter() - started
    local_rate = len(files) / local_s
    print(f"local pool:        {local_s:7.1f} s  {local_rate:6.1f} resumes/s")

    started = time.perf_counter()
    with LocalCluster(n_workers=args.jobs, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        boot_s = time.perf_counter() - started
        started = time.perf_counter()
        dask = run_batch(files, kwset, BatchOptions(jobs=args.jobs,
                                                    scheduler=cluster.scheduler_address))
        dask_s = time.perf_counter() - started
    dask_rate = len(files) / dask_s
    print(f"Dask LocalCluster: {dask_s:7.1f} s  {dask_rate:6.1f} resumes/s "
          f"(cluster start-up {boot_s:.1f} s, not counted)")

    ratio = dask_rate / local_rate
    verdict = "within" if ratio >= 0.85 else "NOT within"
    print(f"ratio Dask/local:  {ratio:.2f}  ({verdict} the 15% target)")
    same = batch_csv.render(local) == batch_csv.render(dask)
    print(f"same CSV:          {'yes' if same else 'NO'}")

    per_file = dask_s * args.jobs / len(files)
    needed = TARGET_FILES / TARGET_SECONDS * per_file
    print(f"\nmeasured cost: {per_file * 1000:.1f} ms of one worker (1 core) per resume, "
          "parse + match + score, scheduling included.")
    print(f"1,000,000 resumes in an hour is {TARGET_FILES / TARGET_SECONDS:.0f} resumes/s, so "
          f"about {math.ceil(needed)} such workers at this cost; with 25% headroom for stragglers,"
          f" worker restarts and slower storage than a local disk, plan for "
          f"{math.ceil(needed * 1.25)} (e.g. {math.ceil(needed * 1.25 / 8)} machines of 8 cores)."
          " One Dask scheduler handles a few thousand tasks/s, well above this rate; files "
          "should sit on storage every worker reads (a shared disk or s3:// via fsspec).")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
