"""S103, S104, S105, S108, S112, S113, S115, S116, S122: tables, rows and columns."""

from __future__ import annotations

from gongkai.audit import Finding, Rule, Severity
from gongkai.audit.rules.structure.cell_count import CellCountMismatch
from gongkai.audit.rules.structure.column_label_missing import ColumnLabelMissing
from gongkai.audit.rules.structure.generic_headers import GenericColumnHeaders
from gongkai.audit.rules.structure.nonstandard_layout import NonstandardLayout
from gongkai.audit.rules.structure.row_label_missing import RowLabelMissing
from gongkai.audit.rules.structure.row_missing import RowMissing
from gongkai.audit.rules.structure.table_missing import TableMissing
from gongkai.audit.rules.structure.table_run_together import TableRunTogether
from gongkai.audit.rules.structure.unplaced_row import UnplacedRow
from gongkai.model import AnnualReport, Cell, ColumnEvidence, Provenance, RowEvidence, TableData
from gongkai.model import UnplacedRow as Unplaced
from tests.factories import make_report


def run(rule: type[Rule], report: AnnualReport) -> list[Finding]:
    return list(rule().check(report))


def _lose_row(report: AnnualReport, key: str) -> None:
    report.table3.rows[key] = {c: Cell() for c in report.table3.rows[key]}
    report.table3.row_evidence[key] = RowEvidence(key=key, expected_cells=7)


def test_table_missing_names_table() -> None:
    report = make_report()
    report.table3 = TableData(id="table3")
    found = run(TableMissing, report)
    assert [f.message for f in found] == ["未找到表三「收到和处理政府信息公开申请情况」（第三部分的统计表）"]
    assert found[0].location.part == "table3"
    assert run(TableMissing, make_report()) == []


def test_row_missing_one_finding_per_table() -> None:
    report = make_report()
    _lose_row(report, "denied_prohibited_by_law")
    _lose_row(report, "denied_three_safeties_one_stability")
    found = run(RowMissing, report)
    assert [f.message for f in found] == [
        "表三未找到 2 行：「2.其他法律行政法规禁止公开」、「3.危及“三安全一稳定”」；涉及这些行的合计未核对"
    ]
    assert found[0].severity is Severity.ERROR
    assert [loc.row for loc in found[0].related] == ["denied_prohibited_by_law", "denied_three_safeties_one_stability"]
    assert run(RowMissing, make_report()) == []


def test_row_missing_single_other_row_in_2019_format() -> None:
    report = make_report()
    report.format = "2019"
    for key in ("other_no_correction", "other_no_fee"):
        _lose_row(report, key)
    report.table3.rows["other_total"] = dict(report.table3.rows["other_other"])
    report.table3.row_evidence["other_total"] = RowEvidence(key="other_total", match="exact", expected_cells=7)
    assert [f for f in run(RowMissing, report) if f.location.part == "table3"] == []


def test_row_label_missing_lists_rows_placed_by_position() -> None:
    report = make_report()
    report.table3.row_evidence["partially_granted"].match = "position"
    report.table3.row_evidence["partially_granted"].printed_label = None
    found = run(RowLabelMissing, report)
    assert [f.message for f in found] == [
        "表三有 1 行没有可辨认的行标签，已按位置对应为：「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」"
    ]
    assert found[0].related[0].source is not None
    assert run(RowLabelMissing, make_report()) == []


def test_column_label_missing_lists_columns() -> None:
    report = make_report()
    for key in ("commercial_enterprise", "research_institution"):
        report.table3.column_evidence[key] = ColumnEvidence(key=key)
    report.table3.column_evidence["total"] = ColumnEvidence(key="total", printed_label="总计", match="exact")
    found = run(ColumnLabelMissing, report)
    assert [f.message for f in found] == [
        "表三有 2 列没有找到列标题：「商业企业」、「科研机构」；这些列的数字按位置读取"
    ]
    assert run(ColumnLabelMissing, make_report()) == []


