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
from itertools import islice
from typing import TYPE_CHECKING, Any

from gongkai.batch.pool import failed
from gongkai.batch.worker import Job, Outcome, Work, check_batch
from gongkai.errors import DocumentError, RegisterError

if TYPE_CHECKING:
    from distributed import Client

BATCH = 4
"""Documents per Dask task."""


def _client(scheduler: str, work: Work) -> tuple[Client, Any]:
    import dask
    import distributed

    client_of: Any = distributed.Client
    local_cluster: Any = distributed.LocalCluster

    dask.config.set({"distributed.scheduler.allowed-failures": 1, "distributed.worker.daemon": False})
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
        return client_of(cluster), cluster
    try:
        return client_of(scheduler, timeout=15), None
    except (OSError, TimeoutError) as exc:
        raise RegisterError("E210", f"无法连接 Dask 调度器 {scheduler}：{exc}") from None


def run_dask(jobs: Iterable[Job], work: Work, scheduler: str, window: int | None = None) -> Iterator[Outcome]:
    """Check ``jobs`` on the cluster; yields each outcome in input order."""
    client, cluster = _client(scheduler, work)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        ahead = window or workers * 3
        source = iter(jobs)
        pending: deque[tuple[list[Job], Any]] = deque()

        def submit() -> None:
            chunk = list(islice(source, BATCH))
            if chunk:
                pending.append((chunk, client.submit(check_batch, chunk, work, pure=False)))

        for _ in range(ahead):
            submit()
        while pending:
            chunk, future = pending.popleft()
            try:
                outcomes: list[Outcome] = future.result()
            except Exception:  # the worker died (KilledWorker) or the task failed: each document said why
                outcomes = [_one(job, work, client) for job in chunk]
            submit()
            yield from outcomes
    finally:
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()


def _one(job: Job, work: Work, client: Client) -> Outcome:
    """A document of a failed task, tried alone: its own result, or why its worker died."""
    future = client.submit(check_batch, [job], work, pure=False)
    try:
        return next(iter(future.result()))
    except Exception as exc:
        message = f"处理这份文件的 Dask 工作进程意外退出（{type(exc).__name__}），已跳过"
        return failed(job, DocumentError(code="E122", message=message, stage="read"))


__all__ = ["BATCH", "run_dask"]
