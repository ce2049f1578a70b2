"""Build consistent AnnualReports in tests, then break exactly one thing."""

from __future__ import annotations

import datetime as dt
from copy import deepcopy

from gongkai.model import AnnualReport, Cell, Metadata, Provenance, RowEvidence, Section, TableData, TextLine
from gongkai.model.template import OUTCOME_ROWS_2021, SECTIONS, TABLE2, TABLE3, TABLE4

FILE = "fixture.txt"

# outcome rows of a consistent table 3 (natural person, commercial, research, social, legal, other)
_OUTCOMES: dict[str, list[int]] = {
    "granted": [10, 2, 0, 0, 1, 0],
    "partially_granted": [3, 0, 0, 0, 0, 0],
    "denied_internal_affairs": [1, 0, 0, 0, 0, 0],
    "unavailable_not_held": [5, 1, 0, 0, 0, 0],
    "not_processed_duplicate": [2, 0, 0, 0, 0, 0],
    "other_other": [1, 0, 0, 0, 0, 0],
}
_NEW = [20, 3, 0, 0, 1, 0]
_CARRIED_OVER = [4, 0, 0, 0, 0, 0]
_FORWARD = [2, 0, 0, 0, 0, 0]


def _cell(value: int | float | None, line: int, column: int) -> Cell:
    if value is None:
        return Cell(raw="", state="blank", provenance=Provenance(file=FILE, line=line, column=column))
    return Cell(raw=str(value), value=value, state="number", provenance=Provenance(file=FILE, line=line, column=column))


def table3_values() -> dict[str, list[int]]:
    """Row key → the seven column values (six applicant columns + total) of a consistent table 3."""
    rows: dict[str, list[int]] = {}
    rows["new_received"] = [*_NEW, sum(_NEW)]
    rows["carried_over"] = [*_CARRIED_OVER, sum(_CARRIED_OVER)]
    totals = [0] * 6
    for key in OUTCOME_ROWS_2021:
        vals = _OUTCOMES.get(key, [0] * 6)
        rows[key] = [*vals, sum(vals)]
        totals = [a + b for a, b in zip(totals, vals, strict=True)]
    rows["total_processed"] = [*totals, sum(totals)]
    rows["carried_forward"] = [*_FORWARD, sum(_FORWARD)]
    return rows


def make_report(**metadata: object) -> AnnualReport:
    """A consistent 2021-format department report for the year 2024."""
    meta = Metadata(
        title="某市某局2024年政府信息公开工作年度报告",
        agency="某市某局",
        agency_kind="department",
        year=2024,
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        period_text="2024年1月1日至2024年12月31日",
        signature_agency="某市某局",
        signature_date=dt.date(2025, 1, 20),
        signature_text="2025年1月20日",
        publication_date=dt.date(2025, 1, 22),
    )
    for k, v in metadata.items():
        setattr(meta, k, v)
    report = AnnualReport(source_file=FILE, source_format="text", format="2021", metadata=meta)
    line = 20
    t2 = TableData(id="table2", found=True)
    t2_values = {
        "regulations": [0, 0, 0],
        "normative_documents": [2, 1, 15],
        "administrative_licensing": [120],
        "administrative_penalty": [30],
        "administrative_coercion": [1],
        "administrative_fees": [0],
    }
    for row in TABLE2.rows:
        line += 1
        t2.rows[row.key] = {
            f.key: _cell(v, line, i + 2) for i, (f, v) in enumerate(zip(row.fields, t2_values[row.key], strict=True))
        }
        t2.row_evidence[row.key] = RowEvidence(
            key=row.key, printed_label=row.label, match="exact", alignment="exact", expected_cells=len(row.fields)
        )
    t3 = TableData(id="table3", found=True)
    values = table3_values()
    for row in TABLE3.rows:
        if row.optional:
            continue
        line += 1
        t3.rows[row.key] = {
            c.key: _cell(v, line, i + 2) for i, (c, v) in enumerate(zip(TABLE3.columns, values[row.key], strict=True))
        }
        t3.row_evidence[row.key] = RowEvidence(
            key=row.key, printed_label=row.label, match="exact", alignment="exact", expected_cells=7
        )
    t4 = TableData(id="table4", found=True)
    t4_values = {
        "administrative_review": [1, 1, 0, 1, 3],
        "litigation_direct": [1, 0, 0, 0, 1],
        "litigation_after_review": [0, 0, 0, 0, 0],
    }
    line += 5
    for g, row in enumerate(TABLE4.rows):
        t4.rows[row.key] = {
            f.key: _cell(v, line, g * 5 + i + 1)
            for i, (f, v) in enumerate(zip(row.fields, t4_values[row.key], strict=True))
        }
        t4.row_evidence[row.key] = RowEvidence(key=row.key, match="exact", alignment="exact", expected_cells=15)
    report.table2, report.table3, report.table4 = t2, t3, t4
    texts = {
        1: "2024年，本局共收到政府信息公开申请24件，上年结转4件，办结26件，结转下年度2件。",
        2: "",
        3: "本年度新收政府信息公开申请24件，上年结转4件。",
        4: "本年度发生政府信息公开行政复议3件，行政诉讼1件。",
        5: "存在的主要问题是公开形式单一。",
        6: "本年度未收取信息处理费。",
    }
    for spec in SECTIONS:
        line += 2
        report.sections.append(
            Section(
                number=spec.number,
                key=spec.key,
                title=spec.title,
                printed_number=spec.title[0],
                text=texts[spec.number],
                provenance=Provenance(file=FILE, line=line),
            )
        )
        report.lines.append(TextLine(text=spec.title, provenance=Provenance(file=FILE, line=line), section=spec.number))
        if texts[spec.number]:
            report.lines.append(
                TextLine(text=texts[spec.number], provenance=Provenance(file=FILE, line=line + 1), section=spec.number)
            )
    return report


def set_cell(
    report: AnnualReport, table: str, row: str, col: str, value: int | float | None, raw: str | None = None
) -> AnnualReport:
    """Return a copy of ``report`` with one cell changed (None makes it blank)."""
    out = deepcopy(report)
    cell = out.table(table).rows[row][col]
    if value is None:
        out.table(table).rows[row][col] = cell.model_copy(
            update={"raw": raw if raw is not None else "", "value": None, "state": "blank" if not raw else "marker"}
        )
    else:
        out.table(table).rows[row][col] = cell.model_copy(
            update={"raw": raw if raw is not None else str(value), "value": value, "state": "number"}
        )
    return out
