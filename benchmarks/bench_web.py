"""Load benchmark: POST /api/check with a two-page PDF from concurrent clients on loopback.

Starts uvicorn in a subprocess (workers = CPU cores), then runs CLIENTS threads for SECONDS
and prints p50/p95 latency and throughput.  Target: p95 under 500 ms on 2 cores.

Two servers are measured in one run, one after the other: the baseline parses each upload in a
throw-away worker process (RESUME_CHECKER_PARSE_POOL=off, the old way), the second in the
persistent parse pool; the ratios compare them on the same machine under the same load.

    .venv/bin/python benchmarks/bench_web.py [--clients 8] [--seconds 20] [--workers N]
                                             [--no-baseline]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import httpx

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "strong_fit.pdf"



def two_page_pdf() -> bytes:
    """The project's own two-page sample resume (samples/strong_fit.pdf): a realistic upload."""
    return SAMPLE.read_bytes()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--no-baseline", action="store_true",
                    help="measure only the persistent pool")
    args = ap.parse_args()
    print(f"cores={os.cpu_count()} workers={args.workers} clients={args.clients} "
          f"seconds={args.seconds:g} each")
    base = None if args.no_baseline else measure(args, pool=False)
    best = measure(args, pool=True)
    if base is not None:
        print(f"ratio pool / throw-away: throughput {best[0] / base[0]:.1f}x, "
              f"p95 {base[1] / best[1]:.1f}x lower")


def measure(args: argparse.Namespace, *, pool: bool) -> tuple[float, float]:
    """Run one server and its clients; print and return (throughput, p95 seconds)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "RESUME_CHECKER_TOKEN"}
    env["RESUME_CHECKER_PARSE_POOL"] = "on" if pool else "off"
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "resume_checker.web.app:create_app_from_env",
         "--factory", "--host", "127.0.0.1", "--port", str(port), "--workers",
         str(args.workers), "--log-level", "warning", "--no-access-log"], env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(url + "/login", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        pdf = two_page_pdf()
        files = {"file": ("resume.pdf", pdf, "application/pdf")}
        form = {"keyword_set": "neural-network-architect"}
        with httpx.Client(base_url=url, timeout=30) as warm:
            for _ in range(2 * args.workers):  # start every worker's forkserver and caches
                warm.post("/api/check", files=files, data=form).raise_for_status()
        latencies: list[float] = []
        errors = 0
        lock = threading.Lock()
        stop = time.monotonic() + args.seconds

        def client() -> None:
            nonlocal errors
            with httpx.Client(base_url=url, timeout=30) as http:
                while time.monotonic() < stop:
                    t = time.perf_counter()
                    r = http.post("/api/check", files=files, data=form)
                    took = time.perf_counter() - t
                    with lock:
                        if r.status_code == 200:
                            latencies.append(took)
                        else:
                            errors += 1

        started = time.monotonic()
        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(10)
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    rate = len(latencies) / elapsed
    name = "persistent parse pool" if pool else "baseline: a throw-away worker per upload"
    print(f"\n{name} (pdf_bytes={len(pdf)}, {elapsed:.1f} s)")
    print(f"  requests={len(latencies)} errors={errors} throughput={rate:.1f}/s")
    print(f"  p50={statistics.median(latencies) * 1000:.0f} ms  p95={p95 * 1000:.0f} ms  "
          f"max={latencies[-1] * 1000:.0f} ms  (target p95 < 500 ms on 2 cores)")
    return rate, p95


if __name__ == "__main__":
    main()
