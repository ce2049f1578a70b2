from __future__ import annotations

import io

import pytest

from gongkai.render.text import results_to_text, use_color
from tests.render.helpers import sample_results


def test_results_to_text_groups_findings_per_file() -> None:
    out = results_to_text(sample_results())
    lines = out.splitlines()
    assert lines[0].startswith("a/report.txt  已审核  某市某局 2024年度")
    assert lines[1].startswith("  错误 A901 test-column-balance  表三（依申请公开）")
    assert "（第89行第8格）" in lines[1]
    assert lines[2] == "    表三第一行各列之和为 30，总计栏为 31。"
    assert lines[3] == "    提示：核对各列数字与总计栏。"
    assert "  小计：错误 1 项，警告 1 项，提示 1 项" in lines
    assert "a/empty.txt  无法读取" in lines
    assert "  错误 E103：文件为空" in lines
    assert lines[-1] == "共检查 2 份报告：错误 1 项，警告 1 项，提示 1 项；无法读取 1 份"
    assert "\033[" not in out


def test_results_to_text_colours_only_when_asked() -> None:
    assert "\033[1;31m错误\033[0m" in results_to_text(sample_results(), color=True)


def test_use_color_follows_tty_and_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color(Tty()) is True
    assert use_color(io.StringIO()) is False
    assert use_color(io.StringIO(), override=True) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(Tty()) is False
    assert use_color(Tty(), override=True) is True


def test_results_to_text_names_a_blank_template() -> None:
    results = sample_results()
    assert results[0].report is not None
    results[0].report.template = True
    assert results_to_text(results).splitlines()[0] == "a/report.txt  已审核  空白模板（无数据）"
