"""The command line, run in-process through ``gongkai.cli.run`` on the bundled samples."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from gongkai.audit import Finding, Location, Rule, Severity, all_rules
from gongkai.audit.rule import _REGISTRY
from gongkai.cli import run
from gongkai.model import AnnualReport

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SAMPLE_002 = SAMPLES / "002_3e5507a8093b4360.txt"
POEM = "静夜思\n床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n"

Result = tuple[int, str, str]


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> Result:
    code = run(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


class _AlwaysError(Rule):
    """Test rule: one error per report.

    What it checks: nothing.
    Why: tests.
    Example: any.
    Correct: none.
    """

    code = "A990"
    name = "test-always-error"
    severity = Severity.ERROR
    summary = "测试规则"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        yield self.finding("测试错误", Location(part="table3", row="new_received", column="total"), "测试提示")


class _AlwaysInfo(_AlwaysError):
    """Test rule: one info per report.

    What it checks: nothing.
    Why: tests.
    Example: any.
    Correct: none.
    """

    code = "M990"
    name = "test-always-info"
    severity = Severity.INFO

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        yield self.finding("测试提示", Location(part="metadata"))


@pytest.fixture
def fake_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    all_rules()  # import the real rules first
    monkeypatch.setitem(_REGISTRY, _AlwaysError.code, _AlwaysError)
    monkeypatch.setitem(_REGISTRY, _AlwaysInfo.code, _AlwaysInfo)


def test_cli_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "--version")
    assert code == 0 and out.startswith("gongkai ")


def test_extract_sample_values_and_provenance(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "extract", str(SAMPLE_002))
    assert code == 0
    data = json.loads(out)
    assert data["table3"]["new_received"]["total"] == 31
    assert data["table3"]["other_other"]["natural_person"] == 9
    assert data["table4"]["administrative_review"]["corrected"] == 3
    assert data["metadata"]["signature_date"] == "2024-01-17"
    assert data["provenance"]["table3.new_received.total"]["line"] == 118


def test_extract_raw_stage(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "extract", str(SAMPLE_002), "--stage", "raw")
    data = json.loads(out)
    assert code == 0 and data["format"] == "text" and data["rows"]


@pytest.mark.parametrize(
    ("name", "content", "code", "text"),
    [
        ("empty.txt", b"", "E103", "文件为空"),
        ("random.dat", os.urandom(256) + b"\x00\x00" + os.urandom(256), "E104", "不支持"),
        ("image.png", b"\x89PNG\r\n\x1a\n" + os.urandom(64), "E110", "损坏"),
        ("poem.txt", POEM.encode(), "E106", "不是政府信息公开工作年度报告"),
        (None, None, "E101", "文件不存在"),
    ],
)
def test_extract_bad_input_exits_2_with_chinese_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str | None, content: bytes | None, code: str, text: str
) -> None:
    path = tmp_path / (name or "missing.txt")
    if content is not None:
        path.write_bytes(content)
    rc, out, err = cli(capsys, "extract", str(path))
    assert rc == 2 and out == ""
    assert err.startswith(f"错误 {code}：")
    if code != "E106":  # the reader states the reason more precisely than the generic name
        assert text in err


def test_check_samples_dir_processes_all_files(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "check", str(SAMPLES), "--format", "json", "--exit-zero")
    data = json.loads(out)
    assert code == 0
    assert data["summary"]["files"] == 15 and data["summary"]["failed"] == 0
    assert len(data["reports"]) == 15


def test_check_samples_exit_1_on_real_error_findings(capsys: pytest.CaptureFixture[str]) -> None:
    if not any(r.severity is Severity.ERROR for r in all_rules()):
        pytest.skip("no error-level rule registered yet")
    assert cli(capsys, "check", str(SAMPLES))[0] == 1
    assert cli(capsys, "check", str(SAMPLES), "--exit-zero")[0] == 0


@pytest.mark.usefixtures("fake_rules")
def test_check_exit_codes_with_error_findings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "check", str(SAMPLES))
    assert code == 1
    # 15 samples; rules do not run on the blank template
    assert out.count("A990 test-always-error") == 14
    assert out.splitlines()[-1].startswith("共检查 15 份报告：错误 ")
    assert "\033[" not in out  # not a TTY: no colour
    assert cli(capsys, "check", str(SAMPLES), "--exit-zero")[0] == 0


@pytest.mark.usefixtures("fake_rules")
def test_check_color_flag_forces_ansi(capsys: pytest.CaptureFixture[str]) -> None:
    assert "\033[" in cli(capsys, "check", str(SAMPLE_002), "--color")[1]
    assert "\033[" not in cli(capsys, "check", str(SAMPLE_002), "--no-color")[1]


@pytest.mark.usefixtures("fake_rules")
def test_check_dir_with_empty_file_processes_both(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "a_good.txt").write_bytes(SAMPLE_002.read_bytes())
    (tmp_path / "b_empty.txt").write_bytes(b"")
    code, out, _ = cli(capsys, "check", str(tmp_path))
    assert code == 2
    assert "A990 test-always-error" in out
    assert "错误 E103：文件为空" in out
    assert "无法读取 1 份" in out


def _codes(out: str) -> set[str]:
    return {f["code"] for r in json.loads(out)["reports"] for f in r["findings"]}


@pytest.mark.usefixtures("fake_rules")
def test_check_select_and_ignore_filter_rules(capsys: pytest.CaptureFixture[str]) -> None:
    base = ("check", str(SAMPLE_002), "--format", "json", "--exit-zero")
    assert _codes(cli(capsys, *base, "--select", "A990")[1]) == {"A990"}
    assert _codes(cli(capsys, *base, "--select", "A990,M990")[1]) == {"A990", "M990"}
    assert _codes(cli(capsys, *base, "--select", "M99")[1]) == {"M990"}
    assert "A990" not in _codes(cli(capsys, *base, "--ignore", "A990")[1])
    assert _codes(cli(capsys, *base, "--select", "A990,M990", "--ignore", "M")[1]) == {"A990"}


def test_check_unknown_rule_code_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "check", str(SAMPLE_002), "--select", "Z999")
    assert code == 2 and out == ""
    assert "未知的规则代码或名称：Z999" in err


def test_check_bad_option_is_chinese_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "check", str(SAMPLE_002), "--bogus")
    assert code == 2 and "错误：未知选项" in err
    code, _, err = cli(capsys, "check")
    assert code == 2 and "错误：缺少参数" in err


def test_check_xlsx_requires_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "check", str(SAMPLE_002), "--format", "xlsx")
    assert code == 2 and "-o/--output" in err


@pytest.mark.usefixtures("fake_rules")
def test_check_json_csv_xlsx_agree_on_findings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    args = ("check", str(SAMPLES), "--exit-zero")
    data = json.loads(cli(capsys, *args, "--format", "json")[1])
    n = sum(len(r["findings"]) for r in data["reports"])
    assert n == data["summary"]["errors"] + data["summary"]["warnings"] + data["summary"]["infos"] >= 22
    rows = list(csv.DictReader(io.StringIO(cli(capsys, *args, "--format", "csv")[1])))
    assert len(rows) == n
    out = tmp_path / "out.csv"
    assert cli(capsys, *args, "--format", "csv", "-o", str(out))[0] == 0
    assert len(list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))) == n
    xlsx = tmp_path / "out.xlsx"
    assert cli(capsys, *args, "--format", "xlsx", "-o", str(xlsx)) == (0, "", "")
    wb = load_workbook(xlsx)
    assert wb["问题清单"].max_row - 1 == n
    assert wb["文件清单"].max_row - 1 == 15


@pytest.mark.usefixtures("fake_rules")
def test_rules_lists_registry_and_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "rules")
    assert code == 0
    assert len(out.splitlines()) == len(all_rules())
    assert any(line.startswith("A990  test-always-error") for line in out.splitlines())
    code, out, _ = cli(capsys, "rules", "--markdown")
    assert code == 0 and "## A990 test-always-error" in out


def test_cli_internal_error_exit_3_without_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("gongkai.api.check_path", boom)
    monkeypatch.delenv("GONGKAI_DEBUG", raising=False)
    code, _, err = cli(capsys, "check", str(SAMPLE_002))
    assert code == 3 and "内部错误：RuntimeError: boom" in err


def test_check_unwritable_output_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    target = tmp_path / "a-file" / "x.csv"
    code, _, err = cli(capsys, "check", str(SAMPLE_002), "-f", "csv", "-o", str(target))
    assert code == 2 and f"无法写入输出文件 {target}" in err


def test_check_output_in_a_new_folder_is_created_like_write(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "new" / "x.csv"
    code, _, _ = cli(capsys, "check", str(SAMPLE_002), "-f", "csv", "-o", str(target), "--exit-zero")
    assert code == 0 and target.read_text(encoding="utf-8-sig").startswith("file,status,code")
    assert [p.name for p in target.parent.iterdir()] == ["x.csv"]
