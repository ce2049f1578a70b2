"""S106: a row or column label printed with a typo."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import CN
from gongkai.audit.rules.structure._support import label_findings
from gongkai.model import AnnualReport


@register
class LabelMisprinted(Rule):
    """What it checks:
    Row labels and column headers of tables 2–4 that gongkai recognised only as a
    misprint of the template's label (a wrong or missing character). One finding
    per label, quoting the printed and the template text.

    Why:
    The labels are fixed by the format; a misprinted label shows the table was
    retyped rather than copied from the template, and makes the figure's meaning
    less certain for readers and for programs that compare reports.

    Example:
    表二 column header “本年度止件数”; 表三 row “5.属于三类内容事务信息”.

    Correct:
    “本年废止件数”; “5.属于三类内部事务信息”.
    """

    code = "S106"
    name = "label-misprinted"
    severity = Severity.WARNING
    summary = "统计表的行标签或列标题有错字"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        for table_id, kind, printed, label, _key, location in label_findings(report, "misprint"):
            yield self.finding(
                f"{CN[table_id]}{kind}印为「{printed or ''}」，应为「{label}」",
                location,
                f"按年报格式将{kind}改为“{label}”。",
            )
