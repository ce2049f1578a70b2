"""Crawled one-line text: a report whose body runs on one line, split back into rows.

A site archive's text copy prints the title, then the whole report on one line,
the cells of each table row run together without a separator
(``一、本年新收政府信息公开申请数量 713000074``).  Such a line is split at the six
section headings, found inside it by what they say; the narrative is cut at
sentence ends before its sub-headings (（一）…), the signature off the end.  A
table's text is kept whole and apart: its cells cannot be told apart without
guessing, so it is reported as unreadable (rule S122) with its raw text, and no
digit is ever split.  Every new row keeps its line and its character position.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from gongkai.extract.sections import ORG_END, Heading, find_headings, section_of
from gongkai.limits import check_deadline
from gongkai.model import Provenance, TableData, UnplacedRow
from gongkai.readers.raw import RawCell, RawRow

MIN_LENGTH = 300
"""A line shorter than this is never a whole report."""

_WINDOW = 38
"""Longest heading looked for after its numeral (a section heading is under 40 characters)."""
_NUMERAL = re.compile(r"([一二三四五六])\s*[、.．]\s*")
_HEADING_STOP = re.compile(r"[\s。；;，,：:\d（()）]")
_CLOSING = ("的事项", "事项", "的情况", "情况", "概况", "措施", "举措", "方向")
_SUBHEADING = re.compile(r"(?<=[。；;])\s*(?=[（(][一二三四五六七八九十]{1,2}[）)]|[一二三四五六七八九十]{1,2}是)")
_TABLE_START: dict[int, tuple[str, tuple[re.Pattern[str], ...]]] = {
    2: ("table2", (re.compile(r"第二十条|信息内容"),)),
    3: ("table3", (re.compile(r"[（(]本列数据|申请人情况"), re.compile(r"本年新收政府信息公开申请数量\s*\d"))),
    4: ("table4", (re.compile(r"行政复议[^。；;，,\d]{0,60}?(?:结果|维持|审结)"),)),
}
"""Where a section's table starts, tried in order (the narrative before it may name its rows)."""
_WORD_BREAK = re.compile(r"\s+|\d+(?![\d年月日\s])|(?=\d{4}\s*年)")
_TITLE_END = re.compile(r"(?:政府信息公开|政务公开)\s*(?:工作)?\s*年度?报告")
_TITLE_START = re.compile(
    r"[^\s\d《》，。；：:、]{2,30}\s*\d{4}\s*年|\d{4}\s*年度?\s*[^\s\d《》，。；：:、]{2,30}?(?:政府信息公开|政务公开)"
)
_SIGNATURE = re.compile(
    r"(?P<org>[\u3400-\u9fff（）()]{2,30}?)\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?P<rest>.{0,40})$"
)
_Add = Callable[[int, int], None]
"""Adds the text between two positions of the line as a row."""


@dataclass(frozen=True, slots=True)
class RunTogetherTable:
    """A table's text from a crawled line: kept as printed, never split into cells."""

    table_id: str
    text: str
    prov: Provenance


@dataclass(frozen=True, slots=True)
class _Heading:
    number: int
    start: int
    end: int


def inline_headings(text: str) -> list[_Heading]:
    """Section headings printed inside ``text``, in section order (the first fitting one of each)."""
    found: list[_Heading] = []
    last = 0
    for i, m in enumerate(_NUMERAL.finditer(text)):
        if i % 1024 == 1023:
            check_deadline("（查找章节标题时）")
        stop = _HEADING_STOP.search(text, m.end(), m.end() + _WINDOW)
        window = text[m.end() : stop.start() if stop else m.end() + _WINDOW]
        hit = _heading_in(m.group(1), window, last)
        if hit is None:
            continue
        number, length = hit
        found.append(_Heading(number, m.start(), m.end() + length))
        last = number
        if last == 6:
            break
    return found


def _heading_in(numeral: str, window: str, after: int) -> tuple[int, int] | None:
    """(section number, heading length) of the shortest heading of a section past ``after`` starting ``window``."""
    whole = section_of(f"{numeral}、{window}")
    if whole is None or whole[0] <= after:
        return None  # no shorter start names a section either, or not a later one
    for end in range(2, len(window) + 1):
        hit = section_of(f"{numeral}、{window[:end]}")
        if hit is None or hit[0] <= after:
            continue
        closing = next((c for c in _CLOSING if window.startswith(c, end)), "")
        return hit[0], end + len(closing)
    return None


