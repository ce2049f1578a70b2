"""S116: table 3 column headers printed as 数据1…数据6."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, register
from gongkai.model import AnnualReport


@register
class GenericColumnHeaders(Rule):
    """What it checks:
    Table 3 printed with placeholder column headers such as 数据1, 数据2 … instead of
    自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计. gongkai then reads the
    columns by position.

    Why:
    Placeholder headers come from exporting the table from a system or spreadsheet
    without its header rows; readers cannot tell which column is which applicant.

    Example:
    “| 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 |”.

    Correct:
    The template's header: 申请人情况 / 自然人 / 法人或其他组织（商业企业 … 其他）/ 总计.
    """

    code = "S116"
    name = "generic-column-headers"
    severity = Severity.WARNING
    summary = "表三列标题为“数据1”等占位文字"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        table = report.table3
        if not table.found or "generic_column_headers" not in table.layout:
            return
        yield self.finding(
            "表三的列标题印为“数据1”“数据2”等占位文字，未写明申请人类别；各列按位置读取为"
            "自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计",
            Location(part="table3", source=table.provenance),
            "按年报格式写明各列标题：自然人、法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）、总计。",
        )