def test_cell_count_mismatch_misaligned_is_error() -> None:
    report = make_report()
    t2 = report.table2
    t2.rows["regulations"] = {c: Cell() for c in t2.rows["regulations"]}
    t2.row_evidence["regulations"] = RowEvidence(
        key="regulations",
        printed_label="规章",
        match="exact",
        raw_cells=["22", "235"],
        expected_cells=3,
        alignment="misaligned",
    )
    found = run(CellCountMismatch, report)
    assert [f.message for f in found] == [
        "表二「规章」行印有 2 个数（22、235），应为 3 个；无法确定各数所属列，已保留原文，涉及的合计未核对"
    ]
    assert found[0].severity is Severity.ERROR
    assert run(CellCountMismatch, make_report()) == []


def test_cell_count_mismatch_redundant_table4_reported_once() -> None:
    report = make_report()
    for ev in report.table4.row_evidence.values():
        ev.raw_cells, ev.alignment = ["0"] * 16, "redundant"
    found = run(CellCountMismatch, report)
    assert len(found) == 1
    assert found[0].severity is Severity.WARNING
    assert found[0].message.startswith("表四数据行印有 16 个数（0、0、")
    assert found[0].message.endswith("应为 15 个；多出的数与相邻数相同，各列取值不受影响")


def test_unplaced_row_quotes_labels_and_cells() -> None:
    report = make_report()
    report.table2.unplaced.append(Unplaced(raw_cells=["22", "55"], reason="数值个数与列数不符，且无行标签"))
    report.table3.unplaced.append(
        Unplaced(labels=["（六）其", "他处理", "2.申请人逾期", "缴纳费用"], raw_cells=["1"], reason="无法识别行标签")
    )
    report.table4.unplaced.append(Unplaced(labels=["行政复议"], raw_cells=["", "-"], reason="表四只应有一行数据"))
    assert [f.message for f in run(UnplacedRow, report)] == [
        "表二有一行数据无法对应到年报格式的行：没有行标签，印有 22、55；原因：数值个数与列数不符，且无行标签",
        "表三有一行数据无法对应到年报格式的行：标签「2.申请人逾期」「缴纳费用」，印有 1；原因：无法识别行标签",
    ]
    assert run(UnplacedRow, make_report()) == []


def test_nonstandard_layout_one_finding_per_trait() -> None:
    report = make_report()
    report.table3.layout = ["other_total_single_row", "legal_entity_subtotal_column", "category_subtotal_rows"]
    found = run(NonstandardLayout, report)
    assert [f.message for f in found] == [
        "表三“（六）其他处理”印为一行，没有2021年格式的三个子项",
        "表三多印了“法人或其他组织小计”列，年报格式没有此列",
        "表三为（三）不予公开、（四）无法提供等分类印了小计行，年报格式中分类标签不填数字",
    ]
    report.format = "2019"
    assert len(run(NonstandardLayout, report)) == 2
    assert run(NonstandardLayout, make_report()) == []


def test_generic_column_headers_reported() -> None:
    report = make_report()
    report.table3.layout = ["generic_column_headers"]
    found = run(GenericColumnHeaders, report)
    assert len(found) == 1 and "数据1" in found[0].message
    assert run(GenericColumnHeaders, make_report()) == []


def test_row_missing_is_a_warning_when_the_table_was_read_from_positions() -> None:
    report = make_report()
    report.source_format = "pdf"
    _lose_row(report, "granted")
    [found] = run(RowMissing, report)
    assert found.severity is Severity.WARNING
    assert found.message == (
        "表三未找到 1 行：「（一）予以公开」（表格由版面位置还原，也可能是读取时未能分清）；涉及该行的合计未核对"
    )


def test_row_missing_leaves_rows_that_unplaced_numbers_may_fill_to_unplaced_row() -> None:
    """Missing rows and the unplaced numbers that may be theirs are said once, by S113."""
    report = make_report()
    _lose_row(report, "granted")
    _lose_row(report, "partially_granted")
    report.table3.unplaced.append(
        Unplaced(labels=["（一）予以"], raw_cells=["10", "2", "0", "0", "1", "0", "13"], reason="无法识别行标签")
    )
    assert run(RowMissing, report) == []
    [found] = run(UnplacedRow, report)
    assert found.message == (
        "表三有一行数据无法对应到年报格式的行：标签「（一）予以」，印有 10、2、0、0、1、0、13；原因：无法识别行标签；"
        "年报格式中未找到的行：「（一）予以公开」、「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」，"
        "上述数字可能属于这些行，涉及这些行的合计未核对"
    )
    assert found.severity is Severity.WARNING
    assert [r.row for r in found.related] == ["granted", "partially_granted"]


