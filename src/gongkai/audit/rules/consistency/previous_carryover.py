"""C109: this year's 上年结转 equals last year's 结转下年度继续办理, column by column."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import fmt, loc
from gongkai.model import TABLE3, AnnualReport


def _year(report: AnnualReport) -> str:
    return f"{report.metadata.year}年" if report.metadata.year else "上年"


@register
class CarryoverDiscontinuity(Rule):
    """What it checks:
    Given last year's report of the same agency, each column of table 3's
    “二、上年结转政府信息公开申请数量” must equal the same column of last year's
    “四、结转下年度继续办理”. Blank cells on either side are not compared.

    Why:
    An application still open at the end of a year is carried into the next one; the two
    figures count the same applications. A difference means one of the two reports miscounts,
    or a figure was corrected without saying so.

    Example:
    2023年报告 四、结转下年度继续办理 总计 3；2024年报告 二、上年结转 总计 2.

    Correct:
    上年结转 3, or explain in 第六部分 why last year's figure was corrected.
    """

    code = "C109"
    name = "carryover-discontinuity"
    severity = Severity.WARNING
    summary = "表三“上年结转”与上年年报“结转下年度继续办理”不一致"
    needs_previous = True

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        last = self.previous
        if last is None or not report.table3.found or not last.table3.found:
            return
        for col in TABLE3.columns:
            now = report.table3.value("carried_over", col.key)
            then = last.table3.value("carried_forward", col.key)
            if now is None or then is None or now == then:
                continue
            yield self.finding(
                f"上年结转 {fmt(now)} ≠ {_year(last)}报告结转下年度继续办理 {fmt(then)}（表三·{col.label}列）",
                loc("table3", "carried_over", col.key, report.table3.cell("carried_over", col.key)),
                f"上年结转应等于上年年报的“四、结转下年度继续办理”（{last.source_file}）；"
                "如上年数字有误已更正，请在第六部分说明。",
            )
