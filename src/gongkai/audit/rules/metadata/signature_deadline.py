"""M103: the report is dated after the statutory deadline."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules.metadata._deadline import late
from gongkai.model import AnnualReport


@register
class SignatureAfterDeadline(Rule):
    """What it checks:
    The signature date must not be later than the deadline of 条例第四十九条 in the year
    after the report year: 1月31日 for a department (县级以上人民政府部门), 3月31日 for a
    people's government's own report (a zone's own committee, 某市经济技术开发区管理委员会,
    is classed with governments). Township reports (乡、镇、街道办事处: deadline set locally)
    and reports whose kind of agency is unknown are not checked.

    Why:
    Publishing late is the first problem type the 2021 report format names (“不按时发布”).

    Example:
    A county bureau's 2023 report signed “2024年2月20日”.

    Correct:
    Signed and published by 2024年1月31日 (or correct a mistyped date).
    """

    code = "M103"
    name = "signature-after-deadline"
    severity = Severity.WARNING
    summary = "落款日期晚于法定发布期限"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        m = report.metadata
        yield from late(self, report, m.signature_date, "落款日期", "signature_date", m.signature_text)
