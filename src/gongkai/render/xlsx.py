"""Excel workbook of audit results: sheet 问题清单 (one row per finding) and sheet 文件 (per file).

Written with xlsxwriter in constant-memory mode: each row goes to disk as it is added, so
a batch of any size is written in the memory of one document's rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import xlsxwriter

from gongkai.render.rows import HEADERS_ZH, STATUS_ZH, finding_rows
from gongkai.result import DocumentResult, Summary

_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
_FILE_HEADERS = ("文件", "状态", "机关", "年度", "错误", "警告", "提示", "读取错误")
_WIDTHS = {"文件": 40, "问题": 60, "修改提示": 50, "名称": 28, "机关": 30, "读取错误": 50}


class _Sheet:
    def __init__(self, book: Any, name: str, headers: Sequence[str]) -> None:
        self.ws = book.add_worksheet(name)
        self.headers = headers
        head = book.add_format({"bold": True, "bg_color": "#DDEBF7"})
        for i, header in enumerate(headers):
            self.ws.set_column(i, i, _WIDTHS.get(header, 12))
            self.ws.write_string(0, i, header, head)
        self.ws.freeze_panes(1, 0)
        self.rows = 0

    def append(self, values: Sequence[Any]) -> None:
        self.rows += 1
        for col, value in enumerate(values):
            if value is None:
                continue
            if isinstance(value, int | float) and not isinstance(value, bool):
                self.ws.write_number(self.rows, col, value)
            else:
                self.ws.write_string(self.rows, col, str(value))

    def finish(self) -> None:
        self.ws.autofilter(0, 0, max(self.rows, 1), len(self.headers) - 1)


class XlsxSink:
    """Results written to ``path`` as they arrive; :meth:`close` completes the file."""

    def __init__(self, path: Path) -> None:
        self.book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False})
        self.findings = _Sheet(self.book, "问题清单", HEADERS_ZH)
        self.files = _Sheet(self.book, "文件", _FILE_HEADERS)

    def add(self, result: DocumentResult) -> None:
        for row in finding_rows([result]):
            row[1] = STATUS_ZH.get(str(row[1]), row[1])
            row[4] = _SEVERITY_ZH.get(str(row[4]), row[4])
            self.findings.append(row)
        meta = result.report.metadata if result.report is not None else None
        counts = result.counts
        self.files.append(
            [
                result.path,
                STATUS_ZH.get(result.status, result.status),
                meta.agency if meta else None,
                meta.year if meta else None,
                counts["error"],
                counts["warning"],
                counts["info"],
                "；".join(f"{e.code} {e.message}" for e in result.errors) or None,
            ]
        )

    def close(self, summary: Summary) -> None:
        self.findings.finish()
        self.files.finish()
        self.book.close()


def write_xlsx(results: Sequence[DocumentResult], path: str | Path) -> None:
    """Write the results workbook to ``path``."""
    sink = XlsxSink(Path(path))
    summary = Summary()
    for r in results:
        sink.add(r)
        summary.add(r)
    sink.close(summary)
