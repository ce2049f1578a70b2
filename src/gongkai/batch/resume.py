"""A run into the corpus store: resumable, then compared across reports, then printed from the store.

1. Each document is hashed; one the store already holds a result for (same content, gongkai version
   and rule selection) is not checked again. Every other result is written with its cells, findings
   and errors in one transaction as it arrives, so a run killed at any moment (kill -9 included) and
   run again ends with exactly one result per document.
2. The results the run touched are compared across reports (:mod:`gongkai.batch.cross`): the same
   agency's previous year, and copied narrative.
3. The output is read back from the store in input order — a resumed run prints the same as one that
   was never interrupted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, case, select

from gongkai.batch.executors import Executor
from gongkai.batch.items import Item, file_digest
from gongkai.batch.runstats import RunStats
from gongkai.batch.stream import ordered
from gongkai.batch.worker import Job, Work
from gongkai.errors import DocumentError
from gongkai.result import DocumentResult
from gongkai.store.corpus import Source, add_source, done, record_payload, unpack_report
from gongkai.store.corpus_tables import CorpusDocumentRow, CorpusErrorRow, CorpusFindingRow, CorpusResultRow
from gongkai.store.engine import session_scope


def config_key(work: Work) -> str:
    """The rule selection a result was made with: ``all``, or a hash of --select/--ignore."""
    if not work.select and not work.ignore:
        return "all"
    text = "select=" + ",".join(sorted(work.select or ())) + ";ignore=" + ",".join(sorted(work.ignore or ()))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class _Entry:
    item: Item
    sha256: str | None
    result: DocumentResult | None = None
    """A document not in the store (nothing could be read): its result, printed as it is."""


def _source(item: Item) -> Source:
    name = Path(item.url.split("?", 1)[0].rstrip("/")).name if item.url else Path(item.path or item.shown).name
    return Source(
        source=item.url or str(Path(item.path or item.shown).resolve()),
        file_name=name or item.shown,
        fetched_at=item.fetched_at or dt.datetime.now(dt.UTC),
        archive=item.path if item.url else None,
        http_status=item.http_status,
        content_type=item.content_type,
    )


def check_into_store(
    items: Iterable[Item],
    work: Work,
    executor: Executor,
    engine: Engine,
    *,
    version: str,
    advance: Callable[[], None] = lambda: None,
) -> tuple[list[_Entry], RunStats]:
    """Phase 1: check what the store lacks, recording each result as it arrives."""
    config = config_key(work)
    with session_scope(engine, read_only=True) as session:
        finished = done(session, version, config)
    digests: dict[int, tuple[str, int]] = {}
    entries: list[_Entry] = []
    stats = RunStats()

    unstored: dict[str, DocumentResult] = {}
    """Contents checked in this run whose result was not stored (a transient failure): a second copy
    of the same content in the run gets that result too."""

    def job_of(item: Item) -> Job | None:
        if item.error is not None or item.path is None:
            return None
        digest = file_digest(item.path)
        if digest is None:
            return Job(item.index, item.path)  # unreadable: its check says why; nothing to store
        digests[item.index] = digest
        if digest[0] in finished:
            return None
        finished.add(digest[0])  # the same content twice in one run is checked once
        return Job(item.index, item.path, digest[0])

    for item, outcome in ordered(items, lambda jobs: executor.run(jobs, work), job_of):
        digest = digests.get(item.index)
        if outcome is None and digest is None:
            entries.append(_Entry(item, None, item.failed()))
            stats.unstored += 1
        elif outcome is None and digest is not None and digest[0] in unstored:
            entries.append(_Entry(item, None, unstored[digest[0]].model_copy(update={"path": item.shown})))
            stats.unstored += 1
        elif outcome is None:
            assert digest is not None
            with session_scope(engine) as session:
                add_source(session, digest[0], digest[1], _source(item))
            entries.append(_Entry(item, digest[0]))
            stats.skipped += 1
        elif digest is None or outcome.payload is None or transient(outcome.result):
            # nothing to store: unreadable, changed while being read, or a failure of this run's limits
            # (time, memory, a dead worker) that the next run should try again
            result = _named(outcome.result, item)
            if digest is not None:
                unstored[digest[0]] = result
            entries.append(_Entry(item, None, result))
            stats.unstored += 1
        else:
            with session_scope(engine) as session:
                payload = outcome.payload
                rid = record_payload(
                    session, sha256=digest[0], size=digest[1], source=_source(item), payload=payload,
                    version=version, config=config,
                )  # fmt: skip
            stats.touched.append(rid)
            entries.append(_Entry(item, digest[0]))
            stats.checked += 1
        advance()
    return entries, stats


TRANSIENT = ("E112", "E121", "E122")
"""Failures of a run's limits, not of the document: the time limit, the memory limit, a worker that died."""


def transient(result: DocumentResult) -> bool:
    return any(e.code in TRANSIENT for e in result.errors)


def _named(result: DocumentResult, item: Item) -> DocumentResult:
    return result if result.path == item.shown else result.model_copy(update={"path": item.shown})


SCOPE_ORDER = case({"report": 0, "pair": 1, "corpus": 2}, value=CorpusFindingRow.scope)
"""A report's own findings, then those of the previous-year comparison, then copied text — however
many runs stored them in whatever order."""


def replay(entries: Iterable[_Entry], engine: Engine, *, version: str, config: str) -> Iterator[DocumentResult]:
    """Phase 3: every document's result from the store, in input order, with its cross-report findings."""
    from gongkai.audit.finding import Finding

    with session_scope(engine, read_only=True) as session:
        for entry in entries:
            if entry.result is not None:
                yield entry.result
                continue
            row = session.execute(
                select(CorpusResultRow.id, CorpusResultRow.status, CorpusResultRow.head, CorpusResultRow.seconds)
                .join(CorpusDocumentRow, CorpusDocumentRow.id == CorpusResultRow.document_id)
                .where(
                    CorpusDocumentRow.sha256 == entry.sha256,
                    CorpusResultRow.version == version,
                    CorpusResultRow.config == config,
                )
            ).one()
            findings = session.scalars(
                select(CorpusFindingRow.detail)
                .where(CorpusFindingRow.result_id == row.id)
                .order_by(SCOPE_ORDER, CorpusFindingRow.id)
            )
            errors = session.execute(
                select(CorpusErrorRow.code, CorpusErrorRow.message, CorpusErrorRow.stage)
                .where(CorpusErrorRow.result_id == row.id)
                .order_by(CorpusErrorRow.id)
            )
            yield DocumentResult(
                path=entry.item.shown,
                status=row.status,
                errors=[DocumentError(code=c, message=m, stage=s) for c, m, s in errors],  # type: ignore[arg-type]
                report=unpack_report(row.head) if row.head is not None else None,
                findings=[Finding.model_validate_json(detail) for detail in findings],
                seconds=row.seconds,
            )


__all__ = ["RunStats", "check_into_store", "config_key", "replay"]
