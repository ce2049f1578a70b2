"""Benchmark read + extract + audit (``gongkai.api.check_path``): time per report and memory growth.

Run from the repository root::

    .venv/bin/python benchmarks/bench_read_audit.py           # full: 200 runs per sample, 10,000 reports
    .venv/bin/python benchmarks/bench_read_audit.py --quick   # a quick look

Not a pytest test: timings depend on the machine.  See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

from gongkai.api import check_path
from gongkai.audit import all_rules

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 5.0
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def pin_to_one_core() -> str:
    """Run on one CPU (less scheduler noise); returns a note for the header."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def rss_mb() -> float:
    """Resident set size from /proc/self/statm (no psutil)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * PAGE / 1024 / 1024
    except OSError:
        return float("nan")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def time_sample(path: Path, runs: int, warmup: int) -> list[float]:
    for _ in range(warmup):
        check_path(path)
    out: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        check_path(path)
        out.append((time.perf_counter() - start) * 1000)
    return out


def bench_time(samples: list[Path], runs: int, warmup: int) -> list[tuple[str, str, float, float]]:
    rows = []
    for path in samples:
        result = check_path(path)
        fmt = result.report.source_format if result.report else result.status
        ms = time_sample(path, runs, warmup)
        rows.append((path.name, fmt, statistics.median(ms), percentile(ms, 0.95)))
    return rows


def bench_memory(samples: list[Path], reports: int, every: int) -> list[tuple[int, float]]:
    gc.collect()
    series = [(0, rss_mb())]
    for i in range(1, reports + 1):
        check_path(samples[i % len(samples)])
        if i % every == 0:
            gc.collect()
            series.append((i, rss_mb()))
            print(f"  {i:>6} reports  RSS {series[-1][1]:8.1f} MB", flush=True)
    return series


def profile(path: Path, runs: int, top: int) -> None:
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(runs):
        check_path(path)
    prof.disable()
    print(f"\ncProfile of {runs} × {path.name} (top {top} by cumulative time):")
    pstats.Stats(prof, stream=sys.stdout).sort_stats("cumulative").print_stats(top)
    pstats.Stats(prof, stream=sys.stdout).sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="30 runs per sample and 2,000 reports for memory")
    parser.add_argument("--runs", type=int, help="timed runs per sample (default 200, quick 30)")
    parser.add_argument("--reports", type=int, help="reports for the memory run (default 10,000, quick 2,000)")
    parser.add_argument("--samples", type=Path, default=ROOT / "samples", help="directory of sample reports")
    parser.add_argument("--all-formats", action="store_true", help="time HTML/Markdown samples too, not only .txt")
    parser.add_argument("--profile", action="store_true", help="print cProfile hotspots of the slowest sample")
    args = parser.parse_args(argv)
    runs = args.runs or (30 if args.quick else 200)
    warmup = 5 if args.quick else 20
    reports = args.reports or (2_000 if args.quick else 10_000)
    every = max(1, reports // 10)

    pinned = pin_to_one_core()
    # text formats only: PDF, Word and scans have their own benchmarks (bench_pdf.py, bench_scan.py)
    all_samples = sorted(
        p
        for p in args.samples.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix in (".txt", ".md", ".html")
    )
    timed = all_samples if args.all_formats else [p for p in all_samples if p.suffix == ".txt"]
    print(f"gongkai benchmark: Python {sys.version.split()[0]}, {pinned}, {len(all_rules())} rules registered")
    print(f"timing: {len(timed)} samples × {runs} runs (after {warmup} warm-up runs)\n")

    rows = bench_time(timed, runs, warmup)
    width = max(len(r[0]) for r in rows)
    print(f"{'sample':<{width}}  {'format':<9} {'median ms':>10} {'p95 ms':>8}")
    for name, fmt, med, p95 in rows:
        flag = "" if med <= TARGET_MS else "  > target"
        print(f"{name:<{width}}  {fmt:<9} {med:>10.2f} {p95:>8.2f}{flag}")
    medians = [r[2] for r in rows]
    print(
        f"{'all':<{width}}  {'':<9} {statistics.median(medians):>10.2f} {max(r[3] for r in rows):>8.2f}  (median of medians, max p95)"
    )

    print(f"\nmemory: check_path over {reports:,} reports cycling {len(all_samples)} samples, RSS every {every:,}")
    series = bench_memory(all_samples, reports, every)
    first = next(m for n, m in series if n >= every)
    growth = series[-1][1] - first
    print(f"RSS growth from {every:,} to {series[-1][0]:,} reports: {growth:+.1f} MB")

    print("\nsummary")
    print(
        f"  median per text report (median of medians): {statistics.median(medians):.2f} ms (target ≤ {TARGET_MS} ms)"
    )
    print(f"  worst sample median / p95: {max(medians):.2f} / {max(r[3] for r in rows):.2f} ms")
    print(f"  RSS start {series[0][1]:.1f} MB, end {series[-1][1]:.1f} MB, growth after warm-up {growth:+.1f} MB")
    if args.profile:
        slowest = max(rows, key=lambda r: r[2])[0]
        profile(args.samples / slowest, max(20, runs // 4), 25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
