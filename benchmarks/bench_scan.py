"""Benchmark the scan reader: seconds per page image on one core, table-cell accuracy, peak memory.

Renders random consistent reports as A4 page images at 150 dpi (``tests/scan_layout.py``),
clean and as poor scans (tilted, blurred, noisy, JPEG q60), reads every page with
``gongkai.readers.scan.scan_page_rows`` (OCR + ruling detection + layout), extracts the
report and compares every table value with what was drawn.  Run from the repository root::

    .venv/bin/python benchmarks/bench_scan.py              # 4 reports, clean and degraded
    .venv/bin/python benchmarks/bench_scan.py --quick      # 1 report
    .venv/bin/python benchmarks/bench_scan.py --angle 1.0 --noise 18 --quality 45

Not a pytest test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import io
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_read_audit import pin_to_one_core  # noqa: E402  (benchmarks/ is on sys.path when run as a script)
from tests.layouts import T3_ROWS  # noqa: E402
from tests.scan_layout import degrade, random_tables, render  # noqa: E402

from gongkai.extract import extract  # noqa: E402
from gongkai.model import AnnualReport  # noqa: E402
from gongkai.readers.ocr import engine  # noqa: E402
from gongkai.readers.raw import RawDocument, RawRow  # noqa: E402
from gongkai.readers.scan import scan_page_rows  # noqa: E402

LOW = 0.80
"""The threshold of rule S119 (low-confidence-cell)."""


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scanned(page: Image.Image, seed: int, args: argparse.Namespace) -> Image.Image:
    img = degrade(page, seed, angle=args.angle, noise=args.noise)
    if args.scale != 1.0:
        img = img.resize((round(img.width * args.scale), round(img.height * args.scale)), Image.Resampling.BILINEAR)
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=args.quality)
    return Image.open(io.BytesIO(buf.getvalue()))


def score(report: AnnualReport, expected: dict[str, dict[str, list[int]]]) -> tuple[int, int, int, int, int]:
    """Cells right, cells in all, cells below LOW, wrong cells below LOW, wrong cells."""
    right = total = low = wrong_low = wrong = 0
    for table_id, rows in expected.items():
        table = report.table(table_id)
        for key, values in rows.items():
            cells = list(table.rows.get(key, {}).values())
            for i, value in enumerate(values):
                cell = cells[i] if i < len(cells) else None
                ok = cell is not None and cell.plain() == value
                conf = cell.provenance.confidence if cell is not None and cell.provenance else None
                is_low = conf is not None and conf < LOW
                total += 1
                right += ok
                low += is_low
                wrong += not ok
                wrong_low += is_low and not ok
    return right, total, low, wrong_low, wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=4, help="random reports to render (default 4)")
    parser.add_argument("--quick", action="store_true", help="one report")
    parser.add_argument("--seed", type=int, default=1, help="first random seed")
    parser.add_argument("--angle", type=float, default=0.5, help="tilt of the degraded scans in degrees")
    parser.add_argument("--noise", type=float, default=12.0, help="grey-level noise (standard deviation)")
    parser.add_argument("--quality", type=int, default=60, help="JPEG quality of the degraded scans")
    parser.add_argument("--scale", type=float, default=1.0, help="resize the degraded scans (0.8: 120 dpi)")
    args = parser.parse_args(argv)
    reports = 1 if args.quick else args.reports
    print(f"gongkai scan benchmark: Python {sys.version.split()[0]}, {pin_to_one_core()}, ONNX Runtime 1 thread")
    start = time.perf_counter()
    engine()(np.full((64, 256), 255, dtype=np.uint8))  # load the models
    print(f"engine start-up {time.perf_counter() - start:.2f} s, RSS {peak_rss_mb():.0f} MB\n")
    print(
        f"{'report':<8}{'variant':<10}{'pages':>6}{'s/page':>8}{'cells right':>14}{'< ' + str(LOW):>8}{'wrong, flagged':>16}"
    )
    times: dict[str, list[float]] = {"clean": [], "degraded": []}
    sums: dict[str, list[int]] = {"clean": [0] * 5, "degraded": [0] * 5}
    for seed in range(args.seed, args.seed + reports):
        t2, t3, t4 = random_tables(seed)
        pages, _ = render(t2, t3, t4)
        expected = {"table2": t2, "table3": {r.key: t3[r.key] for r in T3_ROWS}, "table4": t4}
        for variant in ("clean", "degraded"):
            rows: list[RawRow] = []
            table, spent = 1, []
            for number, page in enumerate(pages, start=1):
                img = page if variant == "clean" else scanned(page, seed * 10 + number, args)
                arr = np.asarray(img, dtype=np.uint8)
                t0 = time.perf_counter()
                page_rows, table = scan_page_rows(arr, number, "bench.png", table)
                spent.append(time.perf_counter() - t0)
                rows += page_rows
            report = extract(RawDocument(path="bench.png", format="image", encoding=None, rows=rows))
            result = score(report, expected)
            times[variant] += spent
            sums[variant] = [a + b for a, b in zip(sums[variant], result, strict=True)]
            right, total, low, wrong_low, wrong = result
            print(
                f"{seed:<8}{variant:<10}{len(pages):>6}{statistics.mean(spent):>8.2f}"
                f"{f'{right}/{total}':>14}{low:>8}{f'{wrong_low}/{wrong}':>16}"
            )
    print("\nsummary (page 1: table 二; page 2: tables 三 and 四; page 3: three lines of prose)")
    for variant, spent in times.items():
        right, total, low, wrong_low, wrong = sums[variant]
        per_page = [statistics.median(spent[i :: len(pages)]) * 1000 for i in range(len(pages))]
        print(
            f"  {variant:<9} median {statistics.median(spent) * 1000:,.0f} ms/page, mean {statistics.mean(spent) * 1000:,.0f}"
            f" (by page: {', '.join(f'{ms:,.0f}' for ms in per_page)} ms); cells right {right}/{total} "
            f"({right / total:.1%}); below {LOW}: {low}; wrong {wrong}, of which below {LOW}: {wrong_low}"
        )
    print(f"  peak RSS {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
