"""Totals are computed where blank, kept where given, and never guessed from blank parts."""

from __future__ import annotations

from gongkai.audit import audit
from gongkai.extract.totals import compute_totals
from gongkai.model import AnnualReport
from tests.factories import make_report, set_cell, table3_values


def _without_totals() -> AnnualReport:
    report = make_report()
    for cells in report.table3.rows.values():
        cells.pop("total")
    report.table3.rows.pop("total_processed")
    for cells in report.table4.rows.values():
        cells.pop("total")
    return report


def test_compute_fills_every_omitted_total_from_its_parts() -> None:
    report = _without_totals()
    computed = compute_totals(report)
    expected = table3_values()
    assert {k: report.table3.value(k, "total") for k in expected} == {k: v[6] for k, v in expected.items()}
    assert report.table3.value("total_processed", "natural_person") == expected["total_processed"][0]
    assert len(computed.cells) == 24 + 7 + 3  # 24 row totals, the （七）总计 row, 3 groups
    assert computed.incomplete == []
    assert audit(report, None) == audit(make_report(), None)


def test_compute_keeps_a_given_total_that_disagrees_and_the_audit_reports_it() -> None:
    report = set_cell(make_report(), "table3", "granted", "total", 99)
    computed = compute_totals(report)
    assert computed.cells == []
    assert report.table3.value("granted", "total") == 99
    assert "A103" in {f.code for f in audit(report)}


def test_compute_leaves_a_total_blank_when_a_part_is_blank() -> None:
    report = _without_totals()
    report = set_cell(report, "table3", "granted", "research_institution", None)
    computed = compute_totals(report)
    cell = report.table3.cell("granted", "total")
    assert cell is not None and cell.state == "blank"
    assert "table3.granted.total" in computed.incomplete
    assert report.table3.cell("total_processed", "research_institution").state == "blank"  # type: ignore[union-attr]
