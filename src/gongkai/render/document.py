"""The printed report as a sequence of blocks, the one place that decides what is printed in what order.

title → preamble paragraphs → for each section: heading, its paragraphs, its table
(table2 in 二, table3 in 三, table4 in 四) → signature (agency, date, right-aligned).

Also decided here, for every renderer alike: where a long title breaks (the agency, then
the year and the rest, as 公文 titles are set); which paragraphs open with a
（一）-level sub-heading (set in 楷体 by the renderers, as the 公文 convention sets
一、 in 黑体, （一） in 楷体 and the body in 仿宋); and that table 3 starts a new page,
as in the official template (with its heading when section 三 has no text before it).

Every document renderer (DOCX, HTML, PDF, Markdown) walks these blocks, so the
formats cannot drift apart.  No business logic here: totals, placeholders and
defaults are settled before a report reaches a renderer (:mod:`gongkai.write`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from gongkai.model import SECTIONS, AnnualReport
from gongkai.model.grid import GRIDS, SECTION_OF_TABLE, Grid, cell_text, format_date

DRAFT_MARK = "草稿"


NEW_PAGE_TABLES = frozenset({"table3"})
"""Tables that start a new page, as in the official template."""
SUBHEADING_MAX = 40
"""Longest （一）-level sub-heading (characters): up to its first 。, or a whole short line."""
_YEAR = re.compile(r"\d{4}\s*年")
_SUBHEADING = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[)）]")


def title_lines(title: str) -> list[str]:
    """Where a long title may break: the agency on one line, ``2023年政府信息公开工作年度报告`` on the next
    (as 公文 titles are set, and as the readers join a title broken over two lines)."""
    m = _YEAR.search(title)
    return [title[: m.start()], title[m.start() :]] if m and m.start() > 0 else [title]


def subheading_length(text: str) -> int:
    """How many leading characters of a paragraph are its （一）-level sub-heading (0 for none).

    ``（一）主动公开情况。本年度……`` → up to and including the first 。; a short line
    without one (``（三）政府信息管理``) is a sub-heading on its own line.
    """
    if not _SUBHEADING.match(text):
        return 0
    stop = text.find("。")
    if 0 <= stop < SUBHEADING_MAX:
        return stop + 1
    return len(text) if stop < 0 and len(text) <= SUBHEADING_MAX else 0


@dataclass(frozen=True, slots=True)
class Title:
    text: str

    @property
    def lines(self) -> list[str]:
        return title_lines(self.text)


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading (一、总体情况 …); ``new_page`` when it (and its table) starts a new page."""

    number: int
    text: str
    new_page: bool = False


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    role: Literal["preamble", "body"] = "body"
    lead: int = 0
    """Length of the （一）-level sub-heading the paragraph opens with (0: none; ``len(text)``: the whole line)."""

    @property
    def subheading(self) -> str:
        return self.text[: self.lead]

    @property
    def rest(self) -> str:
        return self.text[self.lead :]


@dataclass(frozen=True, slots=True)
class Table:
    grid: Grid
    values: dict[tuple[str, str], str]
    """Printed text of each value cell, by ``(row_key, field_key)``; blank cells are ``""``."""
    new_page: bool = False

    def text(self, key: tuple[str, str] | None) -> str:
        return self.values.get(key, "") if key is not None else ""


@dataclass(frozen=True, slots=True)
class Signature:
    lines: tuple[str, ...]


Block = Title | Heading | Paragraph | Table | Signature


def _paragraphs(text: str, role: Literal["preamble", "body"] = "body") -> list[Paragraph]:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return [Paragraph(line, role, subheading_length(line) if role == "body" else 0) for line in lines]


def table_block(report: AnnualReport, table_id: str, new_page: bool = False) -> Table:
    grid = GRIDS[table_id]()
    data = report.table(table_id)
    values: dict[tuple[str, str], str] = {}
    for row in grid.rows:
        for cell in row:
            if cell.key is not None:
                values[cell.key] = cell_text(data.cell(*cell.key))
    return Table(grid, values, new_page)


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
        paragraphs = _paragraphs(section.text) if section is not None else []
        table = table_id is not None and report.table(table_id).found
        new_page = table and table_id in NEW_PAGE_TABLES
        title = section.title if section and section.title else spec.title
        out.append(Heading(spec.number, title, new_page=new_page and not paragraphs))
        out += paragraphs
        if table and table_id is not None:
            out.append(table_block(report, table_id, new_page=new_page and bool(paragraphs)))
    meta = report.metadata
    date = format_date(meta.signature_date) or meta.typed_dates.get("signature_date", "")  # a typo kept as typed
    lines = [line for line in (meta.signature_agency or "", date) if line]
    if lines:
        out.append(Signature(tuple(lines)))
    return out
