"""The annual report computed from the register: every cell a count of records, and the records named.

:func:`compute_report` gives an :class:`AnnualReport` of the 2021 format for one agency and year:

* the scaffold's metadata, preamble and section texts (:func:`gongkai.write.scaffold.scaffold`:
  the title ``{agency}{year}年政府信息公开工作年度报告``, the period 1-1 to 12-31, the texts with their
  placeholders and 【待填写：…】 marks for what only staff can write), the agency's kind from the
  register;
* table 3, table 4 and table 2's 规章 / 行政规范性文件 rows counted as :mod:`gongkai.cases.tally`
  states: each cell ``Cell(state="number", value=n, raw=str(n))`` whose provenance names the source
  (``登记簿:{agency}``) and the records counted, sorted (``("application:3", "application:17")``; a
  computed 0 has ``records=()``). The 总计 column, （七）总计 and table 4's 总计 are counted too (the
  records of their parts), so they hold by construction;
* table 2's 行政许可 / 行政处罚 / 行政强制 decisions and 行政事业性收费 amount (万元): the year's
  :class:`~gongkai.cases.records.YearFigure` (record ``figure:<id>``); a figure not entered is a
  blank cell (never 0: nothing was recorded), which the audit reports (S109) until it is entered;
* section 六's fee paragraph: :func:`gongkai.cases.fee_sentence.fee_sentence` in place of the
  scaffold's 【待填写】 fee mark; the section's provenance names the applications that paid.

The report is data as a report read from JSON is, not yet completed: write it with
``gongkai.write.write_loaded(report, targets, structured=True, draft=…)`` (which completes it —
placeholders filled from these tables, text lines — audits it and refuses a final with errors,
such as the scaffold's 【待填写】 marks staff have not yet replaced), or
``gongkai.extract.complete.complete`` it before auditing it alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from gongkai.cases.fee_sentence import fees_collected
from gongkai.cases.records import FIGURE_KEYS, Register, YearFigure, ref
from gongkai.cases.tally import Tally, sort_refs, tally_documents, tally_table3, tally_table4
from gongkai.errors import RegisterError
from gongkai.model import TABLES, AnnualReport, Cell, Provenance, Section, TableData
from gongkai.model.labels import format_number
from gongkai.model.placeholders import TO_FILL
from gongkai.write.scaffold import scaffold

SOURCE_FORMAT = "cases"
"""``AnnualReport.source_format`` of a report computed from the register (a data format)."""
FEE_BASIS = "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），"
"""What section 六's fee sentence is preceded by (the scaffold's wording)."""


def source_name(agency: str) -> str:
    """The source every computed cell names: ``登记簿:某某市某某局``."""
    return f"登记簿:{agency}"


def title(agency: str, year: int) -> str:
    return f"{agency}{year}年政府信息公开工作年度报告"


def number_cell(value: int | float, source: str, records: Sequence[str]) -> Cell:
    """A computed number and the records behind it (sorted, once each)."""
    return Cell(
        raw=format_number(value),
        value=value,
        state="number",
        provenance=Provenance(file=source, records=sort_refs(records)),
    )


def blank_cell(source: str) -> Cell:
    """A figure nothing was recorded for: blank, never 0."""
    return Cell(raw="", state="blank", provenance=Provenance(file=source, records=()))


def counted_table(table_id: str, tally: Tally, source: str) -> TableData:
    """The table's cells in template order, one per tallied ``(row, field)``: its count and records."""
    spec = TABLES[table_id]
    table = TableData(id=table_id, found=True)
    for row in spec.rows:
        for f in spec.fields_of(row):
            refs = tally.get((row.key, f.key))
            if refs is not None:
                table.rows.setdefault(row.key, {})[f.key] = number_cell(len(set(refs)), source, refs)
    return table


def figure_value(value: Decimal) -> int | float:
    """A figure as a cell value: an integer when it is whole (counts, whole 万元), else a float."""
    return int(value) if value == value.to_integral_value() else float(value)


def year_figures(register: Register, year: int) -> dict[str, YearFigure]:
    """The year's figures by key (``administrative_licensing.decisions`` …), voided ones left out.

    Raises:
        RegisterError: E204 when one figure was entered twice for the year (void one of them).
    """
    out: dict[str, YearFigure] = {}
    for fig in register.figures:
        if fig.voided or fig.year != year:
            continue
        if fig.key in out:
            raise RegisterError(
                "E204", f"{year}年的数字“{fig.key}”录入了两次（记录{out[fig.key].id}和{fig.id}），请作废其中一条"
            )
        out[fig.key] = fig
    return out


def table2(register: Register, year: int, source: str) -> TableData:
    """Table 2: the document ledger counted, then the year's figures (blank where none was entered)."""
    table = counted_table("table2", tally_documents(register.documents, year), source)
    figures = year_figures(register, year)
    for key in FIGURE_KEYS:
        row, field = key.split(".")
        fig = figures.get(key)
        cell = (
            blank_cell(source)
            if fig is None
            else number_cell(figure_value(fig.value), source, (ref("figure", fig.id),))
        )
        table.rows.setdefault(row, {})[field] = cell
    return table


def set_fee_paragraph(section: Section, sentence: str) -> None:
    """Put ``sentence`` in place of the section's 【待填写】 fee paragraph (or after its text when there is none)."""
    lines = section.text.split("\n") if section.text else []
    for i, line in enumerate(lines):
        if "信息处理费" in line and TO_FILL.search(line):
            lines[i] = FEE_BASIS + sentence
            break
    else:
        lines.append(sentence)
    section.text = "\n".join(lines)


def fee_section(report: AnnualReport, sentence: str, records: Sequence[str], source: str) -> None:
    """Section 六 states the year's fees; its provenance names the applications that paid."""
    section = report.section(6)
    if section is None:
        return
    set_fee_paragraph(section, sentence)
    section.provenance = Provenance(file=source, records=sort_refs(records))


def compute_report(register: Register, year: int) -> AnnualReport:
    """The annual report of ``register``'s agency for ``year``, computed from its records (see the module docs).

    Raises:
        RegisterError: E204 for a record no table can count (an outcome or applicant type that is not
            table 3's, a figure entered twice for the year, a fee paid with no amount).
    """
    source = source_name(register.agency)
    report = scaffold(year, register.agency)
    report.source_file = source
    report.source_format = SOURCE_FORMAT
    meta = report.metadata
    meta.title = title(register.agency, year)
    meta.agency_kind = register.agency_kind
    report.table3 = counted_table("table3", tally_table3(register.applications, year), source)
    report.table4 = counted_table("table4", tally_table4(register.reviews, year), source)
    report.table2 = table2(register, year, source)
    fees = fees_collected(register, year)
    fee_section(report, fees.sentence, fees.applications, source)
    return report


__all__ = [
    "FEE_BASIS",
    "SOURCE_FORMAT",
    "blank_cell",
    "compute_report",
    "counted_table",
    "fee_section",
    "figure_value",
    "number_cell",
    "set_fee_paragraph",
    "source_name",
    "table2",
    "title",
    "year_figures",
]
