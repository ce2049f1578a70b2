"""What a structured report says about how its source was printed, so checking its JSON is checking the source.

``gongkai extract`` prints, beside the values, what the audit needs to judge the
printed report again (see ``docs/architecture.md``, "Structured input"):

* ``layout`` — each table's layout traits (``other_total_single_row``: （六）其他处理
  printed as one row; ``legal_entity_subtotal_column``; ``category_subtotal_rows``;
  ``generic_column_headers``; ``format_2019``), which also admit the old layouts' rows
  and columns in the tables;
* ``evidence`` — per table, the row labels and column headers that were not printed as
  in the template (``label`` as printed, ``match``), rows printed with another number of
  values (``cells`` as printed, ``expected``, ``alignment``), cells not found at all
  (``absent``), a table found without any row (``found``), and where the table was
  printed (``page``, ``line`` …);
* ``unplaced`` — rows the reader could not place, raw cells kept;
* ``notes`` — annotations printed with numbers;
* ``lines`` — a printed report's text lines as its reader gave them (section, text and
  position), which the narrative rules read (wrapped lines are joined by position).
"""

from __future__ import annotations

import re
from typing import get_args

from gongkai.model import (
    TABLE2_2019,
    TABLES,
    AnnualReport,
    ColumnEvidence,
    Provenance,
    RowEvidence,
    Section,
    TableData,
    TextLine,
    UnplacedRow,
)
from gongkai.model.numbers import parse_cell
from gongkai.model.report import MatchKind
from gongkai.model.template import LEGAL_ENTITY_SUBTOTAL, SUBTOTAL_ITEMS, TABLE3
from gongkai.readers.structured_positions import positions
from gongkai.readers.structured_problems import MAX_CELL_TEXT, MAX_ITEMS, Problems, strings

MAX_UNPLACED = 500
"""Most unplaced rows per table."""
MAX_TEXT_LINES = 20_000
"""Most text lines of a printed report."""
MAX_LINE = 20_000
"""Longest text line (characters; crawled text may hold a whole report on one line)."""

_TRAIT = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_ALIGNMENTS = ("exact", "trimmed", "redundant", "misaligned", "none")
_UNITS = ("件", "个", "条", "项", "次", "份", "元", "万元", "人次", "人")


def read_layout(data: object, problems: Problems) -> dict[str, list[str]]:
    """``layout``: table id → layout traits."""
    if not data:
        return {}
    if not isinstance(data, dict):
        problems.add("layout", "应为以表键为键、版式特征列表为值的对象")
        return {}
    out: dict[str, list[str]] = {}
    for table_id, traits in data.items():
        if table_id not in TABLES or not isinstance(traits, list):
            problems.add(f"layout.{table_id}", "应为 table2/table3/table4 下的版式特征列表")
            continue
        good = [t for t in traits if isinstance(t, str) and _TRAIT.match(t)]
        if len(good) != len(traits):
            problems.add(f"layout.{table_id}", "版式特征应为英文标识（如 other_total_single_row）")
        out[table_id] = good
    return out


def optional_rows(table_id: str, layout: list[str], fmt: str) -> set[str]:
    """The old layouts' rows a table may hold: （六）其他处理 as one row, the category subtotal rows."""
    if table_id != "table3":
        return set()
    rows: set[str] = set()
    if fmt == "2019" or "other_total_single_row" in layout:
        rows.add("other_total")
    if "category_subtotal_rows" in layout:
        rows.update(SUBTOTAL_ITEMS)
    return rows


def table3_columns(layout: list[str]) -> list[str]:
    """Table 3's columns, with 法人或其他组织小计 when the layout prints it."""
    cols = [c.key for c in TABLE3.columns]
    return [*cols, LEGAL_ENTITY_SUBTOTAL.key] if "legal_entity_subtotal_column" in layout else cols


