"""JSON views of a report (``gongkai extract``) and of audit results (``gongkai check --format json``).

Keys are those of ``shared/spec/report-keys.md``.  Cell values are :meth:`Cell.plain`:
a number, a printed marker/text, or ``null``; an annotation printed with a number
(``22（其中修订16件）``) is under ``notes``, keyed ``table.row.column`` like ``provenance``.
A date typed as text that is no date (``2025年2月30日``) is given as typed.

The report JSON is also input (:mod:`gongkai.readers.structured` reads it back): besides
the values it carries what the audit needs to judge the printed report again — ``format``,
``layout`` (each table's layout traits), ``evidence`` (labels not printed as in the
template, rows printed with another number of values, cells not found, a table found
without rows), each section's ``printed_number`` and, for a printed report, its text
``lines`` with their positions.  The ``provenance`` block is not read back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from gongkai.model import AnnualReport, Provenance, TableData, TextLine
from gongkai.model.report import DATA_FORMATS, METADATA_FIELDS
from gongkai.model.template import TABLE2, TABLE2_2019, TABLE3, TABLE4, TableSpec
from gongkai.result import Summary

if TYPE_CHECKING:
    from gongkai.audit import Finding
    from gongkai.result import DocumentResult


def provenance_to_json(prov: Provenance) -> dict[str, Any]:
    """The non-null position fields of a provenance (the file is given once, under ``source``), and the
    register records behind a computed cell (``records``)."""
    out: dict[str, Any] = {}
    keys = ("page", "line", "char", "paragraph", "table", "row", "column", "bbox", "confidence", "sheet", "cell")
    for key in (*keys, "records"):
        value = getattr(prov, key)
        if value is not None:
            out[key] = list(value) if isinstance(value, tuple) else value
    return out


def _iso(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def _ordered_rows(table: TableData, spec: TableSpec) -> list[str]:
    """Row keys of ``table`` in template order; rows the template does not know come last."""
    order = [r.key for r in spec.rows if r.key in table.rows]
    return order + [k for k in table.rows if k not in order]


def _table(
    table: TableData, spec: TableSpec, provenance: dict[str, dict[str, Any]], notes: dict[str, str]
) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for row_key in _ordered_rows(table, spec):
        cells = table.rows[row_key]
        known = [f.key for f in spec.fields_of(spec.row(row_key))] if row_key in {r.key for r in spec.rows} else []
        cols = [c for c in known if c in cells] + [c for c in cells if c not in known]
        out[row_key] = {}
        for col in cols:
            cell = cells[col]
            out[row_key][col] = cell.plain()
            if cell.note and cell.state == "number":
                notes[f"{table.id}.{row_key}.{col}"] = cell.note
            if cell.provenance is not None:
                provenance[f"{table.id}.{row_key}.{col}"] = provenance_to_json(cell.provenance)
    return out


def _evidence(table: TableData) -> dict[str, Any]:
    """Where ``table`` was printed, and how where it differs from the template."""
    out: dict[str, Any] = _positions(table.provenance)  # where the table was printed
    if table.found and not table.rows:
        out["found"] = True
    rows = {
        key: {
            "label": ev.printed_label,
            "match": ev.match,
            "cells": list(ev.raw_cells),
            "expected": ev.expected_cells,
            "alignment": ev.alignment,
            **_positions(ev.provenance),
        }
        for key, ev in table.row_evidence.items()
        if ev.match != "exact" or ev.alignment not in ("exact", "none")
    }
    columns = {
        key: {"label": ev.printed_label, "match": ev.match}
        for key, ev in table.column_evidence.items()
        if ev.match != "exact"
    }
    absent = {
        row: cols
        for row, cells in table.rows.items()
        if (cols := [col for col, cell in cells.items() if cell.state == "absent"])
    }
    for key, value in (("rows", rows), ("columns", columns), ("absent", absent)):
        if value:
            out[key] = value
    return out


def report_to_json(report: AnnualReport) -> dict[str, Any]:
    """A JSON-ready dict of the report: metadata, sections, tables, provenance, unplaced rows, layout and evidence."""
    provenance: dict[str, dict[str, Any]] = {}
    notes: dict[str, str] = {}
    meta = report.metadata
    metadata = {key: _iso(getattr(meta, key)) for key in METADATA_FIELDS}
    for key, typed in meta.typed_dates.items():
        if metadata.get(key) is None:
            metadata[key] = typed
    for key, prov in meta.provenance.items():
        provenance[f"metadata.{key}"] = provenance_to_json(prov)
    sections: dict[str, dict[str, Any]] = {}
    for section in sorted(report.sections, key=lambda s: s.number):
        sections[section.key] = {"number": section.number, "title": section.title, "text": section.text}
        if section.printed_number is not None:
            sections[section.key]["printed_number"] = section.printed_number
        if section.provenance is not None:
            provenance[f"sections.{section.key}"] = provenance_to_json(section.provenance)
    table2_spec = TABLE2_2019 if report.format == "2019" or "format_2019" in report.table2.layout else TABLE2
    tables = {
        "table2": _table(report.table2, table2_spec, provenance, notes),
        "table3": _table(report.table3, TABLE3, provenance, notes),
        "table4": _table(report.table4, TABLE4, provenance, notes),
    }
    unplaced: dict[str, list[dict[str, Any]]] = {}
    for table_id in ("table2", "table3", "table4"):
        rows = report.table(table_id).unplaced
        if rows:
            unplaced[table_id] = [
                {
                    "labels": list(u.labels),
                    "raw_cells": list(u.raw_cells),
                    "reason": u.reason,
                    "line": u.provenance.line if u.provenance is not None else None,
                    **{k: v for k, v in _positions(u.provenance).items() if k != "line"},
                }
                for u in rows
            ]
    tables_of = [report.table2, report.table3, report.table4]
    printed = report.source_format not in DATA_FORMATS
    layout = {t.id: list(t.layout) for t in tables_of if t.layout}
    evidence = {t.id: ev for t in tables_of if (ev := _evidence(t))}
    return {
        "schema_version": report.schema_version,
        "format": report.format,
        "template": report.template,
        "source": {"file": report.source_file, "format": report.source_format},
        "metadata": metadata,
        "preamble": report.preamble,
        "sections": sections,
        **tables,
        "notes": notes,
        "provenance": provenance,
        "unplaced": unplaced,
        "layout": layout,
        "evidence": evidence,
        **({"lines": [_line(line) for line in report.lines]} if printed else {}),
    }


def _positions(prov: Provenance | None) -> dict[str, int]:
    """The integer positions of a provenance (page, line, paragraph, table, row, column) that are known."""
    if prov is None:
        return {}
    values = {key: getattr(prov, key) for key in ("page", "line", "paragraph", "table", "row", "column")}
    return {key: value for key, value in values.items() if value is not None}


def _line(line: TextLine) -> dict[str, Any]:
    """A printed report's text line: its section, text and position (what the narrative rules join lines by)."""
    return {"section": line.section, "text": line.text, **provenance_to_json(line.provenance)}


def finding_to_json(finding: Finding) -> dict[str, Any]:
    loc = finding.location
    src = loc.source
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.value,
        "message": finding.message,
        "hint": finding.hint,
        "location": {
            "part": loc.part,
            "row": loc.row,
            "column": loc.column,
            "page": src.page if src else None,
            "line": src.line if src else None,
            "table": src.table if src else None,
            "cell_column": src.column if src else None,
            "description": loc.describe(),
        },
    }


def result_to_json(result: DocumentResult) -> dict[str, Any]:
    """One document's entry in ``check --format json``: file, status, errors, counts, findings."""
    return {
        "file": result.path,
        "status": result.status,
        "errors": [{"code": e.code, "message": e.message} for e in result.errors],
        "counts": result.counts,
        "findings": [finding_to_json(f) for f in result.findings],
    }


def results_to_json(results: Sequence[DocumentResult]) -> dict[str, Any]:
    """The ``check --format json`` document (the streaming writer prints the same, one report at a time)."""
    from gongkai import __version__

    summary = Summary()
    for r in results:
        summary.add(r)
    return {
        "version": __version__,
        "reports": [result_to_json(r) for r in results],
        "summary": summary.as_dict(),
    }
