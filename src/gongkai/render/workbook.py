"""gongkai's Excel workbook of a report: for staff to fill in, for analysts to read, read back by gongkai.

Sheets: 说明, 基本信息 (metadata, preamble, section texts), 表二 主动公开, 表三 申请情况,
表四 复议诉讼 and the hidden ``_gongkai`` marker sheet.  Cell positions and keys come
from :mod:`gongkai.model.workbook_layout`, which the reader uses as well.

Input cells are unlocked, everything else locked; sheets are protected without a
password.  A total is written as a ``SUM`` formula (with its cached value) only where
the report's total equals the sum of its parts (or is blank while the parts are all
given); a total that disagrees is kept as typed.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import xlsxwriter

from gongkai.model import AnnualReport, Cell, TableData
from gongkai.model.grid import cell_text
from gongkai.model.template import TOTALS
from gongkai.model.workbook_layout import (
    DATE_FORMAT,
    FIELDS_KEY,
    HELP,
    HELP_SHEET,
    INFO_SHEET,
    KEY_HEAD,
    MARKER,
    META_KEY_COL,
    META_ROWS,
    META_SHEET,
    META_VALUE_COL,
    PROTECT,
    SCHEMA_VERSION,
    TABLE_SHEETS,
    VALIDATION,
    SheetLayout,
    cell_ref,
    sheet_layouts,
    sum_formula,
    value_kind,
)


class _Formats:
    def __init__(self, wb: Any) -> None:
        box = {"border": 1, "valign": "vcenter", "font_size": 10}
        self.title = wb.add_format({"bold": True, "font_size": 14, "align": "center", "valign": "vcenter"})
        self.head = wb.add_format({**box, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#D9E1F2"})
        self.label = wb.add_format({**box, "text_wrap": True, "bg_color": "#F2F2F2"})
        self.input = wb.add_format({**box, "align": "center", "locked": False})
        self.formula = wb.add_format({**box, "align": "center", "bg_color": "#E2EFDA"})
        self.key = wb.add_format({"font_color": "#808080", "font_size": 8})
        self.text = wb.add_format({"valign": "top", "text_wrap": True, "locked": False, "border": 1})
        self.date = wb.add_format({"num_format": DATE_FORMAT, "align": "left", "locked": False, "border": 1})
        self.meta_label = wb.add_format({"bold": True, "valign": "top", "text_wrap": True, "bg_color": "#F2F2F2"})
        self.wrap = wb.add_format({"text_wrap": True, "valign": "top"})


def _page(ws: Any, draft: bool, landscape: bool = False) -> None:
    ws.set_paper(9)  # A4
    if landscape:
        ws.set_landscape()
    ws.fit_to_pages(1, 0)
    if draft:
        ws.set_header("&C&14草稿")
    ws.set_footer("&C第 &P 页，共 &N 页")
    ws.protect("", PROTECT)


class _Totals:
    """Which totals to write as formulas, with their values; reads the report, never changes it."""

    def __init__(self, table: TableData, table_id: str) -> None:
        self.table = table
        self.totals = TOTALS[table_id]
        self._memo: dict[tuple[str, str], int | float | None] = {}

    def effective(self, key: tuple[str, str]) -> int | float | None:
        """The cell's number, or for a blank total with every part given, the sum of its parts."""
        if key not in self._memo:
            cell = self.table.cell(*key)
            value: int | float | None = None
            if cell is not None and cell.state == "number":
                value = cell.value
            elif key in self.totals and (cell is None or cell.state in ("blank", "absent")):
                value = self.parts_sum(key)
            self._memo[key] = value
        return self._memo[key]

    def parts_sum(self, key: tuple[str, str]) -> int | float | None:
        """The sum of the parts when every part list is complete and they agree, else None."""
        sums: list[int | float] = []
        for parts in self.totals[key]:
            values = [self.effective(p) for p in parts]
            if any(v is None for v in values):
                return None
            sums.append(sum(v for v in values if v is not None))
        return sums[0] if all(s == sums[0] for s in sums) else None

    def formula_value(self, key: tuple[str, str]) -> int | float | None:
        """The cached value if ``key`` is written as a formula, else None."""
        if key not in self.totals:
            return None
        cell = self.table.cell(*key)
        total = self.parts_sum(key)
        if total is None:
            return None
        if cell is None or cell.state in ("blank", "absent"):
            return total
        return total if cell.state == "number" and cell.value == total else None


