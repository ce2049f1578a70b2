"""Complete a report given as data (JSON/YAML, gongkai's workbook) as a reader completes a printed one.

A printed report states its statistical period, prints every total and has its text
on lines the narrative rules read; data typed by staff leaves totals blank, names
placeholders (``{table3.new_received.total}``) and has no lines.  Completion, in
order: the agency's kind from its name, the statistical period stated in the
preamble when no preamble was given, blank totals computed from their parts
(:mod:`gongkai.extract.totals`), placeholders filled, text lines built (or, for
lines a reader located, their placeholders filled in place).

``check`` and ``write`` both complete a data report this way, so they audit the same report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.extract.metadata import report_agency_kind
from gongkai.extract.totals import Computed, compute_totals
from gongkai.model import AnnualReport, Provenance, TextLine
from gongkai.model.placeholders import Unresolved, fill, fill_report

PERIOD_SENTENCE = "本报告所列数据的统计期限自{metadata.period_start}起至{metadata.period_end}止。"


@dataclass
class Completion:
    """What completing a report did: totals computed (and not computable), placeholders left."""

    computed: Computed = field(default_factory=Computed)
    unresolved: list[Unresolved] = field(default_factory=list)


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


def complete(report: AnnualReport, *, structured: bool = True) -> Completion:
    """Complete ``report`` in place (see the module docs); returns what was computed and left.

    ``structured`` is False for a published report being re-rendered: its text and period
    are as printed, only its blank totals and any placeholders are completed.
    """
    out = Completion()
    meta = report.metadata
    stated: list[TextLine] = []
    if structured:
        report.template = False  # data staff are writing is an unfinished report, not the blank official form
        if meta.agency_kind == "unknown":
            meta.agency_kind = report_agency_kind(meta.agency, meta.signature_agency)  # type: ignore[assignment]
        if not report.preamble.strip() and meta.period_start and meta.period_end:
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


__all__ = ["PERIOD_SENTENCE", "Completion", "complete", "text_lines"]
