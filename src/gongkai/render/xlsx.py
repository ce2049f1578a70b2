"""Excel workbook of audit results: sheet 问题清单 (one row per finding) and sheet 文件 (per file)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from gongkai.render.rows import HEADERS_ZH, STATUS_ZH, finding_rows

if TYPE_CHECKING:
    from gongkai.api import DocumentResult

_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
_FILE_HEADERS = ("文件", "状态", "机关", "年度", "错误", "警告", "提示", "读取错误")
_WIDTHS = {"文件": 40, "问题": 60, "修改提示": 50, "名称": 28, "机关": 30, "读取错误": 50}
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def _sheet(ws: Any, headers: Sequence[str], rows: list[list[Any]]) -> None:
    ws.append(list(headers))
    for row in rows:
        ws.append(row)
    for i, header in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=i)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        ws.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(header, 12)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, len(rows) + 1)}"


def results_to_workbook(results: Sequence[DocumentResult]) -> Any:
    """An openpyxl Workbook of the results."""
    wb = Workbook()
    ws = wb.active
    ws.title = "问题清单"
    rows = finding_rows(results)
    for row in rows:
        row[1] = STATUS_ZH.get(str(row[1]), row[1])
        row[4] = _SEVERITY_ZH.get(str(row[4]), row[4])
    _sheet(ws, HEADERS_ZH, rows)
    files: list[list[Any]] = []
    for r in results:
        meta = r.report.metadata if r.report is not None else None
        counts = r.counts
        files.append(
            [
                r.path,
                STATUS_ZH.get(r.status, r.status),
                meta.agency if meta else None,
                meta.year if meta else None,
                counts["error"],
                counts["warning"],
                counts["info"],
                "；".join(f"{e.code} {e.message}" for e in r.errors) or None,
            ]
        )
    _sheet(wb.create_sheet("文件"), _FILE_HEADERS, files)
    return wb


def write_xlsx(results: Sequence[DocumentResult], path: str | Path) -> None:
    """Write the results workbook to ``path``."""
    results_to_workbook(results).save(str(path))
