"""Documents checked in local worker processes (pebble), results in input order.

A worker that overruns the per-document time (``--timeout`` plus a grace period for the reader's
own check to fire) is killed and replaced (E112); a worker whose data segment would pass the memory
limit fails that document with E121 instead of exhausting the machine (``RLIMIT_DATA``); a worker
that dies otherwise gives E122. Workers are forked from a fork server that has gongkai imported,
so starting one costs milliseconds.

At most ``window`` documents are in flight, so the parent's memory does not grow with the run.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any

from gongkai.batch.worker import MEMORY_EXIT, Job, Outcome, Work, check_one, limit_memory, memory_error
from gongkai.errors import DocumentError
from gongkai.paths import display_path
from gongkai.result import DocumentResult

CHUNK = 4
"""Documents sent to a worker at a time (a text report takes milliseconds: the round trip would dominate)."""
GRACE_SECONDS = 5.0
"""How long past ``--timeout`` a worker may take (its own deadline check normally stops it first)."""
PRELOAD = ["gongkai.batch.worker", "gongkai.api", "gongkai.extract", "gongkai.audit"]


def failed(job: Job, error: DocumentError) -> Outcome:
    return Outcome(job.index, DocumentResult(path=display_path(job.path), status="failed", errors=[error]))


def crashed(job: Job, exc: BaseException, work: Work) -> Outcome:
    """The outcome of a document whose worker did not answer: killed at the time limit, out of memory, dead."""
    from pebble import ProcessExpired

    if isinstance(exc, FutureTimeout):
        limit = f"{work.timeout:g} 秒" if work.timeout is not None else ""
        message = f"处理超时（超过 {limit}），工作进程已被终止（可用 --timeout 调整每份文件的时限）"
        return failed(job, DocumentError(code="E112", message=message, stage="read"))
    if isinstance(exc, MemoryError):
        return failed(job, memory_error(work.memory_mb))
    if isinstance(exc, ProcessExpired) and exc.exitcode == MEMORY_EXIT:
        return failed(job, memory_error(work.memory_mb))
    if isinstance(exc, ProcessExpired):
        message = f"处理这份文件的工作进程意外退出（退出码 {exc.exitcode}），已换新进程继续"
        return failed(job, DocumentError(code="E122", message=message, stage="read"))
    message = f"处理这份文件的工作进程出错（{type(exc).__name__}），已换新进程继续"
    return failed(job, DocumentError(code="E122", message=message, stage="read"))


def _context() -> multiprocessing.context.BaseContext:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    return ctx


def run_chunk(jobs: list[Job], work: Work, task: Callable[[Job, Work], Outcome]) -> list[Outcome]:
    """What a worker runs: a few documents at a time (one round trip to the parent for them)."""
    return [task(job, work) for job in jobs]


def run_local(
    jobs: Iterable[Job],
    work: Work,
    processes: int,
    window: int | None = None,
    *,
    chunk: int = CHUNK,
    grace: float = GRACE_SECONDS,
    task: Callable[[Job, Work], Outcome] = check_one,
) -> Iterator[Outcome]:
    """Check ``jobs`` in ``processes`` worker processes; yields each outcome in input order.

    Jobs go to the workers ``chunk`` at a time, within ``chunk × timeout + grace`` seconds; a chunk
    that overruns or whose worker dies is run again one document at a time, each within ``timeout +
    grace``, so only the document at fault fails. ``task`` (a module-level function, so workers can
    import it) is what a worker runs per job.
    """
    ahead = window or max(2, processes * 3)
    workers = _Workers(processes, work.memory_mb)
    pending: deque[tuple[list[Job], Future[list[Outcome]]]] = deque()
    source = iter(jobs)

    def limit(count: int) -> float | None:
        return None if work.timeout is None else work.timeout * count + grace

    def send(batch: list[Job]) -> Future[list[Outcome]]:
        return workers.schedule(run_chunk, (batch, work, task), limit(len(batch)))

    def submit() -> None:
        batch = list(islice(source, chunk))
        if batch:
            pending.append((batch, send(batch)))

    def alone(job: Job) -> Outcome:
        try:
            return send([job]).result()[0]
        except BaseException as exc:  # the worker did not answer: say why, go on with the others
            if isinstance(exc, KeyboardInterrupt | GeneratorExit):
                raise
            workers.restarted(exc)
            return crashed(job, exc, work)

    try:
        for _ in range(ahead):
            submit()
        while pending:
            batch, future = pending.popleft()
            try:
                outcomes = future.result()
            except BaseException as exc:
                if isinstance(exc, KeyboardInterrupt | GeneratorExit):
                    raise
                if workers.restarted(exc):  # every chunk in flight went down with the pool: send them again
                    pending = deque((b, send(b)) for b, _ in pending)
                outcomes = [crashed(batch[0], exc, work)] if len(batch) == 1 else [alone(job) for job in batch]
            submit()
            yield from outcomes
    finally:
        workers.stop()


class _Workers:
    """The pebble pool, started again when it breaks (every worker gone at once: the pool refuses work)."""

    def __init__(self, processes: int, memory_mb: int | None) -> None:
        self.processes, self.memory_mb = processes, memory_mb
        self.pool: Any = self._start()

    def _start(self) -> Any:
        from pebble import ProcessPool

        return ProcessPool(
            max_workers=self.processes, initializer=limit_memory, initargs=(self.memory_mb,), context=_context()
        )

    def schedule(
        self, fn: Callable[..., list[Outcome]], args: tuple[Any, ...], timeout: float | None
    ) -> Future[list[Outcome]]:
        try:
            future: Future[list[Outcome]] = self.pool.schedule(fn, args, timeout=timeout)
        except RuntimeError:  # the pool broke since the last call
            self.restart()
            future = self.pool.schedule(fn, args, timeout=timeout)
        return future

    def restarted(self, exc: BaseException) -> bool:
        """Start a new pool if ``exc`` says the pool itself broke; whether it did."""
        if isinstance(exc, BrokenProcessPool) or not self.pool.active:
            self.restart()
            return True
        return False

    def restart(self) -> None:
        self.stop()
        self.pool = self._start()

    def stop(self) -> None:
        self.pool.stop()
        self.pool.join()


def run_inline(jobs: Iterable[Job], work: Work) -> Iterator[Outcome]:
    """Check ``jobs`` one at a time in this process (one document: no worker to start)."""
    for job in jobs:
        yield check_one(job, work)


__all__ = ["GRACE_SECONDS", "crashed", "failed", "run_inline", "run_local"]
