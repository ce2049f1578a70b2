"""One sheet of the results workbook, written row by row, set up to read on screen and to print.

Every sheet has its header row frozen and filtered, columns as wide as their widest cell (a
Chinese character counting two, up to each column's cap; longer text wraps) and prints on
A4 landscape, one page wide, the header row repeated on every page, numbered in the footer.
Only the widest width per column is kept while rows stream past, so the widths are set in
:meth:`Sheet.finish`, after the last row.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

A4 = 9
"""xlsxwriter's paper code of A4."""
MAX_LINK = 255
"""Excel's longest link in a HYPERLINK formula: a longer path is shown without its link."""


@dataclass(frozen=True)
class Column:
    """A column: its header and its widest width (in Excel's character units); longer text wraps."""

    header: str
    cap: int = 24


@dataclass(frozen=True)
class Link:
    """A cell linking to ``uri``, showing ``text``."""

    uri: str
    text: str


@dataclass(frozen=True)
class Formats:
    """The workbook's cell formats (xlsxwriter ``Format`` objects)."""

    head: Any
    cell: Any
    wrap: Any
    link: Any

    @classmethod
    def of(cls, book: Any) -> Formats:
        top = {"valign": "top"}
        return cls(
            head=book.add_format(
                {"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "vcenter"}
            ),
            cell=book.add_format(top),
            wrap=book.add_format({**top, "text_wrap": True}),
            link=book.add_format({**top, "font_color": "#0563C1", "underline": 1}),
        )


def text_width(text: str) -> int:
    """Display width of ``text``'s longest line: East Asian wide and full-width characters count two."""
    return max(
        (sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line) for line in text.split("\n")),
        default=0,
    )


def _formula_text(text: str) -> str:
    return text.replace('"', '""')


Value = str | int | float | Link | None


class Sheet:
    """A worksheet whose rows are appended in order (xlsxwriter's constant-memory mode writes each row once)."""

    def __init__(self, book: Any, name: str, columns: Sequence[Column], formats: Formats) -> None:
        self.ws = book.add_worksheet(name)
        self.columns = columns
        self.formats = formats
        self.widths = [text_width(c.header) for c in columns]
        self.rows = 0
        for i, column in enumerate(columns):
            self.ws.write_string(0, i, column.header, formats.head)
        self.ws.freeze_panes(1, 0)
        self.ws.set_paper(A4)
        self.ws.set_landscape()
        self.ws.repeat_rows(0)
        self.ws.fit_to_pages(1, 0)
        self.ws.hide_gridlines(0)
        self.ws.set_footer(f"&L{name}&R第 &P 页，共 &N 页")

    def append(self, values: Sequence[Value]) -> None:
        """Write the next row; ``None`` leaves a cell blank."""
        self.rows += 1
        row = self.rows
        for col, value in enumerate(values):
            if value is None:
                continue
            if isinstance(value, Link):
                self._link(row, col, value)
                shown = value.text
            elif isinstance(value, int | float) and not isinstance(value, bool):
                self.ws.write_number(row, col, value, self.formats.cell)
                shown = str(value)
            else:
                shown = str(value)
                wide = text_width(shown) + 2 > self.columns[col].cap or "\n" in shown
                self.ws.write_string(row, col, shown, self.formats.wrap if wide else self.formats.cell)
            self.widths[col] = max(self.widths[col], text_width(shown))

    def _link(self, row: int, col: int, link: Link) -> None:
        """A HYPERLINK formula: unlike a cell hyperlink, xlsxwriter keeps nothing of it in memory."""
        if len(link.uri) > MAX_LINK:
            self.ws.write_string(row, col, link.text, self.formats.cell)
            return
        formula = f'=HYPERLINK("{_formula_text(link.uri)}","{_formula_text(link.text)}")'
        self.ws.write_formula(row, col, formula, self.formats.link, link.text)

    def finish(self) -> None:
        """Set the column widths and the filter over the rows written."""
        for i, column in enumerate(self.columns):
            self.ws.set_column(i, i, min(column.cap, self.widths[i] + 2))
        self.ws.autofilter(0, 0, self.rows, len(self.columns) - 1)
