"""C109 carryover-discontinuity and C110 in-force-discontinuity: this year against last year's report."""

from __future__ import annotations

from gongkai.audit import audit
from gongkai.audit.rules.consistency.previous_carryover import CarryoverDiscontinuity
from gongkai.audit.rules.consistency.previous_in_force import InForceDiscontinuity
from gongkai.model import AnnualReport
from tests.factories import make_report, set_cell


def last_year() -> AnnualReport:
    """The factory report as 2023's: carries forward 2 (自然人) and has 15 normative documents in force."""
    report = make_report(year=2023)
    report.source_file = "2023.pdf"
    return report


def this_year() -> AnnualReport:
    """2024's report continuing 2023: 上年结转 = 2023's 结转下年度, in force = 15 + issued − abolished."""
    report = make_report()
    for col, value in (("natural_person", 2), ("total", 2)):
        report = set_cell(report, "table3", "carried_over", col, value)
    report = set_cell(report, "table2", "normative_documents", "in_force", 15 + 2 - 1)
    return report


def test_c109_quiet_when_carryover_continues() -> None:
    assert list(CarryoverDiscontinuity(last_year()).check(this_year())) == []


def test_c109_reports_each_column_that_differs_with_both_numbers() -> None:
    report = this_year()
    report = set_cell(report, "table3", "carried_over", "natural_person", 4)
    report = set_cell(report, "table3", "carried_over", "total", 4)
    found = list(CarryoverDiscontinuity(last_year()).check(report))
    assert [f.location.column for f in found] == ["natural_person", "total"]
    assert found[0].message == "上年结转 4 ≠ 2023年报告结转下年度继续办理 2（表三·自然人列）"
    assert "2023.pdf" in found[0].hint


def test_c109_skips_blank_cells() -> None:
    report = this_year()
    report = set_cell(report, "table3", "carried_over", "natural_person", None)
    report = set_cell(report, "table3", "carried_over", "total", None)
    assert list(CarryoverDiscontinuity(last_year()).check(report)) == []


def test_c110_quiet_when_in_force_continues() -> None:
    assert list(InForceDiscontinuity(last_year()).check(this_year())) == []


def test_c110_states_the_expected_count() -> None:
    report = this_year()
    report = set_cell(report, "table2", "normative_documents", "in_force", 20)
    [finding] = InForceDiscontinuity(last_year()).check(report)
    assert finding.message == "现行有效件数 20 ≠ 上年现行有效 15＋本年制发 2－本年废止 1＝16（表二·行政规范性文件）"
    assert finding.severity.value == "warning"


def test_year_over_year_rules_run_only_with_a_previous_report() -> None:
    report = this_year()
    report = set_cell(report, "table2", "normative_documents", "in_force", 20)
    assert not {"C109", "C110"} & {f.code for f in audit(report)}
    assert "C110" in {f.code for f in audit(report, previous=last_year())}
