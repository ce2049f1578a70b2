"""S104: every template row of a found table is present."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import CN
from gongkai.audit.rules.structure._support import expected_rows, listing, template_row_label
from gongkai.model import AnnualReport


@register
class RowMissing(Rule):
    """What it checks:
    In each table that was found, every row of the template must be printed. One
    finding per table lists the rows that were not found at all (neither by their
    label nor by their position between other rows).

    Why:
    The format fixes the rows of the tables; a report that drops a row — for example
    the three items of （六）其他处理 added in 2021, or 行政规范性文件 — does not report that
    figure, and the table's totals can no longer be checked.

    Example:
    表三 going from （五）不予处理 5.要求行政机关确认或重新出具已获取信息 straight to （七）总计.

    Correct:
    All 25 data rows of 表三, including （六）其他处理 1.申请人无正当理由逾期不补正…, 2.申请人逾期未按
    收费通知要求缴纳费用… and 3.其他, each with 0 where there is nothing to report. In the
    2019 trial format （六）其他处理 is one row.
    """

    code = "S104"
    name = "row-missing"
    severity = Severity.ERROR
    summary = "统计表缺少年报格式规定的行"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        for table_id in ("table2", "table3", "table4"):
            table = report.table(table_id)
            if not table.found:
                continue
            missing: list[str] = []
            for row in expected_rows(report, table_id):
                ev = table.row_evidence.get(row)
                if (ev is None and row not in table.rows) or (ev is not None and ev.match == "absent"):
                    missing.append(row)
            if not missing:
                continue
            labels = [f"「{template_row_label(report, table_id, r)}」" for r in missing]
            yield self.finding(
                f"{CN[table_id]}未找到 {len(missing)} 行：{listing(labels)}",
                Location(part=table_id, row=missing[0], source=table.provenance),
                "按年报格式补齐缺少的行，没有数据的行填0，不要删除。",
                related=tuple(Location(part=table_id, row=r) for r in missing),
            )
