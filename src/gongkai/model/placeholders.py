"""Placeholders in a report's texts: ``{table3.new_received.total}``, ``{metadata.year}``.

Staff write the narrative with placeholders so the prose cannot contradict the
tables: the writer fills each one from the report's own cells.  A placeholder
that names no cell, or a blank one, stays in the text as written and the audit
reports it (S121), so a final report cannot be published with it.

Also defined here: the marks a draft leaves for staff to complete
(``【待填写：…】``) and the official template's own instruction text
(``（文字描述）``), which must not survive into a published report either.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from gongkai.model.labels import format_date, format_number
from gongkai.model.report import PRINTED_METADATA, AnnualReport
from gongkai.model.template import TABLES

PLACEHOLDER = re.compile(r"\{\s*(?:table[0-9]|metadata)\b[^{}\n]{0,80}\}")
"""Anything that looks like a placeholder; :func:`resolve` decides whether it names a cell."""
TO_FILL = re.compile(r"【待填写[^】]*】")
TEMPLATE_INSTRUCTIONS = re.compile(r"[（(]\s*文字描述[^）)]{0,40}[）)]")
_FIELDS = PRINTED_METADATA


@dataclass(frozen=True, slots=True)
class Unresolved:
    text: str
    reason: str


def resolve(report: AnnualReport, placeholder: str) -> str | Unresolved:
    """The text a placeholder stands for, or why it cannot be filled."""
    parts = [p.strip() for p in placeholder.strip("{} \t").split(".")]
    if parts[0] == "metadata":
        if len(parts) != 2 or parts[1] not in _FIELDS:
            return Unresolved(placeholder, f"没有这个字段（可用：{'、'.join(_FIELDS)}）")
        value = getattr(report.metadata, parts[1])
        if value is None or value == "":
            return Unresolved(placeholder, "引用的基本信息未填写")
        return format_date(value) if isinstance(value, dt.date) else str(value)
    spec = TABLES.get(parts[0])
    if spec is None or len(parts) != 3:
        return Unresolved(placeholder, "格式应为 {表.行.列}，如 {table3.new_received.total}")
    rows = {r.key: r for r in spec.rows}
    row = rows.get(parts[1])
    if row is None:
        return Unresolved(placeholder, f"{spec.short}没有行“{parts[1]}”")
    if parts[2] not in {f.key for f in spec.fields_of(row)}:
        return Unresolved(placeholder, f"{spec.short}“{row.label}”没有列“{parts[2]}”")
    cell = report.table(spec.id).cell(parts[1], parts[2])
    if cell is None or cell.state != "number" or cell.value is None:
        return Unresolved(placeholder, "引用的单元格没有数字")
    return format_number(cell.value)


def fill(report: AnnualReport, text: str) -> tuple[str, list[Unresolved]]:
    """``text`` with every resolvable placeholder replaced; the others are left as written and returned."""
    unresolved: list[Unresolved] = []

    def sub(m: re.Match[str]) -> str:
        got = resolve(report, m.group(0))
        if isinstance(got, Unresolved):
            unresolved.append(got)
            return m.group(0)
        return got

    return PLACEHOLDER.sub(sub, text), unresolved


def fill_report(report: AnnualReport) -> list[Unresolved]:
    """Fill the placeholders of the preamble and every section in place; returns those left."""
    left: list[Unresolved] = []
    report.preamble, missing = fill(report, report.preamble)
    left += missing
    for section in report.sections:
        section.text, missing = fill(report, section.text)
        left += missing
    return left
