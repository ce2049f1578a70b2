"""The three tables of the 2021 format as printed grids, shared by the document renderers.

Each table is a list of rows of :class:`GridCell`; header and label cells carry their
printed text and spans (as in the official template, 国办公开办函〔2021〕30号), value
cells carry the ``(row_key, field_key)`` of the model cell they show.  The DOCX, HTML,
PDF and Markdown renderers lay these grids out; none of them spells a label itself.

Column widths are those of the official blank template (twips, 1/1440 inch).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from gongkai.model import TABLE2, TABLE3, TABLE4, Cell
from gongkai.model.labels import format_date as format_date
from gongkai.model.labels import format_number as format_number
from gongkai.model.template import G3, G4, G5, G6

CellKind = Literal["head", "label", "value"]
Scope = Literal["col", "colgroup", "row", "rowgroup"]


@dataclass(frozen=True, slots=True)
class GridCell:
    text: str = ""
    rowspan: int = 1
    colspan: int = 1
    kind: CellKind = "head"
    key: tuple[str, str] | None = None
    """``(row_key, field_key)`` of a value cell."""
    scope: Scope | None = None
    """Scope of a header cell (HTML ``<th scope>``)."""


@dataclass(frozen=True, slots=True)
class Grid:
    table_id: str
    title: str
    columns: int
    widths: tuple[int, ...]
    """Column widths in twips, from the official template."""
    rows: tuple[tuple[GridCell, ...], ...]
    head_rows: int
    """How many rows at the top are column headers (repeated on each page)."""


HEADER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
RESULTS_GROUP = "三、本年度办理结果"
TABLE4_GROUPS = (("行政复议", 5), ("行政诉讼", 10))

_T2_GROUPS = (
    ("第二十条第（一）项", ("regulations", "normative_documents")),
    ("第二十条第（五）项", ("administrative_licensing",)),
    ("第二十条第（六）项", ("administrative_penalty", "administrative_coercion")),
    ("第二十条第（八）项", ("administrative_fees",)),
)


def _head(text: str, rowspan: int = 1, colspan: int = 1, scope: Scope = "col") -> GridCell:
    return GridCell(text, rowspan, colspan, "head", None, scope)


def _label(text: str, rowspan: int = 1, colspan: int = 1, scope: Scope = "row") -> GridCell:
    return GridCell(text, rowspan, colspan, "label", None, scope)


def _value(row: str, field: str, colspan: int = 1) -> GridCell:
    return GridCell("", 1, colspan, "value", (row, field))


def table2_grid() -> Grid:
    rows: list[tuple[GridCell, ...]] = []
    for group, keys in _T2_GROUPS:
        specs = [TABLE2.row(k) for k in keys]
        fields = TABLE2.fields_of(specs[0])
        rows.append((_head(group, colspan=4, scope="colgroup"),))
        span = 4 - len(fields) if len(fields) == 1 else 1
        rows.append((_head("信息内容"), *(_head(f.label, colspan=span) for f in fields)))
        for spec in specs:
            rows.append((_label(spec.label), *(_value(spec.key, f.key, span) for f in fields)))
    return Grid("table2", TABLE2.title, 4, (2438,) * 4, tuple(rows), 0)


def table3_grid() -> Grid:
    cols = TABLE3.columns
    rows: list[tuple[GridCell, ...]] = [
        (_head(HEADER_NOTE, 3, 3, scope="col"), _head("申请人情况", colspan=7, scope="colgroup")),
        (_head(cols[0].label, 2), _head("法人或其他组织", colspan=5, scope="colgroup"), _head(cols[6].label, 2)),
        tuple(_head(c.label) for c in cols[1:6]),
    ]
    groups = {G3: 8, G4: 3, G5: 5, G6: 3}
    seen: set[str] = set()
    leaf = [r for r in TABLE3.rows if not r.optional]
    outcomes = sum(1 for r in leaf if r.key not in ("new_received", "carried_over", "carried_forward"))
    for spec in leaf:
        values = tuple(_value(spec.key, c.key) for c in cols)
        lead: list[GridCell] = []
        if spec.key == "granted":
            lead.append(_label(RESULTS_GROUP, rowspan=outcomes, scope="rowgroup"))
        if spec.group is not None:
            if spec.group not in seen:
                seen.add(spec.group)
                lead.append(_label(spec.group, rowspan=groups[spec.group], scope="rowgroup"))
            rows.append((*lead, _label(spec.label), *values))
        elif spec.key in ("new_received", "carried_over", "carried_forward"):
            rows.append((_label(spec.label, colspan=3), *values))
        else:
            rows.append((*lead, _label(spec.label, colspan=2), *values))
    widths = (754, 921, 3271) + (685,) * 7
    return Grid("table3", TABLE3.title, 10, widths, tuple(rows), 3)


def table4_grid() -> Grid:
    fields = TABLE4.rows[0].fields
    first = tuple(_head(name, colspan=span, scope="colgroup") for name, span in TABLE4_GROUPS)
    second = (
        *(_head(f.label, 2) for f in fields),
        _head("未经复议直接起诉", colspan=5, scope="colgroup"),
        _head("复议后起诉", colspan=5, scope="colgroup"),
    )
    third = tuple(_head(f.label) for f in fields) * 2
    values = tuple(_value(r.key, f.key) for r in TABLE4.rows for f in fields)
    widths = (646,) * 7 + (652,) * 8
    return Grid("table4", TABLE4.title, 15, widths, (first, second, third, values), 3)


GRIDS = {"table2": table2_grid, "table3": table3_grid, "table4": table4_grid}
SECTION_OF_TABLE = {"table2": 2, "table3": 3, "table4": 4}
"""The section each table is printed in."""


def cell_text(cell: Cell | None) -> str:
    """What a renderer prints for a model cell: the number, the marker/text as given, or nothing.

    A number printed with an annotation or unit (``22（其中修订16件）``, ``251000元``) is printed
    as it was, so the annotation is not lost.
    """
    if cell is None:
        return ""
    if cell.state == "number" and cell.value is not None:
        if cell.note and cell.raw and cell.note in cell.raw:
            return " ".join(cell.raw.split())
        if cell.note:
            return f"{format_number(cell.value)}（{cell.note}）"
        return format_number(cell.value)
    if cell.state in ("marker", "text") and cell.raw is not None:
        return cell.raw
    return ""
