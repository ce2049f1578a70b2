"""C103: the narrative's 上年结转 / 结转下年度 numbers match table 3."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules.consistency._support import claims, fmt, row_value, said, where
from gongkai.model import AnnualReport

_ROWS = {
    "carried_over": ("carried_over", "二、上年结转"),
    "carried_forward": ("carried_forward", "四、结转下年度继续办理"),
}


@register
class NarrativeCarryoverMismatch(Rule):
    """What it checks:
    “上年结转 N 件” (“没有上年结转” = 0) must equal table 3 “二、上年结转” (总计), and
    “结转下一年 / 结转下年度 / 转下一年度 / 顺延到下年度 N 件” (“没有结转至下一年度” = 0)
    must equal “四、结转下年度继续办理” (总计).

    Why:
    The carry-over rows link consecutive reports; a narrative that states another number
    leaves the reader unsure which one was reported to the next year.

    Example:
    第一部分：“上年结转4件，结转下年度2件”；表三 二、上年结转 4，四、结转下年度继续办理 3.

    Correct:
    “结转下年度3件”, or fix the table.
    """

    code = "C103"
    name = "narrative-carryover-mismatch"
    severity = Severity.WARNING
    summary = "正文所述上年结转或结转下年度件数与表三不一致"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        for claim, line, _ in claims(report, *_ROWS):
            row, label = _ROWS[claim.kind]
            table = row_value(report, "table3", row)
            if table is None or claim.value == table.value:
                continue
            yield self.finding(
                f"{said(line, [claim.quote])}，表三“{label}”总计为 {fmt(table.value)} 件{table.note}",
                where(line),
                f"核对正文与表三“{label}”的件数；二者应当一致。",
                related=table.locations,
            )
