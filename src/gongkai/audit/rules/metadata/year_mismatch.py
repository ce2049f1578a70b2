"""M101: the title's year differs from the statistical period's year."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules.metadata._dates import cn, meta_location
from gongkai.model import AnnualReport


@register
class YearMismatch(Rule):
    """What it checks:
    The year in the title (“2023年政府信息公开工作年度报告”) must be the year of the
    statistical period (统计期限, e.g. 2023年1月1日至2023年12月31日): both its start and
    its end.

    Why:
    A title and a period that name different years leave the reader unsure which year the
    numbers describe; it usually means last year's text was reused without updating it.

    Example:
    Title “…2023年政府信息公开工作年度报告”, 统计期限 “2022年1月1日至2022年12月31日”.

    Correct:
    统计期限 “2023年1月1日至2023年12月31日”, or the title of the right year.
    """

    code = "M101"
    name = "year-mismatch"
    severity = Severity.ERROR
    summary = "标题年份与统计期限年份不一致"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        m = report.metadata
        if m.year is None:
            return
        years = {d.year for d in (m.period_start, m.period_end) if d is not None}
        if not years or years == {m.year}:
            return
        period = "至".join(cn(d) for d in (m.period_start, m.period_end) if d is not None)
        yield self.finding(
            f"标题年份为 {m.year} 年，统计期限为 {period}（{m.period_text or period}）",
            meta_location(report, "period", "title"),
            f"核对标题和统计期限，二者应为同一年度（{m.year}年1月1日至{m.year}年12月31日）。",
            related=(meta_location(report, "title"),),
        )
