"""Rebuild rows and ruled tables from positioned words and ruling lines.

Shared by the PDF reader (words and lines from the text layer) and the scan
reader (words from OCR, lines detected in the page image).  Coordinates are in
one space per page (PDF points or image pixels), y growing downwards.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pdfplumber.table import cells_to_tables, edges_to_intersections, merge_edges

from gongkai.model import Provenance
from gongkai.readers.layout_index import Centres, Rules, intersections_to_cells, nearest_level, nearest_of_all
from gongkai.readers.raw import RawCell, RawRow, clean_text


@dataclass(frozen=True, slots=True)
class Word:
    """A run of text on a page with its box; ``confidence`` is set for OCR output."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    """A ruling line: ``h`` horizontal (top == bottom) or ``v`` vertical (x0 == x1)."""

    orientation: Literal["h", "v"]
    x0: float
    top: float
    x1: float
    bottom: float


Box = tuple[float, float, float, float]

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


@dataclass(slots=True)
class Grid:
    """A ruled table: its cells as (row, column, rowspan, colspan, box), grid positions 0-based."""

    box: Box
    cells: list[tuple[int, int, int, int, Box]]


def _edge(s: Segment) -> dict[str, Any]:
    return {
        "orientation": s.orientation,
        "x0": s.x0,
        "x1": s.x1,
        "top": s.top,
        "bottom": s.bottom,
        "width": s.x1 - s.x0,
        "height": s.bottom - s.top,
        "object_type": "line",
    }


def _levels(values: Iterable[float], tol: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def close_open_ends(segments: Sequence[Segment], tol: float = 3.0) -> list[Segment]:
    """Add the missing outer rules of a table cut by the page.

    When a table runs over a page, its last row on the page often has no bottom
    line (and the first row on the next page no top line); the vertical rules
    still end there together.  Two or more vertical rules ending at one height
    with no horizontal rule there get one drawn across them.  Likewise a table
    wider than the page (a web page printed as it is) is clipped at the right
    edge: three or more horizontal rules ending at the rightmost (or leftmost) x
    of all rules, with no vertical rule there, get one drawn down them.  A rule drawn as a thin filled box has short
    end caps across it: they close nothing.
    """
    hs = [s for s in segments if s.orientation == "h" and s.x1 - s.x0 > tol]
    vs = [s for s in segments if s.orientation == "v" and s.bottom - s.top > tol]
    across_h, across_v = Rules(hs, "h"), Rules(vs, "v")
    added = [
        Segment("h", lo, at, hi, at)
        for at, lo, hi in _join_ends(
            [(y, v.x0) for v in vs for y in (v.top, v.bottom) if not across_h.closed(y, v.x0, tol)], tol, 2
        )
    ]
    if hs:  # clipped sides: open ends at the leftmost or rightmost extent of all rules
        left, right = min(h.x0 for h in hs) + tol, max(h.x1 for h in hs) - tol
        ends = [(x, h.top) for h in hs for x in (h.x0, h.x1) if (x <= left or x >= right)]
        added += [
            Segment("v", at, lo, at, hi)
            for at, lo, hi in _join_ends([(x, y) for x, y in ends if not across_v.closed(x, y, tol)], tol, 3)
        ]
    return [*segments, *added]


def _join_ends(ends: list[tuple[float, float]], tol: float, least: int) -> list[tuple[float, float, float]]:
    """(position, from, to) of a rule through each set of at least ``least`` open ends at one position."""
    out: list[tuple[float, float, float]] = []
    ends.sort()
    i = 0
    while i < len(ends):
        j = i
        while j + 1 < len(ends) and ends[j + 1][0] - ends[i][0] <= tol:
            j += 1
        along = [p for _, p in ends[i : j + 1]]
        if len(set(along)) >= least:
            out.append((ends[i][0], min(along), max(along)))
        i = j + 1
    return out


def find_grids(segments: Sequence[Segment], tol: float = 3.0) -> list[Grid]:
    """Tables from ruling lines (pdfplumber's lattice algorithm), with spans worked out from the cell boxes.

    A "table" of one column (a box drawn round a paragraph) is not a table.
    """
    if not segments:
        return []
    edges = merge_edges([_edge(s) for s in close_open_ends(segments, tol)], tol, tol, tol, tol)
    edges = [e for e in edges if (e["x1"] - e["x0"] if e["orientation"] == "h" else e["bottom"] - e["top"]) > tol]
    cells = intersections_to_cells(edges_to_intersections(edges, tol, tol))
    grids: list[Grid] = []
    for table in cells_to_tables(cells):
        xs = _levels([c[0] for c in table] + [c[2] for c in table], tol)
        ys = _levels([c[1] for c in table] + [c[3] for c in table], tol)
        if len(xs) < 3 or len(ys) < 2:
            continue
        nearest = nearest_level if all(v == v for v in xs + ys) else nearest_of_all  # NaN: a damaged drawing
        placed = []
        for x0, top, x1, bottom in table:
            c0, c1, r0, r1 = nearest(xs, x0), nearest(xs, x1), nearest(ys, top), nearest(ys, bottom)
            placed.append((r0, c0, max(1, r1 - r0), max(1, c1 - c0), (x0, top, x1, bottom)))
        placed.sort()
        grids.append(Grid((xs[0], ys[0], xs[-1], ys[-1]), placed))
    grids.sort(key=lambda g: g.box[1])
    return grids


def group_lines(words: Iterable[Word]) -> list[list[Word]]:
    """Words grouped into visual lines (by vertical overlap), top to bottom, each left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        h = max(w.bottom - w.top, 1.0)
        for line in reversed(lines[-3:]):
            ref = line[0]
            overlap = min(ref.bottom, w.bottom) - max(ref.top, w.top)
            if overlap > 0.5 * min(h, ref.bottom - ref.top):
                line.append(w)
                break
        else:
            lines.append([w])
    for line in lines:
        line.sort(key=lambda w: w.x0)
    lines.sort(key=lambda ln: min(w.top for w in ln))
    return lines


def line_text(line: Sequence[Word]) -> str:
    """Join a line's words; a gap wider than a third of the text height becomes a space."""
    out = ""
    prev: Word | None = None
    for w in line:
        gap = prev is not None and w.x0 - prev.x1 > 0.33 * max(w.bottom - w.top, 1.0)
        if gap and out and not out.endswith(" ") and not (_CJK.match(out[-1]) and _CJK.match(w.text[0])):
            out += " "
        out += w.text
        prev = w
    return clean_text(out)


def join_parts(parts: list[str]) -> str:
    """Join texts in reading order; a space only between two parts that are not Chinese where they meet."""
    out = ""
    for p in parts:
        if not p:
            continue
        if out and not (_CJK.match(out[-1]) or _CJK.match(p[0])):
            out += " "
        out += p
    return out


def bounds(words: Sequence[Word]) -> Box:
    return (
        round(min(w.x0 for w in words), 1),
        round(min(w.top for w in words), 1),
        round(max(w.x1 for w in words), 1),
        round(max(w.bottom for w in words), 1),
    )


def confidence(words: Sequence[Word]) -> float | None:
    scores = [w.confidence for w in words if w.confidence is not None]
    return round(min(scores), 3) if scores else None


def _grid_rows(grid: Grid, cell_words: list[list[Word]], page: int, path: str, table: int) -> list[RawRow]:
    rows: dict[int, list[RawCell]] = {}
    for (r, _c, rowspan, colspan, box), inside in zip(grid.cells, cell_words, strict=True):
        text = join_parts([line_text(ln) for ln in group_lines(inside)])
        prov = Provenance(
            file=path,
            page=page,
            table=table,
            row=r + 1,
            column=len(rows.get(r, [])) + 1,
            bbox=bounds(inside) if inside else (round(box[0], 1), round(box[1], 1), round(box[2], 1), round(box[3], 1)),
            confidence=confidence(inside),
        )
        rows.setdefault(r, []).append(RawCell(text, prov, colspan=colspan, rowspan=rowspan))
    return [RawRow(cells, "cells", table=table) for _, cells in sorted(rows.items())]


def page_rows(
    words: list[Word],
    segments: list[Segment],
    *,
    page: int,
    path: str,
    table_start: int,
    tol: float = 3.0,
    stream: bool = False,
) -> tuple[list[RawRow], int]:
    """One page's rows in reading order: prose lines as text rows, tables as cell rows.

    Returns the rows and the next free table index.  Words inside a ruled table's
    cells belong to the cell whose box holds their centre; words in a gap of its
    grid (cells shaded, the others not) stay outside it.  With ``stream``, the
    words outside ruled tables are searched for borderless tables
    (:mod:`gongkai.readers.stream`); what is left is prose.
    """
    grids = find_grids(segments, tol)
    items: list[tuple[float, list[RawRow]]] = []
    rest = list(words)
    table = table_start
    for grid in grids:
        # a word in the table's box but in none of its cells (a gap of the grid) is not lost: it stays outside
        centres = Centres(rest)
        in_box = set(centres.inside(grid.box))
        cells = [[i for i in centres.inside(c[4]) if i in in_box] for c in grid.cells]
        mine = {i for found in cells for i in found}
        items.append((grid.box[1], _grid_rows(grid, [[rest[i] for i in found] for found in cells], page, path, table)))
        rest = [w for i, w in enumerate(rest) if i not in mine]
        table += 1
    if stream:
        from gongkai.readers.stream import stream_tables

        found, rest, table = stream_tables(rest, page=page, path=path, table_start=table)
        items += found
    for line in group_lines(rest):
        text = line_text(line)
        if text:
            prov = Provenance(file=path, page=page, bbox=bounds(line), confidence=confidence(line))
            items.append((min(w.top for w in line), [RawRow([RawCell(text, prov)], "text")]))
    items.sort(key=lambda it: it[0])
    return [row for _, rows in items for row in rows], table
