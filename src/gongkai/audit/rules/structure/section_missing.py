"""S101: the six sections of the template are all present."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, register
from gongkai.model import AnnualReport
from gongkai.model.template import SECTIONS


@register
class SectionMissing(Rule):
    """What it checks:
    The report must contain the six sections of the template: 一、总体情况,
    二、主动公开政府信息情况, 三、收到和处理政府信息公开申请情况,
    四、政府信息公开行政复议、行政诉讼情况, 五、存在的主要问题及改进情况 and
    六、其他需要报告的事项. One finding per section that could not be found.

    Why:
    The 2021 format (国办公开办函〔2021〕30号) prescribes the six sections; a missing
    section — most often 五、存在的主要问题及改进情况 — leaves out content the report
    must give.

    Example:
    A report going from 四、政府信息公开行政复议、行政诉讼情况 straight to
    五、其他需要报告的事项.

    Correct:
    ……四、政府信息公开行政复议、行政诉讼情况 / 五、存在的主要问题及改进情况 /
    六、其他需要报告的事项.
    """

    code = "S101"
    name = "section-missing"
    severity = Severity.ERROR
    summary = "缺少年报格式规定的某一部分"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        for spec in SECTIONS:
            if report.section(spec.number) is not None:
                continue
            yield self.finding(
                f"未找到第{spec.title[0]}部分「{spec.title}」",
                Location(part=f"section{spec.number}"),
                f"按年报格式补写“{spec.title}”部分；如无内容，也应保留标题并写明“无”或相关情况。",
            )
