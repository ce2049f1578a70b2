"""M105: the report has no signature (署名机关 and/or 成文日期)."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, register
from gongkai.model import AnnualReport


@register
class SignatureMissing(Rule):
    """What it checks:
    The report ends with a signature: the issuing agency (署名机关) and the date
    (成文日期). Reports lacking either are reported, naming what is missing.

    Why:
    The signature states who is responsible for the report and when it was finished; the
    date is also what the statutory deadline is checked against.

    Example:
    A report whose last part ends with “六、其他需要报告的事项 … 无。” and nothing after it.

    Correct:
    End with the agency's name and the date, e.g. “某市某局 / 2025年1月20日”.
    """

    code = "M105"
    name = "signature-missing"
    severity = Severity.WARNING
    summary = "报告缺少落款（署名机关或成文日期）"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        m = report.metadata
        if m.signature_agency and m.signature_date:
            return
        if not m.signature_agency and not m.signature_date:
            message = "报告没有落款：未找到署名机关和成文日期"
        elif not m.signature_date:
            message = f"落款缺少成文日期（署名机关：{m.signature_agency}）"
        else:
            message = f"落款缺少署名机关（成文日期：{m.signature_text or m.signature_date}）"
        prov = m.provenance.get("signature_agency") or m.provenance.get("signature_date")
        yield self.finding(
            message,
            Location(part="metadata", source=prov),
            "在报告末尾写明署名机关和成文日期。",
        )
