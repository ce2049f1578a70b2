"""Older table-3 layouts: （六） as one row, subtotal rows, a 法人或其他组织 subtotal column."""

from __future__ import annotations

from gongkai.extract import extract
from gongkai.model.template import TABLE3
from gongkai.readers import read_bytes

HEAD = "三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t申请人情况\n"
COLS = "\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"


def _doc(table3: str) -> bytes:
    return (
        "某局2024年政府信息公开工作年度报告\n一、总体情况\n正文\n" + table3 + "四、政府信息公开行政复议、行政诉讼情况\n"
    ).encode()


def _rows(lines: list[tuple[str, list[int]]]) -> str:
    return "".join(label + "\t" + "\t".join(map(str, vals)) + "\n" for label, vals in lines)


def _outcomes(six_as_one: bool = False, subtotals: bool = False) -> list[tuple[str, list[int]]]:
    out: list[tuple[str, list[int]]] = []
    for row in TABLE3.rows:
        if row.optional:
            continue
        if six_as_one and row.group == "（六）其他处理":
            if row.key == "other_no_correction":
                out.append(("（六）其他处理", [2, 0, 0, 0, 0, 0, 2]))
            continue
        if subtotals and row.key == "denied_state_secret":
            out.append(("（三）不予公开", [3, 0, 0, 0, 0, 0, 3]))
        value = 1 if row.key in ("denied_state_secret", "denied_query_matters", "granted") else 0
        out.append((row.label, [value, 0, 0, 0, 0, 0, value]))
    return out


def test_older_layouts_other_processing_as_one_row() -> None:
    report = extract(read_bytes(_doc(HEAD + COLS + _rows(_outcomes(six_as_one=True))), "old.txt"))
    table = report.table3
    assert "other_total_single_row" in table.layout
    assert [c.plain() for c in table.rows["other_total"].values()] == [2, 0, 0, 0, 0, 0, 2]
    assert not {"other_no_correction", "other_no_fee", "other_other"} & set(table.rows)
    assert not table.unplaced


def test_older_layouts_category_subtotal_rows_are_kept_apart_from_items() -> None:
    report = extract(read_bytes(_doc(HEAD + COLS + _rows(_outcomes(subtotals=True))), "sub.txt"))
    table = report.table3
    assert "category_subtotal_rows" in table.layout
    assert table.value("denied_total", "total") == 3
    assert table.value("denied_state_secret", "total") == 1
    assert table.value("denied_query_matters", "total") == 1


def test_older_layouts_legal_entity_subtotal_column() -> None:
    cols = "\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t小计\t总计\n"
    lines = [(label, [*vals[:6], sum(vals[1:6]), *vals[6:]]) for label, vals in _outcomes()]
    report = extract(read_bytes(_doc(HEAD + cols + _rows(lines)), "subcol.txt"))
    table = report.table3
    assert "legal_entity_subtotal_column" in table.layout
    assert list(table.rows["granted"]) == [
        "natural_person",
        "commercial_enterprise",
        "research_institution",
        "social_welfare_org",
        "legal_service_org",
        "other_org",
        "legal_entity_subtotal",
        "total",
    ]
    assert table.value("granted", "total") == 1


def test_older_layouts_misaligned_row_keeps_raw_cells_and_values_stay_null() -> None:
    lines = _outcomes()
    lines[0] = (lines[0][0], [5, 5])  # 一、本年新收 printed with two numbers only
    report = extract(read_bytes(_doc(HEAD + COLS + _rows(lines)), "bad.txt"))
    ev = report.table3.row_evidence["new_received"]
    assert (ev.alignment, ev.raw_cells) == ("misaligned", ["5", "5"])
    assert all(c.value is None for c in report.table3.rows["new_received"].values())
