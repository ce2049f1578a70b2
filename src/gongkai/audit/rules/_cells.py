"""Shared helpers of the arithmetic and structure rules: cells, sums and locations.

A sum is built from :class:`Term` objects.  Which unprinted values may count
as 0 follows one principle: a cell that is itself a total (the 总计 or 小计
column, a subtotal row, （七）总计) cannot be assumed to be 0 when blank, so
the equation is skipped; a blank leaf cell next to a printed total counts as 0
and the message says so.  A row that was not found, or whose numbers could not
be tied to its columns, is unknown: the reader's failure is never the report's
defect, so an equation with such a term is skipped (the structure rules S104,
S112 and S113 say once what could not be read, quoting the printed text).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from gongkai.audit.describe import column_label, row_label
from gongkai.audit.finding import Location
from gongkai.model import Cell, TableData
from gongkai.model.labels import format_number
from gongkai.model.template import LEGAL_ENTITY_SUBTOTAL, TABLE3_COLUMNS

DERIVED_COLUMNS = frozenset({"total", "legal_entity_subtotal"})
"""table3 columns whose cells are themselves totals."""

CN = {"table2": "表二", "table3": "表三", "table4": "表四"}

LOW_CONFIDENCE = 0.80
"""OCR confidence below which a cell is reported for checking (rule S119)."""
SUSPECT_CONFIDENCE = 0.95
"""An equation that fails names its least confident OCR cell only below this (clean scans read ≥ 0.95)."""


def fmt(value: int | float) -> str:
    """``3`` → ``"3"``, ``2.0`` → ``"2"``, ``0.35`` → ``"0.35"``, ``12345.678`` → ``"12345.678"``."""
    return format_number(value)


def loc(part: str, row: str | None = None, column: str | None = None, cell: Cell | None = None) -> Location:
    return Location(part=part, row=row, column=column, source=cell.provenance if cell is not None else None)


def cell_name(table_id: str, row: str, col: str) -> str:
    """``表三「（一）予以公开·自然人」``"""
    return f"{CN.get(table_id, table_id)}「{row_label(table_id, row)}·{column_label(table_id, col)}」"


def table3_columns(table: TableData) -> list[str]:
    """The seven template columns plus 法人或其他组织小计 when the table prints it."""
    cols = [c.key for c in TABLE3_COLUMNS]
    if any(LEGAL_ENTITY_SUBTOTAL.key in cells for cells in table.rows.values()):
        cols.insert(6, LEGAL_ENTITY_SUBTOTAL.key)
    return cols


def iter_cells(table: TableData) -> Iterator[tuple[str, str, Cell]]:
    """(row key, column key, cell) of every cell, in table order."""
    for row, cells in table.rows.items():
        for col, cell in cells.items():
            yield row, col, cell


@dataclass(frozen=True)
class Term:
    """One addend or side of an equation."""

    row: str
    col: str
    cell: Cell

    @property
    def value(self) -> int | float:
        c = self.cell
        return c.value if c.state == "number" and c.value is not None else 0

    @property
    def printed(self) -> bool:
        return self.cell.state == "number"

    def shown(self) -> str:
        c = self.cell
        if c.state == "number":
            return fmt(self.value)
        if c.state == "marker":
            return f"“{(c.raw or '').strip()}”"
        return "空白"

    def note(self) -> str | None:
        c = self.cell
        if c.state == "marker":
            return f"“{(c.raw or '').strip()}”按0计"
        if c.state == "blank":
            return "空白按0计"
        return None


def term(table: TableData, row: str, col: str, derived: bool = False) -> Term | None:
    """A term of a sum, or None when its value is unknown.

    Unknown: unparseable text; a cell of a row that was not found or whose
    numbers could not be tied to columns (never counted as 0: the row may have
    been lost by the reader); a blank or marker in a cell that is itself a
    total (``derived``).
    """
    cell = table.cell(row, col)
    if cell is None or cell.state in ("absent", "text"):
        return None
    if cell.state in ("blank", "marker") and (derived or col in DERIVED_COLUMNS):
        return None
    return Term(row, col, cell)


def terms(table: TableData, pairs: Iterable[tuple[str, str]], derived: bool = False) -> list[Term] | None:
    """Terms for ``pairs`` of (row, col); None when any of them is unknown."""
    out: list[Term] = []
    for row, col in pairs:
        t = term(table, row, col, derived)
        if t is None:
            return None
        out.append(t)
    return out


def total(ts: Iterable[Term]) -> int | float:
    s: int | float = 0
    for t in ts:
        s += t.value
    return s


class Mismatch(NamedTuple):
    whole: Term
    parts: list[Term]
    sum: int | float
    printed: int | float


def mismatch(whole: Term | None, parts: list[Term] | None) -> Mismatch | None:
    """The whole and its parts when both are known and the sum differs; None when there is nothing to report.

    A whole that is not printed (a row missing from the source) is never checked.
    """
    if whole is None or not whole.printed or parts is None:
        return None
    s = total(parts)
    return None if s == whole.value else Mismatch(whole, parts, s, whole.value)


def expr(ts: list[Term], long: int = 7) -> str:
    """``24＋4``; sums of more than ``long`` terms show only their non-zero numbers."""
    if len(ts) <= long:
        return "＋".join(t.shown() for t in ts)
    shown = [t.shown() for t in ts if t.printed and t.value != 0]
    return "＋".join(shown) if shown else "0"


def sum_text(ts: list[Term]) -> str:
    """``24＋4＝28``, or just ``28`` when the sum has one shown term."""
    e, s = expr(ts), fmt(total(ts))
    return s if e == s else f"{e}＝{s}"


def notes(ts: Iterable[Term]) -> str:
    """``，空白按0计`` (or empty)."""
    seen: list[str] = []
    for t in ts:
        n = t.note()
        if n and n not in seen:
            seen.append(n)
    return "，" + "，".join(seen) if seen else ""


def related(part: str, ts: Iterable[Term]) -> tuple[Location, ...]:
    return tuple(loc(part, t.row, t.col, t.cell) for t in ts)


def suspect(table_id: str, ts: Iterable[Term | None]) -> str:
    """A hint sentence naming the OCR-read cell(s) of lowest confidence among ``ts``.

    Empty unless some term was read by OCR with a confidence below SUSPECT_CONFIDENCE.
    A failed sum from a scan is often one misread digit; this points at the likeliest
    cell without changing any value.
    """
    scored: list[tuple[float, Term]] = []
    for t in ts:
        prov = t.cell.provenance if t is not None else None
        if t is not None and prov is not None and prov.confidence is not None and t.printed:
            scored.append((prov.confidence, t))
    if not scored:
        return ""
    low = min(c for c, _ in scored)
    if low >= SUSPECT_CONFIDENCE:
        return ""
    names = [cell_name(table_id, t.row, t.col) for c, t in scored if c - low < 0.005][:3]
    return f"其中{'、'.join(names)}识别置信度最低（{confidence_text(low)}），可能识别有误，请核对原件。"


def confidence_text(value: float) -> str:
    """``0.796`` → ``"0.79"`` (rounded down, so a value below a threshold never prints as it)."""
    return f"{math.floor(value * 100 + 1e-9) / 100:.2f}"


def row_found(table: TableData, row: str) -> bool:
    ev = table.row_evidence.get(row)
    return row in table.rows and (ev is None or ev.match != "absent")
