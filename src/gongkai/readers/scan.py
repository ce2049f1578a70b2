"""One scanned page (a photo, a scan, an image-only PDF page) → rows, via OCR and ruling detection.

The page is first turned straight (tilt measured from its long rules), then its
rules are found in the image and its text recognised; a recognised run that
crosses a cell rule is cut there, so two neighbouring cells never share a word.
:func:`gongkai.readers.layout.page_rows` then rebuilds the tables, exactly as
for a PDF text layer.  Coordinates (bbox in provenance) are pixels of the
straightened page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from gongkai.readers.layout import Segment, Word, page_rows
from gongkai.readers.ocr import OcrLine, ocr_lines
from gongkai.readers.raw import RawRow
from gongkai.readers.ruling import find_segments, rotate, skew_angle, to_gray

MIN_SKEW = 0.05
"""Tilts below this many degrees are left alone (0.05° moves a 1,240-pixel rule by one pixel)."""

_WORDY = re.compile(r"[0-9A-Za-z]")


def _join(chars: Sequence[Word]) -> str:
    out = ""
    prev: Word | None = None
    for ch in chars:
        gap = prev is not None and ch.x0 - prev.x1 > 0.5 * max(ch.bottom - ch.top, 1.0)
        if gap and _WORDY.match(out[-1:]) and _WORDY.match(ch.text[:1]):
            out += " "
        out += ch.text
        prev = ch
    return out


def _piece(chars: Sequence[Word]) -> Word:
    scores = [c.confidence for c in chars if c.confidence is not None]
    return Word(
        _join(chars),
        min(c.x0 for c in chars),
        min(c.top for c in chars),
        max(c.x1 for c in chars),
        max(c.bottom for c in chars),
        confidence=round(sum(scores) / len(scores), 4) if scores else None,
    )


def split_at_rules(line: OcrLine, segments: Sequence[Segment]) -> list[Word]:
    """The line as one word, or cut where a vertical rule crosses it (needs the character boxes)."""
    w = line.word
    if not line.chars:
        return [w]
    mid = (w.top + w.bottom) / 2
    margin = 0.25 * max(w.bottom - w.top, 1.0)
    cuts = sorted(
        s.x0
        for s in segments
        if s.orientation == "v" and s.top <= mid <= s.bottom and w.x0 + margin < s.x0 < w.x1 - margin
    )
    if not cuts:
        return [w]
    groups: list[list[Word]] = [[] for _ in range(len(cuts) + 1)]
    for ch in line.chars:
        centre = (ch.x0 + ch.x1) / 2
        groups[sum(centre > x for x in cuts)].append(ch)
    pieces = [_piece(g) for g in groups if g]
    return pieces if len(pieces) > 1 else [w]


def scan_page_rows(image: NDArray[np.uint8], page: int, path: str, table_start: int) -> tuple[list[RawRow], int]:
    """Rows of one page image (grey, RGB or RGBA uint8 array, about 150–200 dpi).

    Returns the page's rows in reading order (prose lines, table rows with their
    spans, each cell's provenance with page, bbox in pixels and the lowest OCR
    confidence of its words) and the next free table index.
    """
    if image.ndim == 3 and image.shape[2] == 4:
        image = np.ascontiguousarray(image[:, :, :3])
    angle = skew_angle(image)
    if abs(angle) >= MIN_SKEW:
        image = rotate(image, -angle)
    segments = find_segments(to_gray(image))
    words = [piece for line in ocr_lines(image) for piece in split_at_rules(line, segments)]
    return page_rows(words, segments, page=page, path=path, table_start=table_start)
