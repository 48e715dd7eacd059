"""Batch throughput: the local pool against a Dask LocalCluster of the same size, in one run.

Run:  .venv/bin/python benchmarks/bench_dask.py [--corpus DIR] [--jobs 2] [--limit N] [--set ID]

1. local batch: ``run_batch`` with ``--jobs`` pool workers, no cache (every file parsed).
2. Dask: the same files and set on a ``LocalCluster(n_workers=--jobs, threads_per_worker=1)``
   started beforehand (its start-up is printed apart; the sandboxes' start-up is counted).
3. the ratio (target: Dask within 15% of the local batch's throughput), a check that both rank
   the same, and, from the measured cost per file on one Dask worker, how many workers would
   screen 1,000,000 resumes in an hour.

The machine may be shared: wall-clock rates then move with other people's load.  So the CPU
seconds of this process and all its descendants (pool workers, Dask workers and their sandboxes,
sampled every 0.2 s) are measured too; their ratio is what Dask itself costs, whatever the load.
"""

from __future__ import annotations

import argparse
import math
import os
import threading
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
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds per file on both sides (default 60, not the batch's 10: on a "
                        "loaded machine a wall-clock limit would flip slow PDFs into timeouts on "
                        "one side and the CSV comparison would measure the load, not the backend)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"SKIPPED: corpus folder {args.corpus} is absent (../shared is not checked out here);"
              " no figures measured.")
        return 0
    try:
        import distributed  # noqa: F401
        import psutil
    except ImportError:
        print('SKIPPED: Dask is not installed (pip install "resume-checker[dask]").')
        return 0

    from resume_checker.api import load_keyword_set
    from resume_checker.batch.dask_backend import local_cluster
    from resume_checker.batch.runner import BatchOptions, run_batch
    from resume_checker.render import batch_csv

    kwset = load_keyword_set(args.set)
    files = sorted(str(f) for f in args.corpus.rglob("*.pdf"))[: args.limit]
    print(f"corpus: {args.corpus} ({len(files)} PDFs), set {kwset.id}, {args.jobs} workers, "
          f"no cache, {args.timeout:g} s per file")
    from dataclasses import replace

    from resume_checker.limits import DEFAULT_LIMITS

    options = BatchOptions(jobs=args.jobs,
                           limits=replace(DEFAULT_LIMITS, time_seconds=args.timeout))

    with _CpuMeter(psutil) as local_cpu:
        started = time.perf_counter()
        local = run_batch(files, kwset, options)
        local_s = time.perf_counter() - started
    local_rate = len(files) / local_s
    print(f"local pool:        {local_s:7.1f} s  {local_rate:6.1f} resumes/s  "
          f"{local_cpu.seconds:7.1f} CPU s")

    started = time.perf_counter()
    with local_cluster(args.jobs) as cluster:
        boot_s = time.perf_counter() - started
        with _CpuMeter(psutil) as dask_cpu:
            started = time.perf_counter()
            dask = run_batch(files, kwset, replace(options, scheduler=cluster.scheduler_address))
            dask_s = time.perf_counter() - started
    dask_rate = len(files) / dask_s
    print(f"Dask LocalCluster: {dask_s:7.1f} s  {dask_rate:6.1f} resumes/s  "
          f"{dask_cpu.seconds:7.1f} CPU s  (cluster start-up {boot_s:.1f} s, not counted)")

    ratio = dask_rate / local_rate
    cpu_ratio = local_cpu.seconds / dask_cpu.seconds
    print(f"ratio Dask/local, wall clock:     {ratio:.2f}  "
          f"({'within' if ratio >= 0.85 else 'NOT within'} the 15% target)")
    print(f"ratio Dask/local, per CPU second: {cpu_ratio:.2f}  "
          f"({'within' if cpu_ratio >= 0.85 else 'NOT within'} the 15% target)")
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    same = batch_csv.render(local) == batch_csv.render(dask)
    print(f"same CSV:          {'yes' if same else 'NO'}")
    if not same:
        _explain(local, dask)

    per_file = dask_cpu.seconds / len(files)
    needed = TARGET_FILES / TARGET_SECONDS * per_file
    print(f"\nmeasured cost: {per_file * 1000:.1f} CPU ms per resume on Dask (parse + match + "
          "score, the Dask worker, scheduler and client included; wall clock on this shared "
          f"machine: {dask_s * args.jobs / len(files) * 1000:.1f} ms per worker).")
    print(f"1,000,000 resumes in an hour is {TARGET_FILES / TARGET_SECONDS:.0f} resumes/s, so "
          f"about {math.ceil(needed)} such workers at this cost; with 25% headroom for stragglers,"
          f" worker restarts and slower storage than a local disk, plan for "
          f"{math.ceil(needed * 1.25)} (e.g. {math.ceil(needed * 1.25 / 8)} machines of 8 cores)."
          " One Dask scheduler handles a few thousand tasks/s, well above this rate; files "
          "should sit on storage every worker reads (a shared disk or s3:// via fsspec).")
    return 0 if same else 1


class _CpuMeter:
    """CPU seconds (user + system) of this process and every descendant while the block runs."""

    def __init__(self, psutil) -> None:
        self.psutil = psutil
        self.me = psutil.Process()
        self.last: dict[tuple[int, float], float] = {}
        self.stop = threading.Event()
        self.seconds = 0.0

    def __enter__(self) -> _CpuMeter:
        self.base = self._sample(record=False)
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()
        self._sample()
        self.seconds = sum(self.last.values()) - self.base

    def _loop(self) -> None:
        while not self.stop.wait(0.2):
            self._sample()

    def _sample(self, record: bool = True) -> float:
        total = 0.0
        for proc in [self.me, *self.me.children(recursive=True)]:
            try:
                t = proc.cpu_times()
            except self.psutil.Error:
                continue
            used = t.user + t.system
            total += used
            if record:
                self.last[(proc.pid, proc.create_time())] = used
        return total


def _explain(local, dask) -> None:
    """Which files differ, by status and reason only (no resume text is printed)."""
    before = {r.file: (r.status.value, r.code, r.score) for r in local.rows}
    after = {r.file: (r.status.value, r.code, r.score) for r in dask.rows}
    differ = sorted(f for f in before if before[f] != after.get(f))
    timeouts = sum(1 for f in differ if "timeout" in (before[f][1], after.get(f, ("",) * 3)[1]))
    print(f"  {len(differ)} file(s) differ, {timeouts} of them by a timeout on one side "
          "(the per-file time limit depends on the machine's load):")
    for f in differ[:10]:
        print(f"  {f}: local {before[f]}, dask {after.get(f)}")


if __name__ == "__main__":
    raise SystemExit(main())
