"""Table 3 (收到和处理政府信息公开申请情况): 7 applicant columns × 25 rows, plus older layouts."""

from __future__ import annotations

import re
from collections import Counter

from gongkai.extract.align import identify
from gongkai.extract.records import HeaderTest, build_records
from gongkai.extract.tables import assemble, printed_column
from gongkai.model import ColumnEvidence, TableData
from gongkai.model.labels import label_key
from gongkai.model.template import LEGAL_ENTITY_SUBTOTAL, TABLE3, TABLE3_COLUMNS, ColumnSpec
from gongkai.readers.raw import RawRow

HEADER = HeaderTest(
    (
        "勾稽",
        "申请人情况",
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益",
        "法律服务",
        "法人或其他组织",
        "商业企",
        "科研机",
    ),
    (re.compile(r"数据\d"),),
    whole=("总计", "合计", "其他", "小计"),
)
_LAYOUT_2021 = [r.key for r in TABLE3.rows if not r.optional]
_LAYOUT_SINGLE_OTHER = [
    r.key for r in TABLE3.rows if (not r.optional and r.group != "（六）其他处理") or r.key == "other_total"
]
_RANK = {"misprint": 0, "variant": 1, "exact": 2, "position": 3, "absent": 4}
_SIX_ITEMS = {"other_no_correction", "other_no_fee", "other_other"}


def _columns(
    blocks: list[list[RawRow]], widths: Counter[int]
) -> tuple[list[ColumnSpec], dict[str, ColumnEvidence], list[str]]:
    """Column order and the evidence of each printed column label.

    A header printed twice (a table over a page break) is checked printing by
    printing; a label renamed in any printing is reported.
    """
    headers = [r for b in blocks for r in b]
    text = label_key("".join(r.text for r in headers))
    evidence: dict[str, ColumnEvidence] = {}
    for col in TABLE3_COLUMNS:
        found = [printed_column(col, label_key("".join(r.text for r in b))) for b in blocks]
        # the worst printing is reported: a misprint, else a variant, else the template label
        evidence[col.key] = min(found, key=lambda e: _RANK[e.match], default=ColumnEvidence(key=col.key))
    layout: list[str] = []
    columns = list(TABLE3_COLUMNS)
    common = widths.most_common(1)[0][0] if widths else 7
    if common == 8 and "小计" in text:
        pos_sub = text.find("小计")
        pos_other = text.rfind("其他")
        pos_nat = text.find("自然人")
        index = 6 if pos_sub > pos_other >= 0 else (1 if 0 <= pos_nat < pos_sub else 6)
        columns.insert(index, LEGAL_ENTITY_SUBTOTAL)
        evidence[LEGAL_ENTITY_SUBTOTAL.key] = ColumnEvidence(
            key=LEGAL_ENTITY_SUBTOTAL.key, printed_label="小计", match="exact"
        )
        layout.append("legal_entity_subtotal_column")
    if re.search(r"数据\d", "".join(r.text for r in headers)):
        layout.append("generic_column_headers")
    return columns, evidence, layout


def build_table3(rows: list[RawRow]) -> TableData:
    table = TableData(id="table3", found=True, provenance=rows[0].prov if rows else None)
    records, blocks = build_records(rows, HEADER)
    widths: Counter[int] = Counter()
    for r in records:
        widths[len([c for c in r.values if c.text.strip()])] += 1
        widths[len(r.values)] += 1
    columns, evidence, layout = _columns(blocks, widths)
    table.column_evidence = evidence
    keys = set()
    for r in records:
        ms = identify(r, TABLE3)
        if len(ms) == 1 and not (r.blank and TABLE3.row(ms[0].key).optional):
            keys.add(ms[0].key)
    blank_other = any(r.blank and [m.key for m in identify(r, TABLE3)] == ["other_total"] for r in records)
    if blank_other and not keys & _SIX_ITEMS:
        keys.add("other_total")
    if keys & _SIX_ITEMS or "other_total" not in keys:
        slots = _LAYOUT_2021
    else:
        slots = _LAYOUT_SINGLE_OTHER
        layout.append("other_total_single_row")
    assemble(table, TABLE3, records, slots, len(columns), columns)
    if keys & {"denied_total", "unavailable_total", "not_processed_total"} or (
        keys & _SIX_ITEMS and "other_total" in keys
    ):
        layout.append("category_subtotal_rows")
    table.layout = layout
    return table
