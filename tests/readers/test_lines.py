"""Plain-text and Markdown rows keep their line and cell positions."""

from __future__ import annotations

from gongkai.readers import read_bytes


def test_lines_tab_rows_keep_every_cell_with_position() -> None:
    doc = read_bytes("一、总体情况\n\n规章\t0\t\t3\t\n".encode(), "t.txt")
    row = doc.rows[1]
    assert row.kind == "cells"
    assert [c.text for c in row.cells] == ["规章", "0", "", "3", ""]
    assert [(c.prov.line, c.prov.column) for c in row.cells][:2] == [(3, 1), (3, 2)]


def test_lines_markdown_pipe_rows_and_headings() -> None:
    text = "## 一、总体情况\n\n| 规章 | 0 | 1 |\n|---|---|---|\n| 行政规范性文件 | 2 | 3 |\n正文 | 不是表格\n"
    doc = read_bytes(text.encode(), "m.md")
    assert doc.rows[0].text == "一、总体情况"
    assert [[c.text for c in r.cells] for r in doc.rows if r.kind == "cells"] == [
        ["规章", "0", "1"],
        ["行政规范性文件", "2", "3"],
    ]
    assert doc.rows[-1].kind == "text"
