"""S107: a row or column label replaced by another wording."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import CN
from gongkai.audit.rules.structure._support import label_findings
from gongkai.model import AnnualReport
from gongkai.model.labels import label_key
from gongkai.model.template import TABLE2_2019


def _right_in_2019(report: AnnualReport, table_id: str, key: str, printed: str | None) -> bool:
    """规范性文件 is the 2019 trial format's own label, not a renaming."""
    if report.format != "2019" or table_id != "table2" or not printed:
        return False
    row = next((r for r in TABLE2_2019.rows if r.key == key), None)
    return row is not None and label_key(printed).endswith(label_key(row.label))


@register
class LabelRenamed(Rule):
    """What it checks:
    Row labels and column headers of tables 2–4 printed with a known other wording
    instead of the template's label — for example 社会组织 for 社会公益组织, 合计 for 总计,
    or 规范性文件 for 行政规范性文件 in a report using the 2021 format (in the 2019 trial
    format 规范性文件 is the correct label and is not reported). One finding per label.

    Why:
    The 2021 format renamed some labels on purpose (规范性文件 became 行政规范性文件);
    a renamed label often shows an old or locally edited template was used.

    Example:
    表二 row “规范性文件 8 0 18” in a 2023 report; 表三 column “社会组织”.

    Correct:
    “行政规范性文件 8 0 18”; “社会公益组织”.
    """

    code = "S107"
    name = "label-renamed"
    severity = Severity.WARNING
    summary = "统计表的行标签或列标题与年报格式的表述不同"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        fmt = "2019年试行格式" if report.format == "2019" else "年报格式"
        for table_id, kind, printed, label, key, location in label_findings(report, "variant"):
            if kind == "行标签" and _right_in_2019(report, table_id, key, printed):
                continue
            yield self.finding(
                f"{CN[table_id]}{kind}印为「{printed or ''}」，{fmt}为「{label}」",
                location,
                f"使用{fmt}的表述“{label}”。",
            )
