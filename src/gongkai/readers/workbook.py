"""Read gongkai's fill-in workbook back into the model.

Cells are located by the stable keys the writer put on every sheet
(:mod:`gongkai.model.workbook_layout`), never by position alone.  A total holding
the writer's ``SUM`` formula counts as not given: its cell comes back with state
``blank``, ``raw`` None and ``note="formula"``, and the caller computes it.  A bad
value is kept for the audit (text, negative or decimal number); only a changed
structure is an error (E116).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
import zlib
from typing import Any, NoReturn

from gongkai.errors import InputError
from gongkai.model import AnnualReport, Cell, Provenance, TableData
from gongkai.model.labels import format_number, shorten
from gongkai.model.numbers import parse_cell
from gongkai.model.template import TOTALS
from gongkai.model.workbook_layout import (
    FIELDS_KEY,
    INFO_SHEET,
    KEY_HEAD,
    MARKER,
    META_SHEET,
    SCHEMA_VERSION,
    SPECS,
    SheetLayout,
    cell_ref,
    normal_formula,
    sheet_layouts,
    sum_formula,
    value_kind,
)
from gongkai.readers import ziplimits
from gongkai.readers.workbook_meta import Grid, e116, read_meta

_SHEET_NAME = re.compile(rb"<(?:\w+:)?sheet\b[^>]*\bname=\"([^\"]*)\"")


_DAMAGED = (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, ValueError, zlib.error)
"""What :mod:`zipfile` raises on a damaged archive (zlib.error for damaged deflate data,
NotImplementedError for an invalid "version needed to extract")."""


def _open(data: bytes) -> zipfile.ZipFile:
    """The archive, after the zip-bomb checks; E110 names Excel, not Word."""
    try:
        return ziplimits.open_checked(data)
    except InputError as exc:
        if exc.code != "E110" or "Word" not in exc.message:
            raise  # a specific reason (an invalid "version needed", a bomb, a password) is kept
        raise InputError("E110", "文件已损坏：无法作为 Excel（XLSX）压缩包打开，文件可能不完整") from exc


def _sheet_names(archive: zipfile.ZipFile) -> list[str]:
    """The sheet names the workbook part lists ([] without a workbook part).

    Raises:
        InputError: E110 when the workbook part cannot be decompressed.
    """
    try:
        xml = archive.read("xl/workbook.xml")
    except KeyError:
        return []
    except _DAMAGED as exc:
        raise InputError("E110", "文件已损坏：工作簿目录（xl/workbook.xml）无法解压，文件可能不完整") from exc
    return [m.group(1).decode("utf-8", "replace") for m in _SHEET_NAME.finditer(xml)]


def is_gongkai_workbook(data: bytes) -> bool:
    """True for an .xlsx that carries gongkai's ``_gongkai`` marker sheet (never raises)."""
    try:
        return INFO_SHEET in _sheet_names(_open(data))
    except InputError:
        return False


def reject_xlsx(data: bytes) -> NoReturn:
    """For an .xlsx that is not gongkai's workbook: E110/E114/E109 for a bad archive, else E104."""
    _sheet_names(_open(data))
    raise InputError(
        "E104",
        "不支持读取Excel 工作簿（只能读取 gongkai 生成的填报工作簿；支持 PDF、Word、图片、HTML、Markdown 和纯文本）",
    )


def _load(data: bytes, names: set[str], data_only: bool) -> dict[str, Grid]:
    from openpyxl import load_workbook

    out: dict[str, Grid] = {}
    try:
        with warnings.catch_warnings():  # openpyxl warns about damaged parts: the damage is ours to report
            warnings.simplefilter("ignore")
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
        try:
            for name in wb.sheetnames:
                if name not in names:
                    continue
                grid: Grid = {}
                for row in wb[name].iter_rows():
                    for c in row:
                        value = getattr(c, "value", None)
                        if value is not None and value != "":
                            grid[(c.row - 1, c.column - 1)] = value
                out[name] = grid
        finally:
            wb.close()
    except InputError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged part
        raise InputError("E110", f"文件已损坏：无法解析 Excel 工作簿内容（{type(exc).__name__}）") from exc
    return out


def _is_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("=") and len(value) > 1


