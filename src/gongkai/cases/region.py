"""A supervisor's region report: its agencies' computed reports summed cell by cell.

Each cell of the three tables is the sum of the agencies' number cells and names the union of
their records. A cell blank in every agency's report stays blank; a cell with a number in some
reports and blank in others is the sum of the numbers. A blank figure means the agency entered
none — an agency without licensing powers never enters its 行政许可 decisions — so the region
counts what was entered; the agency's own report still shows its blank (the audit's S109).
Anything else that is not a number (a printed marker) adds nothing.

Section 六 states the fees of all the agencies when every report states its own in the words of
:func:`gongkai.cases.fee_sentence.fee_text` (computed reports do); otherwise it keeps the scaffold's
【待填写】 mark for staff to write. The texts are the scaffold's, for the region's name.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from gongkai.cases.fee_sentence import fee_text, parse_fee_text
from gongkai.cases.report import (
    SOURCE_FORMAT,
    blank_cell,
    fee_section,
    figure_value,
    number_cell,
    source_name,
    title,
)
from gongkai.cases.tally import sort_refs
from gongkai.errors import RegisterError
from gongkai.model import TABLES, AnnualReport, Cell, TableData
from gongkai.write.scaffold import scaffold


def _sum(values: Sequence[int | float]) -> int | float:
    if all(isinstance(v, int) for v in values):
        return sum(values)
    return figure_value(sum((Decimal(str(v)) for v in values), Decimal(0)))  # no float noise: 0.1＋0.2＝0.3


def sum_cells(cells: Sequence[Cell], source: str) -> Cell:
    """The sum of ``cells``' numbers with their records united; blank when none is a number."""
    records = [r for c in cells if c.provenance is not None and c.provenance.records for r in c.provenance.records]
    numbers = [c.value for c in cells if c.state == "number" and c.value is not None]
    if not numbers:
        return blank_cell(source)
    return number_cell(_sum(numbers), source, records)


def sum_tables(tables: Sequence[TableData], table_id: str, source: str) -> TableData:
    """Every template cell present in one of ``tables``, summed (template order)."""
    spec = TABLES[table_id]
    out = TableData(id=table_id, found=any(t.found for t in tables))
    for row in spec.rows:
        for f in spec.fields_of(row):
            cells = [c for t in tables if (c := t.cell(row.key, f.key)) is not None]
            if cells:
                out.rows.setdefault(row.key, {})[f.key] = sum_cells(cells, source)
    return out


def summed_fees(reports: Sequence[AnnualReport]) -> tuple[str, tuple[str, ...]] | None:
    """Section 六's fee sentence for all the reports together and the applications that paid;
    None when one of them does not state its fees in :func:`~gongkai.cases.fee_sentence.fee_text`'s words."""
    refs: list[str] = []
    count = yuan = 0
    for report in reports:
        section = report.section(6)
        stated = parse_fee_text(section.text) if section is not None else None
        if section is None or stated is None:
            return None
        count, yuan = count + stated[0], yuan + stated[1]
        if section.provenance is not None and section.provenance.records:
            refs += section.provenance.records
    return fee_text(count, yuan), sort_refs(refs)


def sum_reports(reports: Sequence[AnnualReport], name: str) -> AnnualReport:
    """The region report of ``name`` for its agencies' ``reports`` of one year (see the module docs).

    Raises:
        RegisterError: E204 when there is no report, or the reports are not all of one year.
    """
    years = {r.metadata.year for r in reports}
    if not reports:
        raise RegisterError("E204", f"{name}没有可汇总的机关年报")
    if len(years) != 1 or None in years:
        shown = "、".join(f"{y}年" if y else "未知年度" for y in sorted(years, key=lambda y: y or 0))
        raise RegisterError("E204", f"汇总的机关年报不是同一年度（{shown}）")
    year = reports[0].metadata.year
    assert year is not None
    source = source_name(name)
    region = scaffold(year, name)
    region.source_file = source
    region.source_format = SOURCE_FORMAT
    region.metadata.title = title(name, year)
    for table_id in ("table2", "table3", "table4"):
        summed = sum_tables([r.table(table_id) for r in reports], table_id, source)
        setattr(region, table_id, summed)
    fees = summed_fees(reports)
    if fees is not None:
        fee_section(region, *fees, source)
    return region


__all__ = ["sum_cells", "sum_reports", "sum_tables", "summed_fees"]
