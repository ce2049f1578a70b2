"""The structured annual report: one model that reading and writing meet in."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

FormatVersion = Literal["2021", "2019", "unknown"]
CellState = Literal["number", "blank", "marker", "text", "absent"]
MatchKind = Literal["exact", "variant", "misprint", "position", "absent"]


class Provenance(BaseModel):
    """Where a piece of the report came from; every position is 1-based."""

    model_config = ConfigDict(frozen=True)

    file: str = Field(description="Source file path as given by the user")
    page: int | None = Field(default=None, description="Page number (paged formats)")
    line: int | None = Field(default=None, description="Line number in the decoded source text")
    table: int | None = Field(default=None, description="Index of the source table (HTML/Markdown/DOCX)")
    row: int | None = Field(default=None, description="Row within the source table or tab-separated line group")
    column: int | None = Field(default=None, description="Cell position within the source row")
    bbox: tuple[float, float, float, float] | None = Field(
        default=None,
        description="x0, top, x1, bottom from the top-left: PDF points (PDF pages, scanned ones too) or pixels (image files)",
    )
    paragraph: int | None = Field(default=None, description="Paragraph number within the article (HTML)")
    confidence: float | None = Field(default=None, description="OCR recognition confidence, 0–1 (scans only)")
    sheet: str | None = Field(default=None, description="Worksheet name (gongkai's Excel workbook)")
    cell: str | None = Field(default=None, description="Cell address in the worksheet, e.g. ``D7``")
    char: int | None = Field(
        default=None, description="Character position within the line, where one line holds many parts (crawled text)"
    )
    records: tuple[str, ...] | None = Field(
        default=None,
        description="A cell computed from the case register: the records behind it (``application:17``, ``review_case:3`` …),"
        " empty when none (a computed 0)",
    )

    def describe(self) -> str:
        """Short Chinese description: ``第12行第3格``, ``表格2第4行第3格``, ``第1行·第12段``."""
        if self.records is not None:
            return f"依据登记簿{len(self.records)}条记录" if self.records else "登记簿中无对应记录"
        if self.sheet is not None:  # a workbook cell: its address, and the line within a text cell
            where = f"工作表“{self.sheet}”" + (f"{self.cell}单元格" if self.cell else "")
            return where + (f"第{self.line}行" if self.line is not None else "")
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.table is not None and self.row is not None:
            parts.append(f"表格{self.table}第{self.row}行")
        elif self.line is not None:
            parts.append(f"第{self.line}行" + (f"第{self.char}字" if self.char is not None else ""))
        if self.column is not None:
            parts.append(f"第{self.column}格")
        if self.paragraph is not None:
            parts.append(("·" if parts else "") + f"第{self.paragraph}段")
        if self.confidence is not None:
            parts.append(f"（识别置信度{self.confidence:.2f}）")
        return "".join(parts)


class Cell(BaseModel):
    """One table cell: what was printed, what it means, and where it was."""

    raw: str | None = Field(default=None, description="Text as printed; None when the cell was not found at all")
    value: int | float | None = Field(default=None, description="Parsed number, if the text is a number")
    state: CellState = "absent"
    note: str | None = Field(default=None, description="Annotation printed with the number, e.g. （其中修订16件）")
    provenance: Provenance | None = None

    def plain(self) -> int | float | str | None:
        """The cell as a plain JSON value: number, printed marker/text, or None."""
        if self.state == "number":
            return self.value
        if self.state in ("marker", "text"):
            return self.raw
        return None


class RowEvidence(BaseModel):
    """How a table row was identified in the source (for structure rules)."""

    key: str
    printed_label: str | None = Field(default=None, description="Label text as printed, None if no label was found")
    match: MatchKind = "absent"
    raw_cells: list[str] = Field(default_factory=list, description="The value cells as printed")
    expected_cells: int = 0
    alignment: Literal["exact", "trimmed", "redundant", "misaligned", "none"] = "none"
    provenance: Provenance | None = None


class ColumnEvidence(BaseModel):
    key: str
    printed_label: str | None = None
    match: MatchKind = "absent"


class UnplacedRow(BaseModel):
    """A source row whose numbers could not be tied to a template row: kept, never guessed."""

    labels: list[str] = Field(default_factory=list)
    raw_cells: list[str] = Field(default_factory=list)
    reason: str
    provenance: Provenance | None = None


class TableData(BaseModel):
    """A table: row key → field/column key → cell."""

    id: str
    found: bool = False
    rows: dict[str, dict[str, Cell]] = Field(default_factory=dict)
    row_evidence: dict[str, RowEvidence] = Field(default_factory=dict)
    column_evidence: dict[str, ColumnEvidence] = Field(default_factory=dict)
    unplaced: list[UnplacedRow] = Field(default_factory=list)
    layout: list[str] = Field(
        default_factory=list,
        description="Layout traits: other_total_single_row, legal_entity_subtotal_column, category_subtotal_rows, …",
    )
    provenance: Provenance | None = None

    def cell(self, row: str, col: str) -> Cell | None:
        return self.rows.get(row, {}).get(col)

    def value(self, row: str, col: str) -> int | float | None:
        c = self.cell(row, col)
        return c.value if c is not None and c.state == "number" else None


class Section(BaseModel):
    number: int
    key: str
    title: str | None = Field(default=None, description="Heading as printed; None when the heading is missing")
    printed_number: str | None = Field(default=None, description="The numeral printed before the heading (一…六)")
    text: str = ""
    provenance: Provenance | None = None
    end_line: int | None = None


class Metadata(BaseModel):
    title: str | None = None
    agency: str | None = None
    agency_kind: Literal["department", "government", "township", "unknown"] = "unknown"
    year: int | None = Field(default=None, description="Report year from the title")
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    period_text: str | None = None
    signature_agency: str | None = None
    signature_date: dt.date | None = None
    signature_text: str | None = None
    publication_date: dt.date | None = None
    publication_text: str | None = None
    source: str | None = Field(default=None, description="Source URL or file")
    typed_dates: dict[str, str] = Field(
        default_factory=dict,
        description="Date fields typed (structured data, the workbook) as text that is no date that exists:"
        " field → the text as typed; the date field itself stays None (rule M106 reports it)",
    )
    provenance: dict[str, Provenance] = Field(default_factory=dict)


METADATA_FIELDS = (
    "title",
    "agency",
    "agency_kind",
    "year",
    "period_start",
    "period_end",
    "signature_agency",
    "signature_date",
    "publication_date",
    "source",
)
"""The metadata keys of every structured form (JSON, YAML, the workbook, the database), in order."""

DATA_FORMATS = frozenset({"json", "yaml", "xlsx", "cases"})
"""Source formats of a report given as data (completed before it is checked), ``cases`` for one computed
from the case register; every other source format is a printed report's — the extract JSON of a
printed report keeps its source's format."""

