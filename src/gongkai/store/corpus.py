"""The corpus store's repository: open it, find what a run already did, record one document's result.

A batch run's parent process is the only writer: each document's result is written with its source,
cells, findings and errors in one transaction, so a run killed at any moment leaves each document
with a whole result or none, and the next run checks only what has none (:func:`done`).
"""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, delete, insert, inspect, select, update
from sqlalchemy.orm import Session

from gongkai.errors import RegisterError
from gongkai.result import HEAD_FIELDS
from gongkai.store.corpus_tables import (
    MAX_SOURCE_CHARS,
    CorpusCellRow,
    CorpusDocumentRow,
    CorpusErrorRow,
    CorpusFindingRow,
    CorpusResultRow,
    CorpusSourceRow,
)

if TYPE_CHECKING:
    from gongkai.audit.finding import Finding
    from gongkai.model import AnnualReport
    from gongkai.result import DocumentResult

TABLES = ("table2", "table3", "table4")
CHUNK = 500
"""Ids per ``IN (…)`` list (SQLite and PostgreSQL bound the parameters of one statement)."""


def store_url(target: str) -> str:
    """A ``--store`` value as a database URL: a URL as given, anything else an SQLite file path."""
    if "://" in target:
        return target
    return "sqlite:///" + str(Path(target).expanduser().resolve())


