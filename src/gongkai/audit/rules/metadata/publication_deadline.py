"""M104: the report was published after the statutory deadline."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules.metadata._deadline import late
from gongkai.model import AnnualReport


@register
class PublicationAfterDeadline(Rule):
    """What it checks:
    The publication date printed with the report (发布时间 / 发布日期) must not be later
    than the deadline of 条例第四十九条: 1月31日 of the next year for a department, 3月31日
    for a people's government. Townships and unknown kinds of agency are not checked.

    Why:
    条例第四十九条 sets when the report must be made public; a later publication date is
    the “不按时发布” problem named by the 2021 report format.

    Example:
    A department's 2023 report with “发布时间：2024-03-05”.

    Correct:
    Published by 2024年1月31日.
    """

    code = "M104"
    name = "publication-after-deadline"
    severity = Severity.WARNING
    summary = "发布日期晚于法定发布期限"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        yield from late(self, report, report.metadata.publication_date, "发布日期", "publication")
