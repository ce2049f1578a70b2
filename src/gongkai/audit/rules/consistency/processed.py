"""C102: the number of applications the narrative says were handled matches table 3 （七）总计."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules.consistency._support import claims, fmt, row_value, said, where
from gongkai.model import AnnualReport


@register
class NarrativeProcessedMismatch(Rule):
    """What it checks:
    Sentences in parts 一, 三 and 四 that count the applications handled (办结 / 答复 /
    办理 N 件, e.g. “办结 1191 件（含上年结转 189 件）”, “今年共答复3件”, “共办理 718 件”)
    must equal table 3 “（七）总计”.

    Why:
    （七）总计 is the number of applications answered this year; the narrative restating it
    with another number contradicts the table.

    Example:
    第一部分：“办结26件”；表三（七）总计 25.

    Correct:
    “办结25件”, or fix the table. Partial counts (当场答复, 延期答复, 未办结) and
    “办理相关案件 74 件” are not read as claims.
    """

    code = "C102"
    name = "narrative-processed-mismatch"
    severity = Severity.WARNING
    summary = "正文所述办结（答复）申请数与表三“（七）总计”不一致"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        total = row_value(report, "table3", "total_processed")
        if total is None:
            return
        for claim, line, _ in claims(report, "processed"):
            if claim.value != total.value:
                yield self.finding(
                    f"{said(line, [claim.quote])}，表三“（七）总计”为 {fmt(total.value)} 件{total.note}",
                    where(line),
                    "核对正文所述办结数与表三（七）总计；二者应当一致。",
                    related=total.locations,
                )
