"""Limits that keep one hostile or broken document from stalling a batch.

The per-document time limit is cooperative: readers call :func:`check_deadline`
between pages, so a document stops within one page's work of its limit.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from gongkai.errors import InputError

MAX_BYTES = 50 * 1024 * 1024
"""Largest input file read at all."""
MAX_PAGES = 500
"""Most pages of a PDF or multi-page image."""
MAX_SECONDS = 120.0
"""Default per-document time limit."""
MAX_PIXELS = 60_000_000
"""Most pixels of one image decoded or one page rendered (60 megapixels: an A4 page at 600 dpi is 35)."""
MAX_PAGE_CONTENT_BYTES = 4 * 1024 * 1024
"""Most content one PDF page may have interpreted, forms counted each time they are drawn
(a report page has 30–50 KB; pdfminer needs about 5 s per MB of operators)."""
MAX_PAGE_OBJECTS = 200_000
"""Most characters, lines and images on one PDF page (a dense table page has about 3,000)."""

_deadline: ContextVar[float | None] = ContextVar("gongkai_deadline", default=None)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Run the body with a per-document deadline (None: no limit)."""
    token = _deadline.set(None if seconds is None else time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def check_deadline(where: str = "") -> None:
    """Raise E112 when the current document has used up its time."""
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise InputError("E112", f"处理超时，已停止读取{where}（可用 --timeout 调整每份文件的时限）")


def check_pages(count: int) -> None:
    if count > MAX_PAGES:
        raise InputError("E111", f"共 {count} 页，超出页数上限 {MAX_PAGES} 页")


# --- Content limits: rows, cells and text of one document, enforced while it is read -------------
# Bytes alone do not bound the work: 45 MB of HTML is four million table cells.  Readers count what
# they produce with a ContentBudget and stop (E119) before materialising more than these.

MAX_ROWS = 20_000
"""Most rows (prose lines or paragraphs, and table rows) in one document; a real report has a few hundred."""
MAX_CELLS = 50_000
"""Most table cells in one document; the three tables of a real report have fewer than 2,000."""
MAX_ROW_CELLS = 1_000
"""Most cells in one table row or tab-separated line; a report's widest row has about 15."""
MAX_CHARS = 2_000_000
"""Most characters of text in one document; a long report has about 50,000."""
MAX_ELEMENTS = 200_000
"""Most elements of a web page (HTML), counted while it is parsed; a government page has a few thousand."""
MAX_PARAGRAPHS = 70_000
"""Most paragraphs of a Word document, those inside table cells included (``MAX_ROWS + MAX_CELLS``)."""
MAX_DOCX_XML = 20 * 1024 * 1024
"""Largest uncompressed Word body (``word/document.xml``); a report's is well under 2 MB."""
DEADLINE_EVERY = 256
"""Rows (or elements) between two :func:`check_deadline` calls of a reader's loop."""


def over_limit(what: str) -> InputError:
    """The E119 error; ``what`` says which limit, with the figures (``表格单元格超过 50,000 个``)."""
    return InputError("E119", f"内容超出上限：{what}，远超年度报告的篇幅，已停止读取")


class ContentBudget:
    """What one reader has produced so far; raises E119 past a content limit and E112 past the deadline.

    A reader calls :meth:`row` for each row *before* building its cells, so a hostile
    input stops early instead of after millions of objects exist.
    """

    __slots__ = ("cells", "chars", "rows")

    def __init__(self) -> None:
        self.rows = 0
        self.cells = 0
        self.chars = 0

    def row(self, cells: int, chars: int, where: str = "一行") -> None:
        """Count one row of ``cells`` table cells (0 for prose) holding ``chars`` characters.

        Raises:
            InputError: E119 over a content limit (``where`` names the row), E112 past the deadline.
        """
        if cells > MAX_ROW_CELLS:
            raise over_limit(f"{where}有 {cells:,} 个单元格（上限 {MAX_ROW_CELLS:,} 个）")
        self.rows += 1
        self.cells += cells
        self.chars += chars
        if self.rows > MAX_ROWS:
            raise over_limit(f"文字行和表格行超过 {MAX_ROWS:,} 行")
        if self.cells > MAX_CELLS:
            raise over_limit(f"表格单元格超过 {MAX_CELLS:,} 个")
        if self.chars > MAX_CHARS:
            raise over_limit(f"文字超过 {MAX_CHARS:,} 字")
        if self.rows % DEADLINE_EVERY == 0:
            check_deadline()
