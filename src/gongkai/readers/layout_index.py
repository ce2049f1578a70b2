"""Quick lookups for rebuilding tables: the words whose centre is in a box, the grid level nearest a value.

Each gives what trying every word or every level gives (:mod:`gongkai.readers.layout`
used to), in the same order and with the same ties, NaN included, in a fraction of the time.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gongkai.readers.layout import Box, Word


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
