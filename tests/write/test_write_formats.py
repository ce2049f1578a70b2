"""``gongkai write`` reads every format gongkai writes, and refuses (exit 2) the formats it cannot print."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import cli

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.mark.parametrize("suffix", [".xlsx", ".json", ".yaml"])
def test_write_reads_every_data_format_gongkai_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    source = tmp_path / f"填报{suffix}"
    assert cli(capsys, "template", "--year", "2024", "--agency", "某市某局", str(source))[0] == 0
    out = tmp_path / "草稿.md"
    code, _, err = cli(capsys, "write", str(source), "--draft", "--to", str(out))
    assert code == 0, err
    assert out.read_text(encoding="utf-8").startswith("---")  # the draft's front matter
    assert "某市某局2024年政府信息公开工作年度报告" in out.read_text(encoding="utf-8")


def test_write_reads_the_extract_json_of_a_printed_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "extract", str(SAMPLES / "huaian-city-2024.pdf"))
    assert code == 0
    source = tmp_path / "huaian.json"
    source.write_text(out, encoding="utf-8")
    assert json.loads(out)["source"]["format"] == "pdf"
    target = tmp_path / "huaian.docx"
    code, _, err = cli(capsys, "write", str(source), "--draft", "--to", str(target))
    assert code == 0, err
    assert target.exists()


@pytest.mark.parametrize("name", ["shanghai-government-office-2019.html", "hongze-district-2023.pdf"])
def test_write_of_a_format_gongkai_cannot_print_exits_2_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    target = tmp_path / "out.docx"
    code, out, err = cli(capsys, "write", str(SAMPLES / name), "--draft", "--to", str(target))
    assert code == 2 and out == "" and not target.exists()
    assert "错误 E120：" in err and "gongkai 只能按2021年格式（国办公开办函〔2021〕30号）生成报告" in err
