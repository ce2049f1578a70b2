"""The cells of a borderless table region: columns, wrapped text, rows and spans.

* **Columns** come from the x extents of the tokens, narrowest first: numbers and
  header words found the columns, a token that then overlaps two columns spans
  them (``法人或其他组织`` over five columns, a row label over the label columns).
  Values are found in the column their box lies in, so a blank cell stays blank
  and a value never moves left.
* **Wrapped text** is joined into one block: a line that fills its column, followed
  closely by a line in the same columns, aligned with it (same start, centre or
  end), that does not start a new item (``1.``, ``（二）``, ``三、``).  Two lines on two rows of numbers are two cells, except in a
  group column (a label with other labels to its right, such as ``（三）不予公开``).
* **Rows** are the lines of numbers, plus the label or header blocks that touch
  none (a row left blank, a header row).  Header blocks whose tops are within a
  line of each other share a row, unless their columns overlap.
* **Group labels** span rows: each one's rows are found by dividing the rows it may
  cover (its columns free, a label to its right) among the group labels of the
  column so that each label sits in the middle (or at the top) of its rows; rows
  before the first label are a group continued from the previous page.

The rows come out in the shape of the ruled path and of the HTML reader:
``RawRow(kind="cells")`` with ``colspan``/``rowspan`` and each cell's page and box.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gongkai.model import Provenance
from gongkai.readers.layout import Word, bounds, join_parts, line_text
from gongkai.readers.raw import RawCell, RawRow
from gongkai.readers.stream import Line, Token, is_data
from gongkai.readers.stream_groups import place_groups

_EPS = 0.5
_ITEM = re.compile(
    r"^([0-9０-９]{1,2}\s*[.．、]|[（(][一二三四五六七八九十0-9]{1,3}[)）]|[一二三四五六七八九十]{1,3}\s*[、．.])"
)
JOIN_GAP = 0.45
"""Wrapped lines of one cell are closer than this many text heights (rows are further apart)."""
FULL = 1.5
"""A line ending within this many text heights of its column's right edge filled the column: it wrapped."""


@dataclass(slots=True, eq=False)
class Block:
    """One cell's text: tokens joined top to bottom, spanning columns ``c0..c1``."""

    tokens: list[Token]
    c0: int
    c1: int
    group: bool = False
    row: int = -1
    rowspan: int = 1

    @property
    def top(self) -> float:
        return min(t.top for t in self.tokens)

    @property
    def bottom(self) -> float:
        return max(t.bottom for t in self.tokens)

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    def words(self) -> list[Word]:
        return [w for t in self.tokens for w in t.words]


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def columns(tokens: list[Token]) -> list[list[float]]:
    """Column extents ``[x0, x1]``, left to right, from token extents taken narrowest first."""
    cols: list[list[float]] = []
    for t in sorted(tokens, key=lambda t: (t.width, t.x0)):
        hits = [c for c in cols if _overlap(t.x0, t.x1, c[0], c[1]) > _EPS]
        if len(hits) > 1:
            continue
        if not hits:
            cols.append([t.x0, t.x1])
            continue
        c = hits[0]
        x0, x1 = min(c[0], t.x0), max(c[1], t.x1)
        if not any(o is not c and _overlap(x0, x1, o[0], o[1]) > _EPS for o in cols):
            c[0], c[1] = x0, x1
    return sorted(cols)


def span(t: Token, cols: list[list[float]]) -> tuple[int, int]:
    hit = [i for i, c in enumerate(cols) if _overlap(t.x0, t.x1, c[0], c[1]) > _EPS]
    if hit:
        return hit[0], hit[-1]
    cx = (t.x0 + t.x1) / 2
    i = min(range(len(cols)), key=lambda i: abs((cols[i][0] + cols[i][1]) / 2 - cx))
    return i, i


