"""A106: counts are non-negative integers; amounts are non-negative."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import cell_name, fmt, iter_cells, loc
from gongkai.model import AnnualReport

AMOUNTS = frozenset({("administrative_fees", "amount_10k_yuan"), ("government_procurement", "amount")})
"""table2 cells holding money amounts: decimals allowed."""


@register
class InvalidCount(Rule):
    """What it checks:
    Every number in tables 2, 3 and 4 that counts something (documents, decisions,
    applications, cases) must be a whole number and not negative. The money
    amounts of table 2 (行政事业性收费 本年收费金额（单位：万元）, and 政府集中采购 采购总金额
    in the 2019 trial format) may have decimals but cannot be negative. In the 2019
    trial format, 本年增/减 may be negative (a decrease).

    Why:
    A negative or fractional count cannot be right; it is usually a typing error or
    a number moved from another column (such as an amount typed into a count cell).

    Example:
    表二 行政许可 本年处理决定数量 printed as “-3”; 表三 （一）予以公开 自然人 printed as “2.5”.

    Correct:
    行政许可 本年处理决定数量 3; 予以公开 自然人 2 or 3, whichever was counted.
    """

    code = "A106"
    name = "invalid-count"
    severity = Severity.ERROR
    summary = "件数为负数或非整数（金额为负数）"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        signed = report.format == "2019"
        for table_id in ("table2", "table3", "table4"):
            table = report.table(table_id)
            for row, col, cell in iter_cells(table):
                if cell.state != "number" or cell.value is None:
                    continue
                v = cell.value
                amount = table_id == "table2" and (row, col) in AMOUNTS
                if v < 0 and not (signed and table_id == "table2" and col == "change"):
                    kind = "金额" if amount else "件数"
                    problem = f"{kind}不能为负数"
                elif not amount and isinstance(v, float) and not v.is_integer():
                    problem = "件数应为整数"
                else:
                    continue
                yield self.finding(
                    f"{cell_name(table_id, row, col)}为 {fmt(v)}（印为「{cell.raw}」），{problem}",
                    loc(table_id, row, col, cell),
                    "核对原始台账后改为正确的非负整数；如系其他栏目的数字误填，移回对应栏目。",
                )
