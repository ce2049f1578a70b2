"""A105: the three groups of table 4."""

from __future__ import annotations

from gongkai.audit import Finding, Rule, Severity
from gongkai.audit.rules.arithmetic.group_total import GroupTotalMismatch
from gongkai.model import AnnualReport
from tests.factories import make_report, set_cell


def run(rule: type[Rule], report: AnnualReport) -> list[Finding]:
    return list(rule().check(report))


def test_group_total_mismatch_reports_group() -> None:
    report = set_cell(make_report(), "table4", "administrative_review", "total", 4)
    found = run(GroupTotalMismatch, report)
    assert [f.message for f in found] == [
        "结果维持＋结果纠正＋其他结果＋尚未审结＝1＋1＋0＋1＝3，总计＝4，相差1（表四·行政复议）"
    ]
    assert found[0].severity is Severity.ERROR
    assert found[0].location.row == "administrative_review" and found[0].location.column == "total"
    assert len(found[0].related) == 4


def test_group_total_mismatch_counts_blank_results_as_zero() -> None:
    report = set_cell(make_report(), "table4", "litigation_direct", "upheld", None)
    assert [f.message for f in run(GroupTotalMismatch, report)] == [
        "结果维持＋结果纠正＋其他结果＋尚未审结＝空白＋0＋0＋0＝0，总计＝1，相差1（表四·行政诉讼·未经复议直接起诉，空白按0计）"
    ]


def test_group_total_mismatch_skips_blank_total() -> None:
    report = set_cell(make_report(), "table4", "administrative_review", "total", None)
    report = set_cell(report, "table4", "administrative_review", "upheld", 9)
    assert run(GroupTotalMismatch, report) == []


def test_group_total_mismatch_consistent_and_missing_table() -> None:
    assert run(GroupTotalMismatch, make_report()) == []
    report = set_cell(make_report(), "table4", "administrative_review", "total", 4)
    report.table4.found = False
    assert run(GroupTotalMismatch, report) == []
