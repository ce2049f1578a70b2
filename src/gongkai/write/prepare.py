"""Load a report to write and settle everything a renderer must not decide.

Inputs: a structured report (JSON/YAML with the stable keys), gongkai's fill-in
workbook (.xlsx), or any published report gongkai reads.  Preparation, in order:
上年结转 pre-filled from last year's 结转下年度 (only where blank), totals computed
where blank, placeholders filled (in the sections and in the text lines the
narrative rules read).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.model import TABLE3, AnnualReport, Cell, Provenance, TextLine
from gongkai.model.placeholders import Unresolved, fill, fill_report
from gongkai.write.compute import Computed, compute_totals
from gongkai.write.structured import looks_structured, parse_text, report_from_data

_SNIFF = 65536
PERIOD_SENTENCE = "本报告所列数据的统计期限自{metadata.period_start}起至{metadata.period_end}止。"


@dataclass
class Prepared:
    report: AnnualReport
    computed: Computed = field(default_factory=Computed)
    prefilled: list[str] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)


def _structured_text(data: bytes) -> str | None:
    """The text of a structured report (UTF-8 JSON or YAML naming the report's parts), sniffed from its head."""
    head = data[:_SNIFF]
    if b"\x00" in head or not looks_structured(head.decode("utf-8", errors="ignore")):
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def structured_report(data: bytes, path: str) -> AnnualReport | None:
    """The report if ``data`` is a structured report or a gongkai workbook (not yet prepared), else None.

    Raises:
        InputError: E117 a malformed structured report, E116 a damaged gongkai workbook.
    """
    text = _structured_text(data)
    if text is not None:
        fmt = "json" if text.lstrip("\ufeff \t\r\n").startswith("{") else "yaml"
        return report_from_data(parse_text(text, path), path, fmt)
    if data.startswith(b"PK\x03\x04") and b"xl/" in data[:_SNIFF]:
        from gongkai.readers.workbook import is_gongkai_workbook, read_workbook

        if is_gongkai_workbook(data):
            report: AnnualReport = read_workbook(data, path)
            return report
    return None


def prefill_from_previous(report: AnnualReport, previous: AnnualReport) -> list[str]:
    """Fill blank 上年结转 cells from last year's 结转下年度继续办理; returns the keys filled."""
    filled: list[str] = []
    if not report.table3.found or not previous.table3.found:
        return filled
    for col in TABLE3.columns:
        now = report.table3.cell("carried_over", col.key)
        then = previous.table3.cell("carried_forward", col.key)
        if (now is not None and now.state not in ("blank", "absent")) or then is None or then.state != "number":
            continue
        report.table3.rows.setdefault("carried_over", {})[col.key] = Cell(
            raw=then.raw, value=then.value, state="number", provenance=then.provenance
        )
        filled.append(f"table3.carried_over.{col.key}")
    return filled


def _paragraphs(file: str, text: str, section: int | None, first: int) -> list[TextLine]:
    """One text line per non-blank line of ``text``, numbered as paragraphs from ``first``."""
    texts = [line.strip() for line in text.split("\n") if line.strip()]
    return [
        TextLine(text=t, provenance=Provenance(file=file, paragraph=first + i), section=section)
        for i, t in enumerate(texts)
    ]


def text_lines(report: AnnualReport) -> list[TextLine]:
    """The report's text as the narrative rules read it: preamble, then each heading and its paragraphs."""
    lines = _paragraphs(report.source_file, report.preamble, None, 1)
    for section in sorted(report.sections, key=lambda s: s.number):
        for text in (section.title or "", section.text):
            lines += _paragraphs(report.source_file, text, section.number, len(lines) + 1)
    return lines


def prepare(report: AnnualReport, previous: AnnualReport | None = None, *, structured: bool = True) -> Prepared:
    """Settle ``report`` in place for writing and auditing (see the module docs).

    Text lines a reader kept (a page and line, a workbook cell) are kept, their placeholders
    filled like the sections'; a report that came without them (JSON/YAML) gets them built.
    """
    out = Prepared(report)
    if structured:
        report.template = False  # data staff are writing is an unfinished report, not the blank official form
    if previous is not None:
        out.prefilled = prefill_from_previous(report, previous)
    meta = report.metadata
    stated: list[TextLine] = []
    if structured and not report.preamble.strip() and meta.period_start and meta.period_end:
        # the statistical period is stated in the text, or it would not be in the printed report at all
        report.preamble = PERIOD_SENTENCE
        stated = _paragraphs(report.source_file, PERIOD_SENTENCE, None, 1)
    out.computed = compute_totals(report)
    out.unresolved = fill_report(report)
    if not report.lines:
        report.lines = text_lines(report)
        return out
    lines = [*stated, *report.lines]
    report.lines = [ln.model_copy(update={"text": fill(report, ln.text)[0]}) for ln in lines]
    return out
