"""The ``gongkai`` command as a user runs it: start-up time, and peak memory of ``check`` over big batches.

Run from the repository root::

    .venv/bin/python benchmarks/bench_check_cli.py            # 100 / 1,000 / 10,000 files, 20 start-ups
    .venv/bin/python benchmarks/bench_check_cli.py --quick    # 100 / 1,000 files, 5 start-ups

Start-up: wall time of ``gongkai --version`` and of ``gongkai check`` on one text sample (the
median of N runs, each a fresh process). Memory: a folder of N text reports (the samples'
``.txt`` files copied, cycling) checked by one ``gongkai check`` process per output format;
peak RSS is the child's ``ru_maxrss``. ``check`` streams (each result printed, then
dropped), so the peak should not grow with N.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GONGKAI = Path(sys.executable).parent / "gongkai"


def _run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one ``gongkai`` process."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execv(str(GONGKAI), [str(GONGKAI), *args])
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"gongkai {' '.join(args)} failed with {os.waitstatus_to_exitcode(status)}")
    return wall, usage.ru_maxrss / 1024


def _folder(n: int, base: Path) -> Path:
    texts = sorted(SAMPLES.glob("*.txt"))
    folder = base / f"n{n}"
    folder.mkdir()
    for i in range(n):
        src = texts[i % len(texts)]
        shutil.copy(src, folder / f"{i:05d}_{src.name}")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    starts = 5 if args.quick else 20
    sizes = (100, 1000) if args.quick else (100, 1000, 10000)
    sample = str(sorted(SAMPLES.glob("*.txt"))[0])

    subprocess.run([str(GONGKAI), "--version"], capture_output=True, check=True)  # warm the page cache
    print(f"start-up ({starts} fresh processes each; median, min)")
    for label, argv in (("gongkai --version", ["--version"]), ("gongkai check 1 text", ["check", sample])):
        times = [_run(argv)[0] * 1000 for _ in range(starts)]
        print(f"  {label:<24} {statistics.median(times):7.0f} ms  (min {min(times):.0f} ms)")

    print("\npeak RSS of one `gongkai check` over a folder of N text reports")
    print(f"  {'N':>6}  {'text':>9}  {'json':>9}  {'csv':>9}  {'xlsx':>9}  {'s (text)':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for n in sizes:
            folder = _folder(n, base)
            row = []
            seconds = 0.0
            for fmt in ("text", "json", "csv", "xlsx"):
                argv = ["check", str(folder), "--exit-zero", "-f", fmt]
                if fmt == "xlsx":
                    argv += ["-o", str(base / f"r{n}.xlsx")]
                wall, rss = _run(argv)
                seconds = wall if fmt == "text" else seconds
                row.append(rss)
            print(f"  {n:>6}  " + "  ".join(f"{r:7.1f}MB" for r in row) + f"  {seconds:9.1f}")
            shutil.rmtree(folder)
    print(f"\n(this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
