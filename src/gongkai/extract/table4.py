"""Table 4 (行政复议、行政诉讼): 15 numbers in one row, or three groups of five."""

from __future__ import annotations

from gongkai.extract.align import identify
from gongkai.extract.records import HeaderTest, Record, build_records
from gongkai.extract.tables import absent_row, align_values, fill_row, printed_column
from gongkai.model import RowEvidence, TableData, UnplacedRow
from gongkai.model.labels import label_key
from gongkai.model.template import TABLE4, TABLE4_FIELDS
from gongkai.readers.raw import RawRow

HEADER = HeaderTest(("结果维持", "结果纠正", "其他结果", "尚未审结", "维持", "纠正", "审结", "总计"))
GROUPS = [r.key for r in TABLE4.rows]


def _unplaced(r: Record, reason: str) -> UnplacedRow:
    return UnplacedRow(
        labels=r.all_labels,
        raw_cells=[c.text for c in r.values],
        reason=reason,
        provenance=r.prov,
    )


def _place_wide(table: TableData, record: Record) -> None:
    """One data row of fifteen cells (or sixteen equal ones)."""
    aligned, alignment = align_values(record.values, 15)
    if aligned is None:
        table.unplaced.append(
            _unplaced(record, f"数据行有 {len(record.values)} 个单元格，应为 15 个，无法确定各数所属的列")
        )
        return
    for g, key in enumerate(GROUPS):
        part = Record([], [], aligned[g * 5 : g * 5 + 5], record.prov)
        fill_row(table, key, TABLE4_FIELDS, part, "exact")
        table.row_evidence[key] = RowEvidence(
            key=key,
            match="exact",
            raw_cells=[c.text for c in record.values],
            expected_cells=15,
            alignment=alignment,
            provenance=record.prov,
        )


def _place_groups(table: TableData, records: list[Record]) -> None:
    """Three rows of five, told apart by their group labels or, failing that, by order."""
    placed: dict[str, Record] = {}
    unlabeled: list[Record] = []
    for r in records:
        ms = identify(r, TABLE4)
        if len(ms) == 1 and ms[0].key not in placed:
            placed[ms[0].key] = r
        else:
            unlabeled.append(r)
    free = [k for k in GROUPS if k not in placed]
    if unlabeled and len(unlabeled) == len(free):
        placed.update(zip(free, unlabeled, strict=True))
        unlabeled = []
    for key, r in placed.items():
        fill_row(table, key, TABLE4_FIELDS, r, "exact")
    for r in unlabeled:
        table.unplaced.append(_unplaced(r, "无法确定属于哪一组（行政复议／直接起诉／复议后起诉）"))


def build_table4(rows: list[RawRow]) -> TableData:
    table = TableData(id="table4", found=True, provenance=rows[0].prov if rows else None)
    records, blocks = build_records(rows, HEADER)
    headers = [r for b in blocks for r in b]
    # rows of group labels (行政复议 / 行政诉讼) with empty cells are headers here, not data
    records = [r for r in records if not (r.blank and r.own_labels)]
    header_text = label_key("".join(r.text for r in headers))
    table.column_evidence = {f.key: printed_column(f, header_text) for f in TABLE4_FIELDS}
    wide = [r for r in records if len(r.values) >= 15]
    if wide:
        _place_wide(table, wide[0])
        for r in records:
            if r is not wide[0]:
                table.unplaced.append(_unplaced(r, "表四只应有一行数据"))
    else:
        _place_groups(table, records)
    for key in GROUPS:
        if key not in table.rows:
            table.rows[key] = absent_row(TABLE4_FIELDS)
            table.row_evidence[key] = RowEvidence(key=key, expected_cells=5)
    table.rows = {k: table.rows[k] for k in GROUPS}
    return table
