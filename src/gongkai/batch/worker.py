"""What a worker does with one document — the same in a local worker process and on a Dask worker.

Everything a worker receives is plain and picklable (a :class:`Job`, the :class:`Work` settings
with rule codes rather than classes), and it returns the document's :class:`DocumentResult`.
"""

from __future__ import annotations

import gc
import os
import resource
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gongkai.errors import DocumentError
from gongkai.limits import MAX_SECONDS
from gongkai.model import AnnualReport
from gongkai.result import HEAD_FIELDS, DocumentResult

if TYPE_CHECKING:
    from gongkai.store.corpus import Payload

MIB = 1024 * 1024


@dataclass(frozen=True)
class Job:
    """One document to check: ``index`` its place in the run, ``path`` the local file to read."""

    index: int
    path: str
    sha256: str | None = None
    """The content hash the parent found (a run into the store): a file changed since is not stored."""


@dataclass(frozen=True)
class Work:
    """How every document of a run is checked."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    timeout: float | None = MAX_SECONDS
    previous: AnnualReport | None = None
    memory_mb: int | None = None
    """The per-worker memory limit (local worker processes); None: no limit."""
    for_store: bool = False
    """The run keeps a store: the worker also builds the rows to store (cells, findings, the packed
    report, the narrative's MinHash signature), so the parent only inserts them."""


@dataclass(frozen=True)
class Outcome:
    """A worker's answer: the document's result and, when asked, its narrative signature."""

    index: int
    result: DocumentResult
    """The result, its report cut to the head the output shows (metadata; not the tables)."""
    payload: Payload | None = None


def memory_error(limit_mb: int | None) -> DocumentError:
    shown = f"（{limit_mb} MB）" if limit_mb else ""
    return DocumentError(
        code="E121",
        message=f"处理这份文件所需内存超出每个工作进程的上限{shown}，已停止（可用 --memory 调整）",
        stage="read",
    )


def _data_size() -> int:
    """This process's data segment now (``VmData``: heap and private mappings), in bytes."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


MEMORY_EXIT = 86
"""The exit status of a local worker that ran out of its memory: the parent reports E121 and starts another."""
_pool_worker = False


_frozen = False


def freeze_heap() -> None:
    """Once per worker process: move what it holds after start-up out of the garbage collector's walks.

    A worker's imported modules (gongkai's, and a Dask worker's distributed and tornado) are never
    garbage, yet every full collection walks them again; ``gc.freeze`` exempts them. A text report's
    check took 7.5 ms in a Dask worker against 6.6 ms in a bare process, 6.3–6.6 ms after it."""
    global _frozen
    if not _frozen:
        gc.freeze()
        _frozen = True


def limit_memory(limit_mb: int | None) -> None:
    """Let this worker allocate at most ``limit_mb`` more than it holds at start-up (gongkai imported):
    its data segment (heap and private mappings, ``RLIMIT_DATA``) is capped there, so an allocation past
    it fails with MemoryError in this worker instead of exhausting the machine. Called as a local pool
    worker starts (the pool's initializer, which also freezes the worker's heap: :func:`freeze_heap`):
    such a worker exits after a document that ran out of memory (:data:`MEMORY_EXIT`)."""
    global _pool_worker
    _pool_worker = True
    freeze_heap()
    if not limit_mb:
        return
    limit = _data_size() + limit_mb * MIB
    _soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))


def check_one(job: Job, work: Work) -> Outcome:
    """Read and audit one document under ``work``'s settings (never raises for bad input)."""
    result = _check(job, work)
    if _pool_worker and any(e.code == "E121" for e in result.errors):
        os._exit(MEMORY_EXIT)  # a fresh worker for the next document: this one may keep the memory it took
    payload = None
    if work.for_store and _unchanged(job):
        from gongkai.store.corpus import payload_of  # SQLAlchemy: imported only by runs into a store

        try:
            payload = payload_of(result, _signature(result))
        except Exception as exc:  # a defect of gongkai: reported on the document, the run goes on
            error = DocumentError(code="E108", message=f"保存结果时发生内部错误：{type(exc).__name__}: {exc}")
            result = result.model_copy(update={"status": "failed", "errors": [*result.errors, error]})
    return Outcome(job.index, headed(result), payload)


def _unchanged(job: Job) -> bool:
    """Whether the file still has the content the parent hashed (else its result is not stored)."""
    if job.sha256 is None:
        return True
    from gongkai.batch.items import file_digest

    digest = file_digest(job.path)
    return digest is not None and digest[0] == job.sha256


def headed(result: DocumentResult) -> DocumentResult:
    """``result`` with its report cut to the head (what every output shows of it): far less to send back."""
    if result.report is None:
        return result
    head = AnnualReport.model_construct(**{k: getattr(result.report, k) for k in HEAD_FIELDS})
    return result.model_copy(update={"report": head})


def _signature(result: DocumentResult) -> bytes | None:
    """The narrative's MinHash signature (copied-text detection across the store); None when too short."""
    if result.report is None or result.report.template:
        return None
    from gongkai.batch.similar import signature
    from gongkai.batch.similar_text import narrative_text

    return signature(narrative_text(result.report))


def _check(job: Job, work: Work) -> DocumentResult:
    from gongkai.api import check_path
    from gongkai.audit import select_rules

    selected = list(work.select) if work.select else None
    ignored = list(work.ignore) if work.ignore else None
    rules = select_rules(selected, ignored) if selected or ignored else None
    try:
        result = check_path(job.path, rules, timeout=work.timeout, previous=work.previous)
    except MemoryError:
        from gongkai.paths import display_path

        return DocumentResult(path=display_path(job.path), status="failed", errors=[memory_error(work.memory_mb)])
    if work.memory_mb and any(e.code == "E108" and _out_of_memory(e.message) for e in result.errors):
        errors = [memory_error(work.memory_mb) if e.code == "E108" else e for e in result.errors]
        result = result.model_copy(update={"errors": errors, "status": "failed", "report": None, "findings": []})
    return result


OUT_OF_MEMORY = ("MemoryError", "failed to map segment", "Cannot allocate memory", "bad_alloc", "ENOMEM")
"""How an allocation refused at the memory limit surfaces: Python's MemoryError, or a native library
failing to map or allocate (loading a shared library, C++ new)."""


def _out_of_memory(message: str) -> bool:
    return any(sign in message for sign in OUT_OF_MEMORY)


def check_batch(jobs: list[Job], work: Work) -> list[Outcome]:
    """A few documents in one task (a Dask task's overhead is paid once for them)."""
    freeze_heap()
    return [check_one(job, work) for job in jobs]


__all__ = ["Job", "Outcome", "Work", "check_batch", "check_one", "freeze_heap", "limit_memory", "memory_error"]
