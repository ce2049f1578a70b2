"""A structured report (JSON or YAML with the stable keys) → :class:`AnnualReport`.

The JSON ``gongkai extract`` prints is valid input, so any published report can be
checked again or re-rendered — older layouts and the 2019 trial format too: the JSON
carries the format, the tables' layout traits and how the source printed its labels
(:mod:`gongkai.readers.structured_printed`).  An author may also write it by hand
(``gongkai template --year 2024 report.yaml`` gives a skeleton).  Keys are checked
strictly: a misspelt row key is an error, never silently dropped.  Values are kept as
given: a string cell goes through the same number parser as a printed cell, ``null``
is a blank; a date that cannot be read is kept as typed for rule M106 to report.
Parsing and its bounds are :mod:`gongkai.readers.structured_load`'s.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gongkai.model import SECTIONS, TABLE2_2019, TABLES, AnnualReport, Cell, Metadata, Provenance, Section, TableData
from gongkai.model.dates import read_date
from gongkai.model.labels import shorten
from gongkai.model.numbers import parse_cell
from gongkai.model.report import DATA_FORMATS, METADATA_FIELDS
from gongkai.model.template import TableSpec
from gongkai.readers.structured_load import BadNumber, looks_structured, parse_text, structured_text
from gongkai.readers.structured_printed import (
    Problems,
    apply_evidence,
    check_text,
    optional_rows,
    read_layout,
    read_lines,
    read_notes,
    read_provenance,
    read_unplaced,
    table3_columns,
    walk_strings,
)

_TOP_KEYS = {
    "schema_version",
    "format",
    "template",
    "source",
    "metadata",
    "preamble",
    "sections",
    "table2",
    "table3",
    "table4",
    "provenance",
    "notes",
    "unplaced",
    "layout",
    "evidence",
    "lines",
    "draft",
}
_META_KEYS = set(METADATA_FIELDS)
_DATE_KEYS = {
    "period_start": "period_text",
    "period_end": "period_text",
    "signature_date": "signature_text",
    "publication_date": "publication_text",
}
_KINDS = ("department", "government", "township", "unknown")
_SECTION_KEYS = {s.key: s for s in SECTIONS}
_SECTION_FIELDS = {"number", "title", "text", "printed_number"}
MAX_NAME = 200
"""Longest title, agency or signature agency (characters): a real one is under 60."""
MAX_TEXT = 50_000
"""Longest preamble or section text (characters): a long report's longest section is about 10,000."""
MAX_LINES = 1_000
"""Most lines (paragraphs) in the preamble or one section."""
MAX_TOTAL_TEXT = 100_000
"""Most characters of text in all (preamble, section titles and texts): a long report has about 30,000;
100,000 characters print as some 220 pages, which every format renders within a minute."""


def read_structured(text: str, path: str) -> AnnualReport:
    """A structured report's text (see :func:`structured_text`) → the model, not yet completed.

    Raises:
        InputError: E117 malformed, listing every bad key path.
    """
    fmt = "json" if text.lstrip("\ufeff \t\r\n").startswith("{") else "yaml"
    return report_from_data(parse_text(text), path, fmt)


def _date(meta: Metadata, key: str, value: object, problems: Problems) -> None:
    """A date field: a date, or text kept as typed when it is no date that exists (M106 reports it)."""
    where = f"metadata.{key}"
    if value is None or value == "":
        return
    if isinstance(value, dt.date):  # a YAML loader other than ours, or a caller's dict
        setattr(meta, key, value if not isinstance(value, dt.datetime) else value.date())
        return
    if not isinstance(value, str):
        problems.add(where, f"日期应为文字（如 2025-01-20 或 2025年1月20日），而不是“{shorten(value)}”")
        return
    if len(value) > MAX_NAME:
        problems.add(where, f"日期过长（{len(value)}字）：“{shorten(value)}”")
        return
    read = read_date(value)
    if read.date is not None:
        setattr(meta, key, read.date)
        return
    meta.typed_dates[key] = value.strip()
    text_key = _DATE_KEYS[key]
    before = getattr(meta, text_key)
    setattr(meta, text_key, f"{before}至{value.strip()}" if before else value.strip())


