"""A105: each group of table 4 adds up to its 总计."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.describe import row_label
from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import fmt, loc, mismatch, notes, related, sum_text, suspect, term, terms
from gongkai.model import AnnualReport

_PARTS = ("upheld", "corrected", "other", "pending")


@register
class GroupTotalMismatch(Rule):
    """What it checks:
    Table 4 has three groups — 行政复议, 行政诉讼·未经复议直接起诉 and 行政诉讼·复议后起诉 —
    each with 结果维持, 结果纠正, 其他结果, 尚未审结 and 总计. In each group the four
    results must add up to 总计.

    Why:
    Every review or lawsuit is either decided (维持, 纠正 or 其他结果) or still pending,
    so the group's 总计 is their sum. A different total means a case is missing or
    double-counted.

    Example:
    行政复议: 结果维持 1, 结果纠正 1, 其他结果 0, 尚未审结 1, 总计 4: 1＋1＋0＋1＝3.

    Correct:
    总计 3. Blank result cells count as 0; a group with a blank 总计 is not checked.
    """

    code = "A105"
    name = "group-total-mismatch"
    severity = Severity.ERROR
    summary = "表四某组结果维持、结果纠正、其他结果、尚未审结之和不等于总计"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        table = report.table4
        if not table.found:
            return
        for group in table.rows:
            whole = term(table, group, "total", derived=True)
            parts = terms(table, ((group, f) for f in _PARTS))
            diff = mismatch(whole, parts)
            if diff is None:
                continue
            s, t, whole, parts = diff.sum, diff.printed, diff.whole, diff.parts
            yield self.finding(
                f"结果维持＋结果纠正＋其他结果＋尚未审结＝{sum_text(parts)}，总计＝{fmt(t)}，"
                f"相差{fmt(abs(t - s))}（表四·{row_label('table4', group)}{notes(parts)}）",
                loc("table4", group, "total", whole.cell),
                "核对该组各项结果与总计，总计应等于四项之和。" + suspect("table4", [whole, *parts]),
                related=related("table4", parts),
            )
