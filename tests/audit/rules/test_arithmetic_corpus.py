"""Arithmetic and structure rules on the real sample reports (facts checked by hand)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from gongkai.api import read_report
from gongkai.audit import Finding, Severity, all_rules, audit

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
MINE = [r for r in all_rules() if r.code[0] in "AS"]
CONSISTENT = [
    "city-sample-2025.html",
    "shuyang-county-2025.txt",
    "shanghai-government-office-2025.md",
    "shanghai-science-commission-2024.md",
    "shanghai-government-office-2019.html",
    "000_531ecae6516f2ca1.txt",
    "001_6f73e57e54ca5cf9.txt",
    "002_3e5507a8093b4360.txt",
    "003_e59e1557e310bd98.txt",
    "004_288d4dc2df949a91.txt",
]


@cache
def findings(name: str) -> tuple[Finding, ...]:
    return tuple(audit(read_report(SAMPLES / name), MINE))


def of(name: str, code: str, part: str | None = None) -> list[Finding]:
    return [f for f in findings(name) if f.code == code and (part is None or f.location.part == part)]


@pytest.mark.parametrize("name", CONSISTENT)
def test_corpus_sums_consistent(name: str) -> None:
    assert [f.message for f in findings(name) if f.code in ("A101", "A102", "A103", "A105")] == []


def test_corpus_000_blank_review_group_and_pasted_plan() -> None:
    name = "000_531ecae6516f2ca1.txt"
    [blank] = of(name, "S109", "table4")
    assert blank.message.startswith("表四有 5 个单元格空白（行政复议")
    assert {loc.row for loc in blank.related} == {"administrative_review"}
    [pasted] = of(name, "S117", "section1")
    assert "「一、指导思想」" in pasted.message and "「二、工作任务」" in pasted.message


def test_corpus_001_misprinted_column_and_redundant_table4() -> None:
    name = "001_6f73e57e54ca5cf9.txt"
    assert [(f.location.column, f.message) for f in of(name, "S106")] == [
        ("abolished", "表二列标题印为「本年度止件数」，应为「本年废止件数」")
    ]
    [extra] = of(name, "S112", "table4")
    assert extra.severity is Severity.WARNING and "印有 16 个数" in extra.message and "应为 15 个" in extra.message


def test_corpus_001_renamed_social_column() -> None:
    assert [f.location.column for f in of("001_6f73e57e54ca5cf9.txt", "S107", "table3")] == ["social_welfare_org"]


def test_corpus_004_redundant_table4() -> None:
    [extra] = of("004_288d4dc2df949a91.txt", "S112", "table4")
    assert extra.severity is Severity.WARNING


def test_corpus_shuyang_development_reform_blank_columns_and_renamed_row() -> None:
    name = "shuyang-development-reform-2023.html"
    [blank] = of(name, "S109", "table3")
    assert blank.message.startswith("表三有 125 个单元格空白（")
    assert "5列的全部25行" in blank.message
    assert [(f.location.row, f.message) for f in of(name, "S107")] == [
        ("normative_documents", "表二行标签印为「规范性文件」，年报格式为「行政规范性文件」")
    ]


def test_corpus_science_commission_sections() -> None:
    name = "shanghai-science-commission-2024.md"
    assert [f.location.part for f in of(name, "S101")] == ["section5"]
    assert sorted(f.location.part for f in of(name, "S102")) == ["section2", "section3", "section4", "section6"]
    [pasted] = of(name, "S117", "section1")
    assert pasted.message.startswith("第一部分中有 5 个")
    assert "「二、工作机制保障」" in pasted.message and "「六、政府信息公开平台建设」" in pasted.message


def test_corpus_science_commission_tables() -> None:
    name = "shanghai-science-commission-2024.md"
    assert len(of(name, "S105", "table3")) == 1
    [stray] = of(name, "S113", "table3")
    assert "印有 1；" in stray.message
    [blank] = of(name, "S109", "table3")
    assert blank.message == "表三有 1 个单元格空白（四、结转下年度继续办理的总计）"


def test_corpus_government_office_2025() -> None:
    name = "shanghai-government-office-2025.md"
    assert [f.location.part for f in of(name, "S101")] == ["section5"]
    misaligned = of(name, "S112", "table2")
    assert [(f.location.row, f.severity) for f in misaligned] == [("regulations", Severity.ERROR)]
    assert [r.row for r in misaligned[0].related] == ["normative_documents"]
    assert misaligned[0].message == (
        "表二有 2 行的数字个数与列数（3）不符：「规章」印有 2 个数（22、235）；「行政规范性文件」印有 2 个数（34、189）；"
        "无法确定各数所属列，已保留原文，涉及的合计未核对"
    )
    assert [f.message for f in of(name, "S113", "table2")] == [
        "表二有一行数据无法对应到年报格式的行：没有行标签，印有 22、55；原因：数值个数与列数不符，且无行标签"
    ]


def test_corpus_government_office_2019_trial_format() -> None:
    name = "shanghai-government-office-2019.html"
    [old] = of(name, "S114")
    assert old.severity is Severity.INFO and "2019年试行格式" in old.message
    assert of(name, "S101") == []
