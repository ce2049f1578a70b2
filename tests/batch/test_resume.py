"""A run into the store killed with SIGKILL and run again: exactly one result per document, same output."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.batch.reports import make_reports

COUNT = 60
RUN = [sys.executable, "-c", "from gongkai.cli import main; main()"]


def _check(folder: Path, store: Path, out: Path, *, wait: bool = True) -> subprocess.Popen[bytes]:
    args = [
        *RUN,
        "check",
        str(folder),
        "--store",
        str(store),
        "--jobs",
        "2",
        "-f",
        "csv",
        "-o",
        str(out),
        "--exit-zero",
    ]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    if wait:
        proc.wait(timeout=300)
    return proc


def _results(store: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(store) as db:
        return db.execute(
            "SELECT d.sha256, count(r.id) FROM corpus_documents d JOIN corpus_results r ON r.document_id = d.id "
            "GROUP BY d.sha256"
        ).fetchall()


def _count(store: Path) -> int:
    try:
        with sqlite3.connect(store, timeout=1) as db:
            return int(db.execute("SELECT count(*) FROM corpus_results").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_resume_after_kill_9_exactly_one_result_each_and_same_output(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    make_reports(folder, COUNT)
    store = tmp_path / "corpus.db"
    first = _check(folder, store, tmp_path / "killed.csv", wait=False)
    deadline = time.monotonic() + 120
    while _count(store) < 8 and time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.05)
    os.killpg(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    done_before = _count(store)
    assert 0 < done_before < COUNT, "the run was killed part-way"
    assert not (tmp_path / "killed.csv").exists()  # the output is written whole or not at all

    again = _check(folder, store, tmp_path / "resumed.csv")
    assert again.returncode == 0, again.stderr.read().decode() if again.stderr else ""
    message = again.stderr.read().decode() if again.stderr else ""
    assert f"本次审核 {COUNT - done_before} 份，跳过 {done_before} 份" in message
    rows = _results(store)
    assert len(rows) == COUNT and {n for _, n in rows} == {1}

    fresh = _check(folder, tmp_path / "fresh.db", tmp_path / "fresh.csv")
    assert fresh.returncode == 0
    assert (tmp_path / "resumed.csv").read_bytes() == (tmp_path / "fresh.csv").read_bytes()

    third = _check(folder, store, tmp_path / "third.csv")
    assert third.returncode == 0
    assert f"本次审核 0 份，跳过 {COUNT} 份" in (third.stderr.read().decode() if third.stderr else "")
    assert (tmp_path / "third.csv").read_bytes() == (tmp_path / "fresh.csv").read_bytes()
