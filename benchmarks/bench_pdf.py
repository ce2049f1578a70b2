"""Benchmark the text-layer PDF reader: milliseconds per page, and peak memory on a long PDF.

Run from the repository root::

    .venv/bin/python benchmarks/bench_pdf.py            # real PDFs in samples/ + a generated 200-page PDF
    .venv/bin/python benchmarks/bench_pdf.py --quick    # fewer runs, a 50-page PDF

Targets (issue 3): ≤ 100 ms per text-layer page; ≤ 500 MB peak RSS on a 200-page PDF.
The long PDF is read in a child process so that its peak RSS (``ru_maxrss``) is its own.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gongkai.api import check_path  # noqa: E402
from gongkai.readers import read_bytes  # noqa: E402

TARGET_MS_PER_PAGE = 100.0
TARGET_PEAK_MB = 500.0


def long_pdf(pages_wanted: int, out: Path) -> int:
    """Write a PDF of about ``pages_wanted`` pages: generated reports one after another."""
    import random

    from reportlab.platypus import PageBreak, SimpleDocTemplate
    from tests import pdf_layout
    from tests.layouts import T3_ROWS

    rng = random.Random(7)
    story: list[object] = []
    original = pdf_layout.SimpleDocTemplate
    for _ in range(pages_wanted // 2 + 1):  # a generated report takes two pages
        t2 = {k: [rng.randint(0, 999)] * n for k, n in (("regulations", 3), ("normative_documents", 3))}
        t2 |= {k: [rng.randint(0, 999)] for k in ("administrative_licensing", "administrative_penalty")}
        t2 |= {k: [rng.randint(0, 999)] for k in ("administrative_coercion", "administrative_fees")}
        t3 = {r.key: [0] * 7 for r in T3_ROWS}
        t4 = {k: [1, 1, 1, 1, 4] for k in ("administrative_review", "litigation_direct", "litigation_after_review")}

        class Capture(SimpleDocTemplate):  # type: ignore[misc]
            def build(self, flowables: list[object], **_: object) -> None:
                story.extend(flowables)
                story.append(PageBreak())

        pdf_layout.SimpleDocTemplate = Capture  # type: ignore[misc]
        pdf_layout.pdf_report(t2, t3, t4)
    pdf_layout.SimpleDocTemplate = original  # type: ignore[misc]
    doc = SimpleDocTemplate(str(out))
    doc.build(story)  # type: ignore[arg-type]
    import pypdfium2

    return len(pypdfium2.PdfDocument(str(out)))


def page_count(path: Path) -> int:
    import pypdfium2

    return len(pypdfium2.PdfDocument(str(path)))


def child(path: str) -> None:
    start = time.perf_counter()
    raw = read_bytes(Path(path).read_bytes(), path)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{seconds:.3f} {peak:.1f} {len(raw.rows)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--pages", type=int, help="pages of the generated long PDF (default 200, quick 50)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    runs = 3 if args.quick else 10
    print(f"Text-layer PDFs, check_path (read + extract + audit), median of {runs} runs")
    print(f"{'file':<32}{'pages':>6}{'ms/doc':>10}{'ms/page':>10}")
    worst = 0.0
    for path in sorted((ROOT / "samples").glob("*.pdf")):
        check_path(path)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            check_path(path)
            times.append((time.perf_counter() - start) * 1000)
        pages = page_count(path)
        med = statistics.median(times)
        worst = max(worst, med / pages)
        print(f"{path.name:<32}{pages:>6}{med:>10.1f}{med / pages:>10.1f}")
    pages_wanted = args.pages or (50 if args.quick else 200)
    out = Path("/tmp/gongkai-bench-long.pdf")
    pages = long_pdf(pages_wanted, out)
    res = subprocess.run(
        [sys.executable, __file__, "--child", str(out)], capture_output=True, text=True, check=True
    ).stdout.split()
    seconds, peak, rows = float(res[0]), float(res[1]), int(res[2])
    print(f"\nGenerated {pages}-page PDF ({out.stat().st_size // 1024} KB): read in {seconds:.1f} s")
    print(f"  {seconds * 1000 / pages:.1f} ms/page, {rows} raw rows, peak RSS {peak:.0f} MB (child process)")
    print(f"\nworst real PDF {worst:.1f} ms/page (target ≤ {TARGET_MS_PER_PAGE:.0f}); ", end="")
    print(f"peak {peak:.0f} MB on {pages} pages (target ≤ {TARGET_PEAK_MB:.0f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
