"""Benchmark the 台账 import: a 10,000-row ledger into a fresh SQLite store, end to end.

Run from the repository root::

    .venv/bin/python benchmarks/bench_cases_import.py            # 10,000 rows, median of 3 runs
    .venv/bin/python benchmarks/bench_cases_import.py --rows 2000 --runs 1

Target (issue 10): importing a 10,000-row 台账 ≤ 5 s on SQLite. Each run is
``gongkai.casework.ledger.import_applications`` as ``gongkai import applications`` calls it —
read the workbook, open the store, plan and write in one transaction, commit — into a new database
(migrated and given its agency beforehand, not timed). The reading alone (``read_ledger``) and a
re-import of the same file (every row compared, nothing written) are timed too.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from benchmarks.bench_read_audit import pin_to_one_core  # noqa: E402
from benchmarks.ledger_data import make_ledger  # noqa: E402

from gongkai.cases.ledger import read_ledger  # noqa: E402
from gongkai.casework.ledger import ImportResult, import_applications  # noqa: E402
from gongkai.store.engine import open_engine, session_scope  # noqa: E402
from gongkai.store.migrate import upgrade  # noqa: E402
from gongkai.store.repo import add_agency  # noqa: E402

TARGET_S = 5.0
AGENCY = "某市某局"


def fresh_store(folder: Path, run: int) -> str:
    url = f"sqlite:///{folder / f'run{run}.db'}"
    engine = open_engine(url)
    try:
        upgrade(engine)
        with session_scope(engine) as session:
            add_agency(session, AGENCY, "department")
    finally:
        engine.dispose()
    return url


def timed(what: str, runs: list[float]) -> float:
    median = statistics.median(runs)
    print(f"{what}: median {median:.2f} s ({', '.join(f'{t:.2f}' for t in runs)})")
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(f"bench_cases_import: {args.rows:,} rows, {args.runs} runs, {pin_to_one_core()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = make_ledger(folder / "台账.xlsx", args.rows, args.seed)
        print(f"台账: {path.stat().st_size / 1024:.0f} KB")
        reads: list[float] = []
        for _ in range(args.runs):
            start = time.perf_counter()
            read_ledger(path)
            reads.append(time.perf_counter() - start)
        timed("read_ledger", reads)
        imports: list[float] = []
        again: list[float] = []
        result: ImportResult | None = None
        for run in range(args.runs):
            url = fresh_store(folder, run)
            start = time.perf_counter()
            result = import_applications(path, AGENCY, url=url)
            imports.append(time.perf_counter() - start)
            start = time.perf_counter()
            unchanged = import_applications(path, AGENCY, url=url)
            again.append(time.perf_counter() - start)
            assert unchanged == ImportResult(0, 0, args.rows, 0), unchanged
        assert result is not None and result.added == args.rows
        print(f"imported: {result.added:,} applications, {result.events_added:,} events")
        median = timed("import into a fresh store", imports)
        timed("re-import (nothing changes)", again)
    verdict = "OK" if median <= TARGET_S else "OVER TARGET"
    print(f"target ≤ {TARGET_S:.0f} s for {args.rows:,} rows: {median:.2f} s — {verdict}")


if __name__ == "__main__":
    main()
