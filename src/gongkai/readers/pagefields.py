"""Page fields: what a government web page prints around a report, not report text.

Sites print fields such as ``发布时间：2024-01-20 09:30``, ``来源：某县人民政府 时间：2024年1月20日``
or a table ``发布机构 | 某县某局 | 公开日期 | 2024-01-17`` above the article, and a browser's printout
or a crawler's text copy keeps them.  The publication date is read from them (the reader's hints and
the extractor's metadata), and a line made only of such fields is kept out of the report's text.

A bare ``时间`` / ``日期`` label counts only as a field of its own (not ``统计时间``, ``采集时间``,
``成文日期``), with a colon, and a date range (``2023年1月1日至12月31日``) is never a field.
"""

from __future__ import annotations

import datetime as dt
import re

from gongkai.model.labels import safe_date

_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FULLWIDTH_DIGIT = re.compile("[０-９]")
_OWN = r"(?<![\u3400-\u9fff])"
"""Not glued to a preceding Chinese character: ``时间`` alone, not the end of ``统计时间``."""

_PUB_LONG = "发布时间|发布日期|公开日期|公开时间|发表时间|发表日期"
_PUB_BARE = "时间|日期"
_DATE = (
    r"(?P<y>\d{4})\s*(?:[-/.－／．]\s*(?P<m>\d{1,2})\s*[-/.－／．]\s*(?P<d>\d{1,2})"
    r"|年\s*(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})(?:\s*日)?)(?![\d日])"
    r"(?:(?:\s+|T|-)\d{1,2}[:：]\d{2}(?:[:：]\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_NOT_RANGE = r"(?!\s*(?:至|到|起|止|—|–|－|~|～))"
_OPEN = r"(?:[\[【〔(（]\s*)?"
_CLOSE = r"(?:\s*[\]】〕)）])?"

PUBLICATION = re.compile(
    rf"(?:{_OPEN}(?P<label>{_PUB_LONG}){_CLOSE}\s*[:：]?"
    rf"|{_OWN}{_OPEN}(?P<bare>{_PUB_BARE}){_CLOSE}\s*[:：])\s*{_DATE}{_NOT_RANGE}"
)
"""A publication-date field: ``发布时间：2024-01-20 09:30``, ``[ 公开日期 ] 2024-01-17``, ``时间：2024年1月20日``."""

_DATE_AT_START = re.compile(rf"^\s*{_DATE}")

_OTHER_LONG = (
    "信息来源|文章来源|发布机构|发布单位|责任编辑|浏览次数|浏览量|访问量|访问次数|点击数|点击量|阅读次数|阅读量"
    "|成文日期|更新时间|更新日期|采集时间|索引号"
)
_OTHER_BARE = "来源|作者|编辑|字号|字体|标题|单位"
_LABEL = re.compile(
    rf"{_OPEN}(?:{_PUB_LONG}|{_OTHER_LONG}){_CLOSE}\s*[:：]?|{_OWN}{_OPEN}(?:{_PUB_BARE}|{_OTHER_BARE}){_CLOSE}\s*[:：]"
)
_SENTENCE = re.compile(r"[。；;，,！？!?]")
_RANGE = re.compile(r"\d\s*日?\s*(?:至|到|起|止)")


def normalize(text: str) -> str:
    """ASCII digits, Markdown emphasis removed, runs of whitespace as one space (punctuation kept as printed)."""
    if _FULLWIDTH_DIGIT.search(text):
        text = text.translate(_DIGITS)
    return " ".join(text.replace("*", " ").split())


def publication_field(text: str) -> re.Match[str] | None:
    """The first publication-date field in ``text`` (already :func:`normalize`-d)."""
    return PUBLICATION.search(text)


def field_date(m: re.Match[str]) -> dt.date | None:
    """The date of a :data:`PUBLICATION` (or leading-date) match; None when it cannot exist (2024-02-30)."""
    return safe_date(m.group("y"), m.group("m") or m.group("m2"), m.group("d") or m.group("d2"))


def leading_date(text: str) -> re.Match[str] | None:
    """A date at the start of ``text`` (a meta tag's content: ``2024-01-20 10:00``, ``2024-01-20-10:00:00``)."""
    return _DATE_AT_START.match(text.translate(_DIGITS))


def is_label(text: str) -> bool:
    """A page-field label alone (``发布时间：``, ``[ 公开日期 ]``), its value in the next cell or line."""
    return _LABEL.fullmatch(normalize(text)) is not None


def is_field_line(text: str) -> bool:
    """A line made only of page fields (``来源：某县人民政府 发布时间：2024-01-20 浏览次数：96``).

    It starts with a known label, is short, has no sentence punctuation and no date range.
    """
    s = normalize(text)
    if not s or len(s) > 160 or _SENTENCE.search(s) or _RANGE.search(s):
        return False
    return _LABEL.match(s) is not None


def is_date_line(text: str) -> bool:
    """A line holding only a date (and time): the value under a label printed on the line above."""
    s = normalize(text)
    m = _DATE_AT_START.match(s)
    return m is not None and not s[m.end() :].strip()
