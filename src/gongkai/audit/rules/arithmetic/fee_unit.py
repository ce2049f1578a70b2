"""A107: the fee amount is printed in 万元, as the template asks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import cell_name, fmt, loc
from gongkai.audit.rules.arithmetic.invalid_count import AMOUNTS
from gongkai.model import AnnualReport

_UNIT = re.compile(r"^(元|万元|千元|百元|亿元|万|亿|件|个|项|次|份|条|人次|人)$")


@register
class FeeAmountUnit(Rule):
    """What it checks:
    The money cells of table 2 — 行政事业性收费 本年收费金额（单位：万元） (and 政府集中采购
    采购总金额 in the 2019 trial format) — are printed as a bare number in 万元. The rule
    reports a cell printed with another unit (such as “251000元”) or as text that is
    not a number.

    Why:
    The column header fixes the unit as 万元; a figure printed in 元 is 10,000 times
    too large when read as 万元, and totals across reports become meaningless.

    Example:
    政府集中采购 采购总金额 printed as “251000元”.

    Correct:
    “25.1” (万元), the unit given by the header only.
    """

    code = "A107"
    name = "fee-amount-unit"
    severity = Severity.WARNING
    summary = "收费（采购）金额未按“万元”填写"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        table = report.table2
        for row, col in sorted(AMOUNTS):
            cell = table.cell(row, col)
            if cell is None:
                continue
            note = (cell.note or "").strip()
            if cell.state == "number" and note and _UNIT.match(note) and note != "万元":
                value = fmt(cell.value) if cell.value is not None else ""
                message = f"{cell_name('table2', row, col)}印为「{cell.raw}」，单位为“{note}”而非万元（读作 {value}）"
            elif cell.state == "text":
                message = f"{cell_name('table2', row, col)}印为「{cell.raw}」，不是以万元为单位的数字"
            else:
                continue
            yield self.finding(
                message,
                loc("table2", row, col, cell),
                "金额一律以万元为单位填写数字，不带单位（如 251000元 应填 25.1）。",
            )
