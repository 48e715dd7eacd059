"""Core speed: parse + match throughput against raw PDF-engine baselines, and cold-start time.

Run:  .venv/bin/python benchmarks/bench_core.py [--corpus DIR ...] [--limit N] [--plumber-every K]

Everything runs in this one process pinned to one core, so the ratios compare like with like:
- resume-checker: parse (all text-quality work included) + match + score for every file;
- baseline 1: pypdfium2 `get_text_range()` on every page of the same files (no quality work);
- baseline 2: pdfplumber `extract_text()` on every K-th file (it is ~50x slower; the rate per
  file is what is compared);
- cold start: wall time of one `resume-checker check` of a two-page PDF in a fresh process.
Targets (issue 2): resume-checker >= 40% of the raw pypdfium2 rate; cold check < 1.5 s.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "corpus"
DEFAULT_CORPORA = [SHARED / "resumes-livecareer", SHARED / "resumes-templates"]


def pdf_files(corpora: list[Path], limit: int | None) -> list[Path]:
    files: list[Path] = []
    for corpus in corpora:
        files.extend(sorted(corpus.rglob("*.pdf")))
    return files[:limit] if limit else files


def rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


def bench_pdfium(datas: list[bytes]) -> float:
    import pypdfium2 as pdfium

    start = time.perf_counter()
    for data in datas:
        pdf = pdfium.PdfDocument(data)
        try:
            for i in range(len(pdf)):
                page = pdf[i]
                textpage = page.get_textpage()
                textpage.get_text_range()
                textpage.close()
                page.close()
        finally:
            pdf.close()
    return time.perf_counter() - start


def bench_plumber(datas: list[bytes]) -> float:
    import io

    import pdfplumber

    start = time.perf_counter()
    for data in datas:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                page.extract_text()
    return time.perf_counter() - start


def _check_without_checks(document, kwset):  # type: ignore[no-untyped-def]
    """The road before the checks joined it: match, score, report (no findings)."""
    from resume_checker.matching import compile_matcher
    from resume_checker.report import build_report
    from resume_checker.scoring import score

    result = compile_matcher(kwset).match(document)
    return build_report(document, kwset, result, score(kwset, result))


def bench_variants(files: list[Path], datas: list[bytes], set_id: str) -> dict[str, float]:
    """Seconds for: the full check; without the checks; and without the checks or the PDF
    hidden-text scan (patched out).  The variants take turns file by file, so a busy machine
    slows them alike."""
    from unittest import mock

    from resume_checker import check_document, load_keyword_set, parse_document
    from resume_checker.documents.pdf import reader as pdf_module
    from resume_checker.documents.pdf.hidden import PageObjects
    from resume_checker.errors import ResumeCheckerError

    kwset = load_keyword_set(set_id)
    check_document(parse_document(datas[0], filename=files[0].name), kwset)
    no_scan = (
        mock.patch.object(pdf_module, "scan_objects", lambda handle: PageObjects()),
        mock.patch.object(pdf_module, "may_hide_text", lambda *a: False),
        mock.patch.object(pdf_module, "hidden_reasons", lambda *a, **k: None),
    )
    variants = {
        "full": (check_document, ()),
        "no_checks": (_check_without_checks, ()),
        "no_checks_no_hidden_scan": (_check_without_checks, no_scan),
    }
    times = dict.fromkeys(variants, 0.0)
    for path, data in zip(files, datas, strict=True):
        for name, (checker, patches) in variants.items():
            with contextlib.ExitStack() as stack:
                for patch in patches:
                    stack.enter_context(patch)
                start = time.perf_counter()
                with contextlib.suppress(ResumeCheckerError):
                    checker(parse_document(data, filename=path.name), kwset)
                times[name] += time.perf_counter() - start
    return times


def cold_start(sample: Path, set_id: str, runs: int) -> list[float]:
    exe = Path(sys.executable).with_name("resume-checker")
    cmd = [str(exe), "check", str(sample), "--set", set_id, "--format", "json"]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, action="append", help="folder of PDFs (repeatable)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N files")
    parser.add_argument(
        "--plumber-every", type=int, default=10, help="pdfplumber on every K-th file"
    )
    parser.add_argument("--set", default="neural-network-architect")
    parser.add_argument("--cold-runs", type=int, default=5)
    parser.add_argument(
        "--checks-only", action="store_true",
        help="measure only the cost of the checks and the hidden-text scan",
    )
    args = parser.parse_args()

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    corpora = args.corpus or DEFAULT_CORPORA
    missing = [c for c in corpora if not c.is_dir()]
    if missing:
        print(f"corpus not found: {', '.join(map(str, missing))}")
        print(
            "this benchmark needs ../shared/corpus beside the checkout (or --corpus DIR); "
            "nothing measured"
        )
        return 0
    files = pdf_files(corpora, args.limit)
    datas = [p.read_bytes() for p in files]
    print(
        f"{len(files)} PDFs from {', '.join(str(c) for c in corpora)}; one core; pid {os.getpid()}"
    )
    from resume_checker.documents.pdf.boxes import box_loop

    print(f"PDF character boxes: {box_loop()}")

    variants = bench_variants(files, datas, args.set)
    base = variants["no_checks_no_hidden_scan"]
    print()
    print(f"{'same files, this process':<46}{'seconds':>10}{'resumes/s':>12}")
    for name, label in (("no_checks_no_hidden_scan", "core without checks or hidden-text scan"),
                        ("no_checks", "core + hidden-text scan"),
                        ("full", "core + hidden-text scan + checks")):
        print(f"{label:<46}{variants[name]:>10.2f}{rate(len(datas), variants[name]):>12.1f}")
    cost = 1 - base / variants["full"]
    print(f"throughput lost to the checks and the scan: {cost:.1%} "
          f"(target <= 25%: {'met' if cost <= 0.25 else 'NOT met'})")
    if args.checks_only:
        return 0

    t_raw = bench_pdfium(datas)
    every = max(1, args.plumber_every)
    plumber_datas = datas[::every]
    t_plumber = bench_plumber(plumber_datas)

    r_raw = rate(len(datas), t_raw)
    r_core = rate(len(datas), variants["no_checks"])
    r_full = rate(len(datas), variants["full"])
    r_plumber = rate(len(plumber_datas), t_plumber)
    print()
    print(f"{'engine':<46}{'files':>7}{'seconds':>10}{'resumes/s':>12}")
    rows = (
        ("resume-checker parse + match + score", len(datas), variants["no_checks"], r_core),
        ("resume-checker full check (+ ATS checks)", len(datas), variants["full"], r_full),
        ("baseline: pypdfium2 get_text_range()", len(datas), t_raw, r_raw),
        (f"baseline: pdfplumber extract_text() 1/{every}", len(plumber_datas), t_plumber,
         r_plumber),
    )
    for label, count, seconds, per_second in rows:
        print(f"{label:<46}{count:>7}{seconds:>10.2f}{per_second:>12.1f}")
    print()
    ratio = r_core / r_raw
    print(
        f"parse + match / raw pypdfium2 : {ratio:6.2f}  "
        f"(target >= 0.40: {'met' if ratio >= 0.4 else 'NOT met'})"
    )
    print(f"full check / raw pypdfium2    : {r_full / r_raw:6.2f}")
    print(f"parse + match / pdfplumber    : {r_core / r_plumber:6.2f}x")

    sample = REPO / "samples" / "strong_fit.pdf"
    if sample.exists():
        times = cold_start(sample, args.set, args.cold_runs)
        med = statistics.median(times)
        print(
            f"cold `resume-checker check {sample.name}`: median {med:.2f} s over {len(times)} runs "
            f"(min {min(times):.2f}, max {max(times):.2f}; "
            f"target < 1.5 s: {'met' if med < 1.5 else 'NOT met'})"
        )
    return 0



if __name__ == "__main__":
    sys.exit(main())
