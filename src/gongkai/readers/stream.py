"""Borderless ("stream") tables: find them on a page from text positions alone.

A web page printed to PDF, or a Word table without borders, has no ruling lines:
its tables are only text set in columns.  This module finds them:

1. the page's characters are grouped into *lines* (by baseline: the vertical
   centre of each character, within a quarter of the text height) and each line
   into *tokens* (runs of characters closer than a fifth of the text height: the
   padding between two table cells is wider than the gap inside a word);
2. a *data line* has a value token (a number, or a marker such as ``/``) after
   another token; a table region grows from its data lines up through its
   header lines and down through wrapped label lines, and stops at a prose line
   (a sentence, a section heading such as ``三、收到和处理政府信息公开申请情况``, or a
   line across most of the page) or at a vertical gap wider than two lines;
3. a region with two data lines (or one wide data row under a header) becomes a
   table: :func:`gongkai.readers.stream_grid.region_rows` builds its cells.

Prose never becomes a table: a paragraph line has no gaps between its tokens and
no value tokens after a gap.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from statistics import median

from gongkai.readers.layout import Word, line_text
from gongkai.readers.raw import RawRow

_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$")
_ANNOTATED = re.compile(r"^[+-]?\d+(\.\d+)?\s*([（(].*[)）]|件|个|条|项|次|份|元|万元|人次|人)$")
_MARKERS = frozenset({"/", "／", "—", "——", "-", "--", "–", "―", "－", "\\", "×", "…", "无"})
_PAGE_NUMBER = re.compile(r"^[-—–－]+\s*\d{1,4}\s*[-—–－]+$|^第\s*\d{1,4}\s*页")
_SENTENCE_END = ("。", "；", ";", "！", "？", "：", ":")
_SECTION_HEADING = re.compile(r"^[一二三四五六七八九十]{1,2}\s*[、.．]\s*\S{2,40}(情况|事项|措施)$")
TOKEN_GAP = 0.2
"""A gap wider than this many text heights ends a token."""
LINE_GAP = 2.0
"""A vertical gap wider than this many text heights ends a table region."""


@dataclass(slots=True)
class Token:
    """A run of characters on one line with no cell padding inside it."""

    words: list[Word]
    text: str
    value: bool
    x0: float
    top: float
    x1: float
    bottom: float
    line: int = -1

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass(slots=True)
class Line:
    """Tokens sharing a baseline, left to right."""

    tokens: list[Token]
    top: float
    bottom: float
    words: list[Word] = field(default_factory=list)

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


def is_value(text: str) -> bool:
    """A number, a number with a unit or note (``251000元``, ``22（其中修订16件）``) or a marker like ``/``."""
    t = text.replace(" ", "")
    return bool(_NUMBER.match(t) or _ANNOTATED.match(t)) or t in _MARKERS


def text_height(words: list[Word]) -> float:
    return median(w.bottom - w.top for w in words) if words else 1.0


def make_token(words: list[Word]) -> Token:
    text = line_text(words)
    return Token(
        words,
        text,
        is_value(text),
        min(w.x0 for w in words),
        min(w.top for w in words),
        max(w.x1 for w in words),
        max(w.bottom for w in words),
    )


def page_lines(words: list[Word], h: float) -> list[Line]:
    """Characters grouped by baseline (centre within ``h / 4`` of the line's first character), then into tokens."""
    groups: list[tuple[float, list[Word]]] = []
    for w in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        cy = (w.top + w.bottom) / 2
        for anchor, members in reversed(groups[-4:]):
            if abs(cy - anchor) <= h / 4:
                members.append(w)
                break
        else:
            groups.append((cy, [w]))
    lines: list[Line] = []
    for _, members in groups:
        members.sort(key=lambda w: w.x0)
        runs: list[list[Word]] = [[members[0]]]
        for prev, w in itertools.pairwise(members):
            if w.x0 - prev.x1 > TOKEN_GAP * h or w.text == " " or prev.text == " ":
                runs.append([])
            if w.text != " ":
                runs[-1].append(w)
        tokens = [make_token(r) for r in runs if r]
        if tokens:
            lines.append(Line(tokens, min(t.top for t in tokens), max(t.bottom for t in tokens), members))
    lines.sort(key=lambda ln: ln.cy)
    for i, line in enumerate(lines):
        for t in line.tokens:
            t.line = i
    return lines


def is_data(line: Line) -> bool:
    """A table row's numbers: values after a label (or two values), and nothing but values after the first.

    A justified prose line such as ``息 37 条，按照…`` has text after its number.
    """
    tokens = line.tokens
    first = next((i for i, t in enumerate(tokens) if t.value), None)
    if len(tokens) < 2 or first is None or not all(t.value for t in tokens[first:]):
        return False
    return len(tokens) - first >= 2 or first > 0


def is_prose(line: Line, page_width: float) -> bool:
    """A sentence, a section heading, a page number (``— 3 —``) or one run across most of the page:
    never part of a table."""
    widest = max(t.width for t in line.tokens)
    text = "".join(t.text for t in line.tokens).strip()
    if _PAGE_NUMBER.match(text):
        return True
    if text.endswith(_SENTENCE_END) and (len(line.tokens) == 1 or widest > 0.3 * page_width):
        return True  # a sentence, even with a gap before a number (Word spaces digits in CJK text)
    if len(line.tokens) != 1:
        return False
    return bool(_SECTION_HEADING.match(text.replace(" ", ""))) or widest > 0.75 * page_width


def _regions(lines: list[Line], h: float, page_width: float) -> list[tuple[int, int]]:
    """Line index ranges ``[start, end)`` of the table regions of a page."""
    out: list[tuple[int, int]] = []
    margins = {round(ln.tokens[0].x0) for ln in lines if is_prose(ln, page_width)}
    i = 0
    while i < len(lines):
        if not _data(lines[i], page_width) or any(a <= i < b for a, b in out):
            i += 1
            continue
        end, last_data = i + 1, i
        while end < len(lines) and _joins(lines[end - 1], lines[end], h, page_width):
            if _data(lines[end], page_width):
                last_data = end
            end += 1
        end = _trail(lines, last_data, end, h)
        data = [ln for ln in lines[i:end] if _data(ln, page_width)]
        start = _head(lines, i, out[-1][1] if out else 0, data, (h, page_width, margins))
        wide = any(sum(t.value for t in ln.tokens) >= 3 for ln in data) and start < lines.index(data[0])
        if (len(data) >= 2 and _aligned(data)) or wide:
            out.append((start, end))
        i = end
    return out


def _head(lines: list[Line], first: int, floor: int, data: list[Line], page: tuple[float, float, set[int]]) -> int:
    """Where a region starts: its header lines above the first line of numbers.

    The lines joined above it are the header down from the highest one that is a row
    of cells (two tokens or more) or a caption over the value columns; a single line
    above those (the last line of a paragraph, a sub-heading) stays prose.  A caption
    that starts where the page's paragraphs start is prose too.
    """
    h, page_width, margins = page
    vleft = min(next(t.x0 for t in ln.tokens if t.value) for ln in data)
    start = top = first
    while top > floor and _joins(lines[top - 1], lines[top], h, page_width):
        top -= 1
        line = lines[top]
        caption = line.tokens[0].x0 >= vleft - h and not any(abs(line.tokens[0].x0 - m) <= 1 for m in margins)
        if len(line.tokens) >= 2 or caption:
            start = top
    return start


def _data(line: Line, page_width: float) -> bool:
    """A line of numbers whose label is not a run of prose across most of the page."""
    return is_data(line) and max(t.width for t in line.tokens) <= 0.6 * page_width


def _aligned(data: list[Line]) -> bool:
    """Two lines of numbers with a value in the same column (prose ending in a number does not line up)."""
    seen: list[Token] = []
    for line in data:
        values = [t for t in line.tokens if t.value]
        if any(min(t.x1, o.x1) - max(t.x0, o.x0) > 0 for t in values for o in seen):
            return True
        seen += values
    return False


def _joins(above: Line, below: Line, h: float, page_width: float) -> bool:
    """Two lines of one region: close (for the smaller text of the two) and neither of them prose."""
    near = below.top - above.bottom <= LINE_GAP * min(h, above.bottom - above.top, below.bottom - below.top)
    return near and not is_prose(above, page_width) and not is_prose(below, page_width)


def _trail(lines: list[Line], last_data: int, end: int, h: float) -> int:
    """The region ends at its last line of numbers, plus what belongs under it: the wrapped lines of its
    label, and rows left blank (a label alone, in the label column, one row further down each)."""
    data = [i for i in range(last_data + 1) if is_data(lines[i])][-6:]
    gaps = sorted(lines[b].top - lines[a].bottom for a, b in itertools.pairwise(data))
    pitch = max(0.6 * h, 1.2 * gaps[len(gaps) // 2]) if gaps else 0.6 * h
    firsts = [lines[i].tokens[0] for i in data if not lines[i].tokens[0].value]
    stop = last_data + 1
    while stop < end and stop - last_data <= 4:
        line, prev = lines[stop], lines[stop - 1]
        t = line.tokens[0]
        in_labels = any(t.x0 < f.x1 and f.x0 < t.x1 for f in firsts)
        if is_data(line) or len(line.tokens) != 1 or line.top - prev.bottom > pitch or not in_labels:
            break
        stop += 1
    return stop


def stream_tables(
    words: list[Word], *, page: int, path: str, table_start: int
) -> tuple[list[tuple[float, list[RawRow]]], list[Word], int]:
    """The borderless tables among ``words``: (top, rows) per table, the words left over, the next table index."""
    from gongkai.readers.stream_grid import region_rows

    if not words:
        return [], words, table_start
    h = text_height(words)
    page_width = max(w.x1 for w in words) - min(w.x0 for w in words)
    lines = page_lines(words, h)
    found: list[tuple[float, list[RawRow]]] = []
    used: set[int] = set()
    table = table_start
    for start, end in _regions(lines, h, page_width):
        inside = lines[start:end]
        rows = region_rows(
            inside, text_height([w for ln in inside for w in ln.words]), page=page, path=path, table=table
        )
        if rows:
            found.append((lines[start].top, rows))
            used.update(range(start, end))
            table += 1
    rest = [w for i, line in enumerate(lines) if i not in used for w in line.words]
    return found, rest, table
