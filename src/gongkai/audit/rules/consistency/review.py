"""C105: the narrative's 行政复议 / 行政诉讼 counts and “均获维持” match table 4."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules.consistency._support import claims, fmt, rows_value, said, where
from gongkai.model import AnnualReport, TextLine

_LIT = ("litigation_direct", "litigation_after_review")
_ROWS = {
    "review": ("administrative_review",),
    "litigation": _LIT,
    "litigation_direct": ("litigation_direct",),
    "litigation_after_review": ("litigation_after_review",),
}
_LABEL = {
    "review": "行政复议总计",
    "litigation": "行政诉讼（未经复议直接起诉＋复议后起诉）总计",
    "litigation_direct": "行政诉讼“未经复议直接起诉”总计",
    "litigation_after_review": "行政诉讼“复议后起诉”总计",
}
_SCOPE = {
    "upheld_review": ("administrative_review",),
    "upheld_litigation": _LIT,
    "upheld_all": ("administrative_review", *_LIT),
}
_GROUP = {
    "administrative_review": "行政复议",
    "litigation_direct": "未经复议直接起诉",
    "litigation_after_review": "复议后起诉",
}
_NOT_UPHELD = {"corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结"}


@register
class NarrativeReviewMismatch(Rule):
    """What it checks:
    “行政复议 N 件” must equal table 4 行政复议 总计; “行政诉讼 N 件” / “诉讼 N 件” must equal
    未经复议直接起诉 总计 ＋ 复议后起诉 总计, “未经复议直接起诉 N 件” and “复议后起诉 N 件”
    their own group; “未发生 / 没有 / 未有 行政复议和行政诉讼” means both are 0. In an
    enumeration each number belongs to its own item: “行政复议案件2件、行政诉讼案件7件” is
    2 reviews and 7 lawsuits, in either order. “均获维持 / 均被维持” is contradicted by any
    结果纠正, 其他结果 or 尚未审结 case in the rows the sentence speaks of.

    Why:
    Review and litigation outcomes show how lawful the agency's answers were; the text must
    not claim fewer cases, or better outcomes, than the table.

    Example:
    “信息公开类行政复议7件，诉讼9件，均获维持”；表四 行政复议 尚未审结 2，直接起诉 尚未审结 1.

    Correct:
    “…其中2件行政复议、1件行政诉讼尚未审结，其余均获维持”. Combined totals (“相关案件 74 件”),
    counts said of outcomes (“2件行政复议…尚未审结”, 纠错 / 败诉) and “其余均获维持” are not
    read as claims.
    """

    code = "C105"
    name = "narrative-review-mismatch"
    severity = Severity.WARNING
    summary = "正文所述行政复议、行政诉讼情况与表四不一致"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        for claim, line, _ in claims(report, *_ROWS, *_SCOPE):
            if claim.kind in _SCOPE:
                yield from self._upheld(report, claim.quote, claim.kind, line)
                continue
            table = rows_value(report, "table4", _ROWS[claim.kind])
            if table is None or claim.value == table.value:
                continue
            yield self.finding(
                f"{said(line, [claim.quote])}（{claim.value} 件），表四{_LABEL[claim.kind]}为 {fmt(table.value)} 件{table.note}",
                where(line),
                "核对正文所述复议、诉讼件数与表四；二者应当一致。",
                related=table.locations,
            )

    def _upheld(self, report: AnnualReport, quote: str, kind: str, line: TextLine) -> Iterator[Finding]:
        facts: list[str] = []
        related: list[Location] = []
        for row in _SCOPE[kind]:
            for field, label in _NOT_UPHELD.items():
                cell = report.table4.cell(row, field)
                if cell is not None and cell.state == "number" and cell.value:
                    facts.append(f"{_GROUP[row]}“{label}”{fmt(cell.value)} 件")
                    related.append(Location(part="table4", row=row, column=field, source=cell.provenance))
        if facts:
            yield self.finding(
                f"{said(line, [quote])}，但表四{'，'.join(facts)}",
                where(line),
                "如实说明未维持或尚未审结的案件，或核对表四。",
                related=tuple(related),
            )
