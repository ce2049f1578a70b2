"""The borderless-table algorithm on synthetic positioned characters (no PDF needed)."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gongkai.readers.layout import Word, page_rows
from gongkai.readers.raw import RawRow
from gongkai.readers.stream import is_value

H = 10.0  # text height; a CJK character is H wide, a digit H / 2


def text(s: str, x: float, y: float, *, centre: bool = False) -> list[Word]:
    """One character per word, as the PDF reader gives them; ``centre`` puts ``x`` at the text's middle."""
    widths = [H / 2 if c.isascii() else H for c in s]
    if centre:
        x -= sum(widths) / 2
    out = []
    for c, w in zip(s, widths, strict=True):
        out.append(Word(c, x, y, x + w, y + H))
        x += w
    return out


def row(y: float, label: str | None, values: list[str | None], *, label_x: float = 0, cols: float = 200) -> list[Word]:
    """A label at ``label_x`` and values centred in 40-wide columns from ``cols`` (None: blank cell)."""
    out = text(label, label_x, y) if label else []
    for i, v in enumerate(values):
        if v:
            out += text(v, cols + 40 * i + 20, y, centre=True)
    return out


def cells(words: list[Word]) -> list[list[str]]:
    rows, _ = page_rows(words, [], page=1, path="x.pdf", table_start=1, stream=True)
    return [[c.text for c in r.cells] for r in rows if r.kind == "cells"]


def table_rows(words: list[Word]) -> list[RawRow]:
    rows, _ = page_rows(words, [], page=3, path="x.pdf", table_start=1, stream=True)
    return [r for r in rows if r.kind == "cells"]


HEADER = text("信息内容", 0, 0) + [
    w for i, h in enumerate(("甲", "乙", "丙")) for w in text(h, 220 + 40 * i, 0, centre=True)
]


def test_stream_value_is_value_text() -> None:
    assert all(is_value(t) for t in ("0", "1,256", "12.5", "/", "—", "251000元", "22（其中修订16件）"))
    assert not any(is_value(t) for t in ("规章", "1.属于国家秘密", "2024年", "0535-1234567"))


def test_stream_blank_cell_stays_blank_and_values_keep_their_columns() -> None:
    words = (
        HEADER
        + row(18, "规章", ["1", "2", "3"])
        + row(36, "文件", ["4", None, "6"])
        + row(54, "其他", [None, None, "9"])
    )
    assert cells(words) == [
        ["信息内容", "甲", "乙", "丙"],
        ["规章", "1", "2", "3"],
        ["文件", "4", "", "6"],
        ["其他", "", "", "9"],
    ]


def test_stream_column_of_blanks_is_kept_from_its_header_word() -> None:
    words = HEADER + row(18, "规章", ["1", None, "3"]) + row(36, "文件", ["4", None, "6"])
    assert cells(words) == [["信息内容", "甲", "乙", "丙"], ["规章", "1", "", "3"], ["文件", "4", "", "6"]]


def test_stream_label_wrapped_over_lines_is_one_cell() -> None:
    # the label fills its column (x 0..120) and wraps; the numbers sit between its two lines
    words = (
        HEADER
        + row(18, "规章", ["1", "2", "3"])
        + text("1.申请人无正当理由逾期不补", 0, 33)
        + row(40, None, ["5", "6", "7"])
        + text("正的申请", 0, 47)
        + row(62, "其他", ["8", "9", "0"])
    )
    assert cells(words)[2] == ["1.申请人无正当理由逾期不补正的申请", "5", "6", "7"]
    assert len(cells(words)) == 4


def test_stream_items_on_consecutive_rows_are_not_joined() -> None:
    # two labels as wide as their column, one under the other on two rows of numbers
    words = HEADER + row(18, "行政处罚", ["1", "2", "3"]) + row(32, "行政强制", ["4", "5", "6"])
    assert cells(words)[1:] == [["行政处罚", "1", "2", "3"], ["行政强制", "4", "5", "6"]]


