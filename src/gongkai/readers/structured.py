"""A structured report (JSON or YAML with the stable keys) → :class:`AnnualReport`.

The JSON ``gongkai extract`` prints is valid input, so any published report can be
re-rendered; an author may also write it by hand (``gongkai template --year 2024
report.yaml`` gives a skeleton).  Keys are checked strictly: a misspelt row key is
an error, never silently dropped.  Values are kept as given: a string cell goes
through the same number parser as a printed cell, ``null`` is a blank.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from gongkai.errors import InputError
from gongkai.model import SECTIONS, TABLES, AnnualReport, Cell, Metadata, Provenance, Section, TableData, UnplacedRow
from gongkai.model.labels import safe_date
from gongkai.model.numbers import parse_cell
from gongkai.model.report import METADATA_FIELDS

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
    "draft",
}
_META_KEYS = set(METADATA_FIELDS)
_DATE_KEYS = {"period_start", "period_end", "signature_date", "publication_date"}
_CN_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_SECTION_KEYS = {s.key: s for s in SECTIONS}
MAX_PROBLEMS = 30


_SNIFF = 65536


def structured_text(data: bytes) -> str | None:
    """The text of a structured report (UTF-8 JSON or YAML naming the report's parts), sniffed from its head."""
    head = data[:_SNIFF]
    if b"\x00" in head or not looks_structured(head.decode("utf-8", errors="ignore")):
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def read_structured(text: str, path: str) -> AnnualReport:
    """A structured report's text (see :func:`structured_text`) → the model, not yet completed.

    Raises:
        InputError: E117 malformed, listing every bad key path.
    """
    fmt = "json" if text.lstrip("\ufeff \t\r\n").startswith("{") else "yaml"
    return report_from_data(parse_text(text, path), path, fmt)


def looks_structured(text: str) -> bool:
    """JSON or YAML whose top level names the report's tables (sniffed by content)."""
    head = text.lstrip("\ufeff \t\r\n")[:200000]
    if head.startswith("{"):
        return bool(re.search(r'"(table3|metadata)"\s*:', head))
    return bool(re.search(r"^(table3|metadata|sections)\s*:", head, re.M))


def parse_text(text: str, path: str) -> dict[str, Any]:
    """Parse JSON (or YAML) text into a mapping; E117 with the line when it is malformed."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise InputError("E117", f"JSON 格式错误：第{exc.lineno}行第{exc.colno}列：{exc.msg}") from None
    else:
        import yaml

        try:
            data = yaml.safe_load(stripped)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"第{mark.line + 1}行第{mark.column + 1}列：" if mark is not None else ""
            raise InputError("E117", f"YAML 格式错误：{where}{getattr(exc, 'problem', None) or exc}") from None
    if not isinstance(data, dict):
        raise InputError("E117", "结构化报告的顶层应为键值对象（metadata、sections、table2、table3、table4）")
    return data


class _Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, what: str) -> None:
        self.items.append(f"{where}：{what}")

    def raise_if_any(self) -> None:
        if self.items:
            shown = self.items[:MAX_PROBLEMS]
            more = f"\n  ……另有 {len(self.items) - MAX_PROBLEMS} 处" if len(self.items) > MAX_PROBLEMS else ""
            lines = "\n  ".join(shown)
            raise InputError("E117", f"结构化报告有 {len(self.items)} 处错误：\n  {lines}{more}")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _control_chars(data: object, where: str, problems: _Problems) -> None:
    """Control characters cannot be printed in any output format (and break DOCX/XLSX): refused, not dropped."""
    if isinstance(data, str):
        m = _CONTROL.search(data)
        if m:
            problems.add(where, f"含有不可打印的控制字符 U+{ord(m.group()):04X}（第{m.start() + 1}个字符）")
    elif isinstance(data, dict):
        for key, value in data.items():
            _control_chars(value, f"{where}.{key}" if where else str(key), problems)
    elif isinstance(data, list):
        for i, value in enumerate(data, 1):
            _control_chars(value, f"{where}[{i}]", problems)


def _date(value: object, where: str, problems: _Problems) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = _CN_DATE.match(value)
        if m and (d := safe_date(*m.groups())) is not None:
            return d
    problems.add(where, f"日期“{value}”无法识别（应为 2025-01-20 或 2025年1月20日）")
    return None


def _metadata(data: object, problems: _Problems) -> Metadata:
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
            setattr(meta, key, _date(value, where, problems))
        elif key == "year":
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1900):
                problems.add(where, f"年份应为四位整数，而不是“{value}”")
            else:
                meta.year = value
        elif key == "agency_kind":
            continue  # derived from the agency's name when the report is completed
        elif value is not None and not isinstance(value, str):
            problems.add(where, "应为文字")
        else:
            setattr(meta, key, value)
    return meta


def _sections(data: object, problems: _Problems) -> list[Section]:
    if data is None:
        return []
    if not isinstance(data, dict):
        problems.add("sections", "应为以部分键（overview、problems…）为键的对象")
        return []
    out: list[Section] = []
    for key, value in data.items():
        spec = _SECTION_KEYS.get(key)
        if spec is None:
            problems.add(f"sections.{key}", f"未知的部分（应为 {'、'.join(_SECTION_KEYS)}）")
            continue
        title, text = spec.title, value
        if isinstance(value, dict):
            title = value.get("title") or spec.title
            text = value.get("text", "")
        if text is None:
            text = ""
        if not isinstance(text, str) or not isinstance(title, str):
            problems.add(f"sections.{key}", "正文和标题应为文字")
            continue
        out.append(Section(number=spec.number, key=key, title=title, text=text.strip("\n")))
    return sorted(out, key=lambda s: s.number)


def _cell(value: object, where: str, file: str, problems: _Problems) -> Cell | None:
    prov = Provenance(file=file)
    if value is None:
        return Cell(raw="", state="blank", provenance=prov)
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        problems.add(where, f"单元格应为数字、文字或 null，而不是“{value}”")
        return None
    if isinstance(value, int | float):
        return Cell(raw=str(value), value=value, state="number", provenance=prov)
    parsed = parse_cell(value)
    return Cell(raw=value, value=parsed.value, state=parsed.state, note=parsed.note, provenance=prov)


def _table(table_id: str, data: object, file: str, problems: _Problems) -> TableData:
    spec = TABLES[table_id]
    table = TableData(id=table_id)
    if data is None or data == {}:
        return table
    if not isinstance(data, dict):
        problems.add(table_id, "应为以行键为键的对象")
        return table
    table.found = True
    rows = {r.key: r for r in spec.rows}
    for row_key, fields in data.items():
        row = rows.get(row_key)
        if row is None:
            problems.add(f"{table_id}.{row_key}", f"{spec.short}没有这一行（行键见 report-keys.md）")
            continue
        if not isinstance(fields, dict):
            problems.add(f"{table_id}.{row_key}", "应为以列键为键的对象")
            continue
        if row.optional:
            if any(v is not None for v in fields.values()):
                problems.add(f"{table_id}.{row_key}", f"“{row.label}”一行是旧版式，2021年格式应按其子项逐行填写")
            continue
        known = {f.key for f in spec.fields_of(row)}
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


def _unplaced(report: AnnualReport, data: object, problems: _Problems) -> None:
    """Rows a reader could not place (``gongkai extract``'s ``unplaced``): kept, so the audit still reports them."""
    if not data:
        return
    if not isinstance(data, dict):
        problems.add("unplaced", "应为以表键为键的对象")
        return
    for table_id, rows in data.items():
        if table_id not in TABLES or not isinstance(rows, list):
            problems.add(f"unplaced.{table_id}", "应为 table2/table3/table4 下的行列表")
            continue
        for i, row in enumerate(rows, 1):
            try:
                report.table(table_id).unplaced.append(
                    UnplacedRow(
                        labels=[str(x) for x in row.get("labels", [])],
                        raw_cells=[str(x) for x in row.get("raw_cells", [])],
                        reason=str(row.get("reason", "")),
                    )
                )
            except (AttributeError, TypeError):
                problems.add(f"unplaced.{table_id}[{i}]", "格式错误")


def _notes(report: AnnualReport, data: object, problems: _Problems) -> None:
    """Annotations printed with numbers (``notes``: ``"table2.normative_documents.in_force": "其中修订3件"``)."""
    if not data:
        return
    if not isinstance(data, dict):
        problems.add("notes", "应为以“表.行.列”为键的对象")
        return
    for key, note in data.items():
        parts = str(key).split(".")
        cell = report.table(parts[0]).cell(parts[1], parts[2]) if len(parts) == 3 and parts[0] in TABLES else None
        if cell is None or cell.state != "number" or not isinstance(note, str):
            problems.add(f"notes.{key}", "没有对应的数字单元格，或括注不是文字")
            continue
        cell.note = note


def report_from_data(data: dict[str, Any], path: str, source_format: str = "json") -> AnnualReport:
    """Build the model from a parsed structured report.

    Raises:
        InputError: E117 listing every unknown key and malformed value with its key path.
    """
    problems = _Problems()
    _control_chars({k: v for k, v in data.items() if k != "provenance"}, "", problems)
    for key in data:
        if key not in _TOP_KEYS:
            problems.add(str(key), "未知的顶层字段")
    fmt = data.get("format", "2021")
    if fmt not in ("2021", "unknown", None):
        problems.add("format", f"只能按2021年格式生成报告，输入为“{fmt}”")
    report = AnnualReport(format="2021", source_file=path, source_format=source_format)
    report.metadata = _metadata(data.get("metadata"), problems)
    preamble = data.get("preamble") or ""
    if not isinstance(preamble, str):
        problems.add("preamble", "应为文字")
        preamble = ""
    report.preamble = preamble.strip("\n")
    report.sections = _sections(data.get("sections"), problems)
    report.table2 = _table("table2", data.get("table2"), path, problems)
    report.table3 = _table("table3", data.get("table3"), path, problems)
    report.table4 = _table("table4", data.get("table4"), path, problems)
    _unplaced(report, data.get("unplaced"), problems)
    _notes(report, data.get("notes"), problems)
    problems.raise_if_any()
    return report