class _Reader:
    def __init__(self, data: bytes, path: str, grids: dict[str, Grid]) -> None:
        self.data, self.path, self.grids = data, path, grids
        self._cached: dict[str, Grid] | None = None

    def prov(self, sheet: str, row: int, col: int) -> Provenance:
        return Provenance(file=self.path, sheet=sheet, cell=cell_ref(row, col), row=row + 1, column=col + 1)

    def cached(self, sheet: str, row: int, col: int) -> Any:
        """A formula's value as last calculated (None when the file was never recalculated)."""
        if self._cached is None:
            self._cached = _load(self.data, set(self.grids), data_only=True)
        return self._cached.get(sheet, {}).get((row, col))

    def cell(self, sheet: str, row: int, col: int, kind: str, canonical: str | None) -> Cell:
        value = self.grids[sheet].get((row, col))
        prov = self.prov(sheet, row, col)
        note: str | None = None
        if isinstance(value, str) and _is_formula(value):
            if canonical is not None and normal_formula(value) == canonical:
                return Cell(raw=None, state="blank", note="formula", provenance=prov)
            note = value
            cached = self.cached(sheet, row, col)
            if cached is None:
                return Cell(raw=value, state="text", note=note, provenance=prov)
            value = cached
        if value is None:
            return Cell(raw="", state="blank", note=note, provenance=prov)
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raw = value.isoformat() if isinstance(value, dt.date | dt.time) else str(value).upper()
            return Cell(raw=raw, state="text", note=note, provenance=prov)
        if isinstance(value, str):
            parsed = parse_cell(value)
            if parsed.state != "number" or parsed.value is None:
                return Cell(raw=value, state=parsed.state, note=note, provenance=prov)
            number, raw, note = parsed.value, value, parsed.note or note
        else:
            number, raw = value, format_number(value)
        if kind != "amount" and isinstance(number, float) and number.is_integer():
            number = int(number)
        return Cell(raw=raw, value=number, state="number", note=note, provenance=prov)

    def table(self, layout: SheetLayout) -> TableData:
        sheet, kc = layout.sheet, layout.key_col
        grid = self.grids[sheet]
        if grid.get((0, kc)) != KEY_HEAD:
            e116(f"工作表“{sheet}”{cell_ref(0, kc)}单元格应为“{KEY_HEAD}”，键列被移动或改动")
        by_row: dict[int, dict[int, Any]] = {}
        for (r, c), v in grid.items():
            by_row.setdefault(r, {})[c] = v
        found: dict[str, tuple[int, dict[str, int]]] = {}
        fields: dict[str, int] = {}
        for r in sorted(by_row):
            key = by_row[r].get(kc)
            if key == FIELDS_KEY:
                fields = {v: c for c, v in by_row[r].items() if c < kc and isinstance(v, str)}
            elif isinstance(key, str) and key not in found:
                found[key] = (r, fields)
        spec = SPECS[layout.table_id]
        where: dict[tuple[str, str], tuple[int, int]] = {}
        for row in spec.rows:
            if row.optional:
                continue
            if row.key not in found:
                expected = layout.positions[(row.key, spec.fields_of(row)[0].key)].row
                e116(f"工作表“{sheet}”{cell_ref(expected, kc)}单元格应为键“{row.key}”，找不到这一行")
            r, cols = found[row.key]
            for field in spec.fields_of(row):
                if field.key not in cols:
                    p = layout.positions[(row.key, field.key)]
                    fr = max((x for x in layout.fields_rows if x < p.row), default=p.row)
                    e116(f"工作表“{sheet}”{cell_ref(fr, p.col)}单元格应为键“{field.key}”，找不到这一栏")
                where[(row.key, field.key)] = (r, cols[field.key])
        table = TableData(id=layout.table_id, found=True)
        totals = TOTALS[layout.table_id]
        for (row_key, field_key), (r, c) in where.items():
            key = (row_key, field_key)
            canonical = normal_formula(sum_formula([where[p] for p in totals[key][0]])) if key in totals else None
            kind = value_kind(layout.table_id, row_key)
            table.rows.setdefault(row_key, {})[field_key] = self.cell(sheet, r, c, kind, canonical)
        return table


def _check_info(grid: Grid) -> None:
    info = {grid[(r, 0)]: grid.get((r, 1)) for r, c in list(grid) if c == 0}
    if info.get("format") != MARKER:
        e116(f"工作表“{INFO_SHEET}”缺少标记“format = {MARKER}”")
    version = info.get("schema_version")
    if version != SCHEMA_VERSION:
        row = next((r for (r, c), v in grid.items() if c == 0 and v == "schema_version"), 1)
        e116(
            f"工作表“{INFO_SHEET}”{cell_ref(row, 1)}单元格的结构版本为“{shorten(version)}”，本程序只能读取版本 {SCHEMA_VERSION}"
        )


def read_workbook(data: bytes, path: str) -> AnnualReport:
    """Read gongkai's fill-in workbook into the model.

    Raises:
        InputError: E110 damaged, E114 zip bomb, E109 encrypted, E116 not gongkai's workbook
            or its structure (sheets, keys, schema version) changed.
    """
    names = _sheet_names(_open(data))
    if INFO_SHEET not in names:
        e116(f"缺少隐藏工作表“{INFO_SHEET}”，请用 gongkai template 生成的工作簿填报")
    layouts = sheet_layouts()
    needed = [INFO_SHEET, META_SHEET, *(layout.sheet for layout in layouts)]
    for name in needed:
        if name not in names:
            e116(f"缺少工作表“{name}”（工作表被删除或改名）")
    reader = _Reader(data, path, _load(data, set(needed), data_only=False))
    for name in needed:
        if name not in reader.grids:  # listed in the workbook, but its part is missing
            e116(f"工作表“{name}”的内容缺失（文件已损坏或被改动），请用 gongkai template 重新生成工作簿")
    _check_info(reader.grids[INFO_SHEET])
    report = AnnualReport(format="2021", source_file=path, source_format="xlsx")
    read_meta(reader.grids[META_SHEET], reader.prov, report)
    for layout in layouts:
        setattr(report, layout.table_id, reader.table(layout))
    cells = [c for t in (report.table2, report.table3, report.table4) for row in t.rows.values() for c in row.values()]
    report.template = all(c.state in ("blank", "absent") for c in cells)
    return report
