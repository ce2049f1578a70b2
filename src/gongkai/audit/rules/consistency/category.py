"""C107: a reason the narrative counts is counted elsewhere (fewer) in table 3."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.describe import row_label
from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules.consistency._support import claims, fmt, row_value, said, where
from gongkai.model import AnnualReport, TextLine


@register
class CategoryCountedElsewhere(Rule):
    """What it checks:
    The narrative names outcome reasons with counts (“信息不存在7件”, “本机关不掌握1件”,
    “重复申请2件”, “属于内部事务信息2件”…; the phrase→row mapping is
    ``gongkai.audit.narrative.CATEGORY_ROWS``). Within one paragraph, the counts that belong
    to the same table-3 row are added; the finding is reported when that sum is larger
    than the row's 总计.

    Why:
    条例第三十六条第（四）项 (信息不存在) is table row （四）1 本机关不掌握相关政府信息. When
    the text counts more of a reason than the row holds, the cases were filed under
    another row — often （六）3 其他 — and the table misstates why applications failed.

    Example:
    “信息不存在7件…本机关不掌握1件”；表三（四）1 本机关不掌握相关政府信息 1，（六）3 其他 9.

    Correct:
    （四）1 = 8 and （六）3 其他 = 2 (move the seven cases to their row).
    """

    code = "C107"
    name = "category-counted-elsewhere"
    severity = Severity.WARNING
    summary = "正文所述某类办理结果件数多于表三对应行（可能计入了其他行）"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        by_paragraph: dict[tuple[int, str], list[tuple[int, str]]] = {}
        first_line: dict[tuple[int, str], TextLine] = {}
        for claim, line, p in claims(report, "category:"):
            key = (id(p.lines[0]), claim.kind.removeprefix("category:"))
            by_paragraph.setdefault(key, []).append((claim.value, claim.quote))
            first_line.setdefault(key, line)
        other = row_value(report, "table3", "other_other")
        for key, found in by_paragraph.items():
            row = key[1]
            table = row_value(report, "table3", row)
            stated = sum(v for v, _ in found)
            if table is None or stated <= table.value:
                continue
            line = first_line[key]
            total = f"（共{stated}件）" if len(found) > 1 else ""
            elsewhere = ""
            if other is not None and row != "other_other" and other.value >= stated - table.value:
                elsewhere = f"，（六）3.其他 为 {fmt(other.value)} 件"
            yield self.finding(
                f"{said(line, [q for _, q in found])}{total}，表三{row_label('table3', row)} 仅 {fmt(table.value)} 件"
                f"{table.note}{elsewhere}",
                where(line),
                f"把这类申请计入表三“{row_label('table3', row)}”，并相应调整其他行。",
                related=table.locations + (other.locations if elsewhere and other else ()),
            )
