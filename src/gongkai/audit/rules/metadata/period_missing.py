"""M107: the report does not state its statistical period."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, register
from gongkai.model import AnnualReport


@register
class PeriodMissing(Rule):
    """What it checks:
    The report states the period its numbers cover (统计期限, usually in the preface:
    “本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止”).

    Why:
    Without the period the reader must assume the numbers cover the calendar year; most
    reports state it, and the year rules (M101, M102) use it.

    Example:
    A report whose preface goes straight from the title to “一、总体情况”.

    Correct:
    Add “本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。”
    """

    code = "M107"
    name = "period-missing"
    severity = Severity.INFO
    summary = "报告未说明统计期限"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        m = report.metadata
        if m.period_start or m.period_end or m.period_text:
            return
        yield self.finding(
            "报告未说明统计期限（如“本报告所列数据的统计期限自X年1月1日起至X年12月31日止”）",
            Location(part="metadata"),
            "在报告开头说明数据的统计期限。",
        )
