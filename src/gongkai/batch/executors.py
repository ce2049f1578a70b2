"""Where a run's documents are checked: in this process, in local worker processes, or on Dask.

Every executor takes the run's jobs in order and yields their outcomes in the same order, so the
output of a run is the same, byte for byte, whichever executor checked it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from gongkai.batch.worker import Job, Outcome, Work
from gongkai.errors import UsageError


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Executor:
    """``jobs`` local worker processes, or a Dask ``scheduler`` (``tcp://HOST:PORT`` or ``local:N``)."""

    jobs: int = 1
    scheduler: str | None = None
    inline: bool = False
    """Check in this process (one document: no worker to start)."""

    def run(self, jobs: Iterable[Job], work: Work) -> Iterator[Outcome]:
        if self.scheduler is not None:
            from gongkai.batch.cluster import run_dask

            return run_dask(jobs, work, self.scheduler)
        if self.inline:
            from gongkai.batch.pool import run_inline

            return run_inline(jobs, work)
        from gongkai.batch.pool import run_local

        return run_local(jobs, work, self.jobs)


def parse_scheduler(value: str) -> str:
    """``tcp://HOST:PORT`` (a running ``dask scheduler``) or ``local:N`` (a LocalCluster of N workers).

    Raises:
        UsageError: anything else, in Chinese.
    """
    text = value.strip()
    if text.startswith(("tcp://", "tls://", "inproc://")) and len(text.split("://", 1)[1]) > 0:
        return text
    if text.startswith("local:"):
        count = text.removeprefix("local:")
        if count.isdigit() and 1 <= int(count) <= 256:
            return f"local:{int(count)}"
    raise UsageError(f"--scheduler 的值无效：{value}（应为 tcp://主机:端口 或 local:工作进程数，如 local:2）")


__all__ = ["Executor", "default_jobs", "parse_scheduler"]
