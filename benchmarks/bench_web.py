"""Benchmark the web app under load: page latency with 20 concurrent logged-in clients.

Run from the repository root::

    .venv/bin/python benchmarks/bench_web.py                       # 10,000 applications, 1,000 reports, 20 clients × 20 s
    .venv/bin/python benchmarks/bench_web.py --quick               # 2,000 applications, 100 reports, 10 s
    .venv/bin/python benchmarks/bench_web.py --page 案件页=/agency/applications/{number} --seconds 30

Target (issue 12): p95 ≤ 100 ms per page. Three processes:

1. this one builds the store (not timed against the target; its build time is printed): a SQLite
   database at the migration head with one agency, a clerk and a supervisor, the agency's 10,000
   applications imported from a generated 台账 (``benchmarks/ledger_data.py``, as
   ``gongkai import applications``) and 1,000 text reports (the samples, each with a distinct line)
   audited into the corpus store by ``gongkai.batch.run.run_check`` (as ``gongkai check --store``);
2. ``uvicorn`` serving ``gongkai.web.app:create_app`` on that store, a subprocess;
3. the load: a second subprocess (this script with ``--load``) with ``--clients`` threads, each with
   its own logged-in sessions (``/api/v1/session``; the clerk for agency pages, the supervisor for
   supervisor pages), looping over the pages for ``--seconds``. It prints JSON; this process prints
   p50 / p95 / max latency per page.

Pages are URL templates (``{number}``: an imported application's number; ``{finding}``: a stored
corpus finding's id; ``{report}``: a stored corpus result's id), each with the role that reads it.
A page answering 404 before the run is reported as missing and left out (pages added later need
no change here but ``PAGES`` or ``--page``).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

TARGET_MS = 100.0
AGENCY = "淮安市洪泽区人民政府办公室"
REGION = "江苏省淮安市洪泽区"
PASSWORD = "bench-web-password"
USERS = (
    ("admin", "admin", None, None),
    ("clerk", "clerk", AGENCY, None),
    ("supervisor", "supervisor", None, None),
)
"""The supervisor has no region, so sees every stored report (the generated reports' agencies are of many
regions: a supervisor of one region would see few or none, and the finding page would 404)."""

PAGES: dict[str, tuple[str, str]] = {
    "登记簿 /agency": ("clerk", "/agency"),
    "案件页": ("clerk", "/agency/applications/{number}"),
    "年报页 /agency/report": ("clerk", "/agency/report"),
    "问题页": ("supervisor", "/supervisor/findings/{finding}"),
    "语料库年报 /supervisor/reports": ("supervisor", "/supervisor/reports"),
    "对照 /api/v1/me": ("clerk", "/api/v1/me"),
    "对照 /admin/users": ("admin", "/admin/users"),
}
"""Page group → (role, URL template). ``--page NAME=URL`` (role clerk) or ``NAME=ROLE:URL`` adds or replaces."""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def build_store(folder: Path, applications: int, reports: int) -> tuple[str, dict[str, str], dict[str, float]]:
    """The store's URL, the samples for the URL placeholders and the build timings (s)."""
    from benchmarks.ledger_data import make_ledger
    from sqlalchemy import func, select
    from tests.batch.reports import make_reports

    from gongkai.api import iter_inputs
    from gongkai.batch.executors import Executor
    from gongkai.batch.items import local_items
    from gongkai.batch.run import RunOptions, run_check
    from gongkai.casework.ledger import import_applications
    from gongkai.store.corpus_tables import CorpusFindingRow, CorpusResultRow
    from gongkai.store.engine import open_engine, session_scope
    from gongkai.store.migrate import upgrade
    from gongkai.store.repo.agencies import add_agency
    from gongkai.store.repo.users import add_user
    from gongkai.store.tables import ApplicationRow
    from gongkai.web.security import hash_password

    timings: dict[str, float] = {}
    url = f"sqlite:///{folder / 'web.db'}"
    engine = open_engine(url)
    try:
        upgrade(engine)
        with session_scope(engine, actor="bench") as session:
            add_agency(session, AGENCY, "government", REGION)
            secret = hash_password(PASSWORD)
            for username, role, agency, region in USERS:
                add_user(session, username, secret, role, display_name=username, agency=agency, region=region)
    finally:
        engine.dispose()
    start = time.perf_counter()
    ledger = make_ledger(folder / "台账.xlsx", applications, 1)
    timings["台账 generated"] = time.perf_counter() - start
    start = time.perf_counter()
    import_applications(ledger, AGENCY, url=url)
    timings[f"{applications:,} applications imported"] = time.perf_counter() - start
    start = time.perf_counter()
    paths = make_reports(folder / "reports", reports)
    items = list(local_items(iter_inputs(paths)))
    jobs = max(1, min(2, os.cpu_count() or 1))
    for _ in run_check(items, RunOptions(executor=Executor(jobs=jobs), store=url)):
        pass
    timings[f"{reports:,} reports audited into the corpus ({jobs} workers)"] = time.perf_counter() - start
    engine = open_engine(url)
    try:
        with session_scope(engine, actor="bench") as session:
            number = session.scalar(select(ApplicationRow.number).order_by(ApplicationRow.id).limit(1))
            finding = session.scalar(select(func.min(CorpusFindingRow.id)))
            report = session.scalar(select(func.min(CorpusResultRow.id)))
            counts = (
                session.scalar(select(func.count()).select_from(ApplicationRow)),
                session.scalar(select(func.count()).select_from(CorpusResultRow)),
                session.scalar(select(func.count()).select_from(CorpusFindingRow)),
            )
    finally:
        engine.dispose()
    print(f"store: {counts[0]:,} applications, {counts[1]:,} corpus results, {counts[2]:,} findings")
    return url, {"number": str(number), "finding": str(finding), "report": str(report)}, timings


