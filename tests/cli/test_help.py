"""Help pages and usage errors are entirely Chinese, and help lines are never cut at 80 columns."""

from __future__ import annotations

import re

import pytest

from gongkai.cli import run
from gongkai.cli.help import width

ENGLISH = re.compile(
    r"\b(Usage|Options|Arguments|Commands|Show this message|Invalid value|Missing|No such|Error|Try)\b"
)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", [[], ["check"], ["extract"], ["write"], ["template"], ["rules"]])
def test_help_is_chinese_for_every_command(capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    code, out, err = _run(capsys, *command, "--help")
    assert code == 0 and err == ""
    assert out.startswith("用法：gongkai")
    assert "选项：" in out and "显示此帮助并退出。" in out
    assert not ENGLISH.search(out), out


def test_help_lines_are_not_wrapped_at_80_columns(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "check", "--help")
    line = next(x for x in out.splitlines() if "--previous" in x)
    assert "同一机关的上年年报：核对上年结转和现行有效件数的连续性。" in line
    assert width(line) > 80


def test_help_no_arguments_prints_the_group_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys)
    assert code == 2 and "命令：" in out and "check" in out and not ENGLISH.search(out)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "x", "--bogus"], "错误：未知选项：--bogus"),
        (["check", "x", "--selec", "A"], "错误：未知选项：--selec（是否想用："),
        (["check"], "错误：缺少参数：PATH..."),
        (["template", "x.xlsx"], "错误：缺少参数：-y/--year（必须指定）"),
        (["check", "x", "--timeout", "abc"], "错误：参数值无效：选项 --timeout：应为秒数，而不是“abc”"),
        (["check", "x", "--timeout", "0"], "应为不小于 1 的秒数，而不是“0”"),
        (["check", "x", "--timeout", "nan"], "应为不小于 1 的秒数"),
        (["check", "x", "-f", "pdf"], "“pdf”不是可选值之一（可选：text、json、csv、xlsx）"),
        (["check", "x", "--format"], "错误：选项用法错误：选项 --format 后面需要一个值"),
        (["template", "--year", "1999", "x.xlsx"], "应在 2021 到 2100 之间"),
        (["template", "--year", "二〇二四", "x.xlsx"], "应为四位年份，而不是“二〇二四”"),
        (["extract", "a", "b"], "错误：参数用法错误：多余的参数：b"),
        (["bogus"], "错误：用法错误：没有这个命令：bogus"),
        (["check", "x", "--exit-zero=1"], "错误：选项用法错误：选项 --exit-zero 不接受值"),
    ],
)
def test_help_usage_errors_are_chinese_with_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = _run(capsys, *args)
    assert code == 2 and out == ""
    assert message in err
    assert not ENGLISH.search(err), err


def test_help_usage_error_names_the_command_and_its_help(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = _run(capsys, "check", "x", "--timeout", "abc")
    assert "用法：gongkai check [选项] PATH..." in err
    assert "运行“gongkai check --help”查看帮助。" in err
