from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import load_workbook

from gongkai.render.csv import results_to_csv
from gongkai.render.rows import COLUMNS
from gongkai.render.xlsx import write_xlsx
from tests.render.helpers import sample_results


def test_results_to_csv_one_row_per_finding_and_failed_document() -> None:
    rows = list(csv.DictReader(io.StringIO(results_to_csv(sample_results()))))
    assert [r["code"] for r in rows] == ["A901", "M901", "C901", "E103"]
    assert tuple(rows[0]) == COLUMNS
    assert rows[0]["line"] == "89" and rows[0]["row"] == "new_received"
    assert rows[3]["status"] == "failed" and rows[3]["message"] == "文件为空"


def test_write_xlsx_sheets_header_filter_and_freeze(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    write_xlsx(sample_results(), out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["问题清单", "文件"]
    ws = wb["问题清单"]
    assert ws.cell(1, 1).value == "文件" and ws.cell(1, 3).value == "代码"
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:L5"
    codes = [ws.cell(r, 3).value for r in range(2, ws.max_row + 1)]
    assert sorted(codes) == ["A901", "C901", "E103", "M901"]
    files = wb["文件"]
    assert [c.value for c in files[2]][:7] == ["a/report.txt", "已审核", "某市某局", 2024, 1, 1, 1]
    assert files.cell(3, 2).value == "无法读取"
