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
