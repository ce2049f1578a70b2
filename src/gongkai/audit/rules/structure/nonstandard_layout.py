"""S115: table 3 printed in a layout other than the template's."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, register
from gongkai.model import AnnualReport

_TRAITS = {
    "other_total_single_row": (
        "表三“（六）其他处理”印为一行，没有2021年格式的三个子项",
        "按2021年格式将（六）其他处理分为“1.申请人无正当理由逾期不补正…”“2.申请人逾期未按收费通知要求缴纳费用…”“3.其他”三行。",
    ),
    "legal_entity_subtotal_column": (
        "表三多印了“法人或其他组织小计”列，年报格式没有此列",
        "删除“法人或其他组织小计”列，只保留自然人、五类法人或其他组织和总计共7列。",
    ),
    "category_subtotal_rows": (
        "表三为（三）不予公开、（四）无法提供等分类印了小计行，年报格式中分类标签不填数字",
        "删除分类小计行，分类标签只作为子项的分组，不填数字。",
    ),
}


@register
class NonstandardLayout(Rule):
    """What it checks:
    Table 3 layouts that differ from the 2021 template: （六）其他处理 printed as one row
    without its three items (in a report using the 2021 format), an extra
    法人或其他组织小计 column, or subtotal rows filled in for the outcome groups
    （三）不予公开, （四）无法提供, （五）不予处理, （六）其他处理. One finding per trait.

    Why:
    Reports in the same format can be compared and checked only if they print the
    same rows and columns. Subtotals and extra columns are also extra figures that
    can contradict the others.

    Example:
    A 2023 report with “（六）其他处理 0 0 0 0 0 0 0” and no items under it, or a column
    “小计” between 其他 and 总计.

    Correct:
    The seven columns and 25 data rows of the 2021 template.
    """

    code = "S115"
    name = "nonstandard-layout"
    severity = Severity.WARNING
    summary = "表三的行列结构与年报格式不同"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        table = report.table3
        if not table.found:
            return
        for trait, (message, hint) in _TRAITS.items():
            if trait not in table.layout:
                continue
            if trait == "other_total_single_row" and report.format != "2021":
                continue
            yield self.finding(message, Location(part="table3", source=table.provenance), hint)
