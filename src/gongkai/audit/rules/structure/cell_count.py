"""S112: a row printed with more or fewer numbers than the template has columns."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.describe import row_label
from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import CN
from gongkai.audit.rules.structure._support import evidence_loc, listing
from gongkai.model import AnnualReport, RowEvidence


def _quoted(ev: RowEvidence) -> str:
    shown = [c.strip() or "空白" for c in ev.raw_cells]
    return listing(shown, cap=16)


def _count(ev: RowEvidence) -> str:
    unit = "个数" if all(c.strip() for c in ev.raw_cells) else "格"
    return f"{len(ev.raw_cells)} {unit}（{_quoted(ev)}）" if ev.raw_cells else "0 个数"


@register
class CellCountMismatch(Rule):
    """What it checks:
    Table rows printed with a different number of values than the template has
    columns. When the values cannot be tied to columns without guessing
    (``misaligned``, an error) gongkai keeps the printed text and leaves the row's
    cells unread. When there are extra values but every way of aligning them gives
    the same figures (``redundant``, e.g. sixteen zeros for fifteen columns) the
    figures are read and the rule only warns. For table 4 the three groups share
    one printed row and are reported once.

    Why:
    A missing or extra value shifts every figure after it into the wrong column; a
    row with two numbers for three columns cannot be read reliably.

    Example:
    表二 规章 printed as “规章 22 235” under 本年制发件数 / 本年废止件数 / 现行有效件数.

    Correct:
    “规章 22 0 235” — one value per column, 0 where there is nothing.
    """

    code = "S112"
    name = "cell-count-mismatch"
    severity = Severity.ERROR
    summary = "统计表某行的数字个数与列数不符"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        for table_id in ("table2", "table3", "table4"):
            table = report.table(table_id)
            if not table.found:
                continue
            seen: set[tuple[object, ...]] = set()
            for row, ev in table.row_evidence.items():
                if ev.alignment not in ("misaligned", "redundant"):
                    continue
                if table_id == "table4":
                    key: tuple[object, ...] = (ev.provenance, tuple(ev.raw_cells), ev.alignment)
                    if key in seen:
                        continue
                    seen.add(key)
                    where = f"{CN[table_id]}数据行"
                else:
                    where = f"{CN[table_id]}「{row_label(table_id, row)}」行"
                if ev.alignment == "misaligned":
                    tail = "无法确定各数所属列，已保留原文"
                    severity = Severity.ERROR
                else:
                    tail = "多出的数与相邻数相同，各列取值不受影响"
                    severity = Severity.WARNING
                yield self.finding(
                    f"{where}印有 {_count(ev)}，应为 {ev.expected_cells} 个；{tail}",
                    evidence_loc(table, table_id, row),
                    "每列填写一个数，没有数据的填0；删除多余的数或补上漏填的数。",
                    severity=severity,
                )
