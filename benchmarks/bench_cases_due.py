"""``gongkai cases due`` over 100,000 open applications, timed as a user runs it (target ≤ 1 s).

Run from the repository root::

    .venv/bin/python benchmarks/bench_cases_due.py              # 100,000 applications, median of 3
    .venv/bin/python benchmarks/bench_cases_due.py --quick      # 10,000 applications
    .venv/bin/python benchmarks/bench_cases_due.py --n 200000 --runs 5 --keep DIR

Builds a SQLite store (``gongkai db upgrade``'s schema, the built-in calendar) with 50 agencies and
N open applications inserted in bulk with SQLAlchemy Core. Their cached deadline columns are what
the statutory clock gives (counted once per received date, the clock's own functions): received over
the 40 calendar days before today; 85 % answer deadlines (one in ten of them with a consultation
out), 8 % awaiting a correction (reply-by 10 to 15 calendar days after receipt), 7 % awaiting a fee
(paid within 20 working days of a notice 5 days after receipt). Deadlines reaching a year the
calendar does not cover are provisional, as the clock says. Then the command runs as a fresh
process (this checkout's ``src`` first on ``PYTHONPATH``; output to ``/dev/null``), text and
``--within 5``, median of the runs; and once more under ``-X importtime`` to split the start-up off.
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
SRC = ROOT / "src"
sys.path.insert(0, str(SRC))

AGENCIES = 50
TARGET_S = 1.0


def build(url: str, n: int, today: dt.date, seed: int = 7) -> None:
    """A store at head with the built-in calendar and ``n`` open applications (bulk Core inserts)."""
    from sqlalchemy import insert

    from gongkai.cases.calendar_seed import default_calendar
    from gongkai.cases.clock import answer_deadline, consultation_limit, fee_payment_deadline
    from gongkai.store.engine import open_engine, session_scope
    from gongkai.store.migrate import upgrade
    from gongkai.store.repo import seed_calendar
    from gongkai.store.tables import AgencyRow, ApplicationRow

    engine = open_engine(url)
    upgrade(engine)
    with session_scope(engine, actor="bench") as session:
        seed_calendar(session)
    cal = default_calendar()
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    answer: dict[dt.date, tuple[dt.date, bool]] = {}
    paused: dict[tuple[dt.date, dt.date], tuple[dt.date, bool, dt.date]] = {}
    fee: dict[dt.date, tuple[dt.date, bool]] = {}
    rows: list[dict[str, object]] = []
    kinds = ("natural_person",) * 6 + (
        "commercial_enterprise",
        "research_institution",
        "legal_service_org",
        "other_org",
    )
    for i in range(n):
        received = today - dt.timedelta(days=rng.randint(0, 40))
        roll = rng.random()
        row: dict[str, object] = {
            "agency_id": 1 + i % AGENCIES,
            "number": f"{received.year}-{i:06d}",
            "applicant_name": "",
            "applicant_type": rng.choice(kinds),
            "channel": "online",
            "received": received,
            "content": "",
            "status": "open",
            "created_at": now,
        }
        if roll < 0.085:  # a consultation out: sent a few days after receipt, no reply yet
            sent = received + dt.timedelta(days=rng.randint(1, 5))
            if (received, sent) not in paused:
                d = answer_deadline(cal, received, pauses=[(sent, None)])
                paused[(received, sent)] = (d.due, d.provisional, consultation_limit(cal, sent).due)
            due, provisional, until = paused[(received, sent)]
            row |= {"due_on": due, "due_provisional": provisional, "due_kind": "answer", "consulting_until": until}
        elif roll < 0.85:
            if received not in answer:
                d = answer_deadline(cal, received)
                answer[received] = (d.due, d.provisional)
            due, provisional = answer[received]
            row |= {"due_on": due, "due_provisional": provisional, "due_kind": "answer"}
        elif roll < 0.93:
            reply_by = received + dt.timedelta(days=rng.randint(10, 15))
            row |= {"due_on": reply_by, "due_provisional": False, "due_kind": "correction_reply"}
        else:
            notice = received + dt.timedelta(days=5)
            if notice not in fee:
                d = fee_payment_deadline(cal, notice)
                fee[notice] = (d.due, d.provisional)
            due, provisional = fee[notice]
            row |= {"due_on": due, "due_provisional": provisional, "due_kind": "fee_payment"}
        row.setdefault("consulting_until", None)
        rows.append(row)
    with engine.begin() as connection:
        connection.execute(
            insert(AgencyRow),
            [{"name": f"某市第{a}局", "kind": "department", "created_at": now} for a in range(1, AGENCIES + 1)],
        )
        for start in range(0, n, 20_000):
            connection.execute(insert(ApplicationRow), rows[start : start + 20_000])
    engine.dispose()


def _time(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        proc = subprocess.run(
            [sys.executable, "-c", "from gongkai.cli import main; main()", *args],
            env=env, stdout=sink, stderr=subprocess.PIPE, check=False,
        )  # fmt: skip
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"gongkai {' '.join(args)} failed ({proc.returncode}): {proc.stderr.decode()}")
    return wall


def _startup(args: list[str], env: dict[str, str]) -> float:
    """Seconds spent importing modules (``-X importtime``: the top-level imports' cumulative times)."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "from gongkai.cli import main; main()", *args],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True,
    )  # fmt: skip
    total = 0
    for line in proc.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit() and not parts[2].startswith("  "):
            total += int(parts[1])
    return total / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000, help="open applications (default 100,000)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per command (default 3)")
    parser.add_argument("--quick", action="store_true", help="10,000 applications")
    parser.add_argument("--keep", type=Path, help="build the store in this folder and keep it")
    args = parser.parse_args()
    n = 10_000 if args.quick else args.n
    today = dt.date.today()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / "cases_due.db"
        db.unlink(missing_ok=True)
        url = f"sqlite:///{db}"
        start = time.perf_counter()
        build(url, n, today)
        print(f"store: {n:,} open applications, {AGENCIES} agencies, built in {time.perf_counter() - start:.1f} s")
        env = os.environ | {"GONGKAI_DATABASE_URL": url, "PYTHONPATH": str(SRC)}
        _time(["cases", "due"], env)  # warm the page cache and the .pyc files
        print(f"today {today.isoformat()}; median of {args.runs} runs, each a fresh process, output to /dev/null")
        print(f"{'command':<40}{'median s':>10}{'min s':>10}   target ≤ {TARGET_S:.1f} s")
        for command in (["cases", "due"], ["cases", "due", "--within", "5"], ["cases", "due", "--format", "json"]):
            times = [_time(command, env) for _ in range(args.runs)]
            median = statistics.median(times)
            mark = "ok" if median <= TARGET_S or "json" in command else "SLOW"
            print(f"{'gongkai ' + ' '.join(command):<40}{median:>10.3f}{min(times):>10.3f}   {mark}")
        base = ["--version"]
        print(f"start-up: gongkai --version {statistics.median(_time(base, env) for _ in range(args.runs)):.3f} s; "
              f"modules imported by cases due {_startup(['cases', 'due'], env):.3f} s (-X importtime)")  # fmt: skip


if __name__ == "__main__":
    main()
