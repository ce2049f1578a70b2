"""Documents checked on a Dask cluster (``dask.distributed``), results in input order.

``tcp://HOST:8786`` connects to a running cluster (``dask scheduler`` on one machine, ``dask worker
tcp://HOST:8786 --nworkers N --nthreads 1`` on each of the others, gongkai installed on all, the input
files at the same paths: a shared folder); ``local:N`` starts a ``LocalCluster`` of N single-threaded
worker processes for this run.

Documents go to the cluster a few per task (one task's scheduling cost is paid for several), at most
``window`` tasks in flight. The per-document time limit is gongkai's own deadline check, which every
reader makes; a worker's memory is bounded by Dask's nanny (``--memory-limit`` of ``dask worker``;
the LocalCluster gets the same limit as local workers), and a document whose worker died is reported
with E122 rather than retried forever.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gongkai.batch.pool import failed
from gongkai.batch.worker import Job, Outcome, Work, check_batch
from gongkai.errors import DocumentError, RegisterError

if TYPE_CHECKING:
    from distributed import Client

BATCH = 16
"""Documents per Dask task: a task costs a few milliseconds of scheduling and messaging, as much as
a text report takes to check (4 per task ran 1,000 reports 15 % slower on a 2-worker LocalCluster)."""


def _client(scheduler: str, work: Work) -> tuple[Client, Any]:
    import distributed

    client_of: Any = distributed.Client
    local_cluster: Any = distributed.LocalCluster
    if scheduler.startswith("local:"):
        workers = int(scheduler.removeprefix("local:"))
        limit = f"{work.memory_mb}MiB" if work.memory_mb else "auto"
        cluster = local_cluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            memory_limit=limit,
            silence_logs=50,
        )
        try:
            return client_of(cluster), cluster
        except BaseException:
            cluster.close()
            raise
    try:
        return client_of(scheduler, timeout=15), None
    except (OSError, TimeoutError) as exc:
        raise RegisterError("E210", f"无法连接 Dask 调度器 {scheduler}：{exc}") from None


def _absolute(job: Job) -> Job:
    """A job with an absolute path: a Dask worker's working directory is not this process's."""
    return replace(job, path=str(Path(job.path).absolute()))


def run_dask(jobs: Iterable[Job], work: Work, scheduler: str, window: int | None = None) -> Iterator[Outcome]:
    """Check ``jobs`` on the cluster; yields each outcome in input order (named as the jobs were)."""
    import dask

    source = iter(jobs)
    first = next(source, None)
    if first is None:
        return  # no document: no cluster to start
    given = {first.index: first.path}
    local = scheduler.startswith("local:")  # a LocalCluster's workers share this working directory
    limit = None if work.timeout is None else work.timeout * BATCH + 60
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        client, cluster = _client(scheduler, work)
        try:
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            ahead = window or workers * 3
            pending: deque[tuple[list[Job], Any]] = deque()
            queue = chain([first], source)

            def submit() -> None:
                chunk = list(islice(queue, BATCH))
                given.update((job.index, job.path) for job in chunk)
                if chunk:
                    sent = chunk if local else [_absolute(job) for job in chunk]
                    pending.append((chunk, client.submit(check_batch, sent, work, pure=False)))

            for _ in range(ahead):
                submit()
            while pending:
                chunk, future = pending.popleft()
                try:
                    outcomes: list[Outcome] = future.result(timeout=limit)
                except Exception:  # the worker died (KilledWorker), the task failed or hung: each document alone
                    future.cancel()
                    outcomes = [_one(job if local else _absolute(job), work, client, limit) for job in chunk]
                submit()
                for outcome in outcomes:
                    yield _renamed(outcome, given.pop(outcome.index))
        finally:
            try:
                client.close()  # type: ignore[no-untyped-call]
            finally:
                if cluster is not None:
                    cluster.close()


def _renamed(outcome: Outcome, path: str) -> Outcome:
    """An outcome named by the path as given (the worker read it by its absolute path)."""
    from gongkai.paths import display_path

    shown = display_path(path)
    if outcome.result.path == shown:
        return outcome
    return replace(outcome, result=outcome.result.model_copy(update={"path": shown}))


def _one(job: Job, work: Work, client: Client, limit: float | None) -> Outcome:
    """A document of a failed task, tried alone: its own result, or why its worker did not answer."""
    future = client.submit(check_batch, [job], work, pure=False)
    try:
        return next(iter(future.result(timeout=None if limit is None else limit / BATCH)))
    except Exception as exc:
        future.cancel()  # type: ignore[no-untyped-call]
        message = f"处理这份文件的 Dask 工作进程没有完成（{type(exc).__name__}），已跳过"
        return failed(job, DocumentError(code="E122", message=message, stage="read"))


__all__ = ["BATCH", "run_dask"]
