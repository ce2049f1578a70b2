"""What stands behind one cell of a computed report: the records its provenance names, described.

A computed cell's provenance carries the references of the records counted
(``application:17``, ``review_case:3``, ``document:5``, ``figure:2``; see :mod:`gongkai.cases.report`);
:func:`records_of` finds them in the register and describes each for a person.
"""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.cases.records import APPLICANT_LABELS, Register
from gongkai.errors import RegisterError
from gongkai.model import TABLES, AnnualReport

REVIEW_LABELS = {
    "administrative_review": "行政复议",
    "litigation_direct": "行政诉讼（未经复议直接起诉）",
    "litigation_after_review": "行政诉讼（复议后起诉）",
}
KIND_LABELS = {"application": "依申请公开", "review_case": "复议诉讼", "document": "规范性文件", "figure": "年度数据"}


@dataclass(frozen=True, slots=True)
class CellRecord:
    """One record behind a cell: its kind, id, 编号 (applications, review cases) and a description."""

    ref: str
    kind: str
    kind_label: str
    id: str
    number: str
    text: str


def cell_labels(table: str, row: str, column: str) -> tuple[str, str, str]:
    """The official labels of a table, row and column (E204 when the template has no such cell)."""
    spec = TABLES.get(table)
    if spec is None:
        raise RegisterError("E204", f"没有这张表：{table}")
    try:
        row_spec = spec.row(row)
    except KeyError:
        raise RegisterError("E204", f"{spec.short}没有这一行：{row}") from None
    fields = {f.key: f.label for f in spec.fields_of(row_spec)}
    if column not in fields:
        raise RegisterError("E204", f"{spec.short}“{row_spec.label}”行没有这一列：{column}")
    label = f"{row_spec.group}·{row_spec.label}" if row_spec.group else row_spec.label
    return f"{spec.short}（{spec.title}）", label, fields[column]


def cell_refs(report: AnnualReport, table: str, row: str, column: str) -> tuple[str, ...]:
    """The record references behind one cell (none for a blank cell or a computed 0)."""
    cell_labels(table, row, column)
    cell = report.table(table).cell(row, column)
    if cell is None or cell.provenance is None:
        return ()
    return tuple(cell.provenance.records or ())


def records_of(register: Register, refs: tuple[str, ...]) -> list[CellRecord]:
    """The records ``refs`` name, described (a reference to a record no longer there is listed as such)."""
    apps = {a.id: a for a in register.applications}
    cases = {c.id: c for c in register.reviews}
    docs = {d.id: d for d in register.documents}
    figures = {f.id: f for f in register.figures}
    out: list[CellRecord] = []
    for ref in refs:
        kind, _, record_id = ref.partition(":")
        number, text = "", "（记录不存在或已作废）"
        if kind == "application" and record_id in apps:
            a = apps[record_id]
            number = a.number
            who = APPLICANT_LABELS.get(a.applicant_type, a.applicant_type)
            text = f"{a.received.isoformat()} 收到，申请人类型：{who}" + (f"；{a.content}" if a.content else "")
        elif kind == "review_case" and record_id in cases:
            c = cases[record_id]
            number = c.number
            text = f"{REVIEW_LABELS.get(c.kind, c.kind)}，{c.filed_on.isoformat()} 立案"
        elif kind == "document" and record_id in docs:
            d = docs[record_id]
            number = d.doc_number
            abolished = f"，{d.abolished_on.isoformat()} 废止" if d.abolished_on else ""
            text = f"{d.title}（{d.issued_on.isoformat()} 制发{abolished}）"
        elif kind == "figure" and record_id in figures:
            f = figures[record_id]
            text = f"{f.year}年 {f.key} = {f.value}" + (f"（{f.note}）" if f.note else "")
        out.append(CellRecord(ref, kind, KIND_LABELS.get(kind, kind), record_id, number, text))
    return out


__all__ = ["KIND_LABELS", "CellRecord", "cell_labels", "cell_refs", "records_of"]
