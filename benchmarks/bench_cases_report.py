"""Benchmark the report computed from the register: one agency with 10,000 applications, on SQLite.

Run from the repository root::

    .venv/bin/python benchmarks/bench_cases_report.py            # 10,000 applications, 5 timed runs
    .venv/bin/python benchmarks/bench_cases_report.py --quick    # 3 runs

Target (issue 10): the report for an agency with 10,000 applications computed in ≤ 1 s on SQLite —
``gongkai.casework.report.agency_report``: the register loaded from the store (applications and
their events) and every table counted with the records behind each cell. The whole command
``gongkai cases report --to 年报.json --draft`` (start-up, audit and writing included) is timed too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_read_audit import pin_to_one_core  # noqa: E402

from gongkai.cases.records import APPLICANT_TYPES  # noqa: E402
from gongkai.casework.report import agency_report  # noqa: E402
from gongkai.model.template import OUTCOME_ROWS_2021  # noqa: E402
from gongkai.store.engine import open_engine, session_scope  # noqa: E402
from gongkai.store.migrate import upgrade  # noqa: E402
from gongkai.store.repo import add_agency  # noqa: E402
from gongkai.store.tables import ApplicationRow, EventRow  # noqa: E402

AGENCY = "某市自然资源和规划局"
TARGET_S = 1.0


def populate(url: str, n: int, seed: int = 7) -> None:
    """``n`` applications over 2024–2025, most decided (about 2.5 events each), written in bulk."""
    from sqlalchemy import insert

    rng = random.Random(seed)
    engine = open_engine(url)
    upgrade(engine)
    with session_scope(engine, actor="bench") as s:
        agency_id = int(add_agency(s, AGENCY, "department", "某市").id)
        apps, events = [], []
        for i in range(1, n + 1):
            received = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(730))
            apps.append(
                {
                    "id": i,
                    "agency_id": agency_id,
                    "number": f"YSQ-{i:06d}",
                    "applicant_type": rng.choice(APPLICANT_TYPES),
                    "channel": "online",
                    "received": received,
                    "content": "申请公开某地块征收补偿方案",
                }
            )
            events.append({"application_id": i, "kind": "received", "on": received, "actor": "bench"})
            if rng.random() < 0.2:
                events.append(
                    {
                        "application_id": i,
                        "kind": "correction_requested",
                        "on": received + dt.timedelta(days=3),
                        "actor": "bench",
                    }
                )
            if rng.random() < 0.9:
                decided = received + dt.timedelta(days=rng.randrange(5, 40))
                events.append(
                    {
                        "application_id": i,
                        "kind": "decided",
                        "on": decided,
                        "outcome": rng.choice(OUTCOME_ROWS_2021),
                        "actor": "bench",
                    }
                )
        s.execute(insert(ApplicationRow), apps)
        s.execute(insert(EventRow), events)
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--applications", type=int, default=10_000)
    args = parser.parse_args()
    runs = 3 if args.quick else 5
    print(f"bench_cases_report: {args.applications} applications, {runs} runs, {pin_to_one_core()}")
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'gongkai.db'}"
        start = time.perf_counter()
        populate(url, args.applications)
        print(f"store populated in {time.perf_counter() - start:.2f} s")
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            report = agency_report(AGENCY, 2025, url=url)
            times.append(time.perf_counter() - start)
        total = report.table3.value("total_processed", "total")
        median = statistics.median(times)
        verdict = "OK" if median <= TARGET_S else "OVER TARGET"
        print(
            f"agency_report (load + count): median {median:.3f} s, min {min(times):.3f} s — {verdict} (target ≤ {TARGET_S} s)"
        )
        print(f"  2025: {report.table3.value('new_received', 'total')} received, {total} processed")
        env = dict(os.environ, GONGKAI_DATABASE_URL=url)
        gongkai = str(Path(sys.executable).parent / "gongkai")
        cli = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(
                [
                    gongkai,
                    "cases",
                    "report",
                    "--agency",
                    AGENCY,
                    "--year",
                    "2025",
                    "--to",
                    str(Path(tmp) / "年报.json"),
                    "--draft",
                ],
                env=env,
                check=True,
                capture_output=True,
            )
            cli.append(time.perf_counter() - start)
        print(f"gongkai cases report --to 年报.json --draft (whole command): median {statistics.median(cli):.3f} s")


if __name__ == "__main__":
    main()
