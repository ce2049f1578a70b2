"""Locate the three table regions in a row stream."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gongkai.extract.sections import Heading
from gongkai.model.labels import squash
from gongkai.readers.raw import RawRow

_T2_START = re.compile(r"第二十条第?[（(]?[一1]")
_T2_ANY = re.compile(r"第二十条第?[（(]?[一二三四五六七八九十\d]")
_T3_START = ("勾稽", "申请人情况")
_T3_FALLBACK = ("本年新收政府信息公开申请", "本年新收")
_T4_FIELDS = ("结果维持", "结果纠正", "尚未审结")


@dataclass(frozen=True, slots=True)
class Regions:
    table2: tuple[int, int] | None
    table3: tuple[int, int] | None
    table4: tuple[int, int] | None


def _short(row: RawRow) -> str | None:
    """Joined text of a row if it is table-like (not a sentence)."""
    text = squash(row.text)
    if row.kind == "text" and (len(text) > 60 or text.endswith(("。", "；"))):
        return None
    return text


def _heading_index(headings: list[Heading], number: int) -> int | None:
    for h in headings:
        if h.number == number:
            return h.index
    return None


def _first(rows: list[RawRow], start: int, end: int, test: tuple[str, ...] | re.Pattern[str]) -> int | None:
    for i in range(max(start, 0), min(end, len(rows))):
        text = _short(rows[i])
        if text is None:
            continue
        if isinstance(test, re.Pattern):
            if test.search(text):
                return i
        elif any(t in text for t in test):
            return i
    return None


def locate(rows: list[RawRow], headings: list[Heading]) -> Regions:
    n = len(rows)
    h2 = _heading_index(headings, 2)
    h3 = _heading_index(headings, 3)
    h4 = _heading_index(headings, 4)
    h5 = _heading_index(headings, 5)
    h6 = _heading_index(headings, 6)
    after_h1 = _heading_index(headings, 1) or 0

    t2_start = _first(rows, h2 if h2 is not None else after_h1, h3 if h3 is not None else n, _T2_START)
    if t2_start is None:
        t2_start = _first(rows, h2 if h2 is not None else after_h1, h3 if h3 is not None else n, _T2_ANY)

    t3_from = h3 if h3 is not None else (t2_start if t2_start is not None else after_h1)
    t3_to = h4 if h4 is not None else (h5 if h5 is not None else n)
    t3_start = _first(rows, t3_from, t3_to, _T3_START)
    if t3_start is None:
        t3_start = _first(rows, t3_from, t3_to, _T3_FALLBACK)

    t4_from = h4 if h4 is not None else (t3_start + 1 if t3_start is not None else after_h1)
    t4_to = h5 if h5 is not None else (h6 if h6 is not None else n)
    t4_start = _first(rows, t4_from, t4_to, _T4_FIELDS)
    if t4_start is not None:
        # include group labels printed just above the field header (行政复议 / 行政诉讼)
        while (
            t4_start - 1 > t4_from
            and _short(rows[t4_start - 1]) is not None
            and any(w in squash(rows[t4_start - 1].text) for w in ("行政复议", "行政诉讼", "复议后起诉"))
        ):
            t4_start -= 1
    if t4_start is None:
        t4_start = _first(rows, t4_from, t4_to, ("行政复议",))

    t2_end = t3_start if t3_start is not None else (h3 if h3 is not None else (h4 if h4 is not None else n))
    if h3 is not None and t2_start is not None and t2_start < h3 < t2_end:
        t2_end = h3  # prose between heading 三 and table 3 belongs to section 三
    t3_end = t4_start if t4_start is not None else t3_to
    if h4 is not None and t3_start is not None and h4 > t3_start:
        t3_end = min(t3_end, h4)
    t4_end = t4_to
    return Regions(
        table2=(t2_start, t2_end) if t2_start is not None and t2_end > t2_start else None,
        table3=(t3_start, t3_end) if t3_start is not None and t3_end > t3_start else None,
        table4=(t4_start, t4_end) if t4_start is not None and t4_end > t4_start else None,
    )
