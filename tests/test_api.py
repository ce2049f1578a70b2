"""api.check_path with last year's report given by hand: refused (E118, E123) unless it is the same body's
report of the year before; a year or agency that is not printed is no reason to refuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.api import check_path, previous_mismatch, read_report
from gongkai.audit import audit
from gongkai.model import AnnualReport

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
HONGZE_2023 = SAMPLES / "hongze-district-2023.pdf"
HONGZE_2024 = SAMPLES / "hongze-district-2024.pdf"
HUAIAN_2024 = SAMPLES / "huaian-city-2024.pdf"


@pytest.fixture(scope="module")
def reports() -> dict[str, AnnualReport]:
    return {"hz23": read_report(HONGZE_2023), "hz24": read_report(HONGZE_2024), "ha24": read_report(HUAIAN_2024)}


def _misprinted(report: AnnualReport) -> AnnualReport:
    """The 2023 report with 结转下年度继续办理 ≠ the 2024 report's 上年结转 (C109 would be found)."""
    changed = report.model_copy(deep=True)
    cell = changed.table3.rows["carried_forward"]["total"]
    changed.table3.rows["carried_forward"]["total"] = cell.model_copy(update={"raw": "6", "value": 6})
    return changed


def test_api_previous_of_the_same_body_a_year_before_is_compared(reports: dict[str, AnnualReport]) -> None:
    assert reports["hz23"].metadata.agency == "洪泽区人民政府"  # printed without its city
    assert reports["hz24"].metadata.agency == "淮安市洪泽区人民政府"
    assert previous_mismatch(reports["hz24"], reports["hz23"]) == []
    area = reports["hz23"].model_copy(deep=True)
    area.metadata.agency = "洪泽区"  # a government's report titled with its area alone
    assert previous_mismatch(reports["hz24"], area) == []
    result = check_path(HONGZE_2024, previous=_misprinted(reports["hz23"]))
    assert result.status == "ok" and result.errors == []
    assert [f.message for f in result.findings if f.code == "C109"] == [
        "上年结转 0 ≠ 2023年报告结转下年度继续办理 6（表三·总计列）"
    ]


def test_api_previous_of_another_body_and_year_is_refused(reports: dict[str, AnnualReport]) -> None:
    result = check_path(HONGZE_2024, previous=reports["ha24"])
    assert result.status == "partial" and [e.code for e in result.errors] == ["E118", "E123"]
    both = "上年报告为“淮安市人民政府”2024年报告，本报告为“淮安市洪泽区人民政府”2024年报告"
    assert result.errors[0].message == f"{both}，不是相邻年度（上年报告应为2023年报告），未与上年报告对比"
    assert result.errors[1].message == f"{both}，不是同一机关，未与上年报告对比"
    assert all(e.stage == "audit" for e in result.errors)
    compared = {f.code for f in audit(reports["hz24"], previous=reports["ha24"])}
    assert {"C109", "C110"} <= compared  # compared with 淮安市's figures, both rules would fire
    assert not {"C109", "C110"} & {f.code for f in result.findings}


def test_api_previous_of_another_year_or_body_alone(reports: dict[str, AnnualReport]) -> None:
    assert [e.code for e in previous_mismatch(reports["hz24"], reports["hz24"])] == ["E118"]
    other = reports["ha24"].model_copy(deep=True)
    other.metadata.year = 2023
    errors = previous_mismatch(reports["hz24"], other)
    assert [e.code for e in errors] == ["E123"] and "“淮安市人民政府”2023年报告" in errors[0].message
    result = check_path(HONGZE_2024, previous=_misprinted(other))
    assert [e.code for e in result.errors] == ["E123"] and "C109" not in {f.code for f in result.findings}


@pytest.mark.parametrize(("agency", "year"), [(None, 2023), ("洪泽区人民政府", None), (None, None)])
def test_api_previous_without_agency_or_year_is_compared_as_given(
    reports: dict[str, AnnualReport], agency: str | None, year: int | None
) -> None:
    unknown = _misprinted(reports["hz23"])
    unknown.metadata.agency, unknown.metadata.year = agency, year
    assert previous_mismatch(reports["hz24"], unknown) == []
    result = check_path(HONGZE_2024, previous=unknown)
    assert result.status == "ok" and "C109" in {f.code for f in result.findings}


def test_api_previous_name_that_cannot_be_told_apart_is_compared(reports: dict[str, AnnualReport]) -> None:
    now = reports["hz24"].model_copy(deep=True)
    last = _misprinted(reports["hz23"])
    now.metadata.agency, last.metadata.agency = "北京市朝阳区人民政府", "朝阳区人民政府"
    assert previous_mismatch(now, last) == []
    last.metadata.agency = "长春市朝阳区人民政府"
    assert [e.code for e in previous_mismatch(now, last)] == ["E123"]
