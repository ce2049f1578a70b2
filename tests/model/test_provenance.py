"""Provenance.describe(): where a user finds a cell or line again."""

from __future__ import annotations

from gongkai.model import Provenance


def test_workbook_cell_is_described_by_sheet_and_address_only() -> None:
    prov = Provenance(file="填报.xlsx", sheet="表三 申请情况", cell="D7", row=7, column=4)
    assert prov.describe() == "工作表“表三 申请情况”D7单元格"


def test_a_line_inside_a_workbook_text_cell_is_named() -> None:
    prov = Provenance(file="填报.xlsx", sheet="基本信息", cell="C12", line=3)
    assert prov.describe() == "工作表“基本信息”C12单元格第3行"