def start_server(url: str, folder: Path, port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    env = {**os.environ, "GONGKAI_DATABASE_URL": url, "GONGKAI_DATA_DIR": str(folder), "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "uvicorn", "--factory", "gongkai.web.app:create_app"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log"]
    command += ["--workers", str(workers)]
    log = (folder / "server.log").open("wb")  # the server's tracebacks: summarised by server_errors()
    server = subprocess.Popen(command, env=env, cwd=folder, stdout=log, stderr=subprocess.STDOUT)
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"uvicorn exited with {server.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/login", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("uvicorn did not answer within 60 s")


def server_errors(folder: Path) -> str:
    """How many requests failed inside the server, and the last line of the first traceback."""
    text = (folder / "server.log").read_text(encoding="utf-8", errors="replace")
    failures = text.count("Exception in ASGI application")
    if not failures:
        return "server: no exception"
    first = text.split("Exception in ASGI application", 1)[1]
    last = [line for line in first.split("ERROR:", 1)[0].splitlines() if line.strip()][-2:]
    return f"server: {failures} requests failed with an exception, the first: {' / '.join(last)}"


# --- the load process -------------------------------------------------------------------------


def _session(base: str, username: str) -> Any:
    import httpx

    client = httpx.Client(base_url=base, follow_redirects=False, timeout=30)
    response = client.post("/api/v1/session", json={"username": username, "password": PASSWORD})
    response.raise_for_status()
    return client


def run_load(base: str, pages: dict[str, tuple[str, str]], clients: int, seconds: float) -> dict[str, Any]:
    """Latencies (ms) per page group and the pages found missing, as JSON-ready data."""
    probe = {role: _session(base, role) for role in {role for role, _ in pages.values()}}
    present: dict[str, tuple[str, str]] = {}
    missing: dict[str, str] = {}
    for name, (role, path) in pages.items():
        status = probe[role].get(path).status_code
        if status == 200:
            present[name] = (role, path)
        else:
            missing[name] = f"{path}: {status}" + (" (no such page yet)" if status == 404 else "")
    latencies: dict[str, list[float]] = {name: [] for name in present}
    errors: dict[str, int] = dict.fromkeys(present, 0)
    lock = threading.Lock()
    clock: dict[str, float] = {}

    def go() -> None:  # when every client has logged in
        clock["start"] = time.monotonic()
        clock["stop"] = clock["start"] + seconds

    ready = threading.Barrier(clients, action=go)

    # logged in one after another, before the clock starts: each login verifies an argon2 hash in a
    # write transaction, and 20 at once would wait on SQLite's write lock (see the README)
    roles = {role for role, _ in present.values()}
    logged = [{role: _session(base, role) for role in roles} for _ in range(clients)]

    def client_loop(index: int) -> None:
        sessions = logged[index]
        order = list(present.items())
        mine: dict[str, list[float]] = {name: [] for name in present}
        bad: dict[str, int] = dict.fromkeys(present, 0)
        ready.wait()
        i, stop = index, clock["stop"]
        while time.monotonic() < stop and order:
            name, (role, path) = order[i % len(order)]
            i += 1
            start = time.perf_counter()
            response = sessions[role].get(path)
            elapsed = (time.perf_counter() - start) * 1000
            if response.status_code == 200:
                mine[name].append(elapsed)
            else:
                bad[name] += 1
        with lock:
            for name in present:
                latencies[name] += mine[name]
                errors[name] += bad[name]

    threads = [threading.Thread(target=client_loop, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - clock["start"]
    return {"latencies": latencies, "errors": errors, "missing": missing, "wall": wall, "pages": present}


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _pad(text: str, width: int) -> str:
    """``text`` left-aligned in ``width`` terminal columns (a Chinese character takes two)."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(1, width - used)


def report(result: dict[str, Any], clients: int) -> bool:
    latencies: dict[str, list[float]] = result["latencies"]
    total = sum(len(v) for v in latencies.values())
    print(f"\n{clients} clients, {result['wall']:.1f} s, {total:,} requests ({total / result['wall']:.0f}/s)")
    print(f"{_pad('page', 34)}{'n':>7} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'errors':>7}  verdict")
    ok = True
    for name, values in latencies.items():
        if not values:
            print(f"{_pad(name, 34)}{0:>7}  (no successful request; {result['errors'][name]} errors)")
            ok = False
            continue
        p95 = _pct(values, 0.95)
        verdict = "OK" if p95 <= TARGET_MS else "OVER TARGET"
        ok = ok and p95 <= TARGET_MS and not result["errors"][name]
        print(
            f"{_pad(name, 34)}{len(values):>7} {statistics.median(values):>8.1f} {p95:>8.1f} {max(values):>8.1f}"
            f" {result['errors'][name]:>7}  {verdict}"
        )
    for name, why in result["missing"].items():
        print(f"{_pad(name, 34)}missing — {why}")
    print(f"target: p95 ≤ {TARGET_MS:.0f} ms per page")
    return ok


def parse_pages(extra: list[str], samples: dict[str, str]) -> dict[str, tuple[str, str]]:
    pages = dict(PAGES)
    for item in extra:
        name, _, spec = item.partition("=")
        role, _, path = spec.rpartition(":") if not spec.startswith("/") else ("", "", spec)
        pages[name] = (role or "clerk", path)
    return {name: (role, path.format(**samples)) for name, (role, path) in pages.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--applications", type=int, default=10_000)
    parser.add_argument("--reports", type=int, default=1_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes (gongkai serve --workers)")
    parser.add_argument("--quick", action="store_true", help="2,000 applications, 100 reports, 10 s")
    parser.add_argument("--page", action="append", default=[], metavar="NAME=[ROLE:]URL")
    parser.add_argument("--load", metavar="JSON", help=argparse.SUPPRESS)  # the load process
    args = parser.parse_args()
    if args.load:
        job = json.loads(args.load)
        pages = {name: (role, path) for name, (role, path) in job["pages"].items()}
        print(json.dumps(run_load(job["base"], pages, job["clients"], job["seconds"]), ensure_ascii=False))
        return
    if args.quick:
        args.applications, args.reports, args.seconds = 2_000, 100, 10.0
    print(
        f"bench_web: {args.applications:,} applications, {args.reports:,} reports, {args.clients} clients,"
        f" {args.workers} server worker(s)"
    )
    with tempfile.TemporaryDirectory(prefix="gongkai-bench-web-") as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        url, samples, timings = build_store(folder, args.applications, args.reports)
        for what, seconds in timings.items():
            print(f"  {what}: {seconds:.1f} s")
        print(f"store built in {time.perf_counter() - start:.1f} s")
        port = _free_port()
        server = start_server(url, folder, port, args.workers)
        try:
            job = {
                "base": f"http://127.0.0.1:{port}",
                "pages": parse_pages(args.page, samples),
                "clients": args.clients,
                "seconds": args.seconds,
            }
            load = subprocess.run(
                [sys.executable, __file__, "--load", json.dumps(job, ensure_ascii=False)],
                capture_output=True,
                text=True,
                check=False,
            )
            if load.returncode:
                raise SystemExit(f"the load process failed:\n{load.stderr}")
            ok = report(json.loads(load.stdout), args.clients)
        finally:
            server.terminate()
            server.wait(timeout=30)
        print(server_errors(folder))
    print("OK" if ok else "NOT ALL PAGES WITHIN TARGET")


if __name__ == "__main__":
    main()
