"""S109–S111, S118: blank, marker, unparseable and annotated cells."""

from __future__ import annotations

from gongkai.audit import Finding, Rule, Severity
from gongkai.audit.rules.structure.annotated_cell import AnnotatedCell
from gongkai.audit.rules.structure.blank_cells import BlankCells
from gongkai.audit.rules.structure.marker_cells import MarkerCells
from gongkai.audit.rules.structure.unparseable_cell import UnparseableCell
from gongkai.model import AnnualReport
from gongkai.model.template import ORG_COLUMNS
from tests.factories import make_report, set_cell


def run(rule: type[Rule], report: AnnualReport) -> list[Finding]:
    return list(rule().check(report))


def test_blank_cells_summarises_whole_columns() -> None:
    report = make_report()
    for row in list(report.table3.rows):
        for col in ORG_COLUMNS:
            report = set_cell(report, "table3", row, col, None)
    found = run(BlankCells, report)
    assert [f.message for f in found] == [
        "表三有 125 个单元格空白（商业企业、科研机构、社会公益组织、法律服务机构、其他5列的全部25行）"
    ]
    assert found[0].severity is Severity.WARNING
    assert len(found[0].related) == 50
    assert run(BlankCells, make_report()) == []


def test_blank_cells_table4_group_and_single_cells() -> None:
    report = make_report()
    for field in ("upheld", "corrected", "other", "pending", "total"):
        report = set_cell(report, "table4", "administrative_review", field, None)
    report = set_cell(report, "table3", "granted", "total", None)
    found = run(BlankCells, report)
    assert [f.message for f in found] == [
        "表三有 1 个单元格空白（（一）予以公开的总计）",
        "表四有 5 个单元格空白（行政复议整组（5格））",
    ]
    assert found[0].location.row == "granted" and found[0].location.column == "total"


def test_blank_cells_ignores_rows_not_found() -> None:
    report = set_cell(make_report(), "table3", "granted", "total", None)
    report.table3.row_evidence["granted"].match = "absent"
    assert run(BlankCells, report) == []


def test_marker_cells_lists_markers() -> None:
    report = set_cell(make_report(), "table2", "administrative_fees", "amount_10k_yuan", None, raw="/")
    found = run(MarkerCells, report)
    assert [f.message for f in found] == [
        "表二有 1 个单元格印为符号而非数字：行政事业性收费·本年收费金额（单位：万元）“/”"
    ]
    assert run(MarkerCells, make_report()) == []


def test_unparseable_cell_quotes_text() -> None:
    report = make_report()
    cell = report.table3.rows["granted"]["natural_person"]
    report.table3.rows["granted"]["natural_person"] = cell.model_copy(
        update={"raw": "约5", "value": None, "state": "text"}
    )
    found = run(UnparseableCell, report)
    assert [f.message for f in found] == ["表三「（一）予以公开·自然人」印为「约5」，无法读成数字"]
    assert found[0].severity is Severity.ERROR
    assert run(UnparseableCell, make_report()) == []


def test_annotated_cell_reports_parenthesised_note() -> None:
    report = set_cell(make_report(), "table2", "regulations", "issued", 22, raw="22（其中修订16件）")
    report.table2.rows["regulations"]["issued"].note = "其中修订16件"
    report = set_cell(report, "table2", "administrative_fees", "amount_10k_yuan", 5, raw="5元")
    report.table2.rows["administrative_fees"]["amount_10k_yuan"].note = "元"
    found = run(AnnotatedCell, report)
    assert [f.message for f in found] == [
        "表二「规章·本年制发件数」印为「22（其中修订16件）」，读作 22，括注「其中修订16件」已保留"
    ]
    assert found[0].severity is Severity.INFO
    assert run(AnnotatedCell, make_report()) == []
