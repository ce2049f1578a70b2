"""``gongkai deadline`` and ``gongkai fee`` through the command line."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from gongkai.cli import run
from gongkai.cli.deadline import join_pairs

ENGLISH = re.compile(r"\b(Usage|Options|Arguments|Error|Invalid|Missing|Traceback)\b")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_deadline_prints_the_due_date_then_the_explanation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "deadline", "2025-09-26")
    lines = out.splitlines()
    assert code == 0 and err == ""
    assert lines[0] == "2025-10-30"
    assert lines[1] == "收到申请之日（2025-09-26）不计入，自次日起计算20个工作日。"
    assert "节假日不计入：国庆节、中秋节 2025-10-01至2025-10-08（8天）。" in lines
    assert lines[-1] == "第20个工作日为2025-10-30，即答复期限的最后一天。"


def test_deadline_with_correction_pauses_and_extension(capsys: pytest.CaptureFixture[str]) -> None:
    # restart 10/15 → 11/12 (20th); pause 10/20 sent, 10/22 answered: 10/21, 10/22 paused → 11/14; +5 → 11/21
    code, out, _ = _run(
        capsys,
        "deadline", "2025-09-26",
        "--correction-received", "2025-10-15",
        "--pause", "2025-10-20", "2025-10-22",
        "--extend", "5",
    )  # fmt: skip
    assert code == 0 and out.splitlines()[0] == "2025-11-21"
    assert "征求意见（2025-10-20发出）期间不计入：2025-10-21至2025-10-22的2个工作日。" in out


def test_deadline_pause_without_reply_and_repeated_pauses(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "deadline", "2025/9/26", "--pause", "2025-10-09", "-")
    assert code == 0 and out.splitlines()[0] == "2025-11-20"
    code, out, _ = _run(
        capsys, "deadline", "2025-09-26", "--pause=2025-10-09", "2025-10-13", "--pause", "2025-10-10", "2025-10-14"
    )
    assert code == 0 and out.splitlines()[0] == "2025-11-05"


def test_deadline_provisional_is_said_in_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "deadline", "2026-12-18")
    assert code == 0 and out.splitlines()[0] == "2027-01-15"
    assert out.splitlines()[-1] == "（暂定：2027年的节假日安排尚未导入，仅按周末计算）"
    code, out, _ = _run(capsys, "deadline", "2026-12-18", "--format", "json")
    data = json.loads(out)
    assert code == 0 and set(data) == {"due", "provisional", "start", "days", "trace", "explanation"}
    assert (data["due"], data["provisional"], data["start"], data["days"]) == ("2027-01-15", True, "2026-12-18", 20)
    assert data["trace"][0] == {"date": "2026-12-19", "kind": "weekend", "n": None, "name": None, "provisional": False}
    assert data["trace"][-1] == {"date": "2027-01-15", "kind": "workday", "n": 20, "name": None, "provisional": True}
    assert data["explanation"][-1].startswith("（暂定：2027年")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["deadline", "2025-02-30"], "参数 RECEIVED：“2025-02-30”不是有效的日期"),
        (["deadline", "明天"], "“明天”不是日期"),
        (["deadline", "2025-09-26", "--extend", "21"], "选项 --extend：应为 1 到 20 个工作日，而不是 21"),
        (["deadline", "2025-09-26", "--pause", "2025-10-09"], "选项 --pause：应为两个日期"),
        (["deadline", "2025-09-26", "--pause", "2025-10-09", "x"], "选项 --pause：“x”不是日期"),
        (
            ["deadline", "2025-09-26", "--correction-received", "2025-09-01"],
            "收到补正之日（2025-09-01）早于收到申请之日",
        ),
        (["deadline", "2025-09-26", "--pause", "2025-10-09", "2025-10-01"], "早于发出征求意见之日"),
        (["deadline", "2025-09-26", "-f", "xml"], "“xml”不是可选值之一"),
        (["fee"], "请指定 --pages 或 --monthly-count 中的一个"),
        (["fee", "--pages", "3", "--monthly-count", "12"], "请指定 --pages 或 --monthly-count 中的一个"),
        (["fee", "--pages", "-3"], "选项 --pages：应为不小于 0 的整数，而不是“-3”"),
        (["fee", "--monthly-count", "十"], "应为不小于 0 的整数"),
    ],
)
def test_deadline_and_fee_usage_errors_are_chinese(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = _run(capsys, *args)
    assert code == 2 and out == ""
    assert message in err and not ENGLISH.search(err), err


@pytest.mark.parametrize(
    ("args", "yuan"),
    [
        (["--pages", "150"], "1700"),
        (["--pages", "30"], "0"),
        (["--monthly-count", "41"], "4300"),
        (["--monthly-count", "10"], "0"),
    ],
)
def test_fee_prints_the_amount_in_yuan(capsys: pytest.CaptureFixture[str], args: list[str], yuan: str) -> None:
    assert _run(capsys, "fee", *args) == (0, yuan + "\n", "")


@pytest.mark.parametrize("command", ["deadline", "fee"])
def test_deadline_and_fee_help_is_chinese(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, err = _run(capsys, command, "--help")
    assert code == 0 and err == "" and out.startswith(f"用法：gongkai {command}")
    assert "选项：" in out and not ENGLISH.search(out)
    if command == "deadline":
        assert "--pause FROM TO" in out


def test_deadline_join_pairs_leaves_other_arguments_alone() -> None:
    assert join_pairs(["2025-09-26", "--pause", "a", "b", "--extend", "3"]) == [
        "2025-09-26", "--pause", "a\x1fb", "--extend", "3"
    ]  # fmt: skip
    assert join_pairs(["--pause", "a", "--extend", "3"]) == ["--pause", "a", "--extend", "3"]
    assert join_pairs(["--pause"]) == ["--pause"]
    assert join_pairs(["--", "--pause", "a", "b"]) == ["--", "--pause", "a", "b"]


def test_deadline_version_stays_light() -> None:
    probe = "import sys; from gongkai.cli import run; run(['--version']); print(sorted(sys.modules))"
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert "chinese_calendar" not in proc.stdout and "'yaml'" not in proc.stdout
    assert "gongkai.cases.calendar_seed" not in proc.stdout
