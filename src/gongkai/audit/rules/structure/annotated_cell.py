"""S118: number cells printed with an annotation in parentheses."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import cell_name, fmt, iter_cells, loc
from gongkai.model import AnnualReport

_PAREN = re.compile(r"[（(]")
_UNIT_ONLY = re.compile(r"^(元|万元|千元|亿元|件|个|项|次|份|条|人次|人)$")


@register
class AnnotatedCell(Rule):
    """What it checks:
    Number cells printed with an explanation in parentheses, such as
    “22（其中修订16件）”. gongkai reads the number (22) and keeps the annotation;
    the rule notes each such cell (info) so that the annotation is not overlooked.

    Why:
    Table cells should hold only the figure; explanations belong in the text (for
    example in 六、其他需要报告的事项). An annotation may also change how the figure must
    be read.

    Example:
    表二 规章 本年制发件数 “22（其中修订16件）”.

    Correct:
    “22” in the cell, and “本年制发规章22件，其中修订16件” in the text.
    """

    code = "S118"
    name = "annotated-cell"
    severity = Severity.INFO
    summary = "统计表单元格中的数字附有括注"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        for table_id in ("table2", "table3", "table4"):
            for row, col, cell in iter_cells(report.table(table_id)):
                note = (cell.note or "").strip()
                if cell.state != "number" or not note or not _PAREN.search(cell.raw or ""):
                    continue
                if _UNIT_ONLY.match(note):
                    continue
                value = fmt(cell.value) if cell.value is not None else ""
                yield self.finding(
                    f"{cell_name(table_id, row, col)}印为「{cell.raw}」，读作 {value}，括注「{note}」已保留",
                    loc(table_id, row, col, cell),
                    "单元格只填数字，说明性内容写入正文。",
                )
