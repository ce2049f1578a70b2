"""Quick lookups for rebuilding tables: the words whose centre is in a box, the grid level nearest a value.

Each gives what trying every word or every level gives (:mod:`gongkai.readers.layout`
used to), in the same order and with the same ties, NaN included, in a fraction of the time.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gongkai.readers.layout import Box, Segment, Word


def nearest_of_all(levels: list[float], v: float) -> int:
    """The index of the level nearest ``v``, the first of two as near."""
    return min(range(len(levels)), key=lambda i: abs(levels[i] - v))


def nearest_level(levels: list[float], v: float) -> int:
    """The level nearest ``v``, the first of two as near (as :func:`nearest_of_all`; levels ascending, no NaN)."""
    k = bisect_left(levels, v)
    if v != v or not 0 < k < len(levels):  # NaN, or beyond an end: compare them all
        return nearest_of_all(levels, v)
    return k - 1 if abs(levels[k - 1] - v) <= abs(levels[k] - v) else k


class Centres:
    """Words by the height of their centre: which have their centre in a box, without trying every word."""

    def __init__(self, words: Sequence[Word]) -> None:
        items = []
        for i, w in enumerate(words):
            cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
            if cx == cx and cy == cy:  # a NaN centre is in no box
                items.append((cy, i, cx))
        items.sort()
        self.items = items
        self.heights = [it[0] for it in items]

    def inside(self, box: Box) -> list[int]:
        """Indices (in order) of the words whose centre is in ``box``, edges included."""
        if any(v != v for v in box):
            return []
        lo, hi = bisect_left(self.heights, box[1]), bisect_right(self.heights, box[3])
        return sorted(i for _, i, cx in self.items[lo:hi] if box[0] <= cx <= box[2])


def closed(across: Sequence[Segment], at: float, pos: float, tol: float) -> bool:
    """Whether a rule of ``across`` passes through the end at ``at`` (its own position) / ``pos`` (along it)."""
    for s in across:
        if s.orientation == "h" and abs(s.top - at) <= tol and s.x0 - tol <= pos <= s.x1 + tol:
            return True
        if s.orientation == "v" and abs(s.x0 - at) <= tol and s.top - tol <= pos <= s.bottom + tol:
            return True
    return False


class Rules:
    """Rules of one orientation by position (a horizontal's top, a vertical's x): :func:`closed`, trying only the near."""

    def __init__(self, rules: Sequence[Segment], orientation: str) -> None:
        self.rules = list(rules)
        keyed = sorted(((s.top if orientation == "h" else s.x0), k) for k, s in enumerate(self.rules))
        self.exact = all(p == p for p, _ in keyed)  # no NaN: the order holds
        self.positions = [p for p, _ in keyed]
        self.order = [self.rules[k] for _, k in keyed]

    def closed(self, at: float, pos: float, tol: float) -> bool:
        """As :func:`closed` over all the rules: those within ``tol`` of ``at`` (and a margin for rounding) tried."""
        if not self.exact or not math.isfinite(at) or tol != tol:
            return closed(self.rules, at, pos, tol)
        margin = abs(tol) + 1.0 + abs(at) * 1e-9
        lo, hi = bisect_left(self.positions, at - margin), bisect_right(self.positions, at + margin)
        return closed(self.order[lo:hi], at, pos, tol)


def intersections_to_cells(intersections: dict[tuple[float, float], dict[str, list[dict[str, Any]]]]) -> list[Box]:
    """pdfplumber's ``intersections_to_cells``: the same cells in the same order, each edge set made once.

    For each intersection (sorted), the smallest cell it is the top-left corner of: the first
    point below it joined by a vertical edge, then the first to its right joined by a horizontal
    edge, whose bottom-right corner is joined to both.
    """
    points = sorted(intersections)
    if any(x != x or y != y for x, y in points):  # NaN: pdfplumber's own, as it always was
        from pdfplumber.table import intersections_to_cells as plumber

        return plumber(intersections)
    vs = {p: {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in found["v"]} for p, found in intersections.items()}
    hs = {p: {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in found["h"]} for p, found in intersections.items()}
    column: dict[float, list[tuple[float, float]]] = {}
    row: dict[float, list[tuple[float, float]]] = {}
    for p in points:
        column.setdefault(p[0], []).append(p)
        row.setdefault(p[1], []).append(p)

    def joined(p: tuple[float, float], q: tuple[float, float]) -> bool:
        return (p[0] == q[0] and not vs[p].isdisjoint(vs[q])) or (p[1] == q[1] and not hs[p].isdisjoint(hs[q]))

    cells: list[Box] = []
    for pt in points:
        below = [q for q in column[pt[0]] if q[1] > pt[1]]
        right = [q for q in row[pt[1]] if q[0] > pt[0]]
        for below_pt in below:
            if not joined(pt, below_pt):
                continue
            for right_pt in right:
                if not joined(pt, right_pt):
                    continue
                corner = (right_pt[0], below_pt[1])
                if corner in intersections and joined(corner, right_pt) and joined(corner, below_pt):
                    cells.append((pt[0], pt[1], corner[0], corner[1]))
                    break
            else:
                continue
            break
    return cells
