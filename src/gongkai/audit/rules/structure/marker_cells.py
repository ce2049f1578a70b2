"""S110: cells printed as a marker such as “/” or “—” instead of a number."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.describe import column_label, row_label
from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import CN, iter_cells, loc
from gongkai.audit.rules.structure._support import listing
from gongkai.model import AnnualReport


@register
class MarkerCells(Rule):
    """What it checks:
    Cells of the tables printed as a marker — “/”, “—”, “无” and the like — instead of
    a number. One finding per table lists them.

    Why:
    A marker usually means “nothing” or “not applicable”, but the format asks for a
    number in every cell; programs and readers must otherwise guess whether the
    figure is 0 or unknown. Sums count such cells as 0.

    Example:
    表二 行政事业性收费 本年收费金额（单位：万元） printed as “/”.

    Correct:
    “0”.
    """

    code = "S110"
    name = "marker-cells"
    severity = Severity.WARNING
    summary = "统计表中有单元格以“/”“—”等符号代替数字"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        for table_id in ("table2", "table3", "table4"):
            table = report.table(table_id)
            if not table.found:
                continue
            cells = [(r, c, cell) for r, c, cell in iter_cells(table) if cell.state == "marker"]
            if not cells:
                continue
            items = [
                f"{row_label(table_id, r)}·{column_label(table_id, c)}“{(cell.raw or '').strip()}”"
                for r, c, cell in cells
            ]
            r0, c0, cell0 = cells[0]
            yield self.finding(
                f"{CN[table_id]}有 {len(cells)} 个单元格印为符号而非数字：{listing(items, cap=6)}",
                loc(table_id, r0, c0, cell0),
                "没有数据的单元格应填“0”，不要用“/”“—”等符号代替。",
                related=tuple(loc(table_id, r, c, cell) for r, c, cell in cells[:50]),
            )
