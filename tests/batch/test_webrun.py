"""A browser-started corpus run whose server stops: its row says it was interrupted, never "running"."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from gongkai.batch.executors import Executor
from gongkai.batch.pool import run_inline
from gongkai.batch.webrun import INTERRUPTED, interrupt_active, start_run
from gongkai.batch.worker import Job, Outcome, Work
from gongkai.store.engine import open_engine, session_scope
from gongkai.store.migrate import upgrade
from gongkai.store.repo.users import add_user
from gongkai.store.web_tables import CorpusRunRow
from tests.batch.reports import make_reports

RELEASE = threading.Event()
STARTED = threading.Event()


@dataclass(frozen=True)
class _Stuck(Executor):
    """Checks in this thread, but holds the first document until released (a long document)."""

    def run(self, jobs: Iterable[Job], work: Work) -> Iterator[Outcome]:
        STARTED.set()
        RELEASE.wait(timeout=60)
        yield from run_inline(jobs, work)


def test_webrun_interrupted_runs_are_marked_and_finished_ones_left_alone(tmp_path: Path) -> None:
    engine = open_engine(f"sqlite:///{tmp_path / 'web.db'}")
    upgrade(engine)
    with session_scope(engine, actor="test") as session:
        user = add_user(session, "sup", "x", "supervisor")
        session.add_all([CorpusRunRow(user_id=user.id, inputs="a"), CorpusRunRow(user_id=user.id, inputs="b")])
    inputs = [str(p) for p in make_reports(tmp_path / "in", 2)]
    finished = start_run(engine, 2, inputs[:1], tmp_path / "archive", Executor(inline=True), wait=True)
    assert finished is None
    thread = start_run(engine, 1, inputs, tmp_path / "archive", _Stuck(inline=True))
    assert thread is not None and STARTED.wait(timeout=30)

    assert interrupt_active(engine) == [1]  # the server stops: only the run still in this process
    with session_scope(engine, read_only=True) as session:
        rows = {r.id: (r.status, r.message) for r in session.scalars(select(CorpusRunRow))}
    assert rows[1] == ("failed", INTERRUPTED)
    assert rows[2] == ("done", "已审核 1 份文件")
    RELEASE.set()
    thread.join(timeout=60)
    engine.dispose()
