"""Label normalisation shared by the readers, the extractor and the audit.

Labels in real reports carry spaces and line breaks, half- or full-width
brackets, different quotes and list punctuation.  :func:`label_key` reduces a
label to the characters that identify it (CJK characters, letters and
digits), so that every spelling of the same label gives the same key.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

_KEEP = re.compile(r"[^0-9A-Za-z\u3400-\u9fff]+")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，：；（）", "0123456789.,:;()")


@lru_cache(maxsize=8192)
def label_key(text: str) -> str:
    """Reduce a label to its identifying characters.

    >>> label_key("（三） 不予公开\\n1. 属于国家秘密")
    '三不予公开1属于国家秘密'
    """
    return _KEEP.sub("", unicodedata.normalize("NFKC", text))


def safe_date(y: str | int, m: str | int, d: str | int) -> dt.date | None:
    """The date, or None when it does not exist (``2025, 2, 30``)."""
    try:
        return dt.date(int(y), int(m), int(d))
    except (ValueError, OverflowError):
        return None


def shorten(value: object, limit: int = 50) -> str:
    """A value quoted in a message: at most ``limit`` characters, then ``…（共N字）`` (never echo unbounded input)."""
    s = str(value)
    return s if len(s) <= limit else f"{s[:limit]}…（共{len(s)}字）"


def text_width(text: str) -> float:
    """The printed width of ``text`` in em: CJK and full-width characters 1, others ½."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


def squash(text: str) -> str:
    """Remove all whitespace (labels are printed with spaces and line breaks)."""
    return "".join(text.split())


def to_halfwidth_digits(text: str) -> str:
    """Full-width digits and number punctuation to ASCII; leaves other text alone."""
    return text.translate(_FULLWIDTH)


def format_number(value: int | float) -> str:
    """A number as printed: integers plainly, decimals without float noise (``0.35``, not ``0.35000000000000003``)."""
    import decimal

    if isinstance(value, bool):
        raise TypeError("bool is not a cell value")
    if isinstance(value, int):
        return str(value)
    if value.is_integer():
        return str(int(value))
    text = format(decimal.Decimal(repr(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_date(value: object) -> str:
    """``2024年1月15日``, as reports print dates (signature, statistical period); ``""`` for no date."""
    import datetime as dt

    if not isinstance(value, dt.date):
        return ""
    return f"{value.year}年{value.month}月{value.day}日"
