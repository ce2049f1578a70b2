"""S103: tables 2, 3 and 4 are present."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import CN, loc
from gongkai.audit.rules.structure._support import spec_for
from gongkai.model import AnnualReport

_SECTION = {"table2": "二", "table3": "三", "table4": "四"}


@register
class TableMissing(Rule):
    """What it checks:
    Sections 二, 三 and 四 of the template each carry a statistics table: 表二
    主动公开政府信息情况, 表三 收到和处理政府信息公开申请情况 and 表四 政府信息公开行政复议、
    行政诉讼情况. The rule reports a table that could not be found in the report.

    Why:
    The tables hold the figures the format requires; without them the report
    cannot be checked or compared. A table printed as an image or left out of the
    text also counts as missing here.

    Example:
    Section 三 describes the applications in prose (“全年共收到申请34件”) but prints
    no table.

    Correct:
    Section 三 followed by the table 收到和处理政府信息公开申请情况 with its 7 columns and
    25 rows, filled with numbers (0 where there is nothing to report).
    """

    code = "S103"
    name = "table-missing"
    severity = Severity.ERROR
    summary = "缺少年报格式规定的统计表"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        for table_id in ("table2", "table3", "table4"):
            table = report.table(table_id)
            if table.found:
                continue
            title = spec_for(report, table_id).title
            yield self.finding(
                f"未找到{CN[table_id]}「{title}」（第{_SECTION[table_id]}部分的统计表）",
                loc(table_id),
                f"在第{_SECTION[table_id]}部分按年报格式填列“{title}”统计表；表格应以文字表格发布，不要只发布图片。",
            )
