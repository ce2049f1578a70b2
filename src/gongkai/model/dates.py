"""Read a date as people type it: ``2025-01-20``, ``2025/1/20``, ``2025年1月20日``, ``二〇二五年一月二十日``.

A date that has the shape of a date but does not exist (``2025年2月30日``, ``2024-02-30``,
``2025-13-01``) is not silently dropped: :func:`read_date` says why, so the text can be
kept as typed and reported where it was typed (rule M106).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from typing import NamedTuple

_CN_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "O": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN = "〇○零O一二三四五六七八九十"
_NUM = rf"(?:\d{{1,4}}|[{_CN}]{{1,4}})"
_DATE = re.compile(
    rf"^(?P<y>\d{{4}}|[{_CN}]{{4}})\s*(?P<s1>[-/.年])\s*(?P<m>{_NUM})\s*(?P<s2>[-/.月])\s*(?P<d>{_NUM})\s*(?P<u>[日号])?$"
)


class ReadDate(NamedTuple):
    """A typed date: the date, or None with the reason (Chinese) it could not be read."""

    date: dt.date | None
    problem: str | None


def cn_number(text: str) -> int | None:
    """``2025`` / ``二〇二五`` / ``十二`` / ``二十一`` / ``三十`` → the number; None when it is not one.

    >>> cn_number("二〇二五"), cn_number("十一"), cn_number("二十"), cn_number("31")
    (2025, 11, 20, 31)
    """
    if text.isascii() and text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        if "十" in ones or len(tens) > 1 or len(ones) > 1:
            return None
        t = _CN_DIGITS.get(tens, -1) if tens else 1
        o = _CN_DIGITS.get(ones, -1) if ones else 0
        return None if t < 1 or o < 0 else t * 10 + o
    digits = [_CN_DIGITS.get(ch) for ch in text]
    if not digits or any(d is None for d in digits):
        return None
    return int("".join(str(d) for d in digits))


def read_date(text: str) -> ReadDate:
    """The date in ``text`` (the whole text, spaces and full-width digits allowed), or why not.

    >>> read_date("二〇二五年一月二十日").date
    datetime.date(2025, 1, 20)
    >>> read_date("2025年2月30日").problem
    '2025年2月只有28日'
    """
    norm = unicodedata.normalize("NFKC", text).strip()
    m = _DATE.match(norm)
    if m is None or (m.group("s1") == "年") != (m.group("s2") == "月"):
        return ReadDate(None, "无法识别为日期（应写作 2025-01-20 或 2025年1月20日）")
    y, mo, d = (cn_number(m.group(k)) for k in ("y", "m", "d"))
    if y is None or mo is None or d is None:
        return ReadDate(None, "无法识别为日期（应写作 2025-01-20 或 2025年1月20日）")
    if not 1 <= y <= 9999:
        return ReadDate(None, f"没有{y}年")
    if not 1 <= mo <= 12:
        return ReadDate(None, f"没有{mo}月")
    last = calendar.monthrange(y, mo)[1]
    if not 1 <= d <= last:
        return ReadDate(None, f"{y}年{mo}月只有{last}日")
    return ReadDate(dt.date(y, mo, d), None)


__all__ = ["ReadDate", "cn_number", "read_date"]
