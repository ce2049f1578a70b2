"""A printed report written again: lines the page wrapped are joined into paragraphs, deterministically."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from hypothesis import given
from hypothesis import strategies as st

from gongkai.api import read_report, write_report
from gongkai.write.compare import differences
from gongkai.write.reflow import reflow, reflow_report

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
WRAPPED = (
    "2024年，淮安市洪泽区人民政府坚持以习近平新时代中国\n"
    "特色社会主义思想为指导，全面贯彻落实党中央国务院、省\n"
    "委省政府关于全面推进政务公开工作的各项决策部署。\n"
    "（一）主动公开情况。主要通过政府门户网站主动公开政府\n"
    "文件、项目审批、通知公告等各类政府信息。\n"
    "（二）政府信息管理情况\n"
    "加强区政府门户网站及政务新媒体日常管理，运用第三方检\n"
    "测平台实行常态化监测\n"
    "1.新增信息审核发布报备制度；\n"
    "2.严格执行“分级审核、先审后发”程序：\n"
    "一是落实“三审三校”制度，从严从实把好政治关、法律关。"
)


def test_reflow_joins_wrapped_lines_and_keeps_paragraphs() -> None:
    assert reflow(WRAPPED).split("\n") == [
        "2024年，淮安市洪泽区人民政府坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中央国务院、"
        "省委省政府关于全面推进政务公开工作的各项决策部署。",
        "（一）主动公开情况。主要通过政府门户网站主动公开政府文件、项目审批、通知公告等各类政府信息。",
        "（二）政府信息管理情况",
        "加强区政府门户网站及政务新媒体日常管理，运用第三方检测平台实行常态化监测",
        "1.新增信息审核发布报备制度；",
        "2.严格执行“分级审核、先审后发”程序：",
        "一是落实“三审三校”制度，从严从实把好政治关、法律关。",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("共收到申请\n2.5万件。", "共收到申请2.5万件。"),  # 2.5 is a number, not an item
        ("the annual\nreport of the city。", "the annual report of the city。"),
        ("见附件（一）。\n（二）其他事项。", "见附件（一）。\n（二）其他事项。"),
        ("标题行\n\n\n正文第一行很长很长很长很长很长很长很长。", "标题行\n正文第一行很长很长很长很长很长很长很长。"),
        ("", ""),
    ],
)
def test_reflow_cases(text: str, expected: str) -> None:
    assert reflow(text) == expected


@given(st.lists(st.text(alphabet="政府信息公开。，（一）1、", min_size=1, max_size=40), min_size=1, max_size=30))
def test_reflow_loses_nothing_and_breaks_after_every_sentence_and_before_every_item(lines: list[str]) -> None:
    out = reflow("\n".join(lines))
    assert out.replace("\n", "") == "".join(lines)
    paragraphs = out.split("\n")
    ends = {len("".join(paragraphs[: i + 1])) for i in range(len(paragraphs))}  # where each paragraph ends
    assert ends <= {len("".join(lines[: i + 1])) for i in range(len(lines))}  # only where a line ended
    for i, line in enumerate(lines[:-1]):
        if line.endswith("。") or lines[i + 1].startswith(("（一）", "1、")):
            assert len("".join(lines[: i + 1])) in ends


def test_reflow_only_where_the_page_broke_the_lines() -> None:
    report = read_report(SAMPLES / "city-sample-2025.html")
    before = [s.text for s in report.sections]
    assert reflow_report(report) is False and [s.text for s in report.sections] == before


def test_pdf_rewritten_as_docx_has_paragraphs_not_lines(tmp_path: Path) -> None:
    source = SAMPLES / "huaian-city-2024.pdf"
    printed = read_report(source)
    section = printed.section(1)
    assert section is not None and len(section.text.split("\n")) > 20  # lines as the PDF wrapped them
    result = write_report(source, [tmp_path / "r.docx"], draft=True)
    paragraphs = [p.text for p in Document(io.BytesIO(result.written[0].read_bytes())).paragraphs]
    first = paragraphs.index("一、总体情况")
    body = paragraphs[first + 1 : paragraphs.index("二、主动公开政府信息情况")]
    assert [p[:6] for p in body] == [
        "2024年，",
        "（一）主动公",
        "（二）依申请",
        "（三）政府信",
        "（四）政府信",
        "（五）政府信",
    ]
    assert all(p.endswith("。") for p in body)
    assert differences(printed, read_report(result.written[0])) == []
    assert [ln.text for ln in printed.lines] == [ln.text for ln in read_report(source).lines]  # the audit's lines


def test_reflow_numbered_item_followed_by_a_digit_starts_a_paragraph() -> None:
    # found by hypothesis: "1、1" is an item (only "1.5" after a full stop is a decimal, not an item)
    assert reflow("1\n1\n1、1") == "11\n1、1"
    assert reflow("甲乙丙丁戊己庚辛\n1.5倍") == "甲乙丙丁戊己庚辛1.5倍"
