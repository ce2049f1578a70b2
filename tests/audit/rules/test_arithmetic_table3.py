"""A101–A104: the sums of table 3."""

from __future__ import annotations

from gongkai.audit import Finding, Rule, Severity
from gongkai.audit.rules.arithmetic.column_balance import ColumnBalanceMismatch
from gongkai.audit.rules.arithmetic.outcome_sum import OutcomeSumMismatch
from gongkai.audit.rules.arithmetic.row_sum import RowSumMismatch
from gongkai.audit.rules.arithmetic.subtotal import SubtotalMismatch
from gongkai.model import AnnualReport, Cell, Provenance, RowEvidence, TableData
from gongkai.model.template import ORG_COLUMNS, TABLE3_COLUMNS
from tests.factories import FILE, make_report, set_cell


def run(rule: type[Rule], report: AnnualReport) -> list[Finding]:
    return list(rule().check(report))


def add_row(report: AnnualReport, key: str, values: list[int]) -> None:
    """Add an optional row (subtotal / （六） as one row) with the seven values."""
    prov = Provenance(file=FILE, line=999)
    report.table3.rows[key] = {
        c.key: Cell(raw=str(v), value=v, state="number", provenance=prov)
        for c, v in zip(TABLE3_COLUMNS, values, strict=True)
    }
    report.table3.row_evidence[key] = RowEvidence(key=key, match="exact", alignment="exact", expected_cells=7)


def test_column_balance_mismatch_reports_column_with_numbers() -> None:
    report = set_cell(make_report(), "table3", "carried_forward", "natural_person", 3)
    found = run(ColumnBalanceMismatch, report)
    assert [f.message for f in found] == ["一＋二＝20＋4＝24，（七）总计＋四＝22＋3＝25，不相等（表三·自然人列）"]
    assert found[0].severity is Severity.ERROR
    assert found[0].location.row == "total_processed" and found[0].location.column == "natural_person"
    assert {loc.row for loc in found[0].related} == {"new_received", "carried_over", "carried_forward"}


def test_column_balance_mismatch_counts_blank_part_as_zero() -> None:
    report = set_cell(make_report(), "table3", "carried_over", "natural_person", None)
    found = run(ColumnBalanceMismatch, report)
    assert [f.message for f in found] == [
        "一＋二＝20＋空白＝20，（七）总计＋四＝22＋2＝24，不相等（表三·自然人列，空白按0计）"
    ]


def test_column_balance_mismatch_skips_blank_total_cell() -> None:
    report = set_cell(make_report(), "table3", "carried_forward", "total", None)
    report = set_cell(report, "table3", "new_received", "total", 99)
    assert run(ColumnBalanceMismatch, report) == []


def lose_row(report: AnnualReport, key: str, *, keep_cells: bool = True) -> AnnualReport:
    """The row as the extractor leaves a row it did not find: absent cells, or no row at all."""
    report.table3.row_evidence[key] = RowEvidence(key=key, expected_cells=7)
    if keep_cells:
        report.table3.rows[key] = {c: Cell() for c in report.table3.rows[key]}
    else:
        del report.table3.rows[key], report.table3.row_evidence[key]
    return report


def test_column_balance_mismatch_never_counts_a_missing_row_as_zero() -> None:
    # 四 (2 in 自然人) not found: 20＋4 against 22＋? is undecidable, not 24 ≠ 22
    for keep in (True, False):
        assert run(ColumnBalanceMismatch, lose_row(make_report(), "carried_forward", keep_cells=keep)) == []
        assert run(ColumnBalanceMismatch, lose_row(make_report(), "carried_over", keep_cells=keep)) == []


def test_outcome_sum_mismatch_never_counts_a_missing_row_as_zero() -> None:
    report = lose_row(make_report(), "granted")
    assert run(OutcomeSumMismatch, report) == []
    # the other columns are undecidable too, even where the lost row held 0
    report = set_cell(report, "table3", "total_processed", "research_institution", 5)
    assert run(OutcomeSumMismatch, report) == []


def test_subtotal_mismatch_never_counts_a_missing_item_as_zero() -> None:
    report = make_report()
    add_row(report, "denied_total", [1, 0, 0, 0, 0, 0, 1])
    assert run(SubtotalMismatch, lose_row(report, "denied_internal_affairs")) == []


def test_row_sum_mismatch_skips_misaligned_row() -> None:
    report = make_report()
    report.table3.rows["granted"] = {c: Cell() for c in report.table3.rows["granted"]}
    report.table3.row_evidence["granted"].alignment = "misaligned"
    report.table3.row_evidence["granted"].raw_cells = ["10", "2", "1", "13"]
    for rule in (RowSumMismatch, OutcomeSumMismatch, ColumnBalanceMismatch):
        assert run(rule, report) == []


