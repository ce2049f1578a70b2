"""A finding shown at its place in the source: a PDF page as an image with the cell's box drawn, or
the source's text lines with the finding's line marked. Pure functions: bytes in, image or lines out."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

DPI = 110
BOX_COLOUR = (220, 0, 0)
BOX_WIDTH = 3
MAX_LINES_AROUND = 400
"""Lines shown either side of the marked line (a huge file is cut around it)."""


def render_page(pdf: bytes, page: int, bbox: tuple[float, float, float, float] | None, dpi: int = DPI) -> bytes:
    """Page ``page`` (1-based) of ``pdf`` as PNG at ``dpi``, with ``bbox`` (PDF points, top-left origin:
    x0, top, x1, bottom) drawn as a red frame.

    Raises:
        ValueError: the page does not exist or the bytes are not a PDF.
    """
    import pypdfium2 as pdfium
    from PIL import ImageDraw

    try:
        document = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as exc:
        raise ValueError(f"不是可读的 PDF：{exc}") from exc
    try:
        if not 1 <= page <= len(document):
            raise ValueError(f"PDF 没有第 {page} 页")
        scale = dpi / 72
        image = document[page - 1].render(scale=scale).to_pil().convert("RGB")
    finally:
        document.close()
    if bbox is not None:
        x0, top, x1, bottom = (v * scale for v in bbox)
        pad = BOX_WIDTH + 1
        frame = (min(x0, x1) - pad, min(top, bottom) - pad, max(x0, x1) + pad, max(top, bottom) + pad)
        ImageDraw.Draw(image).rectangle(frame, outline=BOX_COLOUR, width=BOX_WIDTH)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@dataclass(frozen=True)
class SourceLine:
    number: int
    """1-based, as the finding's provenance counts."""
    text: str
    marked: bool


def source_lines(text: str, line: int | None, around: int = MAX_LINES_AROUND) -> list[SourceLine]:
    """The lines of ``text`` (numbered from 1), ``line`` marked; cut to ``around`` lines either side of it."""
    lines = text.splitlines()
    first, last = 1, min(len(lines), 2 * around)
    if line is not None:
        first, last = max(1, line - around), min(len(lines), line + around)
    return [SourceLine(n, lines[n - 1], n == line) for n in range(first, last + 1)]


def block_lines(blocks: Sequence[tuple[str, bool]], around: int = MAX_LINES_AROUND) -> list[SourceLine]:
    """Blocks of a document read into text (a paragraph, or a table row's cells joined by `` | ``),
    each with whether it is the marked one, as numbered lines cut around the first marked block."""
    marked = next((n for n, (_, mark) in enumerate(blocks, 1) if mark), None)
    first, last = 1, min(len(blocks), 2 * around)
    if marked is not None:
        first, last = max(1, marked - around), min(len(blocks), marked + around)
    return [SourceLine(n, blocks[n - 1][0], n == marked) for n in range(first, last + 1)]


__all__ = ["BOX_COLOUR", "DPI", "SourceLine", "block_lines", "render_page", "source_lines"]