def split_crawled(
    rows: list[RawRow], headings: list[Heading] | None = None
) -> tuple[list[RawRow], list[RunTogetherTable]]:
    """Rows with every crawled line split into its parts, and the tables found in them.

    Only a document whose headings are not on lines of their own is crawled text: a
    preamble listing “一、总体情况，二、主动公开政府信息情况……” stays one paragraph.
    ``headings`` are those :func:`find_headings` found in ``rows``, when already known.
    The rows are returned as given (the same list) when nothing was split.
    """
    if len(find_headings(rows) if headings is None else headings) >= 2:
        return rows, []
    out: list[RawRow] = []
    tables: list[RunTogetherTable] = []
    split = False
    for row in rows:
        text = row.text
        inline = inline_headings(text) if row.kind == "text" and len(text) >= MIN_LENGTH else []
        if len(inline) < 2:
            out.append(row)
            continue
        check_deadline("（拆分连成一行的正文时）")
        parts, found = _split(text, inline, row.prov)
        out.extend(parts)
        tables.extend(found)
        split = True
    return (out, tables) if split else (rows, [])


def _split(text: str, headings: list[_Heading], prov: Provenance) -> tuple[list[RawRow], list[RunTogetherTable]]:
    rows: list[RawRow] = []
    tables: list[RunTogetherTable] = []

    def add(start: int, end: int) -> None:
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            at = prov.model_copy(update={"char": (prov.char or 1) + start + lead})
            rows.append(RawRow([RawCell(piece.strip(), at)], "text"))

    _preamble(text, headings[0].start, add)
    for h, nxt in zip(headings, [*[x.start for x in headings[1:]], len(text)], strict=True):
        add(h.start, h.end)
        body = h.end
        table_id, starts = _TABLE_START.get(h.number, ("", ()))
        m = next((found for p in starts if (found := p.search(text, h.end, nxt))), None)
        if m is not None:
            _prose(text, body, m.start(), add)
            at = prov.model_copy(update={"char": (prov.char or 1) + m.start()})
            tables.append(RunTogetherTable(table_id, text[m.start() : nxt].strip(), at))
        elif h is headings[-1]:
            _last(text, body, nxt, add)
        else:
            _prose(text, body, nxt, add)
    return rows, tables


def _preamble(text: str, end: int, add: _Add) -> None:
    """Before section 一: what precedes the title, the title (within the line's first words), the preamble."""
    m = _TITLE_END.search(text, 0, min(end, 120))
    # the title starts at the line's start, after a space or a number that is no date's, or at a year
    starts = [0] + [w.end() for w in _WORD_BREAK.finditer(text, 0, m.start())] if m else []
    start = next((s for s in reversed(starts) if _TITLE_START.match(text, s, m.end())), None) if m else None
    if m is None or start is None:
        _prose(text, 0, end, add)
        return
    add(0, start)
    add(start, m.end())
    _prose(text, m.end(), end, add)


def _prose(text: str, start: int, end: int, add: _Add) -> None:
    """Narrative, cut into paragraphs where a sentence ends before a sub-heading (（一）, 一是)."""
    for m in _SUBHEADING.finditer(text, start, end):
        add(start, m.start())
        start = m.start()
    add(start, end)


def _last(text: str, start: int, end: int, add: _Add) -> None:
    """The last section: its narrative, then the signature (agency, date) on rows of their own."""
    stop = text.rfind("。", start, end) + 1 or start
    m = _SIGNATURE.search(text, stop, end)
    if m is None or not ORG_END.search(m.group("org")):
        _prose(text, start, end, add)
        return
    _prose(text, start, m.start("org"), add)
    add(m.start("org"), m.end("org"))
    add(m.start("date"), m.end("date"))
    add(m.start("rest"), end)


RUN_TOGETHER = "cells_run_together"
"""Layout trait of a table read from a crawled line: found, its text kept, no cell read."""


def run_together_table(table: RunTogetherTable) -> TableData:
    """The table as found but unread: its whole text kept as one unplaced row."""
    return TableData(
        id=table.table_id,
        found=True,
        layout=[RUN_TOGETHER],
        unplaced=[
            UnplacedRow(raw_cells=[table.text], reason="表格与正文连成一行，各格之间没有分隔", provenance=table.prov)
        ],
        provenance=table.prov,
    )
