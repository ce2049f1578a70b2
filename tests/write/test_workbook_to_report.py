"""Done-when check from the Excel side: staff fill ``gongkai template`` 's workbook in Excel and
``gongkai write`` produces a final report in every format that reads back identically."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from openpyxl import load_workbook

from gongkai.api import read_report, write_report
from gongkai.model import TABLE3
from gongkai.model.template import TOTALS
from gongkai.model.workbook_layout import META_KEY_COL, META_SHEET, META_VALUE_COL, sheet_layouts
from gongkai.render.workbook import render_workbook
from gongkai.write.compare import differences
from gongkai.write.scaffold import scaffold
from tests.factories import table3_values

T3_COLUMNS = [c.key for c in TABLE3.columns]
FORMATS = (".docx", ".pdf", ".html", ".md", ".xlsx", ".json")


def fill_like_staff(data: bytes) -> bytes:
    """Type numbers into every input cell and finish every text, as a person would in Excel (saved by openpyxl)."""
    wb = load_workbook(io.BytesIO(data))
    t3 = table3_values()
    for layout in sheet_layouts():
        ws = wb[layout.sheet]
        for (row, field), placed in layout.positions.items():
            if (row, field) in TOTALS[layout.table_id]:
                continue
            if layout.table_id == "table3":
                value: float = t3[row][T3_COLUMNS.index(field)]
            elif field == "amount_10k_yuan":
                value = 1.25
            else:
                value = 3 if layout.table_id == "table2" else 1
            ws.cell(row=placed.row + 1, column=placed.col + 1, value=value)
    meta = wb[META_SHEET]
    for row in meta.iter_rows(min_row=1):
        key, cell = row[META_KEY_COL].value, row[META_VALUE_COL]
        if key == "signature_date":
            cell.value = dt.datetime(2025, 1, 20)
        elif isinstance(cell.value, str):
            cell.value = re.sub(r"【待填写[^】]*】", "已按要求完成", cell.value)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_filled_template_workbook_is_written_final_in_every_format_and_reads_back(tmp_path: Path) -> None:
    source = tmp_path / "填报.xlsx"
    source.write_bytes(fill_like_staff(render_workbook(scaffold(2024, "某市某局"), blank=True)))
    report = read_report(source)
    assert report.table3.value("total_processed", "total") == table3_values()["total_processed"][6]
    overview = report.section(1)
    assert overview is not None and "本年度共收到政府信息公开申请24件" in overview.text
    result = write_report(source, [tmp_path / f"年报{s}" for s in FORMATS])
    assert not result.refused, [f.message for f in result.errors]
    assert len(result.written) == len(FORMATS)
    for path in result.written:
        assert differences(report, read_report(path)) == [], path.suffix
