"""S102: each section is printed with its template numeral."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, register
from gongkai.model import AnnualReport
from gongkai.model.template import SECTIONS


@register
class SectionMisnumbered(Rule):
    """What it checks:
    Each section found must be printed with its template numeral (一 to 六). The
    rule reports a section whose printed numeral differs, for example because an
    earlier section was left out or an extra section was inserted.

    Why:
    Readers and reviewers find the parts of a report by their numbers; a shifted
    numbering usually means a section is missing or out of order.

    Example:
    一、总体情况 followed by 一、主动公开政府信息情况 and 二、收到和处理政府信息公开申请情况.

    Correct:
    一、总体情况 / 二、主动公开政府信息情况 / 三、收到和处理政府信息公开申请情况.
    """

    code = "S102"
    name = "section-misnumbered"
    severity = Severity.WARNING
    summary = "某部分标题的序号与年报格式不一致"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        for section in report.sections:
            spec = next((s for s in SECTIONS if s.number == section.number), None)
            if spec is None or section.printed_number is None:
                continue
            expected = spec.title[0]
            if section.printed_number == expected:
                continue
            printed = section.title or f"{section.printed_number}、……"
            yield self.finding(
                f"第{expected}部分标题印为「{printed}」，序号应为“{expected}”",
                Location(part=f"section{section.number}", source=section.provenance),
                f"将标题序号改为“{expected}”，并按格式顺序核对前后各部分。",
            )
