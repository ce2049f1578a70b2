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
    The date the web page says the report was published must not be later than the deadline
    of 条例第四十九条: 1月31日 of the next year for a department (县级以上人民政府部门),
    3月31日 for a people's government's own report. The date is read from the page: its meta
    tag (``<meta name="PubDate">`` and the other CMSs' names), else a field printed before
    section 一 (``发布时间：``, ``发布日期：``, ``公开日期``, ``时间：``), in HTML, text, Markdown
    or a printed PDF. The kind of agency comes from the title (else the signature): 某县人民政府
    is a government, 某市人民政府办公室 and 某区发展和改革局 are departments, a zone's own
    committee (某市经济技术开发区管理委员会, 某某新区管委会) is classed with governments.
    Townships (乡、镇、街道办事处; deadlines set locally) and unknown kinds are not checked.

    Why:
    条例第四十九条 sets when the report must be made public; a later publication date is
    the “不按时发布” problem named by the 2021 report format.

    Example:
    A department's 2023 report whose page prints “发布时间：2024-03-05 09:30”.

    Correct:
    Published by 2024年1月31日 (a government's report: by 2024年3月31日).
    """

    code = "M104"
    name = "publication-after-deadline"
    severity = Severity.WARNING
    summary = "发布日期晚于法定发布期限"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        m = report.metadata
        yield from late(self, report, m.publication_date, "发布日期", "publication", m.publication_text)
