"""Totals are computed, never typed.

Where the input leaves a total blank (or omits it), it is computed from its parts
when every part is a number; where the input gives a total, it is kept exactly
as given, and the audit's arithmetic rules (A102, A103, A105) report it if it
differs from its parts.  A blank part means the total stays blank: a number is
never guessed.

Totals of the 2021 format: table 3's 总计 column (each row), its （七）总计 row
(each column), and table 4's 总计 of each group.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.model import TABLE3, AnnualReport, Cell, TableData
from gongkai.model.labels import format_number
from gongkai.model.template import APPLICANT_COLUMNS, OUTCOME_ROWS_2021, TABLE4


@dataclass
class Computed:
    """Which cells were computed (``table3.granted.total``…) and which totals could not be."""

    cells: list[str] = field(default_factory=list)
    incomplete: list[str] = field(default_factory=list)


def _given(cell: Cell | None) -> bool:
    return cell is not None and cell.state not in ("blank", "absent")


def _sum(cells: list[Cell | None]) -> int | float | None:
    values: list[int | float] = []
    for c in cells:
        if c is None or c.state != "number" or c.value is None:
            return None
        values.append(c.value)
    return sum(values)


def _fill(table: TableData, row: str, col: str, parts: list[Cell | None], computed: Computed) -> None:
    if _given(table.cell(row, col)):
        return
    where = f"{table.id}.{row}.{col}"
    total = _sum(parts)
    if total is None:
        computed.incomplete.append(where)
        table.rows.setdefault(row, {}).setdefault(col, Cell(raw="", state="blank"))
        return
    table.rows.setdefault(row, {})[col] = Cell(raw=format_number(total), value=total, state="number")
    computed.cells.append(where)


def compute_totals(report: AnnualReport) -> Computed:
    """Fill the blank totals of ``report`` in place from their parts; returns what was filled."""
    computed = Computed()
    t3 = report.table3
    if t3.found:
        for spec in TABLE3.rows:
            if spec.optional or spec.key == "total_processed":
                continue
            if spec.key in t3.rows:
                _fill(t3, spec.key, "total", [t3.cell(spec.key, c) for c in APPLICANT_COLUMNS], computed)
        for col in (*APPLICANT_COLUMNS, "total"):
            _fill(t3, "total_processed", col, [t3.cell(r, col) for r in OUTCOME_ROWS_2021], computed)
    t4 = report.table4
    if t4.found:
        for group in TABLE4.rows:
            parts = [t4.cell(group.key, f) for f in ("upheld", "corrected", "other", "pending")]
            _fill(t4, group.key, "total", parts, computed)
    return computed
