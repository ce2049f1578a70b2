"""Helpers shared by the structure rules: templates per format, row lists, label evidence."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.audit.describe import column_label, row_label
from gongkai.audit.finding import Location
from gongkai.model import AnnualReport, TableData, TableSpec, UnplacedRow
from gongkai.model.template import SUBTOTAL_ITEMS, TABLE2_2019, TABLES

_DIGIT = re.compile(r"[0-9０-９]")


def clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters with “…” (a quote inside a finding's message)."""
    return text if len(text) <= width else text[:width] + "…"


def spec_for(report: AnnualReport, table_id: str) -> TableSpec:
    """The template of a table in this report's format (table2 differs in the 2019 format)."""
    if table_id == "table2" and (report.format == "2019" or "format_2019" in report.table2.layout):
        return TABLE2_2019
    return TABLES[table_id]


def expected_rows(report: AnnualReport, table_id: str) -> list[str]:
    """Rows this report's table should print, in template order.

    The 2019 trial format (and layouts printing （六）其他处理 as one row) has
    （六） as a single row instead of its three items.
    """
    spec = spec_for(report, table_id)
    keys = [r.key for r in spec.rows if not r.optional]
    if table_id == "table3":
        table = report.table3
        if report.format == "2019" or "other_total_single_row" in table.layout:
            six = SUBTOTAL_ITEMS["other_total"]
            at = keys.index(six[0])
            keys = [k for k in keys if k not in six]
            keys.insert(at, "other_total")
    return keys


def template_row_label(report: AnnualReport, table_id: str, row: str) -> str:
    """The full template label of a row in this report's format."""
    for spec in (spec_for(report, table_id), TABLES[table_id]):
        for r in spec.rows:
            if r.key == row:
                return r.label
    return row_label(table_id, row)


def listing(items: list[str], cap: int = 8) -> str:
    """``a、b、c`` — longer lists end in ``等N项``."""
    if len(items) <= cap:
        return "、".join(items)
    return "、".join(items[:cap]) + f"等{len(items)}项"


def evidence_loc(table: TableData, part: str, row: str) -> Location:
    """A row's location: its evidence provenance, else its first cell's."""
    ev = table.row_evidence.get(row)
    source = ev.provenance if ev is not None else None
    if source is None:
        source = next((c.provenance for c in table.rows.get(row, {}).values() if c.provenance), None)
    return Location(part=part, row=row, source=source)


def label_findings(report: AnnualReport, match: str) -> Iterator[tuple[str, str, str | None, str, str, Location]]:
    """(table id, kind 行标签/列标题, printed, template label, key, location) of labels matched as ``match``."""
    for table_id in ("table2", "table3", "table4"):
        table = report.table(table_id)
        if not table.found:
            continue
        for key, ev in table.row_evidence.items():
            if ev.match == match:
                label = template_row_label(report, table_id, key)
                yield table_id, "行标签", ev.printed_label, label, key, evidence_loc(table, table_id, key)
        for key, cev in table.column_evidence.items():
            if cev.match == match:
                label = column_label(table_id, key)
                yield table_id, "列标题", cev.printed_label, label, key, Location(part=table_id, column=key)


POSITIONAL_FORMATS = frozenset({"pdf", "image"})
"""Sources whose table cells gongkai rebuilds from positions on the page (text layer or OCR)."""

READ_FROM_POSITIONS = "（表格由版面位置还原，也可能是读取时未能分清）"
"""Said where a PDF or a scan's table could not be read as printed: gongkai cannot tell its own failure apart."""


def positional(report: AnnualReport) -> bool:
    """Whether the tables were rebuilt from positions, so a lost row or cell may be gongkai's failure."""
    return report.source_format in POSITIONAL_FORMATS


def missing_rows(report: AnnualReport, table_id: str) -> list[str]:
    """Rows this report's table should print that were not found at all, in template order."""
    table = report.table(table_id)
    missing: list[str] = []
    for row in expected_rows(report, table_id):
        ev = table.row_evidence.get(row)
        if (ev is None and row not in table.rows) or (ev is not None and ev.match == "absent"):
            missing.append(row)
    return missing


def data_unplaced(table: TableData) -> list[UnplacedRow]:
    """Unplaced rows holding a digit (rows of blanks or markers only lose no figure); none in a run-together table."""
    if run_together(table):
        return []
    return [u for u in table.unplaced if any(_DIGIT.search(c) for c in u.raw_cells)]


def run_together(table: TableData) -> bool:
    """A table from a crawled line: found, its text kept whole, no cell read (S122 reports it)."""
    return "cells_run_together" in table.layout