def read_unplaced(report: AnnualReport, data: object, problems: Problems) -> None:
    """Rows a reader could not place (``gongkai extract``'s ``unplaced``): kept, so the audit still reports them."""
    if not data:
        return
    if not isinstance(data, dict):
        problems.add("unplaced", "应为以表键为键的对象")
        return
    for table_id, rows in data.items():
        if table_id not in TABLES or not isinstance(rows, list) or len(rows) > MAX_UNPLACED:
            problems.add(f"unplaced.{table_id}", f"应为 table2/table3/table4 下不超过{MAX_UNPLACED}行的列表")
            continue
        for i, row in enumerate(rows, 1):
            where = f"unplaced.{table_id}[{i}]"
            if not isinstance(row, dict):
                problems.add(where, "应为含 labels、raw_cells、reason 的对象")
                continue
            labels = strings(row.get("labels"), f"{where}.labels", problems)
            cells = strings(row.get("raw_cells"), f"{where}.raw_cells", problems)
            reason = row.get("reason", "")
            if not isinstance(reason, str) or len(reason) > MAX_CELL_TEXT:
                problems.add(f"{where}.reason", "应为文字")
            elif labels is not None and cells is not None:
                prov = positions(row, report.source_file)
                unplaced = UnplacedRow(labels=labels, raw_cells=cells, reason=reason, provenance=prov)
                report.table(table_id).unplaced.append(unplaced)


def read_notes(report: AnnualReport, data: object, problems: Problems) -> None:
    """Annotations printed with numbers (``notes``: ``"table2.normative_documents.in_force": "其中修订3件"``).

    The cell's printed text is rebuilt as the reader saw it (``22（其中修订3件）``,
    ``251000元``), so the rules that read it (S118) judge it as printed.
    """
    if not data:
        return
    if not isinstance(data, dict):
        problems.add("notes", "应为以“表.行.列”为键的对象")
        return
    for key, note in data.items():
        parts = str(key).split(".")
        cell = report.table(parts[0]).cell(parts[1], parts[2]) if len(parts) == 3 and parts[0] in TABLES else None
        if cell is None or cell.state != "number" or not isinstance(note, str) or len(note) > MAX_CELL_TEXT:
            problems.add(f"notes.{key}", "没有对应的数字单元格，或括注不是文字")
            continue
        cell.note = note
        for raw in (f"{cell.raw}{note}", f"{cell.raw}（{note}）"):
            parsed = parse_cell(raw)
            if parsed.value == cell.value and parsed.note == note and (note in _UNITS) == ("（" not in raw):
                cell.raw = raw
                break


def _match(value: object) -> MatchKind | None:
    return value if value in get_args(MatchKind) else None  # type: ignore[return-value]


def _evidence_table(report: AnnualReport, table: TableData, data: dict[str, object], problems: Problems) -> None:
    where = f"evidence.{table.id}"
    old = report.format == "2019" or "format_2019" in table.layout
    spec = TABLE2_2019 if table.id == "table2" and old else TABLES[table.id]
    if data.get("found") is True:
        table.found = True
    table.provenance = positions(data, report.source_file)
    rows = {r.key for r in spec.rows}
    for key, ev in _mapping(data.get("rows"), f"{where}.rows", problems).items():
        at = f"{where}.rows.{key}"
        label, cells = ev.get("label"), strings(ev.get("cells"), f"{at}.cells", problems)
        match, expected, alignment = _match(ev.get("match", "exact")), ev.get("expected", 0), ev.get("alignment")
        if key not in rows or match is None or (label is not None and not isinstance(label, str)):
            problems.add(at, "行键、label（印出的行标签）或 match 不正确")
        elif not isinstance(expected, int) or isinstance(expected, bool) or not 0 <= expected <= MAX_ITEMS:
            problems.add(f"{at}.expected", "应为整数")
        elif alignment not in (None, *_ALIGNMENTS):
            problems.add(f"{at}.alignment", f"应为 {'、'.join(_ALIGNMENTS)} 之一")
        elif cells is not None:
            table.row_evidence[key] = RowEvidence(
                key=key,
                printed_label=label,
                match=match,
                raw_cells=cells,
                expected_cells=expected,
                alignment=alignment or "none",
                provenance=positions(ev, report.source_file),
            )
    for key, ev in _mapping(data.get("columns"), f"{where}.columns", problems).items():
        label, match = ev.get("label"), _match(ev.get("match"))
        if match is None or (label is not None and not isinstance(label, str)):
            problems.add(f"{where}.columns.{key}", "label（印出的列标题）或 match 不正确")
        else:
            table.column_evidence[key] = ColumnEvidence(key=key, printed_label=label, match=match)
    absent = data.get("absent") or {}
    if not isinstance(absent, dict):
        problems.add(f"{where}.absent", "应为以行键为键、列键列表为值的对象")
        return
    for row, cols in absent.items():
        for col in cols if isinstance(cols, list) else [None]:
            cell = table.cell(row, col) if isinstance(col, str) else None
            if cell is None or cell.state != "blank" or not isinstance(col, str):
                problems.add(f"{where}.absent.{row}", "没有对应的空白单元格")
                break
            table.rows[row][col] = cell.model_copy(update={"raw": None, "state": "absent"})