def _metadata(data: object, problems: Problems) -> Metadata:
    meta = Metadata()
    if data is None:
        return meta
    if not isinstance(data, dict):
        problems.add("metadata", "应为键值对象")
        return meta
    for key, value in data.items():
        where = f"metadata.{key}"
        if key not in _META_KEYS:
            problems.add(where, "未知字段")
        elif key in _DATE_KEYS:
            _date(meta, key, value, problems)
        elif key == "year":
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2999
            ):
                problems.add(where, f"年份应为四位整数，而不是“{shorten(value)}”")
            else:
                meta.year = value
        elif key == "agency_kind":
            if value not in (None, *_KINDS):
                problems.add(where, f"应为 {'、'.join(_KINDS)} 之一（或省略，由机关名称判断）")
            elif value is not None:
                meta.agency_kind = value
        elif value is not None and not isinstance(value, str):
            problems.add(where, f"应为文字，而不是“{shorten(value)}”")
        elif value is not None and key != "source" and len(value) > MAX_NAME:
            problems.add(where, f"过长（{len(value)}字，最多{MAX_NAME}字）：“{shorten(value)}”")
        else:
            setattr(meta, key, value)
    return meta


def _section(key: str, value: object, problems: Problems) -> Section | None:
    spec = _SECTION_KEYS[key]
    where = f"sections.{key}"
    title: object = spec.title
    text: object = value
    printed: object = None
    if isinstance(value, dict):
        for field in value:
            if field not in _SECTION_FIELDS:
                problems.add(f"{where}.{field}", f"未知字段（应为 {'、'.join(sorted(_SECTION_FIELDS))}）")
        title = value.get("title", spec.title)
        text = value.get("text", "")
        printed = value.get("printed_number")
    text = "" if text is None else text
    if not isinstance(text, str) or not (title is None or isinstance(title, str)):
        problems.add(where, "正文和标题应为文字")
        return None
    if printed is not None and (not isinstance(printed, str) or len(printed) > 3):
        problems.add(f"{where}.printed_number", f"应为印出的序号（一…六），而不是“{shorten(printed)}”")
        printed = None
    if title is not None and len(title) > MAX_NAME:
        problems.add(f"{where}.title", f"过长（{len(title)}字，最多{MAX_NAME}字）：“{shorten(title)}”")
    check_text(where, text, MAX_TEXT, MAX_LINES, problems)
    return Section(number=spec.number, key=key, title=title, printed_number=printed, text=text.strip("\n"))


def _sections(data: object, problems: Problems) -> list[Section]:
    if data is None:
        return []
    if not isinstance(data, dict):
        problems.add("sections", "应为以部分键（overview、problems…）为键的对象")
        return []
    out: list[Section] = []
    for key, value in data.items():
        if key not in _SECTION_KEYS:
            problems.add(f"sections.{key}", f"未知的部分（应为 {'、'.join(_SECTION_KEYS)}）")
        elif (section := _section(key, value, problems)) is not None:
            out.append(section)
    return sorted(out, key=lambda s: s.number)


def _cell(value: object, where: str, file: str, problems: Problems) -> Cell | None:
    prov = Provenance(file=file)
    if value is None:
        return Cell(raw="", state="blank", provenance=prov)
    if isinstance(value, BadNumber):
        problems.add(where, f"“{shorten(value)}”{value.why}")
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        problems.add(where, f"单元格应为数字、文字或 null，而不是“{shorten(value)}”")
        return None
    if isinstance(value, int | float):
        return Cell(raw=str(value), value=value, state="number", provenance=prov)
    if len(value) > 500:
        problems.add(where, f"单元格文字过长（{len(value)}字）：“{shorten(value)}”")
        return None
    parsed = parse_cell(value)
    return Cell(raw=value, value=parsed.value, state=parsed.state, note=parsed.note, provenance=prov)


def _table(
    table_id: str, data: object, spec: TableSpec, layout: list[str], fmt: str, file: str, problems: Problems
) -> TableData:
    table = TableData(id=table_id, layout=layout)
    if data is None or data == {}:
        return table
    if not isinstance(data, dict):
        problems.add(table_id, "应为以行键为键的对象")
        return table
    table.found = True
    rows = {r.key: r for r in spec.rows}
    allowed = optional_rows(table_id, layout, fmt)
    for row_key, fields in data.items():
        row = rows.get(row_key)
        if row is None:
            problems.add(f"{table_id}.{row_key}", f"{spec.short}没有这一行（行键见 report-keys.md）")
            continue
        if not isinstance(fields, dict):
            problems.add(f"{table_id}.{row_key}", "应为以列键为键的对象")
            continue
        if row.optional and row_key not in allowed:
            if any(v is not None for v in fields.values()):
                problems.add(
                    f"{table_id}.{row_key}",
                    f"“{row.label}”一行是旧版式，2021年格式应按其子项逐行填写"
                    "（旧版式报告须在 layout 中注明，如 other_total_single_row）",
                )
            continue
        known = [f.key for f in spec.fields_of(row)]
        if table_id == "table3":
            known = table3_columns(layout)
        cells: dict[str, Cell] = {}
        for field, value in fields.items():
            where = f"{table_id}.{row_key}.{field}"
            if field not in known:
                problems.add(where, f"“{row.label}”没有这一列（应为 {'、'.join(sorted(known))}）")
                continue
            cell = _cell(value, where, file, problems)
            if cell is not None:
                cells[field] = cell
        table.rows[row_key] = cells
    return table


