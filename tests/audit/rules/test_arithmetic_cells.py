"""A106 invalid counts and A107 fee units."""

from __future__ import annotations

from gongkai.audit import Finding, Rule, Severity
from gongkai.audit.rules.arithmetic.fee_unit import FeeAmountUnit
from gongkai.audit.rules.arithmetic.invalid_count import InvalidCount
from gongkai.model import AnnualReport, Cell, Provenance
from tests.factories import FILE, make_report, set_cell


def run(rule: type[Rule], report: AnnualReport) -> list[Finding]:
    return list(rule().check(report))


def test_invalid_count_reports_negative_count() -> None:
    report = set_cell(make_report(), "table2", "administrative_licensing", "decisions", -3)
    found = run(InvalidCount, report)
    assert [f.message for f in found] == ["表二「行政许可·本年处理决定数量」为 -3（印为「-3」），件数不能为负数"]
    assert found[0].severity is Severity.ERROR
    assert found[0].location.column == "decisions"


def test_invalid_count_reports_fractional_count() -> None:
    report = set_cell(make_report(), "table3", "granted", "natural_person", 2.5)
    assert [f.message for f in run(InvalidCount, report)] == [
        "表三「（一）予以公开·自然人」为 2.5（印为「2.5」），件数应为整数"
    ]


def test_invalid_count_allows_fee_decimals_but_not_negative() -> None:
    report = set_cell(make_report(), "table2", "administrative_fees", "amount_10k_yuan", 0.35)
    assert run(InvalidCount, report) == []
    report = set_cell(report, "table2", "administrative_fees", "amount_10k_yuan", -1.5)
    assert [f.message for f in run(InvalidCount, report)] == [
        "表二「行政事业性收费·本年收费金额（单位：万元）」为 -1.5（印为「-1.5」），金额不能为负数"
    ]


def test_invalid_count_allows_negative_change_in_2019_format() -> None:
    report = make_report()
    prov = Provenance(file=FILE, line=5)
    report.table2.rows["administrative_licensing"] = {
        "previous_count": Cell(raw="10", value=10, state="number", provenance=prov),
        "change": Cell(raw="-2", value=-2, state="number", provenance=prov),
        "decisions": Cell(raw="8", value=8, state="number", provenance=prov),
    }
    report.format = "2019"
    assert run(InvalidCount, report) == []
    report.format = "2021"
    assert [f.location.column for f in run(InvalidCount, report)] == ["change"]


def test_fee_amount_unit_reports_yuan() -> None:
    report = set_cell(make_report(), "table2", "administrative_fees", "amount_10k_yuan", 251000, raw="251000元")
    report.table2.rows["administrative_fees"]["amount_10k_yuan"].note = "元"
    found = run(FeeAmountUnit, report)
    assert [f.message for f in found] == [
        "表二「行政事业性收费·本年收费金额（单位：万元）」印为「251000元」，单位为“元”而非万元（读作 251000）"
    ]
    assert found[0].severity is Severity.WARNING


def test_fee_amount_unit_reports_text_cell() -> None:
    report = make_report()
    cell = report.table2.rows["administrative_fees"]["amount_10k_yuan"]
    report.table2.rows["administrative_fees"]["amount_10k_yuan"] = cell.model_copy(
        update={"raw": "约5万", "value": None, "state": "text"}
    )
    assert [f.message for f in run(FeeAmountUnit, report)] == [
        "表二「行政事业性收费·本年收费金额（单位：万元）」印为「约5万」，不是以万元为单位的数字"
    ]


def test_fee_amount_unit_accepts_wanyuan() -> None:
    report = set_cell(make_report(), "table2", "administrative_fees", "amount_10k_yuan", 3, raw="3万元")
    report.table2.rows["administrative_fees"]["amount_10k_yuan"].note = "万元"
    assert run(FeeAmountUnit, report) == []
    assert run(FeeAmountUnit, make_report()) == []
