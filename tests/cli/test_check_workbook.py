"""``gongkai check samples -o 审核结果.xlsx``: the format follows the output's extension."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.test_cli import cli

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = "samples/002_3e5507a8093b4360.txt"


def test_check_workbook_of_the_samples_folder(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "审核结果.xlsx"
    assert cli(capsys, "check", "samples", "-o", str(out)) == (1, "", "")  # error-level findings: exit 1
    wb = load_workbook(out)
    assert wb.sheetnames == ["问题清单", "按机关汇总", "按规则汇总", "文件清单"]
    files = [[c.value for c in row] for row in wb["文件清单"].iter_rows(min_row=2)]
    assert len(files) == len([p for p in (ROOT / "samples").iterdir() if not p.name.startswith(".")])
    hongze = next(r for r in files if r[8] == "samples/hongze-district-2024.pdf")
    link = f'=HYPERLINK("file://{ROOT}/samples/hongze-district-2024.pdf","hongze-district-2024.pdf")'
    assert hongze[:4] == ["淮安市洪泽区人民政府", 2024, link, "已审核"]
    findings = [[c.value for c in row] for row in wb["问题清单"].iter_rows(min_row=2)]
    assert len(findings) == sum(r[4] + r[5] + r[6] for r in files)  # no file failed: no read-error rows
    assert sum(r[3] for r in wb["按规则汇总"].iter_rows(min_row=2, values_only=True)) == len(findings)
    by_agency = {(r[0], r[1]): r for r in wb["按机关汇总"].iter_rows(min_row=2, values_only=True)}
    assert by_agency[("淮安市洪泽区人民政府", 2024)][2:] == (1, 1, 0, 0, *hongze[4:7], 0)


def test_check_output_extension_picks_csv_and_json_unless_format_given(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(ROOT)
    assert cli(capsys, "check", SAMPLE, "-o", str(tmp_path / "r.CSV"))[0] == 1
    assert (tmp_path / "r.CSV").read_text(encoding="utf-8-sig").startswith("file,status,code,")
    assert cli(capsys, "check", SAMPLE, "-o", str(tmp_path / "r.json"))[0] == 1
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["summary"]["files"] == 1
    assert cli(capsys, "check", SAMPLE, "-f", "json", "-o", str(tmp_path / "r.xlsx"))[0] == 1
    assert json.loads((tmp_path / "r.xlsx").read_text(encoding="utf-8"))["summary"]["errors"] == 1
    assert cli(capsys, "check", SAMPLE, "-o", str(tmp_path / "r.txt"))[0] == 1
    assert (tmp_path / "r.txt").read_text(encoding="utf-8").startswith(SAMPLE)
