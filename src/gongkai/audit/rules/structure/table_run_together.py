"""S122: a table whose rows and cells ran together on one line (crawled text): found, not read."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import CN
from gongkai.audit.rules.structure._support import clip, run_together
from gongkai.model import AnnualReport

_RUN = re.compile(r"\S*[\u3400-\u9fff）)”]\s*\d{5,}")
"""A label followed by five or more digits in one run: the cells of a row printed together."""


@register
class TableRunTogether(Rule):
    """What it checks:
    Tables printed on one line with the whole report, as in a website archive's
    text copy: the rows follow each other without a line break and the cells of a
    row without a separator, so “一、本年新收政府信息公开申请数量 713000074” may be
    71, 3, 0, 0, 0, 0, 74 or many other readings. gongkai finds the table, keeps its
    text as printed and reads no number from it: one finding per table quotes the
    start of that text (the first row whose digits ran together, when there is
    one). No sum of the table is checked; the narrative is still read and checked.

    Why:
    A number split by guessing is not a number read from the report. The figures
    of such a copy can only be checked against the published original.

    Example:
    A crawled text whose third line holds the whole report: “…二、主动公开政府信息情况
    第二十条第(一)项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 000 …”.

    Correct:
    Check the original page or document (HTML, PDF, Word), where each cell is
    printed apart, or a text copy that keeps one table row per line with its cells
    separated by tabs.
    """

    code = "S122"
    name = "table-run-together"
    severity = Severity.WARNING
    summary = "统计表的行与格连成一行，无法分清各数"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        for table_id in ("table2", "table3", "table4"):
            table = report.table(table_id)
            if not run_together(table):
                continue
            text = " ".join(c for u in table.unplaced for c in u.raw_cells)
            m = _RUN.search(text)
            quoted = clip(m.group(0) if m else text, 60)
            example = f"，如「{quoted}」" if m else f"：「{quoted}」"
            yield self.finding(
                f"{CN[table_id]}的各行各格与正文连成一行印出（共 {len(text)} 字），格与格之间没有分隔{example}；"
                "无法确定各数所属的行和列，表中数字未读取，涉及的合计未核对",
                Location(part=table_id, source=table.provenance),
                "对照原始网页或文件（HTML、PDF、Word）核对该表；转存文本时每行表格单独成行，各格之间用制表符分隔。",
            )