class Grid:
    """Working state of one region: tokens placed in columns, blocks, rows."""

    def __init__(self, lines: list[Line], h: float) -> None:
        self.h = h
        self.lines = lines
        self.tokens = [t for ln in lines for t in ln.tokens]
        self.cols = columns(self.tokens)
        self.spans = {id(t): span(t, self.cols) for t in self.tokens}
        self.data = {i for i, ln in enumerate(lines) if is_data(ln)}
        self.vstart = self._value_start()
        self.first = min(self.data) if self.data else len(lines)
        self.index = {id(t): i for i, ln in enumerate(lines) for t in ln.tokens}
        self.group_like = {id(t) for t in self.tokens if self._has_label_right(t)}

    def _value_start(self) -> int:
        """The first value column: right of every row label, at the latest where the first number is.

        A column left of every number but right of the labels (printed blank throughout) is a value column.
        """
        values = [self.spans[id(t)][0] for i in self.data for t in self.lines[i].tokens if t.value]
        labels = [
            self.spans[id(tokens[k - 1])][1] + 1
            for tokens in (self.lines[i].tokens for i in self.data)
            for k in [next(j for j, t in enumerate(tokens) if t.value)]
            if k > 0
        ]
        return min([min(values)] + ([max(labels)] if labels else [])) if values else 0

    def label(self, t: Token) -> bool:
        return self.spans[id(t)][0] < self.vstart

    def _has_label_right(self, t: Token) -> bool:
        if not self.label(t):
            return False
        return any(
            o is not t and self.label(o) and o.x0 >= t.x1 and t.top - self.h <= o.cy <= t.bottom + self.h
            for o in self.tokens
        )

    def _full(self, t: Token) -> bool:
        c1 = self.spans[id(t)][1]
        return self.cols[c1][1] - t.x1 <= FULL * self.h

    def _continues(self, last: Token, t: Token) -> bool:
        """Whether ``t`` is the next line of the cell whose last line is ``last``."""
        (a0, a1), (b0, b1) = self.spans[id(last)], self.spans[id(t)]
        li, ti = self.index[id(last)], self.index[id(t)]
        if ti == li or not (a0 <= b0 and b1 <= a1) or t.top - last.bottom > JOIN_GAP * self.h:
            return False
        if (t.value and ti in self.data) or _ITEM.match(t.text) or not self._full(last):
            return False
        if min(abs(t.x0 - last.x0), abs(t.x1 + t.x0 - last.x1 - last.x0) / 2, abs(t.x1 - last.x1)) > self.h / 2:
            return False  # a wrapped line starts (left), centres or ends (right) where the line above does
        if any(o is not t and a0 <= self.spans[id(o)][1] and self.spans[id(o)][0] <= a1 for o in self.lines[ti].tokens):
            return False  # another cell on that line lies under the wrapped cell: a row of cells below it
        two_rows = li in self.data and ti in self.data
        return not two_rows or (id(last) in self.group_like and id(t) in self.group_like)

    def blocks(self) -> list[Block]:
        out: list[Block] = []
        for t in sorted(self.tokens, key=lambda t: (t.top, t.x0)):
            open_ = [b for b in out if self._continues(b.tokens[-1], t)]
            if open_:
                best = min(open_, key=lambda b: t.top - b.tokens[-1].bottom)
                best.tokens.append(t)
                continue
            c0, c1 = self.spans[id(t)]
            out.append(Block([t], c0, c1))
        for b in out:
            b.group = any(id(t) in self.group_like for t in b.tokens)
        return out

    def touched(self, b: Block) -> list[int]:
        """Lines of numbers a block lies beside."""
        lo, hi = b.top - self.h / 4, b.bottom + self.h / 4
        return [i for i in sorted(self.data) if lo <= self.lines[i].cy <= hi]


def _rows(grid: Grid, blocks: list[Block]) -> list[float]:
    """Row anchors (y, top to bottom), setting each non-group block's row; group blocks are placed later.

    A block beside lines of numbers belongs to the nearest (a value to the line of its
    first token, a wrapped label to the line at its middle); the other blocks start rows
    of their own, one per cluster of tops within a line.
    """
    anchors: dict[int, float] = {i: grid.lines[i].cy for i in grid.data}  # key: data line index
    row_of: dict[int, int] = {}  # id(block) -> anchor key
    seeds: list[Block] = []
    for b in blocks:
        if b.group:
            continue
        near = grid.touched(b)
        if near:
            y = b.cy if grid.label(b.tokens[0]) else b.tokens[0].cy
            row_of[id(b)] = min(near, key=lambda i: abs(grid.lines[i].cy - y))
        else:
            seeds.append(b)
    key, cluster_top, used = -1, -1e9, set[int]()
    for b in sorted(seeds, key=lambda b: b.top):
        mine = set(range(b.c0, b.c1 + 1))
        if b.top - cluster_top > 0.8 * grid.h or mine & used:
            key, cluster_top, used = -1 - len(anchors), b.top, set()
            anchors[key] = b.top
        row_of[id(b)] = key
        used |= mine
    order = sorted(anchors, key=lambda k: anchors[k])
    rank = {k: r for r, k in enumerate(order)}
    for b in blocks:
        if id(b) in row_of:
            b.row = rank[row_of[id(b)]]
    return [anchors[k] for k in order]


