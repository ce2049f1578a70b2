"""S105: rows placed by their position because their label was lost."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import CN
from gongkai.audit.rules.structure._support import evidence_loc, listing, template_row_label
from gongkai.model import AnnualReport


@register
class RowLabelMissing(Rule):
    """What it checks:
    Rows of a table whose label is missing or unreadable, so that gongkai tied their
    numbers to a template row only by their position between two labelled rows (and
    only because the number of unlabelled rows matched exactly). One finding per
    table lists those rows.

    Why:
    A row without its label cannot be read by people or programs without guessing;
    it usually comes from merged cells that were split, or a label lost when the
    table was converted from another format. The figures should be double-checked.

    Example:
    表三 printing “1.属于国家秘密 0 0 0 0 0 0 0”, then “0 0 0 0 0 0 0” with no label, then
    “3.危及“三安全一稳定” 0 0 0 0 0 0 0”.

    Correct:
    The middle row labelled “2.其他法律行政法规禁止公开”.
    """

    code = "S105"
    name = "row-label-missing"
    severity = Severity.WARNING
    summary = "统计表中有行缺少行标签，仅按位置对应"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        for table_id in ("table2", "table3", "table4"):
            table = report.table(table_id)
            if not table.found:
                continue
            rows = [k for k, ev in table.row_evidence.items() if ev.match == "position"]
            if not rows:
                continue
            labels = [f"「{template_row_label(report, table_id, r)}」" for r in rows]
            locations = tuple(evidence_loc(table, table_id, r) for r in rows)
            yield self.finding(
                f"{CN[table_id]}有 {len(rows)} 行没有可辨认的行标签，已按位置对应为：{listing(labels)}",
                Location(part=table_id, row=rows[0], source=locations[0].source),
                "为这些行补上年报格式中的行标签，并核对各行数字是否与标签对应。",
                related=locations,
            )
