"""``gongkai template`` and ``gongkai write`` end to end, in-process."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gongkai.api import read_report
from gongkai.render.json import report_to_json
from gongkai.write.compare import differences
from tests.factories import make_report, table3_values
from tests.test_cli import cli

SEED_WITH_ERRORS = Path("samples/002_3e5507a8093b4360.txt")


def filled_template(tmp_path: Path, capsys: pytest.CaptureFixture[str], year: int = 2024) -> Path:
    """``gongkai template`` output, filled in the way staff would: numbers in, marks replaced."""
    path = tmp_path / f"report-{year}.json"
    code, out, _ = cli(capsys, "template", "--year", str(year), "--agency", "某市某局", str(path))
    assert code == 0 and "已生成" in out
    data = json.loads(path.read_text(encoding="utf-8"))
    values = table3_values()
    for row, cells in data["table3"].items():
        for i, col in enumerate(cells):
            cells[col] = values[row][i]
    for cells in data["table2"].values():
        for col in cells:
            cells[col] = 0
    for cells in data["table4"].values():
        for col in cells:
            cells[col] = 0
    data["metadata"]["signature_date"] = f"{year + 1}-01-20"
    data["preamble"] = re.sub(r"【待填写[^】]*】", "本局办公室", data["preamble"])
    for section in data["sections"].values():
        section["text"] = re.sub(r"【待填写[^】]*】", "已按要求开展", section["text"])
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_template_skeleton_leaves_totals_to_be_computed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.yaml"
    assert cli(capsys, "template", "--year", "2025", str(path))[0] == 0
    text = path.read_text(encoding="utf-8")
    assert "{table3.new_received.total}" in text and "【待填写" in text
    report = read_report(path)
    assert report.metadata.year == 2025 and report.metadata.period_end is not None
    assert "total" not in report.table3.rows["granted"] or report.table3.rows["granted"]["total"].state == "blank"
    code, _, err = cli(capsys, "template", "--year", "2025", str(path))
    assert code == 2 and "文件已存在" in err


def test_write_final_from_a_filled_template_computes_totals_and_fills_the_prose(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = filled_template(tmp_path, capsys)
    out = tmp_path / "out" / "report.md"
    code, stdout, err = cli(capsys, "write", str(src), "--to", str(out), "--to", str(tmp_path / "report.json"))
    assert code == 0, err
    assert "已生成正式版本" in stdout and "已计算合计 34 格" in err
    back = read_report(out)
    assert back.table3.value("total_processed", "total") == table3_values()["total_processed"][6]
    overview = back.section(1)
    assert overview is not None and "本年度共收到政府信息公开申请24件" in overview.text
    assert differences(read_report(tmp_path / "report.json"), back) == []


def test_write_refuses_a_final_report_with_the_same_findings_as_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check_code, check_out, _ = cli(capsys, "check", "--no-color", str(SEED_WITH_ERRORS))
    assert check_code == 1
    out = tmp_path / "r.docx"
    code, stdout, err = cli(capsys, "write", "--no-color", str(SEED_WITH_ERRORS), "--to", str(out))
    assert code == 1 and not out.exists() and stdout == ""
    assert "拒绝生成正式版本" in err
    finding_lines = [ln for ln in check_out.splitlines() if ln.startswith("  ")]
    assert [ln for ln in err.splitlines() if ln.startswith("  ")] == finding_lines
    code, stdout, _ = cli(capsys, "write", str(SEED_WITH_ERRORS), "--to", str(out), "--draft")
    assert code == 0 and out.exists() and "已生成草稿" in stdout


def test_write_previous_year_prefills_carryover_and_checks_continuity(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    last = make_report(year=2023)
    last.source_file = "2023.json"
    last_path = tmp_path / "2023.json"
    last_path.write_text(json.dumps(report_to_json(last), ensure_ascii=False), encoding="utf-8")
    src = filled_template(tmp_path, capsys)
    data = json.loads(src.read_text(encoding="utf-8"))
    data["table3"]["carried_over"] = {}
    data["table2"]["normative_documents"] = {"issued": 1, "abolished": 0, "in_force": 3}
    src.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "r.json"
    code, _, err = cli(capsys, "write", str(src), "--previous", str(last_path), "--to", str(out), "--draft")
    assert code == 0, err
    assert "已按上年年报预填上年结转 7 格" in err
    assert "C110" in err and "现行有效件数 3 ≠ 上年现行有效 15＋本年制发 1－本年废止 0＝16" in err
    written = read_report(out)
    assert [written.table3.value("carried_over", c) for c in ("natural_person", "total")] == [2, 2]
    code, _, err = cli(capsys, "write", str(src), "--previous", str(src), "--to", str(out))
    assert code == 2 and "E118" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "r.rtf"], "不支持的输出格式“.rtf”"),
        (["--to", "IN"], "输出文件不能覆盖输入文件"),
        (["--to", "/proc/gongkai-none/r.md"], "无法写入输出文件"),
    ],
)
def test_write_usage_errors_are_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    src = filled_template(tmp_path, capsys)
    args = [str(src) if a == "IN" else str(tmp_path / a) if a.startswith("r.") else a for a in args]
    code, _, err = cli(capsys, "write", str(src), *args)
    assert code == 2 and message in err
    assert json.loads(src.read_text(encoding="utf-8"))  # the input is untouched


def test_write_refuses_a_blank_template_or_an_unfilled_workbook_as_final(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = cli(capsys, "write", "samples/official-template-2021-blank.docx", "--to", str(tmp_path / "a.md"))
    assert code == 1 and "空白模板" in err and not (tmp_path / "a.md").exists()
    workbook = tmp_path / "填报.xlsx"
    assert cli(capsys, "template", "--year", "2024", str(workbook))[0] == 0
    code, _, err = cli(capsys, "write", str(workbook), "--to", str(tmp_path / "b.md"))
    assert code == 1 and "S121" in err and "S109" in err and not (tmp_path / "b.md").exists()
    assert "工作表“基本信息”" in err  # a fill-in mark is located at its workbook cell
    check_code, check_out, _ = cli(capsys, "check", "--no-color", str(workbook))
    assert check_code == 1 and "S121" in check_out
