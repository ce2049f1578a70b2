"""M108: no report title was found."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, register
from gongkai.model import AnnualReport


@register
class TitleMissing(Rule):
    """What it checks:
    The document has a title naming the agency and the year (“某市某局2024年政府信息公开
    工作年度报告”).

    Why:
    The title tells which agency and which year the report is about; without it the year
    checks (M101–M104) have nothing to compare.

    Example:
    A document that starts directly with “一、总体情况”.

    Correct:
    Start with “某市某局2024年政府信息公开工作年度报告”.
    """

    code = "M108"
    name = "title-missing"
    severity = Severity.WARNING
    summary = "未找到报告标题"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        if report.metadata.title is None:
            yield self.finding(
                "未找到报告标题（应写明机关名称和年度，如“某市某局2024年政府信息公开工作年度报告”）",
                Location(part="metadata"),
                "在报告开头写明标题。",
            )
