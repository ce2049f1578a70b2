"""S106 misprinted and S107 renamed labels."""

from __future__ import annotations

from gongkai.audit import Finding, Rule, Severity
from gongkai.audit.rules.structure.label_misprinted import LabelMisprinted
from gongkai.audit.rules.structure.label_renamed import LabelRenamed
from gongkai.model import AnnualReport, ColumnEvidence
from tests.factories import make_report


def run(rule: type[Rule], report: AnnualReport) -> list[Finding]:
    return list(rule().check(report))


def test_label_misprinted_row_and_column() -> None:
    report = make_report()
    ev = report.table3.row_evidence["denied_internal_affairs"]
    ev.printed_label, ev.match = "5.属于三类内容事务信息", "misprint"
    report.table2.column_evidence["abolished"] = ColumnEvidence(
        key="abolished", printed_label="本年度止件数", match="misprint"
    )
    found = run(LabelMisprinted, report)
    assert [f.message for f in found] == [
        "表二列标题印为「本年度止件数」，应为「本年废止件数」",
        "表三行标签印为「5.属于三类内容事务信息」，应为「5.属于三类内部事务信息」",
    ]
    assert found[0].severity is Severity.WARNING
    assert found[0].location.column == "abolished"
    assert found[1].location.row == "denied_internal_affairs"
    assert run(LabelMisprinted, make_report()) == []


def test_label_renamed_row_in_2021_format() -> None:
    report = make_report()
    ev = report.table2.row_evidence["normative_documents"]
    ev.printed_label, ev.match = "规范性文件", "variant"
    report.table3.column_evidence["social_welfare_org"] = ColumnEvidence(
        key="social_welfare_org", printed_label="社会组织", match="variant"
    )
    found = run(LabelRenamed, report)
    assert [f.message for f in found] == [
        "表二行标签印为「规范性文件」，年报格式为「行政规范性文件」",
        "表三列标题印为「社会组织」，年报格式为「社会公益组织」",
    ]
    assert run(LabelRenamed, make_report()) == []


def test_label_renamed_accepts_2019_label_in_2019_format() -> None:
    report = make_report()
    report.format = "2019"
    ev = report.table2.row_evidence["normative_documents"]
    ev.printed_label, ev.match = "规范性文件", "variant"
    assert run(LabelRenamed, report) == []