def _mapping(value: object, where: str, problems: Problems) -> dict[str, dict[str, object]]:
    if not value:
        return {}
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        problems.add(where, "应为以键为键的对象")
        return {}
    return value


def apply_evidence(report: AnnualReport, data: object, problems: Problems) -> None:
    """``evidence``: how the source printed its labels and values (see the module docs)."""
    if not data:
        return
    if not isinstance(data, dict):
        problems.add("evidence", "应为以表键为键的对象")
        return
    for table_id, value in data.items():
        if table_id not in TABLES or not isinstance(value, dict):
            problems.add(f"evidence.{table_id}", "应为 table2/table3/table4 下的对象")
            continue
        _evidence_table(report, report.table(table_id), value, problems)


def read_lines(data: object, file: str, problems: Problems) -> list[TextLine]:
    """``lines``: a printed report's text lines, ``{"section": 1, "text": "…", "page": 3, "bbox": […]}``."""
    if not data:
        return []
    if not isinstance(data, list) or len(data) > MAX_TEXT_LINES:
        problems.add("lines", f"应为不超过{MAX_TEXT_LINES}行的列表")
        return []
    out: list[TextLine] = []
    for i, item in enumerate(data, 1):
        text = item.get("text") if isinstance(item, dict) else None
        section = item.get("section") if isinstance(item, dict) else None
        prov = positions(item, file, strict=True) if isinstance(item, dict) else None
        if (
            not isinstance(text, str)
            or len(text) > MAX_LINE
            or not (section is None or section in range(1, 7))
            or prov is None
        ):
            problems.add(f"lines[{i}]", "应为含 text（文字）、section（1–6 或 null）和位置（整数、bbox）的对象")
            continue
        out.append(TextLine(text=text, provenance=prov, section=section))
    return out


def read_provenance(report: AnnualReport, data: object) -> None:
    """A printed report's ``provenance`` block: where its tables, cells, sections and metadata were printed.

    Positions refer to the source the JSON was extracted from; an entry that names nothing
    in the report, or is malformed, is ignored (provenance is never data).
    """
    if not isinstance(data, dict):
        return
    file = report.source_file
    for key, value in data.items():
        if not isinstance(value, dict) or not isinstance(key, str):
            continue
        prov = positions(value, file) or Provenance(file=file)
        parts = key.split(".")
        if parts[0] in TABLES and len(parts) == 3:
            cell = report.table(parts[0]).cell(parts[1], parts[2])
            if cell is not None:
                cell.provenance = prov
        elif parts[0] == "metadata" and len(parts) == 2:
            report.metadata.provenance[parts[1]] = prov
        elif parts[0] == "sections" and len(parts) == 2 and (section := _section_by_key(report, parts[1])):
            section.provenance = prov


def _section_by_key(report: AnnualReport, key: str) -> Section | None:
    return next((s for s in report.sections if s.key == key), None)