def _ranges(cells: list[tuple[int, int, int]]) -> list[tuple[int, int, int, int]]:
    """(row, first col, last col) cells → rectangles (rows with the same columns run together)."""
    out: list[tuple[int, int, int, int]] = []
    for row, c0, c1 in sorted(cells):
        if out and out[-1][1] == c0 and out[-1][3] == c1 and out[-1][2] == row - 1:
            out[-1] = (out[-1][0], c0, row, c1)
        else:
            out.append((row, c0, row, c1))
    return out


def _validate(ws: Any, cells: list[tuple[int, int, int]], rule: dict[str, Any]) -> None:
    if not cells:
        return
    rects = _ranges(cells)
    multi = " ".join(f"{cell_ref(r0, c0)}:{cell_ref(r1, c1)}" for r0, c0, r1, c1 in rects)
    r0, c0, r1, c1 = rects[0]
    ws.data_validation(r0, c0, r1, c1, {**rule, "multi_range": multi})


def _write_value(ws: Any, f: _Formats, row: int, col: int, cell: Cell | None) -> None:
    if cell is not None and cell.state == "number" and cell.value is not None and cell.note:
        ws.write_string(row, col, cell_text(cell), f.input)  # the annotation printed with the number is kept
    elif cell is not None and cell.state == "number" and cell.value is not None:
        ws.write_number(row, col, cell.value, f.input)
    elif cell is not None and cell.state in ("marker", "text") and cell.raw:
        ws.write_string(row, col, cell.raw, f.input)
    else:
        ws.write_blank(row, col, None, f.input)


def _table_sheet(wb: Any, f: _Formats, layout: SheetLayout, report: AnnualReport, blank: bool, draft: bool) -> None:
    ws = wb.add_worksheet(layout.sheet)
    table = report.table(layout.table_id)
    totals = _Totals(TableData(id=table.id) if blank else table, layout.table_id)
    for i, width in enumerate(layout.widths):
        ws.set_column(i, i, width)
    ws.set_column(layout.key_col, layout.key_col, 24, None, {"hidden": True})
    ws.set_row(0, 28)
    ws.merge_range(0, 0, 0, layout.columns - 1, layout.title, f.title)
    ws.write_string(0, layout.key_col, KEY_HEAD, f.key)
    for r, fields in layout.fields_rows.items():
        ws.set_row(r, None, None, {"hidden": True})
        ws.write_string(r, layout.key_col, FIELDS_KEY, f.key)
        for c, field in fields.items():
            ws.write_string(r, c, field, f.key)
    for r, key in layout.row_keys.items():
        ws.write_string(r, layout.key_col, key, f.key)
    checks: dict[str, list[tuple[int, int, int]]] = {"count": [], "amount": []}
    for p in layout.placed:
        cell = p.cell
        if cell.kind != "value":
            fmt = f.head if cell.kind == "head" else f.label
            if cell.rowspan > 1 or cell.colspan > 1:
                ws.merge_range(p.row, p.col, p.last_row, p.last_col, cell.text, fmt)
            else:
                ws.write_string(p.row, p.col, cell.text, fmt)
            continue
        assert cell.key is not None
        if cell.colspan > 1:
            ws.merge_range(p.row, p.col, p.last_row, p.last_col, "", f.input)
        cached = totals.formula_value(cell.key)
        if blank and cell.key in totals.totals:
            cached = 0
        if cached is not None:
            cells = [(q.row, q.col) for q in (layout.positions[k] for k in totals.totals[cell.key][0])]
            ws.write_formula(p.row, p.col, sum_formula(cells), f.formula, cached)
        else:
            _write_value(ws, f, p.row, p.col, None if blank else table.cell(*cell.key))
        kind = "amount" if value_kind(layout.table_id, cell.key[0]) == "amount" else "count"
        checks[kind].append((p.row, p.col, p.last_col))
    _validate(ws, checks["count"], VALIDATION["count"])
    _validate(ws, checks["amount"], VALIDATION["amount"])
    first_value = min(layout.row_keys)
    ws.freeze_panes(layout.head_end if layout.table_id == "table2" else first_value, layout.label_cols)
    ws.repeat_rows(0, layout.head_end - 1)
    ws.print_area(0, 0, max(p.last_row for p in layout.placed), layout.columns - 1)
    _page(ws, draft, layout.landscape)


