"""S112: a row printed with more or fewer numbers than the template has columns."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.describe import row_label
from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import CN
from gongkai.audit.rules.structure._support import READ_FROM_POSITIONS, evidence_loc, positional
from gongkai.model import AnnualReport, RowEvidence, TableData


def _quoted(ev: RowEvidence) -> str:
    shown = [(c.strip()[:30] + ("…" if len(c.strip()) > 30 else "")) or "空白" for c in ev.raw_cells[:16]]
    more = f"等{len(ev.raw_cells)}项" if len(ev.raw_cells) > 16 else ""
    return "、".join(shown) + more


def _count(ev: RowEvidence) -> str:
    unit = "个数" if all(c.strip() for c in ev.raw_cells) else "格"
    return f"{len(ev.raw_cells)} {unit}（{_quoted(ev)}）" if ev.raw_cells else "0 个数"


@register
class CellCountMismatch(Rule):
    """What it checks:
    Table rows printed with a different number of values than the template has
    columns. When the values cannot be tied to columns without guessing
    (``misaligned``, an error) gongkai keeps the printed text and leaves the row's
    cells unread, and no sum involving them is checked. When there are extra values
    but every way of aligning them gives the same figures (``redundant``, e.g.
    sixteen zeros for fifteen columns) the figures are read and the rule only
    warns. Each table is reported once for each kind, listing its rows; for table 4
    the three groups share one printed row. In a PDF or a scan the cells are
    rebuilt from positions on the page, so a misaligned row may be gongkai's
    failure to read it: there the finding is a warning.

    Why:
    A missing or extra value shifts every figure after it into the wrong column; a
    row with two numbers for three columns cannot be read reliably. Every row of a
    table short by the same number of cells usually means a whole column was lost.

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
            for alignment in ("misaligned", "redundant"):
                rows = _rows(table, table_id, alignment)
                if rows:
                    yield self._finding(report, table, table_id, alignment, rows)

    def _finding(
        self, report: AnnualReport, table: TableData, table_id: str, alignment: str, rows: list[tuple[str, RowEvidence]]
    ) -> Finding:
        reader = alignment == "misaligned" and positional(report)
        if alignment == "misaligned":
            tail = "无法确定各数所属列，已保留原文，涉及的合计未核对" + (READ_FROM_POSITIONS if reader else "")
            severity = Severity.WARNING if reader else Severity.ERROR
        else:
            tail = "多出的数与相邻数相同，各列取值不受影响"
            severity = Severity.WARNING
        if len(rows) == 1:
            row, ev = rows[0]
            message = f"{_where(table_id, row)}印有 {_count(ev)}，应为 {ev.expected_cells} 个；{tail}"
        else:
            texts = [f"「{row_label(table_id, row)}」印有 {_count(ev)}" for row, ev in rows[:_CAP]]
            counts = {(len(ev.raw_cells), ev.expected_cells) for _, ev in rows}
            column = ""
            if len(counts) == 1 and len(rows) >= 3:
                got, want = counts.pop()
                if got < want:
                    column = f"各行都少 {want - got} 格，可能有整列未印出或未能读出；"
            more = f"等{len(rows)}行" if len(rows) > _CAP else ""
            widths = "、".join(sorted({str(ev.expected_cells) for _, ev in rows}))
            message = f"{CN[table_id]}有 {len(rows)} 行的数字个数与列数（{widths}）不符：{'；'.join(texts)}{more}；{column}{tail}"
        return self.finding(
            message,
            evidence_loc(table, table_id, rows[0][0]),
            ("核对原件中这些行各列的数字；" if reader else "")
            + "每列填写一个数，没有数据的填0；删除多余的数或补上漏填的数。",
            severity=severity,
            related=tuple(evidence_loc(table, table_id, row) for row, _ in rows[1:]),
        )


_CAP = 4
"""Rows quoted in one finding."""


def _where(table_id: str, row: str) -> str:
    return f"{CN[table_id]}数据行" if table_id == "table4" else f"{CN[table_id]}「{row_label(table_id, row)}」行"


def _rows(table: TableData, table_id: str, alignment: str) -> list[tuple[str, RowEvidence]]:
    """Rows of ``table`` aligned as ``alignment``; table 4's groups sharing one printed row count once."""
    out: list[tuple[str, RowEvidence]] = []
    seen: set[tuple[object, ...]] = set()
    for row, ev in table.row_evidence.items():
        if ev.alignment != alignment:
            continue
        if table_id == "table4":
            key: tuple[object, ...] = (ev.provenance, len(ev.raw_cells), tuple(ev.raw_cells[:64]))
            if key in seen:
                continue
            seen.add(key)
        out.append((row, ev))
    return out
