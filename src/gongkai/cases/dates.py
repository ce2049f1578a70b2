"""Dates as staff type them: ``2025-03-04``, ``2025/3/4``, ``2025.3.4``, ``2025年3月4日``."""

from __future__ import annotations

import datetime as dt
import re

_DATE = re.compile(r"(\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*(?:-|/|\.|月)\s*(\d{1,2})\s*日?")
WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
FIRST_YEAR, LAST_YEAR = 1990, 2100
"""The years a register's date may fall in: a date outside is a slip (2205 for 2025) the clock cannot count with."""


def parse_date(text: str) -> dt.date:
    """The date ``text`` names, or ValueError with a Chinese message."""
    m = _DATE.fullmatch(text.strip())
    if m is None:
        raise ValueError(f"“{text}”不是日期（应写作 YYYY-MM-DD，例如 2025-10-09）")
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise ValueError(f"“{text}”不是有效的日期（该日不存在）") from None


def in_range(on: dt.date) -> bool:
    """Whether ``on`` falls in :data:`FIRST_YEAR`–:data:`LAST_YEAR`."""
    return FIRST_YEAR <= on.year <= LAST_YEAR


def out_of_range(what: str) -> str:
    """``日期“…”超出范围（应在 1990 到 2100 年之间）``: the message for a date outside the years."""
    return f"{what}超出范围（应在 {FIRST_YEAR} 到 {LAST_YEAR} 年之间）"


def weekday(on: dt.date) -> str:
    """``周六``."""
    return WEEKDAYS[on.weekday()]


__all__ = ["FIRST_YEAR", "LAST_YEAR", "WEEKDAYS", "in_range", "out_of_range", "parse_date", "weekday"]
