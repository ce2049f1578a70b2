"""Throughput of ``gongkai check`` over a corpus: worker processes and a Dask LocalCluster, and the parent's memory.

Run from the repository root (on an otherwise idle machine)::

    .venv/bin/python benchmarks/bench_check_jobs.py            # 1,000 text reports; RSS at 1,000 and 10,000
    .venv/bin/python benchmarks/bench_check_jobs.py --quick    # 200 text reports; RSS at 200 and 1,000

Targets (issue 11): ``--jobs 2`` ≥ 1.8× the throughput of ``--jobs 1``; ``--scheduler local:2``
≥ 1.6×; the parent's peak RSS flat from 1,000 to 10,000 files. Each run is one ``gongkai check``
process (CSV to /dev/null); wall time includes start-up (and, for Dask, starting the cluster). The
parent's RSS is sampled every 50 ms from /proc (workers are other processes: not counted).
The last lines project 100,000 reports on 16 cores from the measured per-core throughput.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.batch.reports import make_reports  # noqa: E402

GONGKAI = Path(sys.executable).parent / "gongkai"


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _run(folder: Path, *options: str) -> tuple[float, float]:
    """Wall seconds and the parent's peak RSS (MB) of one ``gongkai check`` over ``folder``."""
    args = [str(GONGKAI), "check", str(folder), "-f", "csv", "--exit-zero", *options]
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0.0
    while proc.poll() is None:
        peak = max(peak, _rss_mb(proc.pid))
        time.sleep(0.05)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}): {proc.stderr.read().decode()[-500:]}")
    return wall, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    n, big = (200, 1_000) if args.quick else (1_000, 10_000)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        make_reports(folder, n)
        _run(folder, "--jobs", "1")  # warm the page cache and the byte-code caches
        one = min(_run(folder, "--jobs", "1")[0] for _ in range(3))  # best of 3: the machine is shared
        runs = [_run(folder, "--jobs", "2") for _ in range(3)]
        two, rss_small = min(w for w, _ in runs), max(r for _, r in runs)
        print(f"{n} text reports, --jobs 1: {one:.1f} s ({n / one:.1f} reports/s)")
        print(f"{n} text reports, --jobs 2: {two:.1f} s ({n / two:.1f} reports/s) — {one / two:.2f}× (target ≥ 1.8×)")
        if not args.no_dask:
            dask = min(_run(folder, "--scheduler", "local:2")[0] for _ in range(3))
            print(f"{n} text reports, --scheduler local:2: {dask:.1f} s — {one / dask:.2f}× (target ≥ 1.6×)")
        large = Path(tmp) / "large"
        make_reports(large, big)
        wall, rss_big = _run(large, "--jobs", "2")
        print(f"parent peak RSS, --jobs 2: {rss_small:.1f} MB at {n} files, {rss_big:.1f} MB at {big} files")
        if not args.quick:
            alone, _ = _run(large, "--jobs", "1")
            print(f"{big} text reports: --jobs 1 {alone:.1f} s, --jobs 2 {wall:.1f} s — {alone / wall:.2f}×")
        per_core = n / one
        efficiency = min(1.0, one / two / 2)  # measured: the speed-up of 2 workers over 1, per worker
        projected = 100_000 / (per_core * 16 * efficiency)
        print(
            f"projection: 100,000 reports ÷ ({per_core:.1f} reports/s per core × 16 cores × {efficiency:.2f}"
            f" measured parallel efficiency) = {projected:.0f} s ≈ {projected / 60:.0f} min"
            " (text reports; PDFs and scans are slower)"
        )


if __name__ == "__main__":
    main()
