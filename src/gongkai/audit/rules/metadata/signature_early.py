"""M102: the report is dated before its statistical period ended."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules.metadata._dates import cn, meta_location, report_year
from gongkai.model import AnnualReport


@register
class SignatureBeforePeriodEnd(Rule):
    """What it checks:
    The signature date (落款日期) must be after the end of the statistical period (or, when
    no period is stated, after 12月31日 of the title's year).

    Why:
    An annual report can only be written once the year is over; a date inside (or before)
    the year is a typo — often the previous year's date left in place.

    Example:
    “蓬莱区大数据服务中心2023年政府信息公开工作年度报告” signed “2023年1月9日”.

    Correct:
    “2024年1月9日”.
    """

    code = "M102"
    name = "signature-before-period-end"
    severity = Severity.ERROR
    summary = "落款日期早于统计期末"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        m = report.metadata
        year = report_year(report)
        end = m.period_end or (dt.date(year, 12, 31) if year else None)
        if m.signature_date is None or end is None or m.signature_date > end:
            return
        printed = (
            f"（原文“{m.signature_text}”）" if m.signature_text and m.signature_text != cn(m.signature_date) else ""
        )
        what = "统计期末" if m.period_end else f"{year} 年末"
        yield self.finding(
            f"落款日期为 {cn(m.signature_date)}{printed}，不晚于{what} {cn(end)}",
            meta_location(report, "signature_date"),
            f"核对落款日期；{year or end.year} 年度报告应在 {end.year + 1} 年成文。",
            related=(meta_location(report, "period", "title"),),
        )
