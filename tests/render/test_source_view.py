"""Source views: a PDF page with a box drawn, text lines with one marked."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from gongkai.render.source_view import BOX_COLOUR, block_lines, render_page, source_lines

PDF = Path(__file__).resolve().parents[2] / "samples" / "hongze-district-2023.pdf"


def test_render_page_draws_the_box_at_its_place() -> None:
    png = render_page(PDF.read_bytes(), 1, (100.0, 200.0, 300.0, 250.0), dpi=72)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.size == (595, 842)
    assert image.getpixel((200, 197)) == BOX_COLOUR  # the top edge: 3 px wide, from 4 px above the box
    assert image.getpixel((200, 253)) == BOX_COLOUR  # the bottom edge
    assert image.getpixel((97, 225)) == BOX_COLOUR  # the left edge
    assert image.getpixel((200, 225)) != BOX_COLOUR  # inside: the page itself


def test_render_page_without_box_has_no_red() -> None:
    image = Image.open(io.BytesIO(render_page(PDF.read_bytes(), 1, None, dpi=36))).convert("RGB")
    assert BOX_COLOUR not in {
        image.getpixel((x, y)) for x in range(0, image.size[0], 3) for y in range(0, image.size[1], 3)
    }


def test_render_page_refuses_missing_page_and_non_pdf() -> None:
    with pytest.raises(ValueError, match="第 99 页"):
        render_page(PDF.read_bytes(), 99, None)
    with pytest.raises(ValueError):
        render_page(b"not a pdf", 1, None)


def test_source_lines_marks_exactly_the_line() -> None:
    lines = source_lines("一\n二\n三\n四", 3)
    assert [(s.number, s.text, s.marked) for s in lines] == [
        (1, "一", False),
        (2, "二", False),
        (3, "三", True),
        (4, "四", False),
    ]


def test_source_lines_cut_around_the_line() -> None:
    text = "\n".join(str(n) for n in range(1, 1001))
    lines = source_lines(text, 500, around=10)
    assert [s.number for s in lines] == list(range(490, 511))
    assert [s.text for s in lines if s.marked] == ["500"]
    assert len(source_lines(text, None, around=10)) == 20


def test_block_lines_marks_the_first_marked_block_only() -> None:
    blocks = [("标题", False), ("a | b", True), ("c | d", True), ("落款", False)]
    lines = block_lines(blocks)
    assert [(s.number, s.text, s.marked) for s in lines] == [
        (1, "标题", False),
        (2, "a | b", True),
        (3, "c | d", False),
        (4, "落款", False),
    ]
    assert [s.number for s in block_lines([(str(n), n == 50) for n in range(1, 101)], around=5)] == list(range(45, 56))
