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

from gongkai.model import AnnualReport, Cell, TableData
from gongkai.model.labels import format_number
from gongkai.model.template import TOTALS


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
    """Fill the blank totals of ``report`` in place from their parts; returns what was filled.

    The totals and their parts are :data:`gongkai.model.template.TOTALS`.  Table 3's grand
    total (（七）总计·总计) is the sum of its own row, so it is filled after that row.
    """
    computed = Computed()
    for table_id, totals in TOTALS.items():
        table = report.table(table_id)
        if not table.found or not totals:
            continue
        ordered = sorted(totals, key=lambda rc: rc == ("total_processed", "total"))
        for row, col in ordered:
            if row not in table.rows and row != "total_processed":
                continue  # a missing row is reported by S104, not invented
            first = totals[(row, col)][0]
            _fill(table, row, col, [table.cell(r, c) for r, c in first], computed)
    return computed
