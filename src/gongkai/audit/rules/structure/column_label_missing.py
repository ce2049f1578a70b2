"""S108: column headers that were not found in a found table."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.describe import column_label
from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import CN
from gongkai.audit.rules.structure._support import listing
from gongkai.model import AnnualReport


@register
class ColumnLabelMissing(Rule):
    """What it checks:
    In each table that was found, the column headers of the template (表三: 自然人,
    商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计; 表四: 结果维持, 结果纠正,
    其他结果, 尚未审结, 总计; 表二: the headers of its small tables). One finding per
    table lists the headers that could not be found; the numbers were then read by
    column position.

    Why:
    Without its headers a column's meaning rests on its position alone. Headers are
    most often lost when a table with merged header cells is converted to text or
    Markdown, or printed as an image above the numbers.

    Example:
    表三 header printing only “自然人 … 其他 总计”, without the row “商业企业 科研机构 社会公益组织
    法律服务机构” under 法人或其他组织.

    Correct:
    The full two-row header of the template, with every column named.
    """

    code = "S108"
    name = "column-label-missing"
    severity = Severity.WARNING
    summary = "统计表缺少列标题"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        for table_id in ("table2", "table3", "table4"):
            table = report.table(table_id)
            if not table.found:
                continue
            cols = [k for k, ev in table.column_evidence.items() if ev.match == "absent"]
            if not cols:
                continue
            labels = [f"「{column_label(table_id, c)}」" for c in cols]
            yield self.finding(
                f"{CN[table_id]}有 {len(cols)} 列没有找到列标题：{listing(labels)}；这些列的数字按位置读取",
                Location(part=table_id, column=cols[0], source=table.provenance),
                "按年报格式补齐表头，使每一列都有标题。",
                related=tuple(Location(part=table_id, column=c) for c in cols),
            )
