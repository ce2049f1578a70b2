"""S113: table rows whose numbers could not be tied to a template row."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import CN
from gongkai.audit.rules.structure._support import listing
from gongkai.model import AnnualReport

_DIGIT = re.compile(r"[0-9０-９]")


@register
class UnplacedRow(Rule):
    """What it checks:
    Rows inside a table region holding values that gongkai could not tie to any
    template row — their label is missing or unrecognised and their position does
    not decide the row (or their number of values does not fit the columns). One
    finding per row quotes its last labels, its values and the reason. Rows without a
    digit (empty cells or markers only, such as repeated header rows) are not
    reported: no figure is lost there.

    Why:
    These numbers are part of the printed table but belong to no known row, so they
    are left out of every check; usually a label was split from its numbers or a
    row was printed twice or out of order.

    Example:
    表二 printing a line “22 55” with no label between the 规章 and 行政许可 rows.

    Correct:
    Every line of numbers printed on the row of its label, in template order.
    """

    code = "S113"
    name = "unplaced-row"
    severity = Severity.WARNING
    summary = "统计表中有数据行无法对应到年报格式的行"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        for table_id in ("table2", "table3", "table4"):
            table = report.table(table_id)
            for unplaced in table.unplaced:
                values = [c.strip() for c in unplaced.raw_cells]
                if not any(_DIGIT.search(v) for v in values):
                    continue
                labels = [x.strip() for x in unplaced.labels if x.strip()][-2:]
                label_text = "标签「" + "」「".join(labels) + "」" if labels else "没有行标签"
                shown = listing([v or "空白" for v in values], cap=16)
                yield self.finding(
                    f"{CN[table_id]}有一行数据无法对应到年报格式的行：{label_text}，印有 {shown}；原因：{unplaced.reason}",
                    Location(part=table_id, source=unplaced.provenance),
                    "核对该行数字应属于哪一行，将其与行标签印在同一行，并删除重复或多余的行。",
                )
