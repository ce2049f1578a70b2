"""S109: cells left blank instead of 0."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.describe import column_label, row_label
from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import CN, loc, row_found
from gongkai.model import AnnualReport, TableData

_CAP = 50
_GROUPS = 6


def _by_row(table_id: str, table: TableData, rows: list[str], left: set[tuple[str, str]], skip: list[str]) -> list[str]:
    whole = "整组" if table_id == "table4" else "整行"
    out: list[str] = []
    for r in rows:
        cells = [c for c in table.rows[r] if c not in skip]
        hit = [c for c in cells if (r, c) in left]
        if hit and hit == cells and len(cells) > 1:
            out.append(f"{row_label(table_id, r)}{whole}（{len(hit)}格）")
        elif hit:
            out.append(f"{row_label(table_id, r)}的{'、'.join(column_label(table_id, c) for c in hit)}")
    return out


def _by_column(table_id: str, rows: list[str], cols: list[str], left: set[tuple[str, str]]) -> list[str]:
    out: list[str] = []
    for c in cols:
        hit = [r for r in rows if (r, c) in left]
        if len(hit) == 1:
            out.append(f"{row_label(table_id, hit[0])}的{column_label(table_id, c)}")
        elif hit:
            out.append(f"{column_label(table_id, c)}列的{len(hit)}行")
    return out


def describe_blanks(table_id: str, table: TableData, rows: list[str], blank: set[tuple[str, str]]) -> str:
    """``商业企业、科研机构2列的全部25行；总计列的18行`` — which cells are blank."""
    cols = list(dict.fromkeys(c for r in rows for c in table.rows[r]))
    full: list[str] = []
    if table_id == "table3":
        for c in cols:
            having = [r for r in rows if c in table.rows[r]]
            if len(having) > 1 and all((r, c) in blank for r in having):
                full.append(c)
    parts: list[str] = []
    if full:
        names = "、".join(column_label(table_id, c) for c in full)
        count = len({r for r in rows for c in full if (r, c) in blank})
        parts.append(f"{names}{'列' if len(full) == 1 else f'{len(full)}列'}的全部{count}行")
    left = {(r, c) for r, c in blank if c not in full}
    by_row = _by_row(table_id, table, rows, left, full)
    by_col = _by_column(table_id, rows, [c for c in cols if c not in full], left) if table_id == "table3" else by_row
    parts.extend(by_col if len(by_col) < len(by_row) else by_row)
    if len(parts) > _GROUPS:
        return "；".join(parts[:_GROUPS]) + f"；等{len(parts)}处"
    return "；".join(parts)


@register
class BlankCells(Rule):
    """What it checks:
    Cells of the tables that are printed empty, in rows that were found. One finding
    per table gives the number of blank cells and which rows and columns they are in.

    Why:
    A blank cell may mean 0 or “not filled in”; readers cannot tell which. Many
    reports leave zeros blank, which is not itself an arithmetic error (sums count
    blank detail cells as 0), but the format expects a number in every cell.

    Example:
    表三 with the 商业企业, 科研机构, 社会公益组织, 法律服务机构 and 其他 columns empty in all
    25 rows because the agency only received applications from natural persons.

    Correct:
    0 in every cell that has nothing to report.
    """

    code = "S109"
    name = "blank-cells"
    severity = Severity.WARNING
    summary = "统计表中有单元格空白（未填0）"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        for table_id in ("table2", "table3", "table4"):
            table = report.table(table_id)
            if not table.found:
                continue
            rows = [r for r in table.rows if row_found(table, r)]
            cells = [(r, c, cell) for r in rows for c, cell in table.rows[r].items() if cell.state == "blank"]
            if not cells:
                continue
            where = describe_blanks(table_id, table, rows, {(r, c) for r, c, _ in cells})
            first = cells[0]
            yield self.finding(
                f"{CN[table_id]}有 {len(cells)} 个单元格空白（{where}）",
                loc(table_id, first[0], first[1], first[2]),
                "没有数据的单元格应填“0”，不要留空，以免与漏填混淆。",
                related=tuple(loc(table_id, r, c, cell) for r, c, cell in cells[:_CAP]),
            )
