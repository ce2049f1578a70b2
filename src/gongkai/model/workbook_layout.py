"""Where everything sits in gongkai's fill-in workbook: defined once, for the writer and the reader.

Each table sheet is a printed grid (:mod:`gongkai.model.grid`) plus stable keys the
reader locates cells by: a hidden key column right of the grid holds ``#key`` in the
first row, the row key (report-keys.md) in each value row and ``#fields`` in a hidden
row that holds, above each value column, the field key.  A value is the cell where a
row key's row meets its field key's column.  Table 4 is laid out as a rectangle
(3 groups × 5 fields), not the official 1×15 row.

Sheet 基本信息 is ``label | key | value`` rows.  A hidden sheet ``_gongkai`` marks the
workbook (``format``, ``schema_version``, ``year``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from gongkai.model import SECTIONS, TABLE4, TableSpec
from gongkai.model.grid import SECTION_OF_TABLE, Grid, GridCell, table2_grid, table3_grid
from gongkai.model.template import TABLES

SCHEMA_VERSION = 1
MARKER = "gongkai-workbook"
INFO_SHEET = "_gongkai"
HELP_SHEET = "说明"
META_SHEET = "基本信息"
TABLE_SHEETS = {"table2": "表二 主动公开", "table3": "表三 申请情况", "table4": "表四 复议诉讼"}
KEY_HEAD = "#key"
FIELDS_KEY = "#fields"

MetaKind = Literal["text", "year", "date", "long"]
META_ROWS: tuple[tuple[str, str, MetaKind], ...] = (
    ("title", "报告标题", "text"),
    ("agency", "机关名称", "text"),
    ("year", "报告年度", "year"),
    ("period_start", "统计期限起", "date"),
    ("period_end", "统计期限止", "date"),
    ("signature_agency", "落款机关", "text"),
    ("signature_date", "落款日期", "date"),
    ("preamble", "导语（标题之后、“一、总体情况”之前的文字）", "long"),
    *(
        row
        for s in SECTIONS
        for row in (
            (f"{s.key}.title", f"{s.title}　标题", "text"),
            (f"{s.key}.text", f"{s.title}　正文", "long"),
        )
    ),
)
"""Rows of sheet 基本信息 after its header row: (key, label, kind)."""
META_KEY_COL, META_VALUE_COL = 1, 2

HELP = (
    "本工作簿由 gongkai 生成，用于填报政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）。",
    "1. 只在白色单元格内填写；灰色的标题、栏目和绿色的合计单元格已锁定。",
    "2. 件数填写不小于0的整数；行政事业性收费金额以万元为单位，可有小数。没有发生的填 0，不要填“/”“—”“无”。",
    "3. 表三“总计”列、“（七）总计”行和表四各“总计”由公式自动计算，不必填写。",
    "4. 工作表已保护但未设密码。取消保护后也请勿增删行列、改动隐藏的键列和键行、重命名或删除工作表，"
    "否则 gongkai 无法读回。",
    "5. “基本信息”中的日期按“2025年1月20日”的格式填写；导语和各部分正文可直接粘贴，段落之间换行。",
    "6. 填好后可运行 gongkai check 本文件.xlsx 审核，或 gongkai write 本文件.xlsx --to 报告.docx 生成报告。",
)
"""Sheet 说明, one paragraph a row."""
DATE_FORMAT = 'yyyy"年"m"月"d"日"'
PROTECT = {"format_columns": True, "format_rows": True}
"""Sheet protection (no password): staff may still resize rows and columns."""
_NON_NEGATIVE = {"criteria": ">=", "value": 0}
VALIDATION: dict[str, dict[str, Any]] = {
    "count": {
        "validate": "integer",
        **_NON_NEGATIVE,
        "input_title": "件数",
        "input_message": "填写不小于0的整数；没有的填0。",
        "error_title": "件数有误",
        "error_message": "此处只能填写不小于0的整数（件数）。",
    },
    "amount": {
        "validate": "decimal",
        **_NON_NEGATIVE,
        "input_title": "金额（万元）",
        "input_message": "填写本年收费金额，单位：万元，可有小数；没有的填0。",
        "error_title": "金额有误",
        "error_message": "此处只能填写不小于0的数（单位：万元）。",
    },
    "year": {
        "validate": "integer",
        "criteria": "between",
        "minimum": 1990,
        "maximum": 2100,
        "error_title": "年度有误",
        "error_message": "请填写四位数的年份，如2024。",
    },
    "date": {
        "validate": "date",
        "criteria": "between",
        "minimum": dt.date(1990, 1, 1),
        "maximum": dt.date(2100, 12, 31),
        "input_message": "日期，如2025年1月20日（也可输入2025-1-20）。",
        "error_title": "日期有误",
        "error_message": "请填写日期，如2025-1-20。",
    },
}
"""Data validation (xlsxwriter options) of input cells by kind."""

SPECS: dict[str, TableSpec] = TABLES


@dataclass(frozen=True)
class Placed:
    """A grid cell at its sheet position (0-based row and column, top-left of a merge)."""

    row: int
    col: int
    cell: GridCell

    @property
    def last_row(self) -> int:
        return self.row + self.cell.rowspan - 1

    @property
    def last_col(self) -> int:
        return self.col + self.cell.colspan - 1


@dataclass(frozen=True)
class SheetLayout:
    table_id: str
    sheet: str
    title: str
    columns: int
    """Grid columns; the key column is the next one."""
    widths: tuple[float, ...]
    placed: tuple[Placed, ...]
    row_keys: dict[int, str]
    fields_rows: dict[int, dict[int, str]]
    positions: dict[tuple[str, str], Placed]
    """(row key, field key) → the value cell."""
    head_end: int
    """First row after the column headers (frozen above)."""
    label_cols: int
    landscape: bool

    @property
    def key_col(self) -> int:
        return self.columns


def col_letter(col: int) -> str:
    """0-based column → ``A``, ``Z``, ``AA``."""
    out = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def cell_ref(row: int, col: int) -> str:
    """0-based row and column → ``D7``."""
    return f"{col_letter(col)}{row + 1}"


def sum_formula(cells: list[tuple[int, int]]) -> str:
    """``=SUM(D6:I6)`` for a run of adjacent cells in one row or column, else ``=SUM(D6,F6)``."""
    rows = {r for r, _ in cells}
    cols = {c for _, c in cells}
    first, last = cells[0], cells[-1]
    if len(rows) == 1 and sorted(cols) == list(range(first[1], first[1] + len(cells))):
        return f"=SUM({cell_ref(*first)}:{cell_ref(*last)})"
    if len(cols) == 1 and sorted(rows) == list(range(first[0], first[0] + len(cells))):
        return f"=SUM({cell_ref(*first)}:{cell_ref(*last)})"
    return "=SUM(" + ",".join(cell_ref(r, c) for r, c in cells) + ")"


def normal_formula(text: str) -> str:
    return text.replace(" ", "").replace("$", "").upper()


def _table4_grid() -> Grid:
    fields = TABLE4.rows[0].fields
    head = (GridCell("类别", 1, 2, "head", None, "col"), *(GridCell(f.label, kind="head") for f in fields))
    review, direct, after = TABLE4.rows

    def values(key: str) -> tuple[GridCell, ...]:
        return tuple(GridCell("", kind="value", key=(key, f.key)) for f in fields)

    rows = (
        head,
        (GridCell("行政复议", 1, 2, "label"), *values(review.key)),
        (GridCell("行政诉讼", 2, 1, "label"), GridCell("未经复议直接起诉", kind="label"), *values(direct.key)),
        (GridCell("复议后起诉", kind="label"), *values(after.key)),
    )
    return Grid("table4", TABLE4.title, 7, (0,) * 7, rows, 1)


_WIDTHS = {
    "table2": (26.0, 16.0, 16.0, 16.0),
    "table3": (6.0, 12.0, 44.0, *(9.0,) * 7),
    "table4": (10.0, 18.0, *(11.0,) * 5),
}
_LABEL_COLS = {"table2": 1, "table3": 3, "table4": 2}


def _build(table_id: str, grid: Grid) -> SheetLayout:
    occupied: set[tuple[int, int]] = set()
    placed: list[Placed] = []
    row_keys: dict[int, str] = {}
    fields_rows: dict[int, dict[int, str]] = {}
    current: dict[int, str] = {}
    sheet_row = 1  # row 0: the title
    head_end = 1
    for index, cells in enumerate(grid.rows):
        grid_placed: list[tuple[int, GridCell]] = []
        col = 0
        for cell in cells:
            while (index, col) in occupied:
                col += 1
            grid_placed.append((col, cell))
            occupied.update((index + dr, col + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan))
            col += cell.colspan
        layout = {c: cell.key[1] for c, cell in grid_placed if cell.key is not None}
        if layout and layout != current:
            fields_rows[sheet_row] = current = layout
            sheet_row += 1
        for c, cell in grid_placed:
            placed.append(Placed(sheet_row, c, cell))
            if cell.key is not None:
                row_keys[sheet_row] = cell.key[0]
        if index < grid.head_rows:
            head_end = sheet_row + 1
        sheet_row += 1
    positions = {p.cell.key: p for p in placed if p.cell.key is not None}
    title = SECTIONS[SECTION_OF_TABLE[table_id] - 1].title
    return SheetLayout(
        table_id=table_id,
        sheet=TABLE_SHEETS[table_id],
        title=title,
        columns=grid.columns,
        widths=_WIDTHS[table_id],
        placed=tuple(placed),
        row_keys=row_keys,
        fields_rows=fields_rows,
        positions=positions,
        head_end=head_end,
        label_cols=_LABEL_COLS[table_id],
        landscape=table_id != "table2",
    )


@cache
def sheet_layouts() -> tuple[SheetLayout, ...]:
    """The three table sheets, in workbook order."""
    return (
        _build("table2", table2_grid()),
        _build("table3", table3_grid()),
        _build("table4", _table4_grid()),
    )


def value_kind(table_id: str, row: str) -> Literal["count", "amount", "signed"]:
    return SPECS[table_id].row(row).kind
