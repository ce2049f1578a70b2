"""S119 low-confidence OCR cells, and arithmetic hints that point at the likeliest misread cell."""

from __future__ import annotations

from gongkai.audit import Finding, Rule, Severity
from gongkai.audit.rules.arithmetic.column_balance import ColumnBalanceMismatch
from gongkai.audit.rules.arithmetic.group_total import GroupTotalMismatch
from gongkai.audit.rules.arithmetic.row_sum import RowSumMismatch
from gongkai.audit.rules.structure.low_confidence import LowConfidenceCell
from gongkai.model import AnnualReport
from tests.factories import make_report, set_cell


def run(rule: type[Rule], report: AnnualReport) -> list[Finding]:
    return list(rule().check(report))


def scanned(report: AnnualReport, confidence: float = 0.99) -> AnnualReport:
    """Every cell of ``report`` as if read by OCR with ``confidence``."""
    for table_id in ("table2", "table3", "table4"):
        for cells in report.table(table_id).rows.values():
            for col, cell in cells.items():
                prov = cell.provenance.model_copy(update={"page": 1, "confidence": confidence})  # type: ignore[union-attr]
                cells[col] = cell.model_copy(update={"provenance": prov})
    return report


def with_confidence(report: AnnualReport, table: str, row: str, col: str, confidence: float) -> AnnualReport:
    cell = report.table(table).rows[row][col]
    prov = cell.provenance.model_copy(update={"confidence": confidence})  # type: ignore[union-attr]
    report.table(table).rows[row][col] = cell.model_copy(update={"provenance": prov})
    return report


# ------------------------------------------------------------------------ S119
def test_low_confidence_cell_reports_reading_and_confidence() -> None:
    report = with_confidence(scanned(make_report()), "table3", "granted", "natural_person", 0.62)
    found = run(LowConfidenceCell, report)
    assert [f.message for f in found] == ["表三「（一）予以公开·自然人」识别为 10，识别置信度 0.62，需人工核对"]
    assert found[0].severity is Severity.WARNING
    assert (found[0].location.part, found[0].location.row, found[0].location.column) == (
        "table3",
        "granted",
        "natural_person",
    )
    assert found[0].location.source is not None and found[0].location.source.confidence == 0.62


def test_low_confidence_cell_never_rounds_up_to_threshold() -> None:
    report = with_confidence(scanned(make_report()), "table4", "administrative_review", "total", 0.796)
    assert [f.message for f in run(LowConfidenceCell, report)] == [
        "表四「行政复议·总计」识别为 3，识别置信度 0.79，需人工核对"
    ]


def test_low_confidence_cell_quiet_on_confident_scan_and_text_sources() -> None:
    assert run(LowConfidenceCell, scanned(make_report(), 0.80)) == []
    assert run(LowConfidenceCell, make_report()) == []  # no OCR: no confidence at all


def test_low_confidence_cell_skips_blank_cells() -> None:
    report = set_cell(scanned(make_report(), 0.3), "table3", "granted", "total", None)
    found = run(LowConfidenceCell, report)
    assert ("granted", "total") not in {(f.location.row, f.location.column) for f in found}
    assert len(found) == sum(len(r) for t in ("table2", "table3", "table4") for r in report.table(t).rows.values()) - 1


# ------------------------------------------------- arithmetic hints on scans
def test_row_sum_hint_names_least_confident_cell() -> None:
    report = set_cell(scanned(make_report()), "table3", "granted", "natural_person", 16)
    report = with_confidence(report, "table3", "granted", "natural_person", 0.71)
    (finding,) = run(RowSumMismatch, report)
    assert finding.hint.endswith("其中表三「（一）予以公开·自然人」识别置信度最低（0.71），可能识别有误，请核对原件。")
    assert report.table3.rows["granted"]["natural_person"].value == 16  # never changed


def test_hint_names_every_cell_tied_for_lowest() -> None:
    report = set_cell(scanned(make_report()), "table4", "administrative_review", "total", 8)
    report = with_confidence(report, "table4", "administrative_review", "total", 0.6)
    report = with_confidence(report, "table4", "administrative_review", "upheld", 0.6)
    (finding,) = run(GroupTotalMismatch, report)
    assert "其中表四「行政复议·总计」、表四「行政复议·结果维持」识别置信度最低（0.60）" in finding.hint


def test_column_balance_hint_on_scan() -> None:
    report = set_cell(scanned(make_report()), "table3", "carried_over", "natural_person", 9)
    report = with_confidence(report, "table3", "carried_over", "natural_person", 0.55)
    (finding,) = run(ColumnBalanceMismatch, report)
    assert "表三「二、上年结转政府信息公开申请数量·自然人」识别置信度最低（0.55）" in finding.hint


def test_hint_silent_when_all_cells_confident_or_not_scanned() -> None:
    plain = set_cell(make_report(), "table3", "granted", "natural_person", 16)
    (finding,) = run(RowSumMismatch, plain)
    assert "识别" not in finding.hint
    confident = set_cell(scanned(make_report(), 0.97), "table3", "granted", "natural_person", 16)
    (finding,) = run(RowSumMismatch, confident)
    assert "识别" not in finding.hint
