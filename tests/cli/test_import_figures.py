"""``gongkai import figures``: table 2's yearly figures from a CSV or workbook, all or nothing, idempotent,
and in the computed report."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from gongkai.cli import run
from tests.cli.records_cli import BUREAU, make_store

GOOD = '年度,项目,数值,备注\n2025,行政许可,1234,\n2025,行政处罚,56,\n2025,行政强制,0,\n2025,行政事业性收费（万元）,"1,234.5",含罚没\n'


@pytest.fixture
def store(empty_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    make_store(empty_url, monkeypatch, capsys)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_import_figures_added_then_unchanged_then_updated_and_in_the_report(
    capsys: pytest.CaptureFixture[str], store: None, tmp_path: Path
) -> None:
    path = tmp_path / "年度数据.csv"
    path.write_text(GOOD, encoding="utf-8-sig")
    assert _run(capsys, "import", "figures", str(path), "--agency", BUREAU) == (
        0,
        "已导入年度数据：新增4项，更新0项，未变0项\n",
        "",
    )
    assert (
        _run(capsys, "import", "figures", str(path), "--agency", BUREAU)[1]
        == "已导入年度数据：新增0项，更新0项，未变4项\n"
    )
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (("年度", "项目", "数值"), (2025, "行政处罚", 57), (2024, "行政许可", 1000)):
        sheet.append(row)
    xlsx = tmp_path / "更正.xlsx"
    book.save(xlsx)
    assert (
        _run(capsys, "import", "figures", str(xlsx), "--agency", BUREAU)[1]
        == "已导入年度数据：新增1项，更新1项，未变0项\n"
    )
    out = tmp_path / "年报.json"
    code, _, err = _run(capsys, "cases", "report", "--agency", BUREAU, "--year", "2025", "--to", str(out), "--draft")
    assert code == 0, err
    t2 = json.loads(out.read_text(encoding="utf-8"))["table2"]
    assert t2["administrative_licensing"]["decisions"] == 1234
    assert t2["administrative_penalty"]["decisions"] == 57
    assert t2["administrative_coercion"]["decisions"] == 0
    assert t2["administrative_fees"]["amount_10k_yuan"] == 1234.5


def test_import_figures_lists_every_problem_and_imports_nothing(
    capsys: pytest.CaptureFixture[str], store: None, tmp_path: Path
) -> None:
    path = tmp_path / "有错.csv"
    path.write_text(
        "年度,项目,数值\n2025,行政许可,12.5\n25,行政处罚,x\n2025,行政罚款,1\n2025,行政强制,3\n2025,行政强制,4\n",
        encoding="utf-8",
    )
    code, out, err = _run(capsys, "import", "figures", str(path), "--agency", BUREAU)
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "错误 E205：年度数据文件有5处错误，未导入任何数据",
        "  第2行「数值」：决定数应为整数，而不是“12.5”",
        "  第3行「年度」：应为 2000–2100 的四位年份，而不是“25”",
        "  第3行「数值」：应为数字，而不是“x”",
        "  第4行「项目」：年度数据项应为 行政许可、行政处罚、行政强制、行政事业性收费（万元） 之一，而不是“行政罚款”",
        "  第6行「项目」：2025年的行政强制与第5行重复",
    ]
    code, out, _ = _run(capsys, "figures", "list", "--agency", BUREAU)
    assert code == 0 and "年度数据0项" in out
    code, _, err = _run(capsys, "import", "figures", str(tmp_path / "无.csv"), "--agency", BUREAU)
    assert code == 2 and err.startswith("错误 E205：")
