"""C104: outcome counts in the narrative (予以公开 N 件 …) match table 3."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules.consistency._support import TableValue, claims, fmt, group_value, rows_value, said, where
from gongkai.model import AnnualReport

_Getter = Callable[[AnnualReport], TableValue | None]
_OUTCOMES: dict[str, tuple[str, _Getter]] = {
    "granted": ("（一）予以公开", lambda r: rows_value(r, "table3", ["granted"])),
    "partially_granted": ("（二）部分公开", lambda r: rows_value(r, "table3", ["partially_granted"])),
    "granted_or_partial": (
        "（一）予以公开与（二）部分公开之和",
        lambda r: rows_value(r, "table3", ["granted", "partially_granted"]),
    ),
    "denied": ("（三）不予公开各项之和", lambda r: group_value(r, "denied")),
    "unavailable": ("（四）无法提供各项之和", lambda r: group_value(r, "unavailable")),
    "not_processed": ("（五）不予处理各项之和", lambda r: group_value(r, "not_processed")),
    "other": ("（六）其他处理各项之和", lambda r: group_value(r, "other")),
}


@register
class NarrativeOutcomeMismatch(Rule):
    """What it checks:
    Outcome counts stated in parts 一, 三 and 四 must equal table 3: 予以公开 / 同意公开 N 件
    → （一）; 部分公开 N 件 → （二）; 予以公开及部分公开 N 件 → （一）＋（二）; 不予公开 N 件 →
    the eight （三） rows; 无法提供 N 件 → the three （四） rows; 不予处理 N 件 → the five （五）
    rows; 其他处理 N 件 → the （六） rows (or the single （六） row of older layouts).

    Why:
    The outcome breakdown is the core of the report; a narrative that summarises it with
    different numbers misinforms readers who do not read the table.

    Example:
    第一部分：“予以公开及部分公开258件”；表三（一）予以公开 272 (总计栏空白，各类申请人
    258＋12＋1＋1), （二）部分公开 3: 275.

    Correct:
    “予以公开及部分公开275件”. When a row's 总计 is blank the applicant cells are added
    (blank = 0); a row with a “/” or text cell is not compared.
    """

    code = "C104"
    name = "narrative-outcome-mismatch"
    severity = Severity.WARNING
    summary = "正文所述办理结果件数与表三对应行不一致"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        for claim, line, _ in claims(report, *_OUTCOMES):
            label, getter = _OUTCOMES[claim.kind]
            table = getter(report)
            if table is None or claim.value == table.value:
                continue
            yield self.finding(
                f"{said(line, [claim.quote])}，表三{label}为 {fmt(table.value)} 件{table.note}",
                where(line),
                "核对正文所述办理结果与表三对应行的件数；二者应当一致。",
                related=table.locations,
            )
