"""``gongkai write`` with several outputs is all-or-nothing, its error names the output, and
``gongkai extract`` reads every format gongkai writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import cli
from tests.write.test_cli_write import filled_template


def test_write_several_outputs_one_unwritable_writes_none_and_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = filled_template(tmp_path, capsys)
    good = tmp_path / "out" / "年报.md"
    good.parent.mkdir()
    good.write_text("旧版本", encoding="utf-8")
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    bad = tmp_path / "a-file" / "年报.html"
    code, out, err = cli(capsys, "write", str(src), "--to", str(good), "--to", str(bad))
    assert code == 2 and out == ""
    assert f"无法写入输出文件 {bad}" in err
    assert good.read_text(encoding="utf-8") == "旧版本"
    assert [p.name for p in good.parent.iterdir()] == ["年报.md"]


def test_write_same_output_twice_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = filled_template(tmp_path, capsys)
    code, _, err = cli(capsys, "write", str(src), "--to", str(tmp_path / "a.md"), "--to", str(tmp_path / "a.md"))
    assert code == 2 and "同一个输出文件指定了多次" in err


@pytest.mark.parametrize("suffix", [".xlsx", ".json", ".yaml"])
def test_extract_and_check_read_every_format_gongkai_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    path = tmp_path / f"填报{suffix}"
    assert cli(capsys, "template", "--year", "2024", "--agency", "某市某局", str(path))[0] == 0
    code, out, err = cli(capsys, "extract", str(path))
    assert code == 0, err
    data = json.loads(out)
    assert data["metadata"]["agency"] == "某市某局" and data["metadata"]["year"] == 2024
    assert "new_received" in data["table3"]
    code, out, _ = cli(capsys, "check", str(path), "--exit-zero")
    assert code == 0 and "某市某局 2024年度" in out


def test_extract_raw_stage_of_data_prints_it_as_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = filled_template(tmp_path, capsys)
    code, out, _ = cli(capsys, "extract", str(src), "--stage", "raw")
    assert code == 0
    raw = json.loads(out)
    assert raw["table3"]["new_received"].get("total") is None  # not yet computed: as typed
    code, out, _ = cli(capsys, "extract", str(src))
    assert json.loads(out)["table3"]["new_received"]["total"] is not None
