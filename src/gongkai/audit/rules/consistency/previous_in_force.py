"""C110: 现行有效件数 continues from last year: last year's in force + issued − abolished."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import fmt, loc
from gongkai.model import TABLE2, AnnualReport


@register
class InForceDiscontinuity(Rule):
    """What it checks:
    Given last year's report, for 规章 and 行政规范性文件 in table 2:
    this year's 现行有效件数 should equal last year's 现行有效件数 ＋ this year's
    本年制发件数 − 本年废止件数. Rows with a blank cell are not compared.

    Why:
    A document in force at the end of the year was in force a year before or was issued
    this year, unless it was abolished. A gap usually means a miscount — but a clean-up of
    the document register, an institutional reform or a change of counting can also
    explain it, so this is a warning to check, not an error.

    Example:
    2023年 现行有效 15；2024年 制发 2、废止 1、现行有效 20: 15＋2−1＝16.

    Correct:
    现行有效 16, or explain the change of counting in 第六部分.
    """

    code = "C110"
    name = "in-force-discontinuity"
    severity = Severity.WARNING
    summary = "表二“现行有效件数”与上年现行有效件数加本年制发、减本年废止不符"
    needs_previous = True

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        last = self.previous
        if last is None or not report.table2.found or not last.table2.found:
            return
        t2 = report.table2
        for key in ("regulations", "normative_documents"):
            before = last.table2.value(key, "in_force")
            issued, abolished, now = (t2.value(key, f) for f in ("issued", "abolished", "in_force"))
            if None in (before, issued, abolished, now):
                continue
            assert before is not None and issued is not None and abolished is not None and now is not None
            expected = before + issued - abolished
            if now == expected:
                continue
            label = TABLE2.row(key).label
            yield self.finding(
                f"现行有效件数 {fmt(now)} ≠ 上年现行有效 {fmt(before)}＋本年制发 {fmt(issued)}－本年废止 "
                f"{fmt(abolished)}＝{fmt(expected)}（表二·{label}）",
                loc("table2", key, "in_force", t2.cell(key, "in_force")),
                "核对现行有效件数；因清理、机构改革或统计口径变化而不连续的，请在报告中说明。",
            )
