"""gongkai's fill-in workbook as written: sheets, keys, locking, formulas, validation, print setup."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from gongkai.api import read_report
from gongkai.model import SECTIONS, AnnualReport, Cell, Metadata, Section
from gongkai.model.template import APPLICANT_COLUMNS, TOTALS
from gongkai.model.workbook_layout import (
    HELP_SHEET,
    INFO_SHEET,
    META_SHEET,
    TABLE_SHEETS,
    SheetLayout,
    cell_ref,
    col_letter,
    sheet_layouts,
)
from gongkai.render.workbook import render_workbook

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "002_3e5507a8093b4360.txt"
GOLDEN = Path(__file__).parent / "golden" / "workbook_structure.json"
SHEETS = [HELP_SHEET, META_SHEET, *TABLE_SHEETS.values(), INFO_SHEET]


@cache
def sample() -> AnnualReport:
    return read_report(SAMPLE)


@cache
def sample_bytes(draft: bool = False) -> bytes:
    return render_workbook(sample(), draft=draft)


def blank_report() -> AnnualReport:
    meta = Metadata(year=2024, period_start=dt.date(2024, 1, 1), period_end=dt.date(2024, 12, 31))
    sections = [Section(number=s.number, key=s.key, title=s.title, text=f"{s.title}的正文。") for s in SECTIONS]
    return AnnualReport(format="2021", metadata=meta, sections=sections)


def load(data: bytes) -> Any:
    return load_workbook(io.BytesIO(data))


def layout(table_id: str) -> SheetLayout:
    return next(x for x in sheet_layouts() if x.table_id == table_id)


def value_cells(lay: SheetLayout) -> dict[tuple[str, str], str]:
    return {key: cell_ref(p.row, p.col) for key, p in lay.positions.items()}


def covered(ws: Worksheet) -> dict[str, Any]:
    """Cell address → the data validation covering it."""
    out: dict[str, Any] = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            for row in ws[rng.coord] if ":" in rng.coord else ((ws[rng.coord],),):
                for c in row:
                    out[c.coordinate] = dv
    return out


def test_sheets_in_order_info_sheet_hidden_and_marked() -> None:
    wb = load(sample_bytes())
    assert wb.sheetnames == SHEETS
    assert wb[INFO_SHEET].sheet_state == "hidden"
    info = {r[0]: r[1] for r in wb[INFO_SHEET].iter_rows(values_only=True)}
    assert info["format"] == "gongkai-workbook" and info["schema_version"] == 1 and info["year"] == 2023


def test_every_sheet_is_protected_without_password() -> None:
    wb = load(sample_bytes())
    for name in SHEETS:
        prot = wb[name].protection
        assert prot.sheet, name
        assert not prot.password, name


@pytest.mark.parametrize("table_id", ["table2", "table3", "table4"])
def test_inputs_unlocked_labels_keys_and_formulas_locked(table_id: str) -> None:
    ws = load(sample_bytes())[TABLE_SHEETS[table_id]]
    lay = layout(table_id)
    for key, ref in value_cells(lay).items():
        formula = isinstance(ws[ref].value, str) and ws[ref].value.startswith("=")
        assert ws[ref].protection.locked == formula, (key, ref)
    for p in lay.placed:
        if p.cell.kind != "value":
            assert ws[cell_ref(p.row, p.col)].protection.locked, p
    assert ws[cell_ref(0, lay.key_col)].protection.locked
    assert ws.column_dimensions[col_letter(lay.key_col)].hidden
    for r in lay.fields_rows:
        assert ws.row_dimensions[r + 1].hidden


def test_totals_are_sum_formulas_with_cached_values() -> None:
    data = sample_bytes()
    formulas, cached = load(data), load_workbook(io.BytesIO(data), data_only=True)
    ws, wc = formulas[TABLE_SHEETS["table3"]], cached[TABLE_SHEETS["table3"]]
    assert ws["J6"].value == "=SUM(D6:I6)"  # new_received total
    assert ws["D29"].value == "=SUM(D8:D28)"  # （七）总计, natural person
    assert wc["J6"].value == sample().table3.value("new_received", "total")
    assert wc["D29"].value == sample().table3.value("total_processed", "natural_person")
    t4 = formulas[TABLE_SHEETS["table4"]]
    assert [t4[f"G{r}"].value for r in (4, 5, 6)] == [f"=SUM(C{r}:F{r})" for r in (4, 5, 6)]


def test_given_total_that_disagrees_is_kept_as_typed_input() -> None:
    report = sample().model_copy(deep=True)
    granted = report.table3.value("granted", "total")
    assert isinstance(granted, int)
    report.table3.rows["granted"]["total"] = Cell(raw=str(granted + 5), value=granted + 5, state="number")
    report.table3.rows["carried_over"]["other_org"] = Cell(raw="", state="blank")  # parts incomplete
    report.table4.rows["litigation_direct"]["total"] = Cell(raw="7", value=7, state="number")
    ws = load(render_workbook(report))[TABLE_SHEETS["table3"]]
    assert ws["J8"].value == granted + 5 and not ws["J8"].protection.locked
    assert ws["J7"].value == report.table3.value("carried_over", "total")  # plain: a part is blank
    assert ws["J29"].value == report.table3.value("total_processed", "total")  # its parts no longer agree
    assert ws["J6"].value == "=SUM(D6:I6)"
    assert load(render_workbook(report))[TABLE_SHEETS["table4"]]["G5"].value == 7


def test_blank_total_becomes_a_formula_only_when_its_parts_are_given() -> None:
    report = sample().model_copy(deep=True)
    report.table3.rows["granted"]["total"] = Cell(raw="", state="blank")
    report.table3.rows["carried_over"]["total"] = Cell(raw="", state="blank")
    report.table3.rows["carried_over"]["natural_person"] = Cell(raw="", state="blank")
    data = render_workbook(report)
    ws, cached = load(data)[TABLE_SHEETS["table3"]], load_workbook(io.BytesIO(data), data_only=True)
    assert ws["J8"].value == "=SUM(D8:I8)" and cached[TABLE_SHEETS["table3"]]["J8"].value == sum(
        report.table3.value("granted", c) or 0 for c in APPLICANT_COLUMNS
    )
    assert ws["J7"].value is None and not ws["J7"].protection.locked


def test_markers_are_strings_and_blanks_stay_empty() -> None:
    report = sample().model_copy(deep=True)
    report.table2.rows["regulations"]["issued"] = Cell(raw="/", state="marker")
    report.table2.rows["regulations"]["abolished"] = Cell(raw="无", state="marker")
    report.table2.rows["regulations"]["in_force"] = Cell(raw="", state="blank")
    ws = load(render_workbook(report))[TABLE_SHEETS["table2"]]
    assert (ws["B5"].value, ws["B5"].data_type, ws["C5"].value, ws["D5"].value) == ("/", "s", "无", None)


def test_validation_covers_every_value_cell() -> None:
    wb = load(sample_bytes())
    for table_id, sheet in TABLE_SHEETS.items():
        ws = wb[sheet]
        dvs = covered(ws)
        for (row, _field), ref in value_cells(layout(table_id)).items():
            dv = dvs[ref]
            assert dv.operator == "greaterThanOrEqual" and dv.formula1 == "0"
            assert dv.type == ("decimal" if row == "administrative_fees" else "whole"), ref
            assert dv.showErrorMessage and "不小于0" in dv.error and dv.prompt
    meta = wb[META_SHEET]
    dvs = covered(meta)
    assert dvs["C4"].type == "whole" and dvs["C5"].type == "date" and dvs["C8"].type == "date"


def test_metadata_sheet_label_key_value_with_real_dates() -> None:
    ws = load(sample_bytes())[META_SHEET]
    rows = {r[1]: (r[0], r[2]) for r in ws.iter_rows(min_row=2, values_only=True)}
    meta = sample().metadata
    assert rows["title"][1] == meta.title and rows["year"][1] == meta.year
    assert isinstance(rows["period_start"][1], dt.datetime) and rows["period_start"][1].date() == meta.period_start
    assert "年" in ws["C5"].number_format and not ws["C5"].protection.locked and ws["A5"].protection.locked
    assert rows["overview.title"] == ("一、总体情况　标题", sample().sections[0].title)
    assert ws["C10"].alignment.wrap_text


def test_draft_marks_headers_and_title_only() -> None:
    draft, final = load(sample_bytes(draft=True)), load(sample_bytes())
    for name in SHEETS[:-1]:
        assert "草稿" in (draft[name].oddHeader.center.text or ""), name
        assert "草稿" not in (final[name].oddHeader.center.text or ""), name
    assert "草稿" in draft.properties.title and "草稿" not in final.properties.title
    cells = [c for ws in draft.worksheets for row in ws.iter_rows(values_only=True) for c in row]
    assert not any(isinstance(c, str) and "草稿" in c for c in cells)


def test_print_setup_and_frozen_headers() -> None:
    wb = load(sample_bytes())
    for table_id, sheet in TABLE_SHEETS.items():
        ws = wb[sheet]
        assert ws.page_setup.paperSize == 9
        assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0  # absent width = 1
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.orientation == ("portrait" if table_id == "table2" else "landscape")
    assert wb[TABLE_SHEETS["table3"]].freeze_panes == "D6"
    assert wb[TABLE_SHEETS["table3"]].print_title_rows == "$1:$4"


def test_blank_template_has_only_formulas_metadata_and_texts() -> None:
    wb = load(render_workbook(blank_report(), blank=True))
    for table_id, sheet in TABLE_SHEETS.items():
        ws = wb[sheet]
        for key, ref in value_cells(layout(table_id)).items():
            value = ws[ref].value
            if key in TOTALS[table_id]:
                assert isinstance(value, str) and value.startswith("=SUM("), ref
            else:
                assert value is None, ref
    meta = {r[1]: r[2] for r in wb[META_SHEET].iter_rows(min_row=2, values_only=True)}
    assert meta["year"] == 2024 and meta["period_end"] == dt.datetime(2024, 12, 31)
    assert meta["problems.text"] == "五、存在的主要问题及改进情况的正文。"


def structure(data: bytes) -> dict[str, Any]:
    """Sheet names, keys, labels and formulas of a workbook (its layout, not its values)."""
    wb = load(data)
    out: dict[str, Any] = {"sheets": wb.sheetnames}
    for name in [META_SHEET, *TABLE_SHEETS.values()]:
        ws = wb[name]
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if isinstance(v, str) and (name != META_SHEET or c.column < 3):
                    cells[c.coordinate] = v
        out[name] = {"merged": sorted(str(m) for m in ws.merged_cells.ranges), "cells": cells}
    return out


def test_blank_template_structure_matches_golden() -> None:
    got = structure(render_workbook(blank_report(), blank=True))
    if os.environ.get("GONGKAI_REGEN") == "1":
        GOLDEN.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert got == want, (
        "workbook layout changed: review, then run `GONGKAI_REGEN=1 pytest tests/render/test_workbook.py`"
    )
