"""Sheet 基本信息 of gongkai's workbook: metadata, preamble and the six sections' titles and texts."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any, NoReturn

from gongkai.errors import InputError
from gongkai.model import SECTIONS, AnnualReport, Metadata, Provenance, Section, TextLine
from gongkai.model.dates import read_date
from gongkai.model.labels import format_number, to_halfwidth_digits
from gongkai.model.workbook_layout import META_KEY_COL, META_ROWS, META_SHEET, META_VALUE_COL, cell_ref

Grid = dict[tuple[int, int], Any]
"""A sheet's non-empty cells: (0-based row, column) → value; formulas as ``=…`` strings."""

_NUMERAL = re.compile(r"^\s*([一二三四五六七八九十]+)\s*[、.．]")


def e116(detail: str) -> NoReturn:
    raise InputError("E116", f"不是 gongkai 生成的填报工作簿或结构已被改动：{detail}")


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float | int) and not isinstance(value, bool):
        return format_number(value)
    text = str(value).replace("\r\n", "\n").strip()
    return text or None


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 < value < 100_000:
        from openpyxl.utils.datetime import from_excel

        converted = from_excel(value)
        return converted.date() if isinstance(converted, dt.datetime) else None
    if isinstance(value, str):
        return read_date(value).date
    return None


def _year(value: Any) -> int | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        return int(value)
    m = re.fullmatch(r"\s*(\d{4})\s*年?\s*", to_halfwidth_digits(str(value))) if isinstance(value, str) else None
    return int(m.group(1)) if m else None


def read_meta(grid: Grid, prov: Callable[[str, int, int], Provenance], report: AnnualReport) -> None:
    """Metadata, preamble, sections and their text lines from sheet 基本信息."""
    rows = {v: r for (r, c), v in grid.items() if c == META_KEY_COL and isinstance(v, str)}
    values: dict[str, tuple[Any, Provenance]] = {}
    for i, (key, _label, _kind) in enumerate(META_ROWS, start=1):
        if key not in rows:
            e116(f"工作表“{META_SHEET}”{cell_ref(i, META_KEY_COL)}单元格应为键“{key}”，找不到这一行")
        r = rows[key]
        values[key] = (grid.get((r, META_VALUE_COL)), prov(META_SHEET, r, META_VALUE_COL))
    meta = Metadata()
    for key in ("title", "agency", "signature_agency"):
        setattr(meta, key, _text(values[key][0]))
    meta.year = _year(values["year"][0])
    for key, text_field in (
        ("period_start", "period_text"),
        ("period_end", "period_text"),
        ("signature_date", "signature_text"),
    ):
        raw = values[key][0]
        setattr(meta, key, _date(raw))
        typed = _text(raw)
        if typed is not None and getattr(meta, key) is None:  # kept as typed, reported at its cell (M106)
            meta.typed_dates[key] = typed
            before = getattr(meta, text_field)
            setattr(meta, text_field, f"{before}至{typed}" if before else typed)
    meta.provenance = {k: values[k][1] for k, _l, kind in META_ROWS[:7] if values[k][0] is not None}
    if "period_start" in meta.provenance:
        meta.provenance["period"] = meta.provenance["period_start"]
    report.metadata = meta
    report.preamble = _text(values["preamble"][0]) or ""
    lines: list[TextLine] = []

    def add(text: str | None, prov: Provenance, section: int | None) -> None:
        for n, line in enumerate((text or "").split("\n"), start=1):
            if line.strip():
                where = prov.model_copy(update={"row": None, "column": None, "line": n})
                lines.append(TextLine(text=line.strip(), provenance=where, section=section))

    add(meta.title, values["title"][1], None)
    add(report.preamble, values["preamble"][1], None)
    for spec in SECTIONS:
        title, title_prov = values[f"{spec.key}.title"]
        text, text_prov = values[f"{spec.key}.text"]
        title, text = _text(title), _text(text)
        if title is None and text is None:
            continue
        m = _NUMERAL.match(title or "")
        report.sections.append(
            Section(
                number=spec.number,
                key=spec.key,
                title=title,
                printed_number=m.group(1) if m else None,
                text=text or "",
                provenance=title_prov if title is not None else text_prov,
            )
        )
        add(title, title_prov, spec.number)
        add(text, text_prov, spec.number)
    report.lines = lines
