"""Benchmark the writer: every output format for one report, on one pinned core.

Run from the repository root::

    .venv/bin/python benchmarks/bench_write.py           # 10 timed runs per sample
    .venv/bin/python benchmarks/bench_write.py --quick   # 3 runs, one sample

Target (issue 4): writing all formats for one report (DOCX, PDF, HTML, Markdown, XLSX, JSON)
≤ 2 s, PDF included.  Each run is ``gongkai.api.write_report`` end to end: load the
structured report, prepare it (totals, placeholders), audit it and write six files.  The
first (cold) run, which imports WeasyPrint and loads the fonts, is reported separately.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_read_audit import pin_to_one_core  # noqa: E402

from gongkai.api import read_report, write_report  # noqa: E402
from gongkai.render.json import report_to_json  # noqa: E402
from gongkai.write import render  # noqa: E402
from gongkai.write.prepare import prepare  # noqa: E402

SUFFIXES = (".docx", ".pdf", ".html", ".md", ".xlsx", ".json")
TARGET_S = 2.0
SAMPLES = sorted((ROOT / "samples").glob("00*.txt"))


def as_json(sample: Path, folder: Path) -> Path:
    path = folder / (sample.stem + ".json")
    path.write_text(json.dumps(report_to_json(read_report(sample)), ensure_ascii=False), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=None)
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 10)
    samples = SAMPLES[:1] if args.quick else SAMPLES
    print(f"bench_write: {len(samples)} sample(s), {runs} runs each, {pin_to_one_core()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources = [as_json(s, folder) for s in samples]
        targets = [folder / f"out{suffix}" for suffix in SUFFIXES]
        start = time.perf_counter()
        write_report(sources[0], targets, draft=True)
        print(f"cold first run (imports, fonts): {time.perf_counter() - start:.2f} s")
        totals: list[float] = []
        for src in sources:
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                write_report(src, targets, draft=True)
                times.append(time.perf_counter() - start)
            totals += times
            print(f"  {src.stem}: all six formats median {statistics.median(times):.2f} s, max {max(times):.2f} s")
        report = read_report(sources[0])
        prepare(report)
        print("per format (first sample, median of runs):")
        for suffix in SUFFIXES:
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                render(report, suffix, draft=True)
                times.append(time.perf_counter() - start)
            print(f"  {suffix:6} {statistics.median(times) * 1000:7.0f} ms")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    median = statistics.median(totals)
    verdict = "meets" if median <= TARGET_S else "MISSES"
    print(
        f"all formats per report: median {median:.2f} s ({verdict} the ≤ {TARGET_S:.0f} s target); peak RSS {peak:.0f} MB"
    )


if __name__ == "__main__":
    main()
