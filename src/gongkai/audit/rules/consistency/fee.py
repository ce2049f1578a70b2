"""C108: part 六 says nothing about 信息处理费."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, register
from gongkai.model import AnnualReport

_FEE = re.compile(r"处理费|收费|收取[^，。；]{0,8}费|费用")
FIRST_YEAR = 2021
"""国办函〔2020〕109号 (信息处理费管理办法) applies to reports on 2021 and later."""


@register
class FeeCollectionUnreported(Rule):
    """What it checks:
    Part 六（其他需要报告的事项）must say whether 信息处理费 was collected: it must mention
    信息处理费 / 处理费, 收费 or 收取…费用 (“未发生收费情况”, “依申请公开政府信息未收费”
    count). Reports on years before 2021 and reports without a part 六 (see the structure
    rules) are not checked.

    Why:
    Since 国办函〔2020〕109号 agencies may charge 信息处理费; the annual report is where they
    account for it, including that nothing was charged.

    Example:
    六、其他需要报告的事项：“今后，我局将继续认真贯彻落实《条例》…” (no word on fees).

    Correct:
    “本年度未收取信息处理费。” or the number of cases and the amount charged.
    """

    code = "C108"
    name = "fee-collection-unreported"
    severity = Severity.WARNING
    summary = "第六部分未说明信息处理费收取情况"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        section = report.section(6)
        if section is None:
            return
        m = report.metadata
        year = m.year or (m.period_end.year if m.period_end else None)
        if (year is not None and year < FIRST_YEAR) or (year is None and report.format == "2019"):
            return
        text = section.text + "".join(line.text for line in report.lines if line.section == 6)
        if _FEE.search(text):
            return
        yield self.finding(
            "第六部分“其他需要报告的事项”未说明信息处理费收取情况（未提及信息处理费或收费）",
            Location(part="section6", source=section.provenance),
            "在第六部分写明本年度收取信息处理费的件数和金额；未收取的也应写明“未收取信息处理费”。",
        )
