from __future__ import annotations

from pathlib import Path

import xlsxwriter
from openpyxl import load_workbook

from gongkai.render.xlsx_sheet import MAX_LINK, Column, Formats, Link, Sheet, text_width


def test_text_width_counts_chinese_and_full_width_double_and_takes_the_widest_line() -> None:
    assert text_width("A105") == 4
    assert text_width("表三（依申请公开）") == 18
    assert text_width("第4页\n表格5第4行第5格") == 15
    assert text_width("") == 0


def test_sheet_links_numbers_blanks_and_quotes(tmp_path: Path) -> None:
    out = tmp_path / "s.xlsx"
    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    sheet = Sheet(book, "表", (Column("文件", 20), Column("数"), Column("说明", 10)), Formats.of(book))
    sheet.append([Link('file:///a/"b".pdf', '"b".pdf'), 3, None])
    sheet.append([Link("file:///" + "x" * MAX_LINK, "长路径.pdf"), 0.5, "一二三四五"])
    sheet.finish()
    book.close()
    ws = load_workbook(out)["表"]
    assert ws["A2"].value == '=HYPERLINK("file:///a/""b"".pdf","""b"".pdf")'
    assert ws["A2"].font.underline == "single"
    assert (ws["B2"].value, ws["C2"].value) == (3, None)
    assert ws["A3"].value == "长路径.pdf"  # past Excel's 255 characters: the name, no link
    assert ws["C3"].value == "一二三四五" and ws["C3"].alignment.wrap_text is True  # 10 + 2 > cap 10
    assert int(ws.column_dimensions["A"].width) == 12  # widest: 长路径.pdf, 3 × 2 + 4, plus 2
    assert int(ws.column_dimensions["C"].width) == 10
    assert ws.auto_filter.ref == "A1:C3"
