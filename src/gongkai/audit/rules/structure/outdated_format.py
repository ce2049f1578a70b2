"""S114: the report uses the 2019 trial format."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, register
from gongkai.model import AnnualReport


@register
class OutdatedFormat(Rule):
    """What it checks:
    Whether the tables follow the 2019 trial format (国办公开办函〔2019〕60号), recognised by
    headers such as 本年新制作数量, 上一年项目数量 or 第二十条第（九）项. Reports for 2021
    and later years must use the 2021 format (国办公开办函〔2021〕30号): an error. For
    2019 and 2020 reports (or when the year is unknown) the trial format was in force
    and the rule only notes it (info).

    Why:
    The 2021 format changed table 2 (本年制发件数 / 本年废止件数 / 现行有效件数; one
    本年处理决定数量 column; the fee amount in 万元) and split （六）其他处理 into three
    items. A later report in the old format does not give the figures now required.

    Example:
    A 2021 report whose table 2 has “本年新制作数量 | 本年新公开数量 | 对外公开总数量”.

    Correct:
    “本年制发件数 | 本年废止件数 | 现行有效件数” and the other tables of the 2021 format.
    """

    code = "S114"
    name = "outdated-format"
    severity = Severity.ERROR
    summary = "统计表使用2019年试行格式"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        if report.format != "2019":
            return
        year = report.metadata.year
        where = Location(part="table2", source=report.table2.provenance)
        if year is not None and year >= 2021:
            yield self.finding(
                f"本报告为{year}年度报告，但统计表使用2019年试行格式（国办公开办函〔2019〕60号）",
                where,
                "2021年度及以后的年报应使用国办公开办函〔2021〕30号印发的年报格式重新填列统计表。",
            )
            return
        year_text = f"{year}年度报告" if year is not None else "本报告（年度未识别）"
        yield self.finding(
            f"{year_text}的统计表使用2019年试行格式（国办公开办函〔2019〕60号）",
            where,
            "2019、2020年度年报适用试行格式；2021年度起应使用国办公开办函〔2021〕30号的格式。",
            severity=Severity.INFO,
        )