def _meta_value(report: AnnualReport, key: str) -> object:
    if key == "preamble":
        return report.preamble
    if "." in key:
        name, part = key.split(".")
        section = next((s for s in report.sections if s.key == name), None)
        if section is None:
            return None
        return section.title if part == "title" else section.text
    return getattr(report.metadata, key)


def _meta_sheet(wb: Any, f: _Formats, report: AnnualReport, draft: bool) -> None:
    ws = wb.add_worksheet(META_SHEET)
    ws.set_column(0, 0, 30)
    ws.set_column(META_KEY_COL, META_KEY_COL, 22)
    ws.set_column(META_VALUE_COL, META_VALUE_COL, 100)
    ws.write_row(0, 0, ("项目", "键（请勿修改）", "内容"), f.head)
    for i, (key, label, kind) in enumerate(META_ROWS, start=1):
        ws.write_string(i, 0, label, f.meta_label)
        ws.write_string(i, META_KEY_COL, key, f.key)
        value = _meta_value(report, key)
        if kind == "date":
            if isinstance(value, dt.date):
                ws.write_datetime(i, META_VALUE_COL, dt.datetime.combine(value, dt.time()), f.date)
            elif key in report.metadata.typed_dates:  # kept as typed: still to be corrected (M106)
                ws.write_string(i, META_VALUE_COL, report.metadata.typed_dates[key], f.date)
            else:
                ws.write_blank(i, META_VALUE_COL, None, f.date)
            ws.data_validation(i, META_VALUE_COL, i, META_VALUE_COL, VALIDATION["date"])
        elif kind == "year":
            if isinstance(value, int):
                ws.write_number(i, META_VALUE_COL, value, f.text)
            else:
                ws.write_blank(i, META_VALUE_COL, None, f.text)
            ws.data_validation(i, META_VALUE_COL, i, META_VALUE_COL, VALIDATION["year"])
        else:
            text = value if isinstance(value, str) else ""
            if text:
                ws.write_string(i, META_VALUE_COL, text, f.text)
            else:
                ws.write_blank(i, META_VALUE_COL, None, f.text)
            if kind == "long":
                lines = sum(len(line) // 48 + 1 for line in text.split("\n"))
                ws.set_row(i, min(409, max(60, 15 * lines)))
    ws.freeze_panes(1, 0)
    _page(ws, draft)


def _help_sheet(wb: Any, f: _Formats, draft: bool) -> None:
    ws = wb.add_worksheet(HELP_SHEET)
    ws.set_column(0, 0, 110)
    ws.write_string(0, 0, "填报说明", f.title)
    for i, line in enumerate(HELP, start=1):
        ws.write_string(i, 0, line, f.wrap)
    _page(ws, draft)


def _info_sheet(wb: Any, report: AnnualReport) -> None:
    from gongkai import __version__

    ws = wb.add_worksheet(INFO_SHEET)
    rows: list[tuple[str, object]] = [
        ("format", MARKER),
        ("schema_version", SCHEMA_VERSION),
        ("year", report.metadata.year),
        ("generator", f"gongkai {__version__}"),
        *((f"sheet.{k}", v) for k, v in TABLE_SHEETS.items()),
    ]
    for i, (key, value) in enumerate(rows):
        ws.write_string(i, 0, key)
        if value is not None:
            ws.write(i, 1, value)
    ws.hide()
    ws.protect("", PROTECT)


def render_workbook(report: AnnualReport, *, draft: bool = False, blank: bool = False) -> bytes:
    """The report as an .xlsx workbook; ``blank`` leaves every table cell empty (the fill-in template).

    ``draft`` puts 草稿 in each sheet's page header and the workbook title, never in a cell.
    """
    from gongkai import __version__

    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True})
    meta = report.metadata
    title = meta.title or "政府信息公开工作年度报告"
    wb.set_properties(
        {
            "title": f"{title}（草稿）" if draft else title,
            "subject": "政府信息公开工作年度报告",
            "author": meta.agency or "",
            "comments": f"gongkai {__version__} 填报工作簿",
        }
    )
    wb.set_custom_property("gongkai_schema_version", SCHEMA_VERSION)
    if meta.year is not None:
        wb.set_custom_property("gongkai_year", meta.year)
    f = _Formats(wb)
    _help_sheet(wb, f, draft)
    _meta_sheet(wb, f, report, draft)
    for layout in sheet_layouts():
        _table_sheet(wb, f, layout, report, blank, draft)
    _info_sheet(wb, report)
    wb.close()
    return out.getvalue()
