"""Consistency and metadata rules on the real samples (facts checked by reading the documents)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from gongkai.api import read_report
from gongkai.audit import Finding, audit, select_rules
from gongkai.model import AnnualReport

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
RULES = [r for r in select_rules() if r.code[0] in "CM"]
C_CODES = {r.code for r in RULES if r.code.startswith("C")}


@cache
def report(name: str) -> AnnualReport:
    return read_report(SAMPLES / name)


@cache
def findings(name: str) -> tuple[Finding, ...]:
    return tuple(audit(report(name), RULES))


def codes(name: str) -> set[str]:
    return {f.code for f in findings(name)}


def messages(name: str, code: str) -> list[str]:
    return [f.message for f in findings(name) if f.code == code]


def test_laiyang_002_reason_counted_as_other_and_malformed_date() -> None:
    name = "002_3e5507a8093b4360.txt"
    [c107] = messages(name, "C107")
    assert "信息不存在7件" in c107 and "本机关不掌握1件" in c107 and "共8件" in c107
    assert "仅 1 件" in c107 and "（六）3.其他 为 9 件" in c107
    [m106] = [f for f in findings(name) if f.code == "M106"]
    assert "2023年12月7月" in m106.message and m106.location.source is not None and m106.location.source.line == 16
    assert codes(name).isdisjoint({"C101", "M102", "M103", "M105"})


def test_zibo_004_parts_exceed_whole_and_no_signature() -> None:
    name = "004_288d4dc2df949a91.txt"
    [c106] = messages(name, "C106")
    assert "373" in c106 and "138" in c106 and "35条、103条、235条" in c106
    assert "M105" in codes(name)
    assert codes(name).isdisjoint({"C101", "C102", "C105"})


def test_penglai_000_signed_before_year_end() -> None:
    name = "000_531ecae6516f2ca1.txt"
    [m102] = messages(name, "M102")
    assert "2023年1月9日" in m102 and "2023年12月31日" in m102
    assert codes(name).isdisjoint({"C101", "C108"})


def test_yantai_001_no_signature_and_no_fee_statement() -> None:
    name = "001_6f73e57e54ca5cf9.txt"
    assert "未找到署名机关和成文日期" in messages(name, "M105")[0]
    assert len(messages(name, "C108")) == 1
    assert codes(name).isdisjoint({"C101", "C103"})


def test_yantai_001_part_three_prose_reaches_the_rules() -> None:
    assert any("没有上年结转" in line.text for line in report("001_6f73e57e54ca5cf9.txt").lines)


def test_weidong_003_no_consistency_findings() -> None:
    name = "003_e59e1557e310bd98.txt"
    assert "M105" in codes(name)
    assert codes(name).isdisjoint(C_CODES)


def test_shanghai_science_2024_website_breakdown_exceeds_total() -> None:
    name = "shanghai-science-commission-2024.md"
    [c106] = messages(name, "C106")
    assert "2139" in c106 and "2160" in c106
    assert codes(name).isdisjoint({"C101", "C103", "C104"})


def test_shanghai_office_2025_numbers_match() -> None:
    assert codes("shanghai-government-office-2025.md").isdisjoint({"C101", "C102", "C104"})


@pytest.mark.parametrize("name", ["shanghai-government-office-2025.md", "shanghai-science-commission-2024.md"])
def test_shanghai_md_period_is_read(name: str) -> None:
    assert "M107" not in codes(name)


def test_shuyang_county_2025_consistent_and_on_time() -> None:
    name = "shuyang-county-2025.txt"
    assert report(name).metadata.agency_kind == "government"
    assert codes(name).isdisjoint(C_CODES | {"M103"})


def test_shanghai_office_2019_outcomes_and_upheld_claim() -> None:
    name = "shanghai-government-office-2019.html"
    c104 = messages(name, "C104")
    assert any("予以公开及部分公开258件" in m and "275 件" in m for m in c104)
    assert any("无法提供265件" in m and "337 件" in m for m in c104)
    [c105] = messages(name, "C105")
    assert "均获维持" in c105 and "尚未审结”2 件" in c105 and "尚未审结”1 件" in c105
    assert codes(name).isdisjoint({"C101", "C102", "C103", "C108"})


def test_city_sample_2025_no_consistency_findings() -> None:
    name = "city-sample-2025.html"
    assert "M105" in codes(name)
    assert codes(name).isdisjoint(C_CODES)


def test_shuyang_development_reform_2023_clean() -> None:
    name = "shuyang-development-reform-2023.html"
    assert codes(name).isdisjoint(C_CODES)
    assert not any(c.startswith("M") for c in codes(name))
