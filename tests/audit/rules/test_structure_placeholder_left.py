"""S121 placeholder-left: fill-in marks that must not reach a published report."""

from __future__ import annotations

from gongkai.audit.rules.structure.placeholder_left import PlaceholderLeft
from gongkai.model import Provenance, TextLine
from tests.factories import FILE, make_report


def _with_line(text: str, section: int = 6) -> list[str]:
    report = make_report()
    report.lines.append(TextLine(text=text, provenance=Provenance(file=FILE, line=99), section=section))
    return [f.message for f in PlaceholderLeft().check(report)]


def test_s121_quiet_on_a_finished_report() -> None:
    assert list(PlaceholderLeft().check(make_report())) == []


def test_s121_reports_a_scaffold_mark() -> None:
    assert _with_line("本机关本年度【待填写：未收取信息处理费 / 收取信息处理费X件、共X元】。") == [
        "正文留有待替换的内容：“【待填写：未收取信息处理费 / 收取信息处理费X件、共X元】”"
    ]


def test_s121_reports_the_official_templates_instruction() -> None:
    assert _with_line("（文字描述，收取信息处理费情况在此处报告。）") == [
        "正文留有待替换的内容：模板说明文字“（文字描述，收取信息处理费情况在此处报告。）”"
    ]


def test_s121_says_why_a_placeholder_cannot_be_filled() -> None:
    [message] = _with_line("共收到申请{table3.new_recieved.total}件，{table9.x.y}，{metadata.year}年。", 1)
    assert "占位符“{table3.new_recieved.total}”（表三没有行“new_recieved”）" in message
    assert "占位符“{table9.x.y}”（格式应为 {表.行.列}" in message
    assert "{metadata.year}" in message  # a resolvable placeholder left unfilled is reported too


def test_s121_ignores_ordinary_braces_and_brackets() -> None:
    assert _with_line("依据《条例》{第三十三条}办理；【注】详见附件。") == []
