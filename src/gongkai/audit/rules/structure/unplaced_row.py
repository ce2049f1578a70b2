"""S113: table rows whose numbers could not be tied to a template row."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import CN
from gongkai.audit.rules.structure._support import clip, data_unplaced, listing, missing_rows, template_row_label
from gongkai.model import AnnualReport
from gongkai.model import UnplacedRow as Unplaced


@register
class UnplacedRow(Rule):
    """What it checks:
    Rows inside a table region holding values that gongkai could not tie to any
    template row — their label is missing or unrecognised and their position does
    not decide the row (or their number of values does not fit the columns). One
    finding per table quotes each such row's last labels, its values and the reason,
    and names the template rows that were not found (the numbers may belong to
    them; S104 then says nothing more). Rows without a digit (empty cells or
    markers only, such as repeated header rows) are not reported: no figure is lost
    there.

    Why:
    These numbers are part of the printed table but belong to no known row, so they
    are left out of every check, and so is every sum involving a row that was not
    found: a row that was not found never counts as 0. Usually a label was split
    from its numbers, a row was printed twice or out of order, or — in a PDF or a
    scan — gongkai could not tell the rows apart.

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
            rows = data_unplaced(table)
            if not rows:
                continue
            if len(rows) == 1:
                head = f"{CN[table_id]}有一行数据无法对应到年报格式的行：{_describe(rows[0])}；原因：{rows[0].reason}"
            else:
                parts = [f"{_describe(u)}（{u.reason}）" for u in rows[:_CAP]]
                more = f"等{len(rows)}行" if len(rows) > _CAP else ""
                head = f"{CN[table_id]}有 {len(rows)} 行数据无法对应到年报格式的行：{'；'.join(parts)}{more}"
            missing = missing_rows(report, table_id) if table.found else []
            tail = ""
            if missing:
                labels = [f"「{template_row_label(report, table_id, r)}」" for r in missing]
                tail = f"；年报格式中未找到的行：{listing(labels)}，上述数字可能属于这些行，涉及这些行的合计未核对"
            yield self.finding(
                head + tail,
                Location(part=table_id, row=missing[0] if missing else None, source=rows[0].provenance),
                "核对这些数字应属于哪一行，将其与行标签印在同一行，并删除重复或多余的行。",
                related=tuple(Location(part=table_id, source=u.provenance) for u in rows[1:])
                + tuple(Location(part=table_id, row=r) for r in missing),
            )


_CAP = 5
"""Unplaced rows quoted in one finding."""


def _describe(row: Unplaced) -> str:
    """``标签「…」「…」，印有 22、55`` — the last two labels and at most 16 values, each clipped."""
    labels = [clip(x.strip(), 24) for x in row.labels if x.strip()][-2:]
    label_text = "标签「" + "」「".join(labels) + "」" if labels else "没有行标签"
    values = "、".join(clip(c.strip(), 30) or "空白" for c in row.raw_cells[:16])
    more = f"等{len(row.raw_cells)}项" if len(row.raw_cells) > 16 else ""
    return f"{label_text}，印有 {values}{more}"
