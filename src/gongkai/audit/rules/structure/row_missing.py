"""S104: every template row of a found table is present."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import CN
from gongkai.audit.rules.structure._support import (
    READ_FROM_POSITIONS,
    data_unplaced,
    listing,
    missing_rows,
    positional,
    run_together,
    template_row_label,
)
from gongkai.model import AnnualReport


@register
class RowMissing(Rule):
    """What it checks:
    In each table that was found, every row of the template must be printed. One
    finding per table lists the rows that were not found at all (neither by their
    label nor by their position between other rows). The sums involving those rows
    are not checked: a row that was not found never counts as 0. When the table
    also holds rows of numbers that could not be placed, those rows may be the
    missing ones and S113 reports both together instead. In a PDF or a scan the
    table is rebuilt from positions on the page, so a row not found may be
    gongkai's failure to read it: there the finding is a warning.

    Why:
    The format fixes the rows of the tables; a report that drops a row — for example
    the three items of （六）其他处理 added in 2021, or 行政规范性文件 — does not report that
    figure, and the table's totals can no longer be checked.

    Example:
    表三 going from （五）不予处理 5.要求行政机关确认或重新出具已获取信息 straight to （七）总计.

    Correct:
    All 25 data rows of 表三, including （六）其他处理 1.申请人无正当理由逾期不补正…, 2.申请人逾期未按
    收费通知要求缴纳费用… and 3.其他, each with 0 where there is nothing to report. In the
    2019 trial format （六）其他处理 is one row.
    """

    code = "S104"
    name = "row-missing"
    severity = Severity.ERROR
    summary = "统计表缺少年报格式规定的行"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        for table_id in ("table2", "table3", "table4"):
            table = report.table(table_id)
            if not table.found or data_unplaced(table) or run_together(table):
                continue
            missing = missing_rows(report, table_id)
            if not missing:
                continue
            labels = [f"「{template_row_label(report, table_id, r)}」" for r in missing]
            reader = positional(report)
            yield self.finding(
                f"{CN[table_id]}未找到 {len(missing)} 行：{listing(labels)}"
                f"{READ_FROM_POSITIONS if reader else ''}；涉及{'这些' if len(missing) > 1 else '该'}行的合计未核对",
                Location(part=table_id, row=missing[0], source=table.provenance),
                ("核对原件中这些行是否印出；" if reader else "")
                + "按年报格式补齐缺少的行，没有数据的行填0，不要删除。",
                severity=Severity.WARNING if reader else None,
                related=tuple(Location(part=table_id, row=r) for r in missing),
            )
