"""S120: the document is the blank official template, not a filled report."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, register
from gongkai.model import AnnualReport


@register
class BlankTemplate(Rule):
    """What it checks:
    Whether the document is the official template itself: tables 二, 三 and 四 are
    all present with their rows and columns, but not a single cell holds a number, a
    dash or any other text. Such a document is reported once, as a template, and the
    other rules are not run on it.

    Why:
    Blank templates circulate next to real reports (an agency downloads the Word
    template, or publishes it by mistake instead of its report). Read as a report it
    would raise hundreds of "blank cell" findings; read as zeros it would pass as a
    report of an agency that did nothing. Neither is true: it holds no data.

    Example:
    《政府信息公开工作年度报告格式》 as distributed by 国办公开办函〔2021〕30号,
    with empty cells throughout.

    Correct:
    A report fills every cell, with 0 where there is nothing to report.
    """

    code = "S120"
    name = "blank-template"
    severity = Severity.INFO
    summary = "文件是未填写数据的年报空白模板"
    on_template = True

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        if not report.template:
            return
        count = sum(len(row) for t in (report.table2, report.table3, report.table4) for row in t.rows.values())
        yield self.finding(
            f"这是未填写的年报空白模板：表二、表三、表四结构齐全，{count} 个单元格全部空白，没有任何数据",
            Location(part="document", source=report.table3.provenance),
            "请提供填写后的年度报告：每个单元格都应填写，没有数据的填“0”。",
        )