def test_stream_group_label_spans_its_rows() -> None:
    items = ["1.属于国家秘密", "2.其他法律", "3.危及安全", "4.保护权益"]
    words = text("名称", 0, 0) + [w for i, h in enumerate(("甲", "乙")) for w in text(h, 220 + 40 * i, 0, centre=True)]
    words += row(18, "（一）予以公开", ["1", "2"])
    for i, item in enumerate(items):  # item rows 36, 54, 72, 90: the group label is centred on them (y 63)
        words += row(36 + 18 * i, item, [str(i), str(i + 1)], label_x=60)
    words += text("（三）不", 0, 54 + 3) + text("予公开", 0, 72 - 3)
    words += row(108, "（四）无法提供", ["7", "8"])
    rows = table_rows(words)
    spans = [[(c.text, c.rowspan) for c in r.cells] for r in rows]
    assert spans[2][0] == ("（三）不予公开", 4)
    assert [c for c, _ in spans[2][1:]] == ["1.属于国家秘密", "0", "1"]
    assert [[c for c, _ in s] for s in spans[3:6]] == [
        ["2.其他法律", "1", "2"],
        ["3.危及安全", "2", "3"],
        ["4.保护权益", "3", "4"],
    ]
    assert spans[6][0][0] == "（四）无法提供"


def test_stream_cells_keep_page_and_box() -> None:
    rows = table_rows(HEADER + row(18, "规章", ["1", "2", "3"]) + row(36, "文件", ["4", None, "6"]))
    value = rows[1].cells[1]
    assert value.text == "1" and value.prov.page == 3 and value.prov.table == 1
    assert value.prov.bbox == (217.5, 18.0, 222.5, 28.0)
    blank = rows[2].cells[2]
    assert blank.text == "" and blank.prov.bbox is not None and 250 <= blank.prov.bbox[0] < blank.prov.bbox[2] <= 270


def test_stream_paragraph_is_not_a_table() -> None:
    para = [
        "本年度，本机关认真贯彻落实条例，全年主动公开政府信息",
        "条，其中政策文件",
        "件，答复申请",
    ]
    words = text(para[0], 0, 0)
    words += text(para[1][:1], 0, 18) + text("1256", 20, 18) + text(para[1][1:], 50, 18)
    words += text(para[2][:1], 0, 36) + text("48", 20, 36) + text(para[2][1:], 40, 36)
    rows, _ = page_rows(words, [], page=1, path="x.pdf", table_start=1, stream=True)
    assert all(r.kind == "text" for r in rows)


def test_stream_heading_above_a_table_stays_prose() -> None:
    words = text("三、收到和处理政府信息公开申请情况", 0, -20) + HEADER + row(18, "规章", ["1", "2", "3"])
    words += row(36, "文件", ["4", "5", "6"])
    rows, _ = page_rows(words, [], page=1, path="x.pdf", table_start=1, stream=True)
    assert rows[0].kind == "text" and rows[0].text == "三、收到和处理政府信息公开申请情况"
    assert [r.kind for r in rows[1:]] == ["cells"] * 3


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(st.one_of(st.none(), st.integers(0, 99999).map(str)), min_size=3, max_size=3),
        min_size=2,
        max_size=8,
    )
)
def test_stream_values_never_shift_left(grid: list[list[str | None]]) -> None:
    """Whatever cells are blank, every value comes back in its own column and a blank stays blank.

    (A table needs two rows of numbers with a value in a common column: one line of numbers is no table.)
    """
    assume(any(sum(v is not None for v in col) >= 2 for col in zip(*grid, strict=True)))
    words = list(HEADER)
    for i, values in enumerate(grid):
        words += row(18 * (i + 1), f"第{i}行", values)
    got = cells(words)
    data = [r for r in got if r[0].startswith("第")]
    expected = [[f"第{i}行", *(v or "" for v in values)] for i, values in enumerate(grid)]
    assert data == expected
