"""Shared helpers of the consistency rules: narrative claims with their lines, and table values.

Table values come from ``number`` cells only.  One documented exception: when a row's 总计
cell is blank (older reports, e.g. 上海 2019, only total the main rows) and every applicant
cell is a number or blank, the row's value is the sum of its applicant cells, blanks
counting as 0 — the same reading the table's own （七）总计 relies on.  Markers (“/”, “—”),
text and missing cells always make the value unknown, and an unknown value is never compared.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

from gongkai.audit.describe import part_name, row_label
from gongkai.audit.finding import Location
from gongkai.audit.narrative import Claim, Paragraph, find_claims, paragraphs
from gongkai.model import AnnualReport, TextLine
from gongkai.model.template import APPLICANT_COLUMNS, SUBTOTAL_ITEMS

NARRATIVE_SECTIONS = frozenset({1, 3, 4})
T4_FIELDS = ("upheld", "corrected", "other", "pending")
GROUPS = {
    "denied": "denied_total",
    "unavailable": "unavailable_total",
    "not_processed": "not_processed_total",
    "other": "other_total",
}
"""Outcome group → its optional subtotal row (items in ``SUBTOTAL_ITEMS``)."""


def claims(
    report: AnnualReport, *kinds: str, sections: Collection[int] = NARRATIVE_SECTIONS
) -> Iterator[tuple[Claim, TextLine, Paragraph]]:
    """Claims of the given kinds (or kind prefixes ending in ':') in ``sections`` (default 一, 三 and 四)."""
    for p in paragraphs(report.lines, sections):
        for c in find_claims(p.text):
            if c.kind in kinds or any(k.endswith(":") and c.kind.startswith(k) for k in kinds):
                yield c, p.line_at(c.start), p


def where(line: TextLine) -> Location:
    return Location(part=f"section{line.section}" if line.section else "document", source=line.provenance)


def said(line: TextLine, quotes: Iterable[str]) -> str:
    """``第一部分称“…”“…”`` for a claim's line."""
    part = part_name(f"section{line.section}") if line.section else "正文"
    return part + "称" + "".join(f"“{q}”" for q in quotes)


def fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


@dataclass(frozen=True)
class TableValue:
    value: int | float
    locations: tuple[Location, ...]
    derived: bool = False
    """True when a blank 总计 was replaced by the sum of the applicant cells."""

    def __add__(self, other: TableValue) -> TableValue:
        return TableValue(self.value + other.value, self.locations + other.locations, self.derived or other.derived)

    @property
    def note(self) -> str:
        return "（总计栏空白，按各类申请人栏合计）" if self.derived else ""


def row_value(report: AnnualReport, table_id: str, row: str) -> TableValue | None:
    """The row's 总计 (see the module docstring for blank totals); None when unknown."""
    table = report.table(table_id)
    cells = table.rows.get(row) if table.found else None
    if not cells:
        return None
    total = cells.get("total")
    if total is not None and total.state == "number" and total.value is not None:
        return TableValue(total.value, (Location(part=table_id, row=row, column="total", source=total.provenance),))
    if total is not None and total.state not in ("blank", "absent"):
        return None
    parts = [cells.get(c) for c in (APPLICANT_COLUMNS if table_id == "table3" else T4_FIELDS)]
    if any(c is None or c.state not in ("number", "blank") for c in parts):
        return None
    value = sum(c.value or 0 for c in parts if c is not None and c.state == "number")
    source = (
        total.provenance if total is not None and total.provenance else next((c.provenance for c in parts if c), None)
    )
    return TableValue(value, (Location(part=table_id, row=row, column="total", source=source),), derived=True)


def rows_value(report: AnnualReport, table_id: str, rows: Iterable[str]) -> TableValue | None:
    """Sum of several rows' values; None when any is unknown."""
    out: TableValue | None = None
    for row in rows:
        v = row_value(report, table_id, row)
        if v is None:
            return None
        out = v if out is None else out + v
    return out


def group_value(report: AnnualReport, group: str) -> TableValue | None:
    """（三）…（六）: the sum of the numbered items when all are present, else the subtotal row."""
    subtotal = GROUPS[group]
    items = SUBTOTAL_ITEMS[subtotal]
    if all(i in report.table3.rows for i in items):
        return rows_value(report, "table3", items)
    return row_value(report, "table3", subtotal)


def describe_rows(rows: Iterable[str]) -> str:
    return "与".join(f"“{row_label('table3', r)}”" for r in rows)
