"""kill -9 during an import, inside its write transaction, leaves the database as it was before it
(SQLite and PostgreSQL); the import run again then succeeds, and a third run changes nothing."""

from __future__ import annotations

import os
import re
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from benchmarks.ledger_data import make_ledger
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

import gongkai
from gongkai.casework.ledger import ImportResult, import_applications
from gongkai.cli import run
from gongkai.store.engine import open_engine, session_scope
from gongkai.store.migrate import upgrade
from gongkai.store.repo import add_agency
from tests.casework.ledger_files import counts, ledger

AGENCY = "X"
ROWS = 5000
SRC = Path(gongkai.__file__).resolve().parents[1]
WAIT = 60.0
"""Seconds the test waits for the import to reach its write transaction (it takes about one)."""


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_ledger(tmp_path_factory.mktemp("kill") / "big.xlsx", ROWS, seed=3)


def _start(url: str, path: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "GONGKAI_DATABASE_URL": url, "PYTHONPATH": str(SRC), "GONGKAI_USER": "李四"}
    command = [sys.executable, "-c", "from gongkai.cli import main; main()", "import", "applications", str(path)]
    return subprocess.Popen([*command, "--agency", AGENCY], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _finished_early(proc: subprocess.Popen[bytes]) -> str:
    out, err = proc.communicate()
    return f"the import finished (exit {proc.returncode}) before it could be killed: {out.decode()} {err.decode()}"


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _kill_in_sqlite_write(proc: subprocess.Popen[bytes], database: Path) -> None:
    """Kill once the import has written pages of its transaction to the WAL (before its commit)."""
    wal = Path(f"{database}-wal")
    start = _size(wal)
    deadline = time.monotonic() + WAIT
    while proc.poll() is None and time.monotonic() < deadline:
        if _size(wal) > start:
            proc.send_signal(signal.SIGKILL)
            return
        time.sleep(0.002)
    pytest.fail(_finished_early(proc) if proc.poll() is not None else "the WAL never grew")


_WRITING = text(
    "SELECT pid FROM pg_stat_activity WHERE application_name = :name AND backend_xid IS NOT NULL"
    " AND state = 'active' AND query ILIKE 'INSERT INTO %'"
)


def _kill_in_postgres_write(proc: subprocess.Popen[bytes], watch: Engine, name: str) -> None:
    """Kill once the import's backend holds a transaction id and runs an INSERT (before its COMMIT)."""
    deadline = time.monotonic() + WAIT
    with watch.connect() as connection:
        while proc.poll() is None and time.monotonic() < deadline:
            if connection.execute(_WRITING, {"name": name}).first() is not None:
                proc.send_signal(signal.SIGKILL)
                break
            connection.rollback()  # a fresh snapshot of pg_stat_activity each time
            time.sleep(0.005)
        else:
            pytest.fail(_finished_early(proc) if proc.poll() is not None else "the import never started writing")
        proc.wait()
        gone = text("SELECT count(*) FROM pg_stat_activity WHERE application_name = :name")
        while connection.execute(gone, {"name": name}).scalar() and time.monotonic() < deadline:
            connection.rollback()
            time.sleep(0.05)  # the server ends the orphaned backend and rolls its transaction back


def test_ledger_import_kill_9_in_the_write_transaction_leaves_the_database_as_it_was(
    backend: str,
    empty_url: str,
    big: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = open_engine(empty_url)
    upgrade(engine)
    with session_scope(engine) as s:
        add_agency(s, AGENCY, "department")
    import_applications(ledger(tmp_path / "台账.xlsx"), AGENCY, url=empty_url)  # what it held before: 19 applications
    before = counts(engine)
    engine.dispose()  # no connection left open: SQLite checkpoints and removes its WAL

    if backend == "sqlite":
        database = Path(make_url(empty_url).database or "")
        proc = _start(empty_url, big)
        try:
            _kill_in_sqlite_write(proc, database)
        finally:
            proc.wait()
    else:
        name = f"gongkai-kill-{secrets.token_hex(4)}"
        child_url = make_url(empty_url).update_query_dict({"application_name": name})
        watch = create_engine(empty_url)
        proc = _start(child_url.render_as_string(hide_password=False), big)
        try:
            _kill_in_postgres_write(proc, watch, name)
        finally:
            proc.wait()
            watch.dispose()
    assert proc.returncode == -signal.SIGKILL

    engine = open_engine(empty_url)
    try:
        assert counts(engine) == before
        assert before["applications"] == 19 and before["audit_log"] == 20
        if backend == "sqlite":
            with engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"

        monkeypatch.setenv("GONGKAI_DATABASE_URL", empty_url)
        assert run(["import", "applications", str(big), "--agency", AGENCY]) == 0
        out = capsys.readouterr().out
        found = re.fullmatch(r"已导入：新增5000件，更新0件，未变0件（新增事件(\d+)条）\n", out)
        assert found is not None, out
        after = counts(engine)
        assert after["applications"] == before["applications"] + ROWS
        assert after["application_events"] == before["application_events"] + int(found.group(1))
        assert after["audit_log"] == before["audit_log"] + ROWS

        assert import_applications(big, AGENCY, url=empty_url) == ImportResult(0, 0, ROWS, 0)
        assert counts(engine) == after
    finally:
        engine.dispose()
