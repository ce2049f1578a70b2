"""Rebuild rows and ruled tables from positioned words and ruling lines.

Shared by the PDF reader (words and lines from the text layer) and the scan
reader (words from OCR, lines detected in the page image).  Coordinates are in
one space per page (PDF points or image pixels), y growing downwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


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
