"""Rebuilding ruled tables and prose lines from positioned words and ruling lines."""

from __future__ import annotations

from gongkai.readers.layout import Segment, Word, close_open_ends, find_grids, line_text, page_rows


def h(y: float, x0: float = 0, x1: float = 300) -> Segment:
    return Segment("h", x0, y, x1, y)


def v(x: float, top: float = 0, bottom: float = 100) -> Segment:
    return Segment("v", x, top, x, bottom)


def chars(text: str, x: float, top: float, size: float = 10) -> list[Word]:
    return [Word(ch, x + i * size, top, x + (i + 1) * size, top + size) for i, ch in enumerate(text)]


def test_layout_grid_spans_from_cell_boxes() -> None:
    # a 3x3 grid whose first column is one cell over rows 2-3 and first row one cell over columns 2-3
    segs = [
        h(0),
        h(50, 100, 300),
        h(100, 0, 300),
        h(150),
        v(0, 0, 150),
        v(100, 0, 150),
        v(200, 50, 150),
        v(300, 0, 150),
    ]
    [grid] = find_grids(segs)
    spans = {(r, c): (rs, cs) for r, c, rs, cs, _ in grid.cells}
    assert spans[(0, 0)] == (2, 1)
    assert spans[(0, 1)] == (1, 2)
    assert spans[(1, 1)] == (1, 1) and spans[(2, 0)] == (1, 1)


def test_layout_box_round_a_paragraph_is_not_a_table() -> None:
    assert find_grids([h(0), h(40), v(0, 0, 40), v(300, 0, 40)]) == []


def test_layout_open_bottom_at_page_break_is_closed() -> None:
    # the last row has no bottom rule: the vertical rules end together at y=90
    segs = [h(0), h(30), h(60), v(0, 0, 90), v(150, 0, 90), v(300, 0, 90)]
    closed = close_open_ends(segs)
    assert Segment("h", 0, 90, 300, 90) in closed
    [grid] = find_grids(segs)
    assert max(r for r, *_ in grid.cells) == 2


def test_layout_numbers_are_never_merged_across_cells() -> None:
    segs = [h(0), h(20), v(0, 0, 20), v(30, 0, 20), v(60, 0, 20)]
    # "1" and "2" sit 2 points apart on either side of a rule
    words = [Word("1", 22, 5, 28, 15), Word("2", 32, 5, 38, 15)]
    rows, nxt = page_rows(words, segs, page=1, path="p.pdf", table_start=1)
    assert [c.text for c in rows[0].cells] == ["1", "2"] and nxt == 2
    assert rows[0].cells[0].prov.page == 1 and rows[0].cells[0].prov.table == 1


def test_layout_cell_text_wraps_join_without_spaces_between_chinese() -> None:
    segs = [h(0), h(40), v(0, 0, 40), v(40, 0, 40), v(200, 0, 40)]
    words = chars("商业", 5, 5) + chars("企业", 5, 20) + chars("12", 50, 10)
    rows, _ = page_rows(words, segs, page=1, path="p.pdf", table_start=1)
    assert [c.text for c in rows[0].cells] == ["商业企业", "12"]


def test_layout_vertical_text_cell_reads_top_to_bottom() -> None:
    segs = [h(0), h(80), v(0, 0, 80), v(20, 0, 80), v(100, 0, 80)]
    words = [Word(ch, 5, 5 + i * 12, 15, 15 + i * 12) for i, ch in enumerate("三、本年度")]
    rows, _ = page_rows(words, segs, page=1, path="p.pdf", table_start=1)
    assert rows[0].cells[0].text == "三、本年度"


def test_layout_prose_lines_and_tables_in_reading_order() -> None:
    segs = [h(100), h(120), v(0, 100, 120), v(50, 100, 120), v(100, 100, 120)]
    words = chars("一、总体情况", 0, 50) + chars("表", 5, 105) + chars("1", 60, 105) + chars("二、", 0, 200)
    rows, _ = page_rows(words, segs, page=3, path="p.pdf", table_start=4)
    assert [(r.kind, r.text, r.table) for r in rows] == [
        ("text", "一、总体情况", None),
        ("cells", "表1", 4),
        ("text", "二、", None),
    ]
    assert rows[0].prov.bbox == (0, 50, 60, 60)


def test_layout_line_text_spaces_only_between_latin_words() -> None:
    words = [
        Word("2023", 0, 0, 20, 10),
        Word("年", 30, 0, 40, 10),
        Word("共", 50, 0, 60, 10),
        Word("95", 70, 0, 80, 10),
    ]
    assert line_text(words) == "2023 年共 95"
    assert line_text(chars("问题", 0, 0) + chars("协调", 30, 0)) == "问题协调"


def test_layout_confidence_is_the_lowest_of_a_cells_words() -> None:
    segs = [h(0), h(20), v(0, 0, 20), v(60, 0, 20), v(120, 0, 20)]
    words = [Word("1", 5, 5, 10, 15, 0.99), Word("2", 11, 5, 16, 15, 0.62), Word("3", 70, 5, 75, 15, 0.9)]
    rows, _ = page_rows(words, segs, page=1, path="scan.png", table_start=1)
    assert [c.prov.confidence for c in rows[0].cells] == [0.62, 0.9]
