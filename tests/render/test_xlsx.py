"""The findings workbook read back cell by cell, from real reports checked through the API."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from gongkai.api import check_paths
from gongkai.render.xlsx import XlsxSink
from gongkai.render.xlsx_sheet import text_width
from gongkai.result import Summary

ROOT = Path(__file__).resolve().parents[2]
HONGZE = "samples/hongze-district-2023.pdf"
LAIYANG = "samples/002_3e5507a8093b4360.txt"
SHEETS = ["问题清单", "按机关汇总", "按规则汇总", "文件清单"]
FINDING_HEADERS = ["序号", "机关", "年度", "文件", "位置", "级别", "代码", "规则名称", "问题", "修改提示"]


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Workbook:
    """Two real reports (paths relative to the repository, as a user types them) and an empty file."""
    tmp = tmp_path_factory.mktemp("xlsx")
    empty = tmp / "空白.txt"
    empty.write_bytes(b"")
    out = tmp / "审核结果.xlsx"
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        sink, summary = XlsxSink(out), Summary()
        for result in check_paths([HONGZE, LAIYANG, empty]):
            sink.add(result)
            summary.add(result)
        sink.close(summary)
    return load_workbook(out)


def _rows(ws: Worksheet) -> list[list[object]]:
    return [[c.value for c in row] for row in ws.iter_rows(min_row=2)]


def _link(path: Path, name: str, page: int | None = None) -> str:
    uri = "file://" + str(path) + (f"#page={page}" if page else "")
    return f'=HYPERLINK("{uri}","{name}")'


def test_xlsx_sheets_are_chinese_in_reading_order(book: Workbook) -> None:
    assert book.sheetnames == SHEETS
    assert [c.value for c in book["问题清单"][1]] == FINDING_HEADERS


def test_xlsx_finding_row_has_agency_year_file_link_chinese_place_and_rule_name(book: Workbook) -> None:
    # hongze 2023, page 4, 表四: 行政复议 printed 10, 1, 0, 0 with 总计 0 (the table's 4th row, 5th cell)
    rows = [r for r in _rows(book["问题清单"]) if r[6] == "A105"]
    assert rows[0][1:] == [
        "洪泽区人民政府",
        2023,
        _link(ROOT / HONGZE, "hongze-district-2023.pdf", page=4),
        "表四（复议诉讼）·行政复议·总计（第4页表格5第4行第5格）",
        "错误",
        "A105",
        "表四某组结果维持、结果纠正、其他结果、尚未审结之和不等于总计",
        "结果维持＋结果纠正＋其他结果＋尚未审结＝10＋1＋0＋0＝11，总计＝0，相差11（表四·行政复议）",
        "核对该组各项结果与总计，总计应等于四项之和。",
    ]
    # page 3: the row printed 「2.其他法律行政止公开」 is named by the template's label, not its key
    typo = next(r for r in _rows(book["问题清单"]) if r[6] == "S106")
    assert typo[4] == "表三（依申请公开）·（三）2.其他法律行政法规禁止公开（第3页表格3第9行第1格）"
    assert typo[3] == _link(ROOT / HONGZE, "hongze-district-2023.pdf", page=3)


def test_xlsx_text_report_links_without_page_and_numbers_rows(book: Workbook) -> None:
    rows = _rows(book["问题清单"])
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    laiyang = [r for r in rows if r[1] == "莱阳市人民政府办公室"]
    assert [(r[4], r[6]) for r in laiyang] == [("第一部分（第10行）", "C107"), ("第一部分（第16行）", "M106")]
    assert {r[3] for r in laiyang} == {_link(ROOT / LAIYANG, "002_3e5507a8093b4360.txt")}
    assert all(r[2] == 2023 for r in laiyang)


def test_xlsx_document_error_row_names_the_whole_file(book: Workbook) -> None:
    row = _rows(book["问题清单"])[-1]
    assert row[1:3] == [None, None]
    assert row[3].startswith('=HYPERLINK("file:///') and row[3].endswith('空白.txt","空白.txt")')  # type: ignore[union-attr]
    assert row[4:] == ["全文", "错误", "E103", "文件为空", "文件为空", None]


def test_xlsx_places_and_names_carry_no_internal_keys(book: Workbook) -> None:
    for row in _rows(book["问题清单"]):
        assert re.search(r"[A-Za-z_]", str(row[4])) is None, row[4]
        assert re.search(r"[a-z]", str(row[7])) is None, row[7]


def test_xlsx_agency_summary_counts_each_report(book: Workbook) -> None:
    assert _rows(book["按机关汇总"]) == [
        # 机关, 年度, 报告数, 已审核, 部分审核, 无法读取, 错误, 警告, 提示, 读取错误
        ["洪泽区人民政府", 2023, 1, 1, 0, 0, 2, 3, 0, 0],
        ["莱阳市人民政府办公室", 2023, 1, 1, 0, 0, 1, 1, 0, 0],
        ["（未识别机关）", None, 1, 0, 0, 1, 0, 0, 0, 1],
    ]


def test_xlsx_summaries_add_up_to_the_finding_rows(book: Workbook) -> None:
    findings = _rows(book["问题清单"])
    agencies = _rows(book["按机关汇总"])
    assert sum(sum(r[6:10]) for r in agencies) == len(findings)  # type: ignore[arg-type]
    rules = _rows(book["按规则汇总"])
    assert {r[0]: r[3] for r in rules} == Counter(r[6] for r in findings)
    files_per_code = {code: len({r[3] for r in findings if r[6] == code}) for code in {r[6] for r in findings}}
    assert {r[0]: r[4] for r in rules} == files_per_code
    assert rules[0][:3] == ["A105", "表四某组结果维持、结果纠正、其他结果、尚未审结之和不等于总计", "错误"]
    assert rules[-1] == ["E103", "文件为空", "错误", 1, 1]


def test_xlsx_file_sheet_one_row_per_file(book: Workbook) -> None:
    rows = _rows(book["文件清单"])
    assert rows[0] == [
        "洪泽区人民政府",
        2023,
        _link(ROOT / HONGZE, "hongze-district-2023.pdf"),
        "已审核",
        2,
        3,
        0,
        None,
        HONGZE,
    ]
    assert rows[2][3:8] == ["无法读取", 0, 0, 0, "E103 文件为空"]


@pytest.mark.parametrize("name", SHEETS)
def test_xlsx_every_sheet_frozen_filtered_and_printable(book: Workbook, name: str) -> None:
    ws = book[name]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
    assert ws.print_title_rows == "$1:$1"
    assert (ws.page_setup.orientation, ws.page_setup.paperSize) == ("landscape", 9)
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.page_setup.fitToHeight == 0 and (ws.page_setup.fitToWidth or 1) == 1  # absent means 1
    assert ws.oddFooter.right.text == "第 &P 页，共 &N 页"


def test_xlsx_column_widths_fit_content_with_wide_characters_counted_double(book: Workbook) -> None:
    agencies = book["按机关汇总"]
    # widest 机关: 莱阳市人民政府办公室, 10 Chinese characters → 20, plus 2 of margin
    assert int(agencies.column_dimensions["A"].width) == text_width("莱阳市人民政府办公室") + 2 == 22
    files = book["文件清单"]
    assert int(files.column_dimensions["C"].width) == len("hongze-district-2023.pdf") + 2
    findings = book["问题清单"]
    assert int(findings.column_dimensions["I"].width) == 60  # 问题 capped; the text wraps
    long = next(r for r in findings.iter_rows(min_row=2) if text_width(str(r[8].value)) > 58)
    assert long[8].alignment.wrap_text is True