def open_corpus(target: str) -> Engine:
    """The corpus store at ``target`` (a file path or a database URL); an empty database is created
    at the head revision, one with tables must already be at head (E202: ``gongkai db upgrade``).

    Raises:
        RegisterError: E201 (cannot open or connect), E202 (not at head).
    """
    from gongkai.store.engine import open_engine
    from gongkai.store.migrate import require_head, upgrade

    url = store_url(target)
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:"):
        folder = Path(url.removeprefix("sqlite:///")).parent
        if not folder.is_dir():
            raise RegisterError("E201", f"无法打开数据库：文件夹不存在（{folder}）")
    engine = open_engine(url)
    try:
        with engine.connect() as connection:
            empty = not inspect(connection).get_table_names()
        if empty:
            upgrade(engine)
        require_head(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def done(session: Session, version: str, config: str) -> set[str]:
    """The content hashes already checked by ``version`` with rule selection ``config``."""
    query = (
        select(CorpusDocumentRow.sha256)
        .join(CorpusResultRow, CorpusResultRow.document_id == CorpusDocumentRow.id)
        .where(CorpusResultRow.version == version, CorpusResultRow.config == config)
    )
    return set(session.scalars(query))


@dataclass(frozen=True)
class Source:
    """Where a document's bytes came from."""

    source: str
    """A file path, or the URL a response was fetched from."""
    file_name: str
    fetched_at: dt.datetime
    archive: str | None = None
    http_status: int | None = None
    content_type: str | None = None


def _document(session: Session, sha256: str, size: int) -> CorpusDocumentRow:
    row = session.scalars(select(CorpusDocumentRow).where(CorpusDocumentRow.sha256 == sha256)).first()
    if row is None:
        row = CorpusDocumentRow(sha256=sha256, size=size)
        session.add(row)
        session.flush()
    return row


def _add_source(session: Session, document_id: int, source: Source) -> None:
    text = source.source[:MAX_SOURCE_CHARS]
    exists = session.scalars(
        select(CorpusSourceRow.id).where(CorpusSourceRow.document_id == document_id, CorpusSourceRow.source == text)
    ).first()
    if exists is None:
        session.add(
            CorpusSourceRow(
                document_id=document_id,
                source=text,
                file_name=source.file_name[:255],
                fetched_at=source.fetched_at,
                archive=source.archive,
                http_status=source.http_status,
                content_type=(source.content_type or None) and source.content_type[:200],
            )
        )


def add_source(session: Session, sha256: str, size: int, source: Source) -> None:
    """Record one more place a document already checked was found (a resumed or repeated run)."""
    _add_source(session, _document(session, sha256, size).id, source)


def pack_report(report: AnnualReport) -> bytes:
    return zlib.compress(report.model_dump_json().encode("utf-8"), 6)


def pack_head(report: AnnualReport) -> bytes:
    return zlib.compress(report.model_dump_json(include=HEAD_FIELDS).encode("utf-8"), 6)


def unpack_report(data: bytes) -> AnnualReport:
    from gongkai.model import AnnualReport

    return AnnualReport.model_validate_json(zlib.decompress(data))


def _cells(report: AnnualReport) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for key in TABLES:
        table = getattr(report, key)
        for row, columns in table.rows.items():
            for column, cell in columns.items():
                value = cell.value if cell.state == "number" else None
                src = cell.provenance
                out.append(
                    {
                        "table": key,
                        "row": row[:64],
                        "column": column[:64],
                        "raw": cell.raw,
                        "value": float(value) if value is not None else None,
                        "state": cell.state,
                        "note": cell.note,
                        "page": src.page if src is not None else None,
                        "line": src.line if src is not None else None,
                    }
                )
    return out


def _cut(text: str | None, size: int) -> str | None:
    """``text`` within a column of ``size`` characters (PostgreSQL refuses longer; a key is never that long,
    a printed agency name might be)."""
    return text[:size] if text else None


def finding_values(finding: Finding, scope: str = "report") -> dict[str, object]:
    """A finding's stored columns (its Chinese location text, its whole JSON), without the result id."""
    loc = finding.location
    return {
        "scope": scope,
        "code": finding.code[:8],
        "name": finding.name[:64],
        "severity": finding.severity.value,
        "message": finding.message,
        "hint": finding.hint,
        "part": loc.part[:16],
        "row": _cut(loc.row, 64),
        "column": _cut(loc.column, 64),
        "page": loc.source.page if loc.source is not None else None,
        "location": loc.describe(),
        "detail": finding.model_dump_json(),
    }


def finding_row(result_id: int, finding: Finding, scope: str = "report") -> CorpusFindingRow:
    """A finding as stored, with its Chinese location text."""
    return CorpusFindingRow(result_id=result_id, **finding_values(finding, scope))


@dataclass(frozen=True)
class Payload:
    """Everything stored of one document's result, as plain rows: built where the document was checked
    (a worker process), so the parent, the store's only writer, just inserts them."""

    result: dict[str, object]
    cells: list[dict[str, object]]
    findings: list[dict[str, object]]
    errors: list[dict[str, object]]


def payload_of(result: DocumentResult, minhash: bytes | None = None) -> Payload:
    """The rows of ``result`` (and its narrative signature)."""
    report = result.report
    meta = report.metadata if report is not None else None
    counts = result.counts
    values: dict[str, object] = {
        "status": result.status,
        "agency": _cut(meta.agency, 200) if meta is not None else None,
        "year": meta.year if meta is not None else None,
        "title": meta.title if meta is not None else None,
        "source_format": _cut(report.source_format, 16) if report is not None else None,
        "publication_date": meta.publication_date if meta is not None else None,
        "errors": counts["error"],
        "warnings": counts["warning"],
        "infos": counts["info"],
        "seconds": result.seconds,
        "report": pack_report(report) if report is not None else None,
        "head": pack_head(report) if report is not None else None,
        "minhash": minhash,
    }
    return Payload(
        result=values,
        cells=_cells(report) if report is not None else [],
        findings=[finding_values(f) for f in result.findings],
        errors=[{"code": e.code[:8], "message": e.message, "stage": e.stage} for e in result.errors],
    )


def _replace_result(session: Session, document_id: int, version: str, config: str) -> None:
    """Remove the document's earlier result of this version and selection (with its rows, by cascade); the
    cross-report findings other results held about it go too, and those results are compared again."""
    old = session.scalar(
        select(CorpusResultRow.id).where(
            CorpusResultRow.document_id == document_id,
            CorpusResultRow.version == version,
            CorpusResultRow.config == config,
        )
    )
    if old is None:
        return
    others = set(session.scalars(select(CorpusFindingRow.result_id).where(CorpusFindingRow.other_result_id == old)))
    session.execute(delete(CorpusFindingRow).where(CorpusFindingRow.other_result_id == old))
    if others:
        session.execute(update(CorpusResultRow).where(CorpusResultRow.id.in_(others)).values(compared=False))
    session.execute(delete(CorpusResultRow).where(CorpusResultRow.id == old))


def record_payload(
    session: Session, *, sha256: str, size: int, source: Source, payload: Payload, version: str, config: str
) -> int:
    """Write one document's result rows (with its source); returns the result's id.

    A result of the same document, version and selection already there is replaced (a run given the
    same file twice, or two runs racing): still exactly one result per document.
    """
    document = _document(session, sha256, size)
    _add_source(session, document.id, source)
    _replace_result(session, document.id, version, config)
    row = CorpusResultRow(document_id=document.id, version=version, config=config, **payload.result)
    session.add(row)
    session.flush()
    for table, rows in ((CorpusCellRow, payload.cells), (CorpusFindingRow, payload.findings)):
        if rows:
            session.execute(insert(table), [{"result_id": row.id, **r} for r in rows])
    if payload.errors:
        session.execute(insert(CorpusErrorRow), [{"result_id": row.id, **r} for r in payload.errors])
    return row.id


def record(
    session: Session,
    *,
    sha256: str,
    size: int,
    source: Source,
    result: DocumentResult,
    version: str,
    config: str,
    minhash: bytes | None = None,
) -> int:
    """Write one document's result (with its source, cells, findings and errors); returns its id."""
    payload = payload_of(result, minhash)
    return record_payload(
        session, sha256=sha256, size=size, source=source, payload=payload, version=version, config=config
    )


__all__ = [
    "Payload",
    "Source",
    "add_source",
    "done",
    "finding_row",
    "finding_values",
    "open_corpus",
    "pack_head",
    "pack_report",
    "payload_of",
    "record",
    "record_payload",
    "store_url",
    "unpack_report",
]
