"""The rules on the three real PDF reports (facts checked on the rendered pages)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from gongkai.api import read_report
from gongkai.audit import Finding, audit

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
