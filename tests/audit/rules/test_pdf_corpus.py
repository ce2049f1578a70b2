"""The rules on the three real PDF reports (facts checked on the rendered pages)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from gongkai.api import read_report
from gongkai.audit import Finding, audit
from gongkai.audit.narrative import find_claims, paragraphs

SAMPLES = Path(__file__).resolve().parents[3] / "samples"


@cache
def findings(name: str) -> tuple[Finding, ...]:
    return tuple(audit(read_report(SAMPLES / name)))


def test_pdf_corpus_hongze_2023_table4_totals_printed_zero() -> None:
    got = [(f.location.row, f.message) for f in findings("hongze-district-2023.pdf") if f.code == "A105"]
    assert got == [
        (
            "administrative_review",
            "结果维持＋结果纠正＋其他结果＋尚未审结＝10＋1＋0＋0＝11，总计＝0，相差11（表四·行政复议）",
        ),
        (
            "litigation_after_review",
            "结果维持＋结果纠正＋其他结果＋尚未审结＝5＋0＋0＋0＝5，总计＝0，相差5（表四·行政诉讼·复议后起诉）",
        ),
    ]
    [a105] = [f for f in findings("hongze-district-2023.pdf") if f.code == "A105"][:1]
    assert a105.location.source is not None
    assert a105.location.source.page == 4 and a105.location.source.bbox is not None


@pytest.mark.parametrize("name", ["hongze-district-2023.pdf", "hongze-district-2024.pdf"])
def test_pdf_corpus_hongze_misprint_and_single_other_row(name: str) -> None:
    codes = sorted(f.code for f in findings(name))
    assert "S106" in codes and "S115" in codes and "M105" in codes
    [s106] = [f for f in findings(name) if f.code == "S106"]
    assert "「2.其他法律行政止公开」" in s106.message


def test_pdf_corpus_consistent_reports_have_no_arithmetic_findings() -> None:
    for name in ("hongze-district-2024.pdf", "huaian-city-2024.pdf"):
        assert [f.message for f in findings(name) if f.code.startswith("A")] == []
    # the Huaian report is in the full 2021 format; its only defect is the missing signature
    assert [f.code for f in findings("huaian-city-2024.pdf")] == ["M105"]


def test_pdf_corpus_narrative_claims_read_across_wrapped_lines() -> None:
    # 淮安 2024, page 2: “…答⏎复3050件（含上年度结转申请34件，另有103件顺延到下年⏎答复）…行政复议351⏎件，…”
    report = read_report(SAMPLES / "huaian-city-2024.pdf")
    got = {(c.kind, c.value) for p in paragraphs(report.lines, {1}) for c in find_claims(p.text)}
    assert {("processed", 3050), ("carried_over", 34), ("carried_forward", 103), ("review", 351)} <= got
    assert ("litigation", 46) in got


def test_pdf_corpus_hongze_2024_narrative_received_differs_from_table() -> None:
    # page 1: “区政府办代表区政府受理政府⏎信息公开申请 17 件”; table 3 一、本年新收 总计 95 (2023: 21 and 21)
    [c101] = [f for f in findings("hongze-district-2024.pdf") if f.code == "C101"]
    assert c101.message == (
        "第一部分称“受理政府信息公开申请17件”，表三“一、本年新收”总计为 95 件（上年结转 0 件，合计 95 件）"
    )
    assert c101.location.source is not None and c101.location.source.page == 1
    assert "C101" not in {f.code for f in findings("hongze-district-2023.pdf")}
