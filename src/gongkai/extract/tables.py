"""Assemble TableData from a region's records: cells with raw text, value and provenance."""

from __future__ import annotations

from collections.abc import Sequence

from gongkai.extract.align import Placement, place
from gongkai.extract.records import Record
from gongkai.limits import check_deadline
from gongkai.model import Cell, ColumnEvidence, ColumnSpec, RowEvidence, TableData, TableSpec, UnplacedRow
from gongkai.model.labels import label_key
from gongkai.model.numbers import parse_cell
from gongkai.model.report import CellState
from gongkai.readers.raw import RawCell

Alignment = str


def align_values(cells: Sequence[RawCell], n: int) -> tuple[list[RawCell] | None, Alignment]:
    """Fit a record's value cells to ``n`` columns without guessing, in time linear in the cells.

    Blank cells at either edge may be layout (merged label cells, a trailing
    tab); they are dropped only when exactly one way of dropping them leaves
    ``n`` cells.  Extra cells that are all equal (sixteen zeros for fifteen
    columns) give the same values whichever way they align: ``redundant`` —
    but only up to twice the columns; a row printing more equal values than
    that is not a repeated cell and stays unread.
    """
    k = len(cells)
    if k == n:
        return list(cells), "exact"
    if k < n:
        return None, "misaligned"
    texts = [c.text.strip() for c in cells]
    lead = next((i for i, t in enumerate(texts) if t), k)
    trail = next((i for i, t in enumerate(reversed(texts)) if t), k)
    # window i (cells i … i+n-1) is valid when every cell outside it is blank
    lo, hi = max(0, k - n - trail), min(lead, k - n)
    if lo == hi:
        return list(cells[lo : lo + n]), "trimmed"
    if k <= 2 * n and len(set(texts)) == 1:
        return list(cells[:n]), "redundant"
    if lo < hi and len(set(texts[lo : hi + n])) == 1:
        # every valid window reads the same texts
        return list(cells[lo : lo + n]), "trimmed"
    return None, "misaligned"


def _blank_is_row(record: Record, spec: TableSpec, slots: list[str]) -> bool:
    from gongkai.extract.align import identify

    ms = identify(record, spec)
    if len(ms) != 1:
        return False
    row = spec.row(ms[0].key)
    return not row.optional or row.key in slots


def printed_column(col: ColumnSpec, header_key: str) -> ColumnEvidence:
    """How a column's label appears in header text (already reduced with ``label_key``).

    The template label wins; else a known misprint; else a known variant; else absent.
    """
    if label_key(col.label) in header_key:
        return ColumnEvidence(key=col.key, printed_label=col.label, match="exact")
    for kind, texts in (("misprint", col.misprints), ("variant", col.variants)):
        for text in texts:
            if label_key(text) in header_key:
                return ColumnEvidence(key=col.key, printed_label=text, match=kind)
    return ColumnEvidence(key=col.key)


def make_cell(raw: RawCell, note: str | None = None) -> Cell:
    parsed = parse_cell(raw.text)
    state: CellState = parsed.state
    return Cell(
        raw=raw.text,
        value=parsed.value,
        state=state,
        note=parsed.note if parsed.note else note,
        provenance=raw.prov,
    )


def absent_row(fields: Sequence[ColumnSpec]) -> dict[str, Cell]:
    return {f.key: Cell() for f in fields}


def fill_row(
    table: TableData,
    key: str,
    fields: Sequence[ColumnSpec],
    record: Record,
    match: str,
) -> None:
    """Put a placed record's values into ``table.rows[key]`` and record the evidence."""
    aligned, alignment = align_values(record.values, len(fields))
    evidence = RowEvidence(
        key=key,
        printed_label=record.printed_label or None,
        match=match,
        raw_cells=[c.text for c in record.values],
        expected_cells=len(fields),
        alignment=alignment,
        provenance=record.prov,
    )
    table.row_evidence[key] = evidence
    if aligned is None:
        table.rows[key] = absent_row(fields)
        return
    offset = record.values.index(aligned[0]) if aligned else 0
    table.rows[key] = {
        f.key: make_cell(c, record.notes.get(offset + i)) for i, (f, c) in enumerate(zip(fields, aligned, strict=True))
    }


def assemble(
    table: TableData,
    spec: TableSpec,
    records: list[Record],
    slots: list[str],
    width: int | None,
    columns: Sequence[ColumnSpec] | None = None,
) -> list[Placement]:
    """Place records and fill ``table``.  ``width`` is the shared column count (table3) or None.

    Blank records (every value cell empty) are data rows only when their label
    names a row; a group label row such as ``（三）不予公开`` with empty cells
    is dropped unless the layout prints that group as one row.
    """
    records = [r for r in records if not r.blank or _blank_is_row(r, spec, slots)]
    fits = [width is not None and align_values(r.values, width)[0] is not None for r in records]
    placements = place(records, spec, slots, fits)
    for p in placements:
        check_deadline("（提取统计表时）")
        if p.key is None:
            table.unplaced.append(
                UnplacedRow(
                    labels=p.record.all_labels,
                    raw_cells=[c.text for c in p.record.values],
                    reason=p.reason or "无法识别行标签",
                    provenance=p.record.prov,
                )
            )
            continue
        row = spec.row(p.key)
        fields = columns if columns is not None else spec.fields_of(row)
        fill_row(table, p.key, fields, p.record, p.match)
    expected = set(slots) if slots else {r.key for r in spec.rows if not r.optional}
    for row in spec.rows:
        if row.key not in table.rows and row.key in expected:
            fields = columns if columns is not None else spec.fields_of(row)
            table.rows[row.key] = absent_row(fields)
            table.row_evidence[row.key] = RowEvidence(key=row.key, expected_cells=len(fields))
    table.rows = {r.key: table.rows[r.key] for r in spec.rows if r.key in table.rows}
    return placements
