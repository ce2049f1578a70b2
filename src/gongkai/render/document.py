"""The printed report as a sequence of blocks, the one place that decides what is printed in what order.

title → preamble paragraphs → for each section: heading, its paragraphs, its table
(table2 in 二, table3 in 三, table4 in 四) → signature (agency, date, right-aligned).

Every document renderer (DOCX, HTML, PDF, Markdown) walks these blocks, so the
formats cannot drift apart.  No business logic here: totals, placeholders and
defaults are settled before a report reaches a renderer (:mod:`gongkai.write`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from gongkai.model import SECTIONS, AnnualReport
from gongkai.model.grid import GRIDS, SECTION_OF_TABLE, Grid, cell_text, format_date

DRAFT_MARK = "草稿"


@dataclass(frozen=True, slots=True)
class Title:
    text: str


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading (一、总体情况 …)."""

    number: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    role: Literal["preamble", "body"] = "body"


@dataclass(frozen=True, slots=True)
class Table:
    grid: Grid
    values: dict[tuple[str, str], str]
    """Printed text of each value cell, by ``(row_key, field_key)``; blank cells are ``""``."""

    def text(self, key: tuple[str, str] | None) -> str:
        return self.values.get(key, "") if key is not None else ""


@dataclass(frozen=True, slots=True)
class Signature:
    lines: tuple[str, ...]


Block = Title | Heading | Paragraph | Table | Signature


def _paragraphs(text: str, role: Literal["preamble", "body"] = "body") -> list[Paragraph]:
    return [Paragraph(line.strip(), role) for line in text.split("\n") if line.strip()]


def table_block(report: AnnualReport, table_id: str) -> Table:
    grid = GRIDS[table_id]()
    data = report.table(table_id)
    values: dict[tuple[str, str], str] = {}
    for row in grid.rows:
        for cell in row:
            if cell.key is not None:
                values[cell.key] = cell_text(data.cell(*cell.key))
    return Table(grid, values)


def report_title(report: AnnualReport) -> str:
    meta = report.metadata
    if meta.title:
        return meta.title
    year = f"{meta.year}年" if meta.year else ""
    return f"{meta.agency or ''}{year}政府信息公开工作年度报告"


def blocks(report: AnnualReport) -> list[Block]:
    """The report in print order."""
    out: list[Block] = [Title(report_title(report))]
    out += _paragraphs(report.preamble, "preamble")
    tables_in = {number: table_id for table_id, number in SECTION_OF_TABLE.items()}
    for spec in SECTIONS:
        section = report.section(spec.number)
        table_id = tables_in.get(spec.number)
        if section is None and table_id is None:
            continue
        out.append(Heading(spec.number, section.title if section and section.title else spec.title))
        if section is not None:
            out += _paragraphs(section.text)
        if table_id is not None and report.table(table_id).found:
            out.append(table_block(report, table_id))
    meta = report.metadata
    date = format_date(meta.signature_date) or meta.typed_dates.get("signature_date", "")  # a typo kept as typed
    lines = [line for line in (meta.signature_agency or "", date) if line]
    if lines:
        out.append(Signature(tuple(lines)))
    return out
