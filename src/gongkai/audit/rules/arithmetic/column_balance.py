"""A101: 一＋二＝（七）总计＋四 in every column of table 3."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.describe import column_label
from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import loc, notes, related, sum_text, suspect, table3_columns, term, total
from gongkai.model import AnnualReport


@register
class ColumnBalanceMismatch(Rule):
    """What it checks:
    In every column of table 3 (the six applicant columns, 总计 and, when printed,
    法人或其他组织小计), the number of new applications (一) plus those carried over
    from last year (二) must equal the applications processed (（七）总计) plus those
    carried forward to next year (四).

    Why:
    The template states this balance in the table's own corner note: “本列数据的勾稽关系为：
    第一项加第二项之和，等于第三项加第四项之和”. Every application received is either
    processed this year or carried forward; a column that does not balance has a
    miscounted or mistyped cell.

    Example:
    自然人 column: 一、本年新收 24, 二、上年结转 4, （七）总计 25, 四、结转下年度继续办理 2:
    24＋4＝28 but 25＋2＝27.

    Correct:
    一、本年新收 24, 二、上年结转 4, （七）总计 26, 四、结转下年度继续办理 2: 24＋4＝26＋2＝28.
    A blank 二 or 四 in an applicant column counts as 0; a blank （七）总计 or a blank
    cell of the 总计 column leaves the column unchecked, and so does a row that was
    not found or whose numbers could not be read (S104, S112, S113 report those).
    """

    code = "A101"
    name = "column-balance-mismatch"
    severity = Severity.ERROR
    summary = "表三某列“一＋二”不等于“（七）总计＋四”（勾稽关系不成立）"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        table = report.table3
        if not table.found:
            return
        for col in table3_columns(table):
            new = term(table, "new_received", col, derived=True)
            processed = term(table, "total_processed", col, derived=True)
            carried = term(table, "carried_over", col)
            forward = term(table, "carried_forward", col)
            if new is None or processed is None or carried is None or forward is None:
                continue
            if not (new.printed and processed.printed):
                continue
            left, right = [new, carried], [processed, forward]
            if total(left) == total(right):
                continue
            yield self.finding(
                f"一＋二＝{sum_text(left)}，（七）总计＋四＝{sum_text(right)}，"
                f"不相等（表三·{column_label('table3', col)}列{notes(left + right)}）",
                loc("table3", "total_processed", col, processed.cell),
                "核对该列“本年新收”“上年结转”“（七）总计”“结转下年度继续办理”四个数："
                "本年新收与上年结转之和应等于办结总数与结转下年度数之和。"
                + suspect("table3", [new, carried, processed, forward]),
                related=related("table3", [new, carried, forward]),
            )