def _cells(grid: Grid, blocks: list[Block], nrows: int) -> list[list[Block | tuple[int, int]]]:
    """Each row's cells left to right: a block, or a blank ``(c0, c1)``; columns under a rowspan are skipped."""
    starts: dict[int, list[Block]] = {}
    covered: dict[int, set[int]] = {}
    for b in blocks:
        starts.setdefault(b.row, []).append(b)
    out: list[list[Block | tuple[int, int]]] = []
    n = len(grid.cols)
    for r in range(nrows):
        mine = _merge(starts.get(r, []))
        for b in mine:
            for rr in range(r + 1, r + b.rowspan):
                covered.setdefault(rr, set()).update(range(b.c0, b.c1 + 1))
        taken = covered.get(r, set())
        at = {b.c0: b for b in mine}
        cells: list[Block | tuple[int, int]] = []
        c = 0
        while c < n:
            if c in taken:
                c += 1
                continue
            cell = at.get(c)
            if cell is not None:
                b = cell
                if b.c1 < grid.vstart - 1 and not any(x in taken or x in at for x in range(b.c1 + 1, grid.vstart)):
                    b.c1 = grid.vstart - 1  # a label spans the empty label columns after it
                cells.append(b)
                c = b.c1 + 1
                continue
            end = c
            if c < grid.vstart:  # empty label columns before a label: one blank cell
                while end + 1 < grid.vstart and end + 1 not in taken and end + 1 not in at:
                    end += 1
            cells.append((c, end))
            c = end + 1
        out.append(cells)
    return out


def _merge(blocks: list[Block]) -> list[Block]:
    """Blocks of one row whose columns overlap are one cell (a value and its note on the next line)."""
    out: list[Block] = []
    for b in sorted(blocks, key=lambda b: (b.c0, b.top)):
        if out and b.c0 <= out[-1].c1:
            last = out[-1]
            last.tokens = sorted(last.tokens + b.tokens, key=lambda t: (t.top, t.x0))
            last.c1 = max(last.c1, b.c1)
            last.rowspan = max(last.rowspan, b.rowspan)
        else:
            out.append(b)
    return out


def _text(b: Block) -> str:
    return join_parts([line_text(t.words) for t in sorted(b.tokens, key=lambda t: (t.top, t.x0))])


def region_rows(lines: list[Line], h: float, *, page: int, path: str, table: int) -> list[RawRow]:
    """The cells rows of one table region (empty when it does not make a table of two columns)."""
    grid = Grid(lines, h)
    if len(grid.cols) < 2 or not grid.data:
        return []
    blocks = grid.blocks()
    anchors = _rows(grid, blocks)
    place_groups(grid, blocks, len(anchors))
    heights = _row_extents(blocks, anchors, h)
    rows: list[RawRow] = []
    for r, cells in enumerate(_cells(grid, blocks, len(anchors))):
        if all(isinstance(c, tuple) for c in cells):
            continue
        out: list[RawCell] = []
        for cell in cells:
            if isinstance(cell, Block):
                text, box, colspan, rowspan = _text(cell), bounds(cell.words()), cell.c1 - cell.c0 + 1, cell.rowspan
            else:
                x0, x1 = grid.cols[cell[0]][0], grid.cols[cell[1]][1]
                top, bottom = heights[r]
                text, box, colspan, rowspan = (
                    "",
                    (round(x0, 1), round(top, 1), round(x1, 1), round(bottom, 1)),
                    cell[1] - cell[0] + 1,
                    1,
                )
            prov = Provenance(file=path, page=page, table=table, row=len(rows) + 1, column=len(out) + 1, bbox=box)
            out.append(RawCell(text, prov, colspan=colspan, rowspan=rowspan))
        rows.append(RawRow(out, "cells", table=table))
    return rows


def _row_extents(blocks: list[Block], anchors: list[float], h: float) -> list[tuple[float, float]]:
    ext = {r: (y - h / 2, y + h / 2) for r, y in enumerate(anchors)}
    for b in blocks:
        if b.rowspan == 1 and b.row in ext:
            top, bottom = ext[b.row]
            ext[b.row] = (min(top, b.top), max(bottom, b.bottom))
    return [ext[r] for r in range(len(anchors))]
