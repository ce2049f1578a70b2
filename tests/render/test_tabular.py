from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
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


def test_write_xlsx_findings_summaries_and_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "r.xlsx"
    write_xlsx(sample_results(), out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["问题清单", "按机关汇总", "按规则汇总", "文件清单"]
    ws = wb["问题清单"]
    assert ws.auto_filter.ref == "A1:J5"
    first = [c.value for c in ws[2]]
    # the finding's source is fixture.txt, not the result's file: linked without a place in it
    assert first[:8] == [
        1,
        "某市某局",
        2024,
        f'=HYPERLINK("file://{tmp_path}/a/report.txt","report.txt")',
        "表三（依申请公开）·一、本年新收政府信息公开申请数量·总计（第89行第8格）",
        "错误",
        "A901",
        "test-column-balance",  # not a registered rule: its kebab-case name
    ]
    assert [ws.cell(r, 7).value for r in range(2, 6)] == ["A901", "M901", "C901", "E103"]
    assert [c.value for c in wb["按机关汇总"][3]] == ["（未识别机关）", None, 1, 0, 0, 1, 0, 0, 0, 1]
    assert [c.value for c in wb["按规则汇总"]["A"]][1:] == ["A901", "C901", "M901", "E103"]
    files = wb["文件清单"]
    assert [c.value for c in files[2]][3:] == ["已审核", 1, 1, 1, None, "a/report.txt"]
    assert [c.value for c in files[3]][3:] == ["无法读取", 0, 0, 0, "E103 文件为空", "a/empty.txt"]
