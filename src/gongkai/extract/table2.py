"""Table 2 (主动公开政府信息情况, 第二十条): four small tables; the 2019 trial format too."""

from __future__ import annotations

import re

from gongkai.extract.records import HeaderTest, build_records
from gongkai.extract.tables import assemble, printed_column
from gongkai.model import ColumnEvidence, TableData, TableSpec
from gongkai.model.labels import label_key
from gongkai.model.template import TABLE2, TABLE2_2019
from gongkai.readers.raw import RawRow

HEADER = HeaderTest(
    (
        "信息内容",
        "第二十条",
        "本年制发",
        "本年废止",
        "本年度止",
        "现行有效",
        "本年处理决定",
        "本年收费金额",
        "本年新制作",
        "本年新公开",
        "对外公开总",
        "上一年项目",
        "本年增",
        "处理决定数量",
        "采购项目",
        "采购总金额",
    ),
)
_MARKERS_2019 = re.compile(r"本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|第二十条第?[（(]?九")


def is_2019(rows: list[RawRow]) -> bool:
    return any(_MARKERS_2019.search(r.text.replace(" ", "")) for r in rows)


def _column_evidence(headers: list[RawRow], spec: TableSpec) -> dict[str, ColumnEvidence]:
    text = label_key("".join(r.text for r in headers))
    out: dict[str, ColumnEvidence] = {}
    for row in spec.rows:
        for f in row.fields:
            out.setdefault(f.key, printed_column(f, text))
    return out


def build_table2(rows: list[RawRow]) -> tuple[TableData, bool]:
    """The table and whether it is in the 2019 trial format."""
    old = is_2019(rows)
    spec = TABLE2_2019 if old else TABLE2
    table = TableData(id="table2", found=True, provenance=rows[0].prov if rows else None)
    records, blocks = build_records(rows, HEADER)
    headers = [r for b in blocks for r in b]
    table.column_evidence = _column_evidence(headers, spec)
    assemble(table, spec, records, [], None)
    if old:
        table.layout.append("format_2019")
    return table, old
