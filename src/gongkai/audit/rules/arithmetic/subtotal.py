"""A104: printed subtotal rows of table 3 equal the sum of their items."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.describe import column_label, row_label
from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import (
    fmt,
    loc,
    mismatch,
    notes,
    related,
    row_found,
    sum_text,
    suspect,
    table3_columns,
    term,
    terms,
)
from gongkai.model import AnnualReport
from gongkai.model.template import SUBTOTAL_ITEMS


@register
class SubtotalMismatch(Rule):
    """What it checks:
    Some layouts print a subtotal row for an outcome group of table 3 —
    （三）不予公开, （四）无法提供, （五）不予处理, （六）其他处理 — above its numbered items.
    Where both the subtotal and its items are printed, the subtotal must equal the
    sum of the items, column by column.

    Why:
    The subtotal is only a convenience; a subtotal that disagrees with its items
    makes it impossible to tell which figure is right.

    Example:
    （三）不予公开 自然人 printed 5, but its items 1.属于国家秘密 1, 5.属于三类内部事务信息 1,
    6.属于四类过程性信息 2, others 0: 1＋1＋2＝4.

    Correct:
    （三）不予公开 4. （六）其他处理 printed as a single row (the 2019 layout) is not a
    subtotal and is not checked here.
    """

    code = "A104"
    name = "subtotal-mismatch"
    severity = Severity.ERROR
    summary = "表三分类小计行不等于其各子项之和"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        table = report.table3
        if not table.found:
            return
        for sub, items in SUBTOTAL_ITEMS.items():
            if not row_found(table, sub):
                continue
            if sub == "other_total" and "other_total_single_row" in table.layout:
                continue
            if not any(row_found(table, i) for i in items):
                continue
            for col in table3_columns(table):
                whole = term(table, sub, col, derived=True)
                parts = terms(table, ((i, col) for i in items))
                diff = mismatch(whole, parts)
                if diff is None:
                    continue
                s, t, whole, parts = diff.sum, diff.printed, diff.whole, diff.parts
                yield self.finding(
                    f"{row_label('table3', sub)}＝{fmt(t)}，其各子项之和＝{sum_text(parts)}，"
                    f"相差{fmt(abs(t - s))}（表三·{column_label('table3', col)}列{notes(parts)}）",
                    loc("table3", sub, col, whole.cell),
                    "核对该小计行与其下各子项，小计应等于各子项之和。" + suspect("table3", [whole, *parts]),
                    related=related("table3", parts),
                )