def _source_format(data: dict[str, Any], given: str, problems: Problems) -> str:
    """The extract JSON of a printed report keeps its source's format (``source.format``); data is ``given``."""
    source = data.get("source")
    if source is None:
        return given
    fmt = source.get("format") if isinstance(source, dict) else None
    if not isinstance(source, dict) or not (fmt is None or (isinstance(fmt, str) and 0 < len(fmt) <= 20)):
        problems.add("source", "应为含 file、format 的对象（gongkai extract 的输出）")
        return given
    return given if fmt is None or fmt in DATA_FORMATS else fmt


def _format(data: dict[str, Any], problems: Problems) -> str:
    fmt = data.get("format", "2021")
    if fmt is None:
        return "2021"
    if fmt not in ("2021", "2019", "unknown"):
        problems.add("format", f"应为“2021”（国办公开办函〔2021〕30号）或“2019”（试行格式），而不是“{shorten(fmt)}”")
        return "2021"
    return str(fmt)


def report_from_data(data: dict[str, Any], path: str, source_format: str = "json") -> AnnualReport:
    """Build the model from a parsed structured report.

    The extract JSON of a printed report (``source.format`` names a printed format) comes
    back as that printed report: its ``source_format`` is the source's, its text lines and
    their positions are read from ``lines``, and it is not completed like data.

    Raises:
        InputError: E117 listing every unknown key and malformed value with its key path.
    """
    problems = Problems()
    walk_strings({k: v for k, v in data.items() if k != "provenance"}, "", problems)
    for key in data:
        if key not in _TOP_KEYS:
            problems.add(shorten(key), "未知的顶层字段")
    fmt = _format(data, problems)
    source_format = _source_format(data, source_format, problems)
    report = AnnualReport(format=fmt, source_file=path, source_format=source_format)
    report.metadata = _metadata(data.get("metadata"), problems)
    preamble = data.get("preamble") or ""
    if not isinstance(preamble, str):
        problems.add("preamble", "应为文字")
        preamble = ""
    check_text("preamble", preamble, MAX_TEXT, MAX_LINES, problems)
    report.preamble = preamble.strip("\n")
    report.sections = _sections(data.get("sections"), problems)
    total = len(report.preamble) + sum(len(s.text) + len(s.title or "") for s in report.sections)
    if total > MAX_TOTAL_TEXT:
        problems.add("sections", f"正文共{total}字，超过上限{MAX_TOTAL_TEXT}字（一份年报约3万字）")
    layouts = read_layout(data.get("layout"), problems)
    for table_id in ("table2", "table3", "table4"):
        layout = layouts.get(table_id, [])
        spec = TABLE2_2019 if table_id == "table2" and (fmt == "2019" or "format_2019" in layout) else TABLES[table_id]
        setattr(report, table_id, _table(table_id, data.get(table_id), spec, layout, fmt, path, problems))
    read_unplaced(report, data.get("unplaced"), problems)
    read_notes(report, data.get("notes"), problems)
    apply_evidence(report, data.get("evidence"), problems)
    if source_format not in DATA_FORMATS:  # a printed report's text lines, as its reader gave them
        report.lines = read_lines(data.get("lines"), path, problems)
        read_provenance(report, data.get("provenance"))
    problems.raise_if_any()
    report.template = data.get("template") is True and _all_blank(report)
    return report


def _all_blank(report: AnnualReport) -> bool:
    """Declared a blank template: all three tables there and not one cell filled."""
    tables = (report.table2, report.table3, report.table4)
    cells = [c for t in tables for row in t.rows.values() for c in row.values()]
    return all(t.found for t in tables) and all(c.state in ("blank", "absent") for c in cells)


__all__ = [
    "MAX_NAME",
    "MAX_TEXT",
    "MAX_TOTAL_TEXT",
    "looks_structured",
    "read_structured",
    "report_from_data",
    "structured_text",
]
