"""A report as page data: its three tables on the official grids (value cells linkable to their
records), its texts with the 【待填写】 marks picked out, and the audit's findings."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel

from gongkai.audit import Finding
from gongkai.model import SECTIONS, AnnualReport
from gongkai.model.grid import GRIDS, cell_text
from gongkai.model.placeholders import TO_FILL
from gongkai.render.document import report_title


class GridCellOut(BaseModel):
    text: str
    kind: str
    """head | label | value"""
    rowspan: int = 1
    colspan: int = 1
    scope: str | None = None
    row: str | None = None
    column: str | None = None
    link: str | None = None
    """The records behind a non-zero computed value (agency workspace only)."""


class TableOut(BaseModel):
    id: str
    title: str
    head_rows: int
    rows: list[list[GridCellOut]]


class Segment(BaseModel):
    text: str
    to_fill: bool = False


class TextOut(BaseModel):
    number: int
    """0 for the preamble."""
    title: str
    text: str
    """As it will print (computed placeholders filled)."""
    paragraphs: list[list[Segment]]
    draft_text: str = ""
    """As saved (with the ``{table3…}`` placeholders that keep numbers computed): what the form edits."""


class FindingOut(BaseModel):
    code: str
    severity: str
    severity_label: str
    location: str
    message: str
    hint: str


class ReportBody(BaseModel):
    title: str
    texts: list[TextOut]
    tables: list[TableOut]
    signature: list[str]


LinkFn = Callable[[str, str, str], str | None]


def _segments(line: str) -> list[Segment]:
    out: list[Segment] = []
    at = 0
    for m in TO_FILL.finditer(line):
        if m.start() > at:
            out.append(Segment(text=line[at : m.start()]))
        out.append(Segment(text=m.group(0), to_fill=True))
        at = m.end()
    if at < len(line):
        out.append(Segment(text=line[at:]))
    return out


def _text(number: int, title: str, text: str, draft: str) -> TextOut:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return TextOut(number=number, title=title, text=text, paragraphs=[_segments(x) for x in lines], draft_text=draft)


def tables_of(report: AnnualReport, link: LinkFn | None = None) -> list[TableOut]:
    """The three tables as printed grids; with ``link``, a non-zero number cell links to its records."""
    out: list[TableOut] = []
    for table_id, make in GRIDS.items():
        grid = make()
        data = report.table(table_id)
        rows: list[list[GridCellOut]] = []
        for grid_row in grid.rows:
            cells: list[GridCellOut] = []
            for c in grid_row:
                cell = GridCellOut(text=c.text, kind=c.kind, rowspan=c.rowspan, colspan=c.colspan, scope=c.scope)
                if c.key is not None:
                    model = data.cell(*c.key)
                    cell.text, cell.row, cell.column = cell_text(model), c.key[0], c.key[1]
                    if link and model is not None and model.state == "number" and model.value:
                        cell.link = link(table_id, *c.key)
                cells.append(cell)
            rows.append(cells)
        out.append(TableOut(id=table_id, title=grid.title, head_rows=grid.head_rows, rows=rows))
    return out


def body_of(shown: AnnualReport, draft: AnnualReport | None = None, link: LinkFn | None = None) -> ReportBody:
    """``shown`` (completed) as page data; ``draft`` gives the editable texts (the working report)."""
    draft_sections = {s.number: s.text for s in draft.sections} if draft else {}
    texts = [_text(0, "前言", shown.preamble, draft.preamble if draft else "")]
    for spec in SECTIONS:
        section = shown.section(spec.number)
        if section is None:
            continue
        title = section.title or spec.title
        texts.append(_text(spec.number, title, section.text, draft_sections.get(spec.number, "")))
    meta = shown.metadata
    date = meta.signature_date.isoformat() if meta.signature_date else ""
    signature = [x for x in (meta.signature_agency or "", date) if x]
    return ReportBody(title=report_title(shown), texts=texts, tables=tables_of(shown, link), signature=signature)


def findings_out(findings: list[Finding]) -> list[FindingOut]:
    return [
        FindingOut(
            code=f.code,
            severity=f.severity.value,
            severity_label=f.severity.label,
            location=f.location.describe(),
            message=f.message,
            hint=f.hint,
        )
        for f in findings
    ]


__all__ = ["FindingOut", "GridCellOut", "ReportBody", "Segment", "TableOut", "TextOut", "body_of", "findings_out"]
