"""A103: in every row of table 3 the applicant columns add up to 总计 (and 小计)."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.describe import row_label
from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import fmt, loc, mismatch, notes, related, sum_text, suspect, term, terms
from gongkai.model import AnnualReport
from gongkai.model.template import APPLICANT_COLUMNS, LEGAL_ENTITY_SUBTOTAL, ORG_COLUMNS

_SUBTOTAL = LEGAL_ENTITY_SUBTOTAL.key


@register
class RowSumMismatch(Rule):
    """What it checks:
    In every row of table 3, the six applicant columns (自然人, 商业企业, 科研机构,
    社会公益组织, 法律服务机构, 其他) must add up to the 总计 column. When the table
    prints a 法人或其他组织小计 column, it must equal the five organisation columns.

    Why:
    Each application has one applicant, so the 总计 of a row is the sum of its
    applicant columns. A row whose total differs has a mistyped cell or counts an
    application twice.

    Example:
    一、本年新收政府信息公开申请数量: 自然人 20, 商业企业 3, 法律服务机构 1, others 0,
    总计 printed as 25: 20＋3＋0＋0＋1＋0＝24.

    Correct:
    总计 24. Blank applicant cells count as 0; a row whose 总计 cell is blank (as in
    reports that only total the main rows) is not checked.
    """

    code = "A103"
    name = "row-sum-mismatch"
    severity = Severity.ERROR
    summary = "表三某行各类申请人之和不等于“总计”列"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        table = report.table3
        if not table.found:
            return
        for row in table.rows:
            for target, cols, what in (
                ("total", APPLICANT_COLUMNS, "六类申请人之和"),
                (_SUBTOTAL, ORG_COLUMNS, "五类法人或其他组织之和"),
            ):
                if target not in table.rows[row]:
                    continue
                whole = term(table, row, target)
                parts = terms(table, ((row, c) for c in cols))
                diff = mismatch(whole, parts)
                if diff is None:
                    continue
                s, t, whole, parts = diff.sum, diff.printed, diff.whole, diff.parts
                name = "总计" if target == "total" else "法人或其他组织小计"
                yield self.finding(
                    f"{what}＝{sum_text(parts)}，{name}＝{fmt(t)}，相差{fmt(abs(t - s))}"
                    f"（表三·{row_label('table3', row)}行{notes(parts)}）",
                    loc("table3", row, target, whole.cell),
                    f"核对该行各类申请人的件数与“{name}”列，{name}应等于各列之和。"
                    + suspect("table3", [whole, *parts]),
                    related=related("table3", parts),
                )
