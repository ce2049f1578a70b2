"""S111: cells whose text is not a number."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import cell_name, iter_cells, loc
from gongkai.model import AnnualReport


@register
class UnparseableCell(Rule):
    """What it checks:
    Cells of the tables whose printed text cannot be read as a number, a blank or a
    marker — for example “约5”, “5件以上” or a number run together with other text.
    One finding per cell, quoting the text. gongkai never guesses a value for them.

    Why:
    The tables must give exact figures; text in a number cell cannot be added up or
    compared, and hides what the agency actually counted.

    Example:
    表三 （一）予以公开 自然人 printed as “约5”.

    Correct:
    “5” (the exact count).
    """

    code = "S111"
    name = "unparseable-cell"
    severity = Severity.ERROR
    summary = "统计表中有单元格无法读成数字"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        for table_id in ("table2", "table3", "table4"):
            for row, col, cell in iter_cells(report.table(table_id)):
                if cell.state != "text":
                    continue
                yield self.finding(
                    f"{cell_name(table_id, row, col)}印为「{cell.raw}」，无法读成数字",
                    loc(table_id, row, col, cell),
                    "单元格只填写准确的数字（如“5”），说明性文字写入正文。",
                )