PRINTED_METADATA = ("title", "agency", "year", "period_start", "period_end", "signature_agency", "signature_date")
"""The metadata a report prints in its text: what a written report carries and placeholders may name
(the publication date and source belong to the website, not the document)."""


class TextLine(BaseModel):
    """A line of narrative text with its provenance (for consistency rules)."""

    text: str
    provenance: Provenance
    section: int | None = Field(
        default=None, description="Section number 1–6 the line belongs to; None before section 一"
    )


class AnnualReport(BaseModel):
    """A 政府信息公开工作年度报告 read from a source or built from records."""

    schema_version: int = 1
    format: FormatVersion = "unknown"
    source_file: str = ""
    source_format: str = ""
    metadata: Metadata = Field(default_factory=Metadata)
    preamble: str = Field(default="", description="Text between the title and section 一 (one line per paragraph)")
    sections: list[Section] = Field(default_factory=list)
    table2: TableData = Field(default_factory=lambda: TableData(id="table2"))
    table3: TableData = Field(default_factory=lambda: TableData(id="table3"))
    table4: TableData = Field(default_factory=lambda: TableData(id="table4"))
    lines: list[TextLine] = Field(default_factory=list, description="All text lines of the report body, in order")
    template: bool = Field(
        default=False, description="A blank template: the three tables are there but not one cell is filled"
    )

    def section(self, number: int) -> Section | None:
        for s in self.sections:
            if s.number == number:
                return s
        return None

    def table(self, table_id: str) -> TableData:
        if table_id == "table2":
            return self.table2
        if table_id == "table3":
            return self.table3
        if table_id == "table4":
            return self.table4
        raise KeyError(table_id)
