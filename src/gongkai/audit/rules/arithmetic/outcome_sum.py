"""A102: the leaf outcome rows of table 3 add up to （七）总计."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.describe import column_label
from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import (
    fmt,
    loc,
    mismatch,
    notes,
    related,
    sum_text,
    suspect,
    table3_columns,
    term,
    terms,
)
from gongkai.model import AnnualReport, TableData
from gongkai.model.template import OUTCOME_ROWS_2021, SUBTOTAL_ITEMS


def outcome_rows(table: TableData) -> tuple[str, ...]:
    """The rows whose sum is （七）总计 in this table's layout (subtotal rows never count)."""
    if "other_total_single_row" not in table.layout:
        return OUTCOME_ROWS_2021
    six = SUBTOTAL_ITEMS["other_total"]
    return tuple("other_total" if r == six[0] else r for r in OUTCOME_ROWS_2021 if r == six[0] or r not in six)


@register
class OutcomeSumMismatch(Rule):
    """What it checks:
    In every column of table 3, the outcome rows under 三、本年度办理结果 — （一）予以公开,
    （二）部分公开, the eight items of （三）不予公开, the three of （四）无法提供, the five of
    （五）不予处理 and the three of （六）其他处理 (or （六） as one row in older layouts) —
    must add up to （七）总计. Printed subtotal rows such as （三）不予公开 are not added in.

    Why:
    （七）总计 is the number of applications processed this year; each processed
    application has exactly one outcome (the template says a partly disclosed
    application is counted only under （二）). A total that differs from its items
    means an outcome was left out, double-counted or mistyped.

    Example:
    自然人 column: （一）予以公开 10, （二）部分公开 3, （四）1.本机关不掌握 5, （五）2.重复申请 2,
    everything else 0, but （七）总计 printed as 25: 10＋3＋5＋2＝20.

    Correct:
    （七）总计 20, or the missing 5 applications entered under their outcome row.
    Blank outcome cells in an applicant column count as 0; a blank 总计 cell
    leaves the column unchecked, and so does an outcome row that was not found or
    whose numbers could not be read (it never counts as 0).
    """

    code = "A102"
    name = "outcome-sum-mismatch"
    severity = Severity.ERROR
    summary = "表三某列各项办理结果之和不等于“（七）总计”"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        table = report.table3
        if not table.found:
            return
        rows = outcome_rows(table)
        for col in table3_columns(table):
            processed = term(table, "total_processed", col, derived=True)
            parts = terms(table, ((r, col) for r in rows))
            diff = mismatch(processed, parts)
            if diff is None:
                continue
            s, t, processed, parts = diff.sum, diff.printed, diff.whole, diff.parts
            yield self.finding(
                f"三、本年度办理结果各项之和＝{sum_text(parts)}，（七）总计＝{fmt(t)}，相差{fmt(abs(t - s))}"
                f"（表三·{column_label('table3', col)}列{notes(parts)}）",
                loc("table3", "total_processed", col, processed.cell),
                "逐项核对该列（一）至（六）各项办理结果：每件办结的申请只能计入一种结果，各项之和应等于（七）总计。"
                + suspect("table3", [processed, *parts]),
                related=related("table3", parts),
            )
