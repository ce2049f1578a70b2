"""A corpus run started from the browser: its inputs checked into the store the app runs on, in a
background thread, its progress written to its ``web_corpus_runs`` row as it goes.

One run at a time: a run started while another works waits (status ``queued``) for the lock.
When the server stops, the runs this process holds are marked interrupted (:func:`interrupt_active`):
a row never stays ``running`` after its thread is gone with the process. What a run had checked is in
the store already; submitting the same inputs again checks only the rest.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from gongkai.batch.executors import Executor
from gongkai.batch.run import Progress, RunOptions, run_check
from gongkai.store.engine import session_scope
from gongkai.store.web_tables import CorpusRunRow

RUN_LOCK = threading.Lock()
_ACTIVE: set[int] = set()
"""The runs of this process, queued or running (each server process has its own)."""
_ACTIVE_LOCK = threading.Lock()
INTERRUPTED = "服务已停止，本次运行中断（已审核的文件已保存在库中；重新提交同样的文件或网址，只会审核其余的）"
SAVE_EVERY = 0.5
"""Seconds between two writes of a run's progress (the last one is always written)."""
MAX_MESSAGE = 2000


def _update(engine: Engine, run_id: int, **values: object) -> None:
    with session_scope(engine, actor="corpus-run") as session:
        row = session.get(CorpusRunRow, run_id)
        if row is not None:
            for key, value in values.items():
                setattr(row, key, value)


def _progress(engine: Engine, run_id: int) -> Progress:
    state = {"done": 0, "saved": 0.0}

    def start(_label: str, total: int | None) -> None:
        _update(engine, run_id, total=total or 0, done=0)

    def advance() -> None:
        state["done"] += 1
        now = time.monotonic()
        if now - state["saved"] >= SAVE_EVERY:
            state["saved"] = now
            _update(engine, run_id, done=int(state["done"]))

    return Progress(start=start, advance=advance)


def execute_run(engine: Engine, run_id: int, inputs: list[str], archive: Path, executor: Executor) -> None:
    """Check ``inputs`` (files and URLs) into the store of ``engine``, updating run ``run_id``'s row.

    Never raises: a failure is recorded on the row (status ``failed``, its message)."""
    from gongkai.batch.inputs import run_items

    with _ACTIVE_LOCK:
        _ACTIVE.add(run_id)
    try:
        _execute(engine, run_id, inputs, archive, executor, run_items)
    finally:
        with _ACTIVE_LOCK:
            _ACTIVE.discard(run_id)


def _execute(
    engine: Engine, run_id: int, inputs: list[str], archive: Path, executor: Executor, run_items: Callable[..., Any]
) -> None:
    with RUN_LOCK:
        _update(engine, run_id, status="running")
        progress = _progress(engine, run_id)
        try:
            items = list(run_items(inputs, archive=archive))
            url = engine.url.render_as_string(hide_password=False)
            count = sum(1 for _ in run_check(items, RunOptions(executor=executor, store=url), progress))
            _update(
                engine,
                run_id,
                status="done",
                done=count,
                total=count,
                message=f"已审核 {count} 份文件",
                finished_at=dt.datetime.now(dt.UTC),
            )
        except Exception as exc:
            _update(
                engine,
                run_id,
                status="failed",
                message=f"运行失败：{exc}"[:MAX_MESSAGE],
                finished_at=dt.datetime.now(dt.UTC),
            )


def interrupt_active(engine: Engine) -> list[int]:
    """Mark this process's queued and running runs as interrupted (the server is stopping); their ids."""
    with _ACTIVE_LOCK:
        active = sorted(_ACTIVE)
    for run_id in active:
        _update(engine, run_id, status="failed", message=INTERRUPTED, finished_at=dt.datetime.now(dt.UTC))
    return active


def start_run(
    engine: Engine, run_id: int, inputs: list[str], archive: Path, executor: Executor, *, wait: bool = False
) -> threading.Thread | None:
    """Run :func:`execute_run` in a daemon thread (returned), or here when ``wait``."""
    if wait:
        execute_run(engine, run_id, inputs, archive, executor)
        return None
    target: Callable[[], None] = lambda: execute_run(engine, run_id, inputs, archive, executor)  # noqa: E731
    thread = threading.Thread(target=target, name=f"corpus-run-{run_id}", daemon=True)
    thread.start()
    return thread


__all__ = ["INTERRUPTED", "RUN_LOCK", "execute_run", "interrupt_active", "start_run"]
