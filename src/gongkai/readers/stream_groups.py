"""Group labels of a borderless table (``（三）不予公开`` beside its eight items): the rows each one spans.

A group label has other labels to its right.  The rows it may cover are those whose
columns under it are free and whose label to the right is numbered below it (``1.``
under ``（三）``, not the next ``（七）`` or ``四、``; 公文 numbering runs 一、 > （一） >
1. > （1）).  Those rows are divided among the group labels of the column so that
each label lies inside its rows and as near their middle as can be; rows before the
first label belong to a group printed on the previous page.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gongkai.readers.stream_grid import Block, Grid

_LEVELS = (
    re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、．.]"),
    re.compile(r"^[（(][一二三四五六七八九十]{1,3}[)）]"),
    re.compile(r"^[0-9０-９]{1,2}\s*[.．、]"),
    re.compile(r"^[（(][0-9０-９]{1,2}[)）]"),
)
"""Numbering levels of 公文 headings and items: 一、 > （一） > 1. > （1）."""
ORPHAN = 0.1
"""Cost (in text heights) of a row left to a group label printed on an earlier page."""


def place_groups(grid: Grid, blocks: list[Block], nrows: int) -> None:
    """Give each group label the run of rows it spans (see the module docstring)."""
    by_row: dict[int, list[Block]] = {}
    for b in blocks:
        if not b.group:
            by_row.setdefault(b.row, []).append(b)
    extent = {r: (min(b.top for b in bs), max(b.bottom for b in bs)) for r, bs in by_row.items()}
    groups = sorted((b for b in blocks if b.group), key=lambda b: (b.c0, b.cy))
    done: set[int] = set()
    for g in groups:
        if id(g) in done:
            continue
        free = [
            r
            for r in range(nrows)
            if r in by_row
            and not any(b.c0 <= g.c1 and g.c0 <= b.c1 for b in by_row[r])
            and _child(g, sorted(by_row[r], key=lambda b: b.c0), grid)
        ]
        if not free:
            g.group = False
            g.row = min(range(nrows), key=lambda r: abs(_mid(extent.get(r), g.cy) - g.cy)) if nrows else 0
            continue
        segments: list[list[int]] = [[free[0]]]
        for r in free[1:]:
            if r == segments[-1][-1] + 1:
                segments[-1].append(r)
            else:
                segments.append([r])
        seg = min(segments, key=lambda s: _distance(g, extent[s[0]][0], extent[s[-1]][1]))
        lo, hi = extent[seg[0]][0] - grid.h, extent[seg[-1]][1] + grid.h
        mates = [m for m in groups if (m.c0, m.c1) == (g.c0, g.c1) and id(m) not in done and lo <= m.cy <= hi]
        mates = mates[: len(seg)]
        for m, (first, stop) in zip(mates, _partition(mates, [extent[r] for r in seg], grid.h), strict=True):
            m.row, m.rowspan = seg[first], stop - first
            done.add(id(m))


def level(text: str) -> int | None:
    """The numbering level a label starts with (0 for 一、 … 3 for （1）), or None."""
    t = text.strip()
    return next((i for i, p in enumerate(_LEVELS) if p.match(t)), None)


def _child(g: Block, row: list[Block], grid: Grid) -> bool:
    """Whether a row can lie under group label ``g``: a label right of it, not numbered at ``g``'s level or above."""
    top = level(g.tokens[0].text)
    for b in row:
        if b.c0 > g.c1 and grid.label(b.tokens[0]):
            mine = level(b.tokens[0].text)
            return top is None or mine is None or mine > top
    return False


def _mid(ext: tuple[float, float] | None, default: float) -> float:
    return (ext[0] + ext[1]) / 2 if ext else default


def _distance(g: Block, top: float, bottom: float) -> float:
    return max(0.0, top - g.cy, g.cy - bottom)


def _partition(groups: list[Block], rows: list[tuple[float, float]], h: float) -> list[tuple[int, int]]:
    """Contiguous row ranges, one per group label in order, each label inside its range and as near its middle
    as can be (a label set at the top of its rows is still inside them, and the next label bounds them)."""
    m, k = len(rows), len(groups)
    inf = float("inf")

    def cost(g: Block, a: int, b: int) -> float:
        top, bottom = rows[a][0], rows[b - 1][1]
        c = abs(g.cy - (top + bottom) / 2)
        return c + (1e6 if g.top < top - h / 2 or g.bottom > bottom + h / 2 else 0.0)

    best = [[inf] * (m + 1) for _ in range(k + 1)]
    back = [[0] * (m + 1) for _ in range(k + 1)]
    for s in range(m + 1):
        best[0][s] = ORPHAN * h * s
    for i, g in enumerate(groups):
        for b in range(1, m + 1):
            for a in range(b):
                if best[i][a] < inf:
                    c = best[i][a] + cost(g, a, b)
                    if c < best[i + 1][b]:
                        best[i + 1][b], back[i + 1][b] = c, a
    out: list[tuple[int, int]] = []
    b = m
    for i in range(k, 0, -1):
        a = back[i][b]
        out.append((a, b))
        b = a
    return out[::-1]
