"""The rows of the corpus exports, read from the store a slice of results at a time.

Three kinds: ``cells`` (long form: one row per table cell), ``reports`` (one row per report, one
column per cell named by its stable key, ``table3.new_received.natural_person``) and ``findings``
(one row per finding, its place in Chinese). Each is read by keyset pagination over result ids, so
memory holds one slice whatever the size of the store. Provenance columns (page, line, content hash,
full path, archive) only when asked for; the version and rule selection only when every result is
read (``all_versions``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Connection, Row, select

from gongkai.batch.stored import chosen, first_source_id, shown_source
from gongkai.model.template import LEGAL_ENTITY_SUBTOTAL, TABLE2, TABLE2_2019, TABLE3, TABLE4, TableSpec
from gongkai.store.corpus_tables import (
    CorpusCellRow,
    CorpusDocumentRow,
    CorpusErrorRow,
    CorpusFindingRow,
    CorpusResultRow,
    CorpusSourceRow,
)

Kind = Literal["cells", "reports", "findings"]
KINDS: tuple[Kind, ...] = ("cells", "reports", "findings")
Type = Literal["string", "int", "float", "date", "timestamp"]
Columns = dict[str, list[Any]]


def _keys(spec: TableSpec, extra: Sequence[str] = ()) -> list[str]:
    out: list[str] = []
    for row in spec.rows:
        fields = [f.key for f in spec.fields_of(row)]
        if not row.fields:
            fields[-1:-1] = extra  # before 总计, where reports print it
        out += [f"{spec.id}.{row.key}.{field}" for field in fields]
    return out


def report_keys() -> list[str]:
    """Every cell a report can have, by stable key, in template order: the 2021 table 2, then the rows
    only the 2019 trial format has, table 3 (with the 法人或其他组织小计 column some reports add), table 4."""
    table2 = _keys(TABLE2)
    table2 += [k for k in _keys(TABLE2_2019) if k not in table2]
    return table2 + _keys(TABLE3, [LEGAL_ENTITY_SUBTOTAL.key]) + _keys(TABLE4)


@dataclass(frozen=True)
class Layout:
    """What one export holds: its kind and which optional columns."""

    kind: Kind
    provenance: bool = False
    all_versions: bool = False

    def columns(self) -> list[tuple[str, Type]]:
        """Names and types of the columns, in order."""
        head: list[tuple[str, Type]] = [("agency", "string"), ("year", "int")]
        if self.kind == "cells":
            head += [("source", "string"), ("table", "string"), ("row", "string"), ("column", "string")]
            head += [("value", "float"), ("raw", "string"), ("state", "string"), ("note", "string")]
            prov: list[tuple[str, Type]] = [("page", "int"), ("line", "int")]
        elif self.kind == "reports":
            head += [("title", "string"), ("status", "string"), ("error_codes", "string")]
            head += [("errors", "int"), ("warnings", "int"), ("infos", "int"), ("publication_date", "date")]
            head += [("source_format", "string"), ("source", "string")]
            prov = [("fetched_at", "timestamp"), ("checked_at", "timestamp")]
        else:
            head += [("source", "string"), ("scope", "string"), ("code", "string"), ("name", "string")]
            head += [("severity", "string"), ("message", "string"), ("hint", "string"), ("location", "string")]
            head += [("part", "string"), ("row", "string"), ("column", "string"), ("other_agency", "string")]
            head += [("other_year", "int"), ("other_source", "string"), ("similarity", "float")]
            prov = [("page", "int")]
        if self.provenance:
            head += [*prov, ("sha256", "string"), ("source_path", "string"), ("archive", "string")]
        if self.all_versions:
            head += [("version", "string"), ("config", "string")]
        if self.kind == "reports":
            head += [(key, "float") for key in report_keys()]
        return head


def _results(connection: Connection, after: int, limit: int, all_versions: bool) -> list[Row[Any]]:
    r = CorpusResultRow
    query = (
        select(r.id, r.agency, r.year, r.title, r.status, r.errors, r.warnings, r.infos, r.publication_date)
        .add_columns(r.source_format, r.version, r.config, r.checked_at, CorpusDocumentRow.sha256)
        .add_columns(CorpusSourceRow.source, CorpusSourceRow.file_name, CorpusSourceRow.archive)
        .add_columns(CorpusSourceRow.fetched_at)
        .join(CorpusDocumentRow, CorpusDocumentRow.id == CorpusResultRow.document_id)
        .outerjoin(CorpusSourceRow, CorpusSourceRow.id == first_source_id())
        .where(chosen(all_versions), CorpusResultRow.id > after)
        .order_by(CorpusResultRow.id)
        .limit(limit)
    )
    return list(connection.execute(query))


def _base(layout: Layout, r: Row[Any]) -> dict[str, Any]:
    """The columns every row of result ``r`` shares."""
    out: dict[str, Any] = {"agency": r.agency, "year": r.year}
    out["source"] = shown_source(r.source, r.file_name) if r.source is not None else None
    if layout.provenance:
        out |= {"sha256": r.sha256, "source_path": r.source, "archive": r.archive}
    if layout.all_versions:
        out |= {"version": r.version, "config": r.config}
    return out


def _append(columns: Columns, row: dict[str, Any]) -> None:
    for name, values in columns.items():
        values.append(row.get(name))


def _cells(connection: Connection, layout: Layout, results: list[Row[Any]], columns: Columns) -> None:
    base = {r.id: _base(layout, r) for r in results}
    query = (
        select(CorpusCellRow).where(CorpusCellRow.result_id.in_(base)).order_by(*CorpusCellRow.__table__.primary_key)
    )
    for c in connection.execute(query):
        row = base[c.result_id] | {"table": c.table, "row": c.row, "column": c.column, "value": c.value}
        row |= {"raw": c.raw, "state": c.state, "note": c.note, "page": c.page, "line": c.line}
        _append(columns, row)


def _reports(connection: Connection, layout: Layout, results: list[Row[Any]], columns: Columns) -> None:
    ids = [r.id for r in results]
    codes: dict[int, list[str]] = {}
    for result_id, code in connection.execute(
        select(CorpusErrorRow.result_id, CorpusErrorRow.code).where(CorpusErrorRow.result_id.in_(ids))
    ):
        codes.setdefault(result_id, []).append(code)
    values: dict[int, dict[str, float | None]] = {i: {} for i in ids}
    query = select(CorpusCellRow.result_id, CorpusCellRow.table, CorpusCellRow.row, CorpusCellRow.column)
    for result_id, table, row_key, column, value in connection.execute(
        query.add_columns(CorpusCellRow.value).where(CorpusCellRow.result_id.in_(ids))
    ):
        values[result_id][f"{table}.{row_key}.{column}"] = value
    for r in results:
        row = _base(layout, r) | values[r.id]
        row |= {"title": r.title, "status": r.status, "error_codes": ",".join(sorted(codes.get(r.id, []))) or None}
        row |= {"errors": r.errors, "warnings": r.warnings, "infos": r.infos}
        row |= {"publication_date": r.publication_date, "source_format": r.source_format}
        row |= {"fetched_at": _utc(r.fetched_at), "checked_at": _utc(r.checked_at)}
        _append(columns, row)


def _others(connection: Connection, ids: set[int]) -> dict[int, tuple[str | None, int | None, str | None]]:
    """The agency, year and shown source of the other reports of cross-report findings."""
    if not ids:
        return {}
    query = (
        select(CorpusResultRow.id, CorpusResultRow.agency, CorpusResultRow.year, CorpusSourceRow.source)
        .add_columns(CorpusSourceRow.file_name)
        .outerjoin(CorpusSourceRow, CorpusSourceRow.id == first_source_id())
        .where(CorpusResultRow.id.in_(ids))
    )
    return {
        i: (agency, year, shown_source(source, name) if source is not None else None)
        for i, agency, year, source, name in connection.execute(query)
    }


def _findings(connection: Connection, layout: Layout, results: list[Row[Any]], columns: Columns) -> None:
    base = {r.id: _base(layout, r) for r in results}
    query = select(CorpusFindingRow).where(CorpusFindingRow.result_id.in_(base)).order_by(CorpusFindingRow.id)
    found = list(connection.execute(query))
    others = _others(connection, {f.other_result_id for f in found if f.other_result_id is not None})
    for f in found:
        other = others.get(f.other_result_id, (None, None, None)) if f.other_result_id is not None else None
        row = base[f.result_id] | {"scope": f.scope, "code": f.code, "name": f.name, "severity": f.severity}
        row |= {"message": f.message, "hint": f.hint, "location": f.location, "part": f.part}
        row |= {"row": f.row, "column": f.column, "similarity": f.similarity, "page": f.page}
        if other is not None:
            row |= {"other_agency": other[0], "other_year": other[1], "other_source": other[2]}
        _append(columns, row)


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    """A stored moment as an aware UTC datetime (SQLite hands back naive UTC)."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=dt.UTC)


_READERS = {"cells": _cells, "reports": _reports, "findings": _findings}
SLICE = {"cells": 200, "reports": 1000, "findings": 1000}
"""Results read per slice: a report has about 300 cells and a few dozen findings at most."""


def slices(connection: Connection, layout: Layout) -> Iterator[Columns]:
    """The export's rows, a slice of results at a time, as columns (name → values) in layout order."""
    names = [name for name, _ in layout.columns()]
    after = 0
    while True:
        results = _results(connection, after, SLICE[layout.kind], layout.all_versions)
        if not results:
            return
        after = results[-1].id
        columns: Columns = {name: [] for name in names}
        _READERS[layout.kind](connection, layout, results, columns)
        yield columns


__all__ = ["KINDS", "Kind", "Layout", "report_keys", "slices"]