def test_column_balance_mismatch_ignores_table_not_found() -> None:
    report = set_cell(make_report(), "table3", "carried_forward", "natural_person", 3)
    report.table3.found = False
    assert run(ColumnBalanceMismatch, report) == []


def test_outcome_sum_mismatch_reports_difference() -> None:
    report = set_cell(make_report(), "table3", "granted", "natural_person", 12)
    found = run(OutcomeSumMismatch, report)
    assert [f.message for f in found] == [
        "三、本年度办理结果各项之和＝12＋3＋1＋5＋2＋1＝24，（七）总计＝22，相差2（表三·自然人列）"
    ]
    assert found[0].location.row == "total_processed"
    assert len(found[0].related) == 21


def test_outcome_sum_mismatch_never_adds_subtotal_rows() -> None:
    report = make_report()
    add_row(report, "denied_total", [1, 0, 0, 0, 0, 0, 1])
    assert run(OutcomeSumMismatch, report) == []


def test_outcome_sum_mismatch_uses_single_other_row() -> None:
    report = make_report()
    for key in ("other_no_correction", "other_no_fee", "other_other"):
        del report.table3.rows[key], report.table3.row_evidence[key]
    report.table3.layout.append("other_total_single_row")
    add_row(report, "other_total", [1, 0, 0, 0, 0, 0, 1])
    assert run(OutcomeSumMismatch, report) == []
    report = set_cell(report, "table3", "other_total", "natural_person", 4)
    assert [f.message for f in run(OutcomeSumMismatch, report)] == [
        "三、本年度办理结果各项之和＝10＋3＋1＋5＋2＋4＝25，（七）总计＝22，相差3（表三·自然人列）"
    ]


def test_outcome_sum_mismatch_skips_column_with_blank_detail_totals() -> None:
    report = set_cell(make_report(), "table3", "granted", "total", None)
    report = set_cell(report, "table3", "total_processed", "total", 30)
    assert [f.location.column for f in run(OutcomeSumMismatch, report)] == []


def test_row_sum_mismatch_reports_row() -> None:
    report = set_cell(make_report(), "table3", "new_received", "total", 25)
    found = run(RowSumMismatch, report)
    assert [f.message for f in found] == [
        "六类申请人之和＝20＋3＋0＋0＋1＋0＝24，总计＝25，相差1（表三·一、本年新收政府信息公开申请数量行）"
    ]
    assert found[0].location.column == "total"


def test_row_sum_mismatch_skips_blank_total_and_counts_blank_parts() -> None:
    report = set_cell(make_report(), "table3", "granted", "total", None)
    report = set_cell(report, "table3", "granted", "natural_person", 99)
    assert run(RowSumMismatch, report) == []
    report = set_cell(make_report(), "table3", "granted", "commercial_enterprise", None)
    found = run(RowSumMismatch, report)
    assert [f.message for f in found] == [
        "六类申请人之和＝10＋空白＋0＋0＋1＋0＝11，总计＝13，相差2（表三·（一）予以公开行，空白按0计）"
    ]


def test_row_sum_mismatch_checks_legal_entity_subtotal() -> None:
    report = make_report()
    for cells in report.table3.rows.values():
        sub = sum(cells[c].value or 0 for c in ORG_COLUMNS)
        cells["legal_entity_subtotal"] = Cell(raw=str(sub), value=sub, state="number")
    assert run(RowSumMismatch, report) == []
    report = set_cell(report, "table3", "new_received", "legal_entity_subtotal", 5)
    assert [f.message for f in run(RowSumMismatch, report)] == [
        "五类法人或其他组织之和＝3＋0＋0＋1＋0＝4，法人或其他组织小计＝5，相差1（表三·一、本年新收政府信息公开申请数量行）"
    ]


def test_subtotal_mismatch_reports_subtotal_row() -> None:
    report = make_report()
    add_row(report, "denied_total", [1, 0, 0, 0, 0, 0, 1])
    assert run(SubtotalMismatch, report) == []
    report = set_cell(report, "table3", "denied_total", "natural_person", 3)
    found = run(SubtotalMismatch, report)
    assert [f.message for f in found] == ["（三）不予公开＝3，其各子项之和＝1，相差2（表三·自然人列）"]
    assert found[0].location.row == "denied_total"


def test_subtotal_mismatch_ignores_single_other_row() -> None:
    report = make_report()
    report.table3.layout.append("other_total_single_row")
    add_row(report, "other_total", [7, 0, 0, 0, 0, 0, 7])
    assert run(SubtotalMismatch, report) == []


def test_arithmetic_rules_handle_empty_found_table() -> None:
    report = make_report()
    report.table3 = TableData(id="table3", found=True)
    for rule in (ColumnBalanceMismatch, OutcomeSumMismatch, RowSumMismatch, SubtotalMismatch):
        assert run(rule, report) == []