def test_unplaced_row_several_rows_of_a_table_in_one_finding() -> None:
    report = make_report()
    for cells in (["1", "2"], ["3"], ["4"], ["5"], ["6"], ["7"]):
        report.table2.unplaced.append(Unplaced(raw_cells=cells, reason="数值个数与列数不符，且无行标签"))
    report.table2.unplaced.append(Unplaced(raw_cells=["/", ""], reason="无法识别行标签"))
    [found] = run(UnplacedRow, report)
    assert found.message == (
        "表二有 6 行数据无法对应到年报格式的行：没有行标签，印有 1、2（数值个数与列数不符，且无行标签）；"
        + "；".join(f"没有行标签，印有 {n}（数值个数与列数不符，且无行标签）" for n in range(3, 7))
        + "等6行"
    )
    assert len(found.related) == 5


def test_unplaced_row_quotes_a_long_row_bounded() -> None:
    report = make_report()
    report.table3.unplaced.append(Unplaced(labels=["甲" * 100], raw_cells=["0"] * 100_000, reason="无法识别行标签"))
    [found] = run(UnplacedRow, report)
    assert "等100000项" in found.message and len(found.message) < 200


def _misalign(report: AnnualReport, key: str, raw: list[str]) -> None:
    t3 = report.table3
    t3.rows[key] = {c: Cell() for c in t3.rows[key]}
    ev = t3.row_evidence[key]
    ev.raw_cells, ev.alignment = raw, "misaligned"


def test_cell_count_mismatch_a_lost_column_is_one_finding() -> None:
    report = make_report()
    keys = ["new_received", "carried_over", "granted", "partially_granted", "total_processed"]
    for key in keys:
        _misalign(report, key, ["1", "", "", "", "", "1"])
    [found] = run(CellCountMismatch, report)
    assert found.severity is Severity.ERROR
    assert found.message.startswith(
        "表三有 5 行的数字个数与列数（7）不符：「一、本年新收政府信息公开申请数量」印有 6 格（1、空白、空白、空白、空白、1）；"
    )
    assert found.message.endswith(
        "等5行；各行都少 1 格，可能有整列未印出或未能读出；无法确定各数所属列，已保留原文，涉及的合计未核对"
    )
    assert [r.row for r in found.related] == keys[1:]
    report.source_format = "image"
    [scan] = run(CellCountMismatch, report)
    assert scan.severity is Severity.WARNING and scan.message.endswith("（表格由版面位置还原，也可能是读取时未能分清）")
    assert scan.hint.startswith("核对原件中这些行各列的数字；")


def _crawled_table3(report: AnnualReport) -> AnnualReport:
    from gongkai.extract.crawled import RunTogetherTable, run_together_table

    text = "申请人情况 自然人 总计 一、本年新收政府信息公开申请数量 713000074 二、上年结转政府信息公开申请数量 0000000"
    prov = Provenance(file="f.txt", line=3, char=1225)
    report.table3 = run_together_table(RunTogetherTable("table3", text, prov))
    return report


def test_table_run_together_quotes_the_first_row_whose_digits_ran_together() -> None:
    report = _crawled_table3(make_report())
    [found] = run(TableRunTogether, report)
    assert found.message == (
        "表三的各行各格与正文连成一行印出（共 64 字），格与格之间没有分隔，"
        "如「一、本年新收政府信息公开申请数量 713000074」；无法确定各数所属的行和列，表中数字未读取，涉及的合计未核对"
    )
    assert found.severity is Severity.WARNING
    assert found.location.part == "table3" and found.location.describe() == "表三（依申请公开）（第3行第1225字）"
    assert run(TableRunTogether, make_report()) == []


def test_table_run_together_is_said_once() -> None:
    from gongkai.audit import audit

    report = _crawled_table3(make_report())
    codes = [f.code for f in audit(report) if f.location.part == "table3"]
    assert codes == ["S122"]
