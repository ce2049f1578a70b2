"""Chinese names of report parts, rows and columns for messages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gongkai.model.template import LEGAL_ENTITY_SUBTOTAL, SECTIONS, TABLE2, TABLE2_2019, TABLE3, TABLE4, TABLES

if TYPE_CHECKING:
    from gongkai.audit.finding import Location

_PART_NAMES = {
    "table2": "表二（主动公开）",
    "table3": "表三（依申请公开）",
    "table4": "表四（复议诉讼）",
    "metadata": "报告信息",
    "document": "全文",
}
for _s in SECTIONS:
    _PART_NAMES[f"section{_s.number}"] = f"第{_s.title[0]}部分"


def row_label(table: str, row: str) -> str:
    """Template label of a row, shortened for messages."""
    specs = [TABLES.get(table)] + ([TABLE2_2019] if table == "table2" else [])
    for spec in specs:
        if spec is None:
            continue
        for r in spec.rows:
            if r.key == row:
                if table == "table3" and r.group:
                    return f"{r.group[:3]}{r.label}"
                return r.label.split("（区分")[0]
    return row


def column_label(table: str, column: str) -> str:
    if table == "table3":
        for c in (*TABLE3.columns, LEGAL_ENTITY_SUBTOTAL):
            if c.key == column:
                return c.label
    for spec in (TABLE2, TABLE2_2019, TABLE4):
        if spec.id != table:
            continue
        for r in spec.rows:
            for f in r.fields:
                if f.key == column:
                    return f.label
    return column


def part_name(part: str) -> str:
    return _PART_NAMES.get(part, part)


def describe_location(loc: Location) -> str:
    """``表三（依申请公开）·（一）予以公开·自然人（第89行）``"""
    text = part_name(loc.part)
    if loc.row:
        text += "·" + row_label(loc.part, loc.row)
    if loc.column:
        text += "·" + column_label(loc.part, loc.column)
    if loc.source is not None:
        where = loc.source.describe()
        if where:
            text += f"（{where}）"
    return text
