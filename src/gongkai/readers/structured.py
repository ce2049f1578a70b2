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

from typing import Any

from gongkai.model import TABLE2_2019, TABLES, AnnualReport, Cell, Provenance, TableData
from gongkai.model.labels import shorten
from gongkai.model.numbers import parse_cell
from gongkai.model.report import DATA_FORMATS
from gongkai.model.template import TableSpec
from gongkai.readers.structured_load import BadNumber, looks_structured, parse_text, structured_text
from gongkai.readers.structured_meta import (
    MAX_LINES,
    MAX_NAME,
    MAX_TEXT,
    MAX_TOTAL_TEXT,
    read_metadata,
    read_sections,
)
from gongkai.readers.structured_printed import (
    apply_evidence,
    optional_rows,
    read_layout,
    read_lines,
    read_notes,
    read_provenance,
    read_unplaced,
    table3_columns,
)
from gongkai.readers.structured_problems import Problems, check_text, walk_strings

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


def read_structured(text: str, path: str) -> AnnualReport:
    """A structured report's text (see :func:`structured_text`) → the model, not yet completed.

    Raises:
        InputError: E117 malformed, listing every bad key path.
    """
    fmt = "json" if text.lstrip("\ufeff \t\r\n").startswith("{") else "yaml"
    return report_from_data(parse_text(text), path, fmt)


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
    """The extract JSON of a printed report keeps its source's format (``source.format``); data is ``given``.

    Only a JSON carrying the printed report's ``lines`` is that printed report; without them
    (written by hand, or by an older gongkai) it is data, completed as data is.
    """
    source = data.get("source")
    if source is None:
        return given
    fmt = source.get("format") if isinstance(source, dict) else None
    if not isinstance(source, dict) or not (fmt is None or (isinstance(fmt, str) and 0 < len(fmt) <= 20)):
        problems.add("source", "应为含 file、format 的对象（gongkai extract 的输出）")
        return given
    return given if fmt is None or fmt in DATA_FORMATS or "lines" not in data else fmt


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
    report.metadata = read_metadata(data.get("metadata"), problems)
    preamble = data.get("preamble") or ""
    if not isinstance(preamble, str):
        problems.add("preamble", "应为文字")
        preamble = ""
    check_text("preamble", preamble, MAX_TEXT, MAX_LINES, problems)
    report.preamble = preamble.strip("\n")
    report.sections = read_sections(data.get("sections"), problems)
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
