"""Settle a loaded report for writing: everything a renderer must not decide.

In order: 上年结转 pre-filled from last year's 结转下年度 (only where blank), then the
report completed as every data report is (:func:`gongkai.extract.complete.complete`:
totals computed where blank, placeholders filled, text lines for the narrative rules);
a printed report's wrapped lines are joined into paragraphs (:mod:`gongkai.write.reflow`;
its text lines, which the audit reads, keep the lines as printed).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.extract.complete import complete
from gongkai.extract.totals import Computed
from gongkai.model import TABLE3, AnnualReport, Cell
from gongkai.model.placeholders import Unresolved
from gongkai.write.reflow import reflow_report


@dataclass
class Prepared:
    report: AnnualReport
    computed: Computed = field(default_factory=Computed)
    prefilled: list[str] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)


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


def prepare(report: AnnualReport, previous: AnnualReport | None = None, *, structured: bool = True) -> Prepared:
    """Settle ``report`` in place for writing and auditing: pre-fill from ``previous``, then complete it."""
    out = Prepared(report)
    if previous is not None:
        out.prefilled = prefill_from_previous(report, previous)
    done = complete(report, structured=structured)
    out.computed, out.unresolved = done.computed, done.unresolved
    if not structured:
        reflow_report(report)
    return out
