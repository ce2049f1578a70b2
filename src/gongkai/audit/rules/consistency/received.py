"""C101: the number of applications the narrative says were received matches table 3."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules.consistency._support import claims, fmt, row_value, said, where
from gongkai.model import AnnualReport


@register
class NarrativeReceivedMismatch(Rule):
    """What it checks:
    Sentences in parts 一, 三 and 四 that count the applications received (收到 / 受理 /
    新收 … 申请 … N 件; “未收到…申请” counts as 0) must agree with table 3: N equals
    “一、本年新收” (总计), or “一、本年新收” plus “二、上年结转” (受理 is used for both).

    Why:
    The narrative and the table describe the same applications. A different number in
    the text means one of them was not updated, or counts something else.

    Example:
    第一部分：“共受理政府信息公开申请31件”；表三 一、本年新收 总计 30，二、上年结转 0.

    Correct:
    “共受理政府信息公开申请30件”, or fix the table. Sentences about 人大建议, 政协提案,
    复议 or changes (“增加2件”) are not read as claims.
    """

    code = "C101"
    name = "narrative-received-mismatch"
    severity = Severity.WARNING
    summary = "正文所述收到申请数与表三“本年新收”（或加“上年结转”）不一致"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        new = row_value(report, "table3", "new_received")
        if new is None:
            return
        carried = row_value(report, "table3", "carried_over")
        for claim, line, _ in claims(report, "received"):
            accepted = {new.value} | ({new.value + carried.value} if carried is not None else set())
            if claim.value in accepted:
                continue
            if carried is None and claim.value > new.value:
                continue  # might include an unknown number of carried-over applications
            with_carried = (
                f"（上年结转 {fmt(carried.value)} 件，合计 {fmt(new.value + carried.value)} 件）" if carried else ""
            )
            yield self.finding(
                f"{said(line, [claim.quote])}，表三“一、本年新收”总计为 {fmt(new.value)} 件{with_carried}{new.note}",
                where(line),
                "核对正文所述申请数与表三第一项（或第一项加第二项）；二者应当一致。",
                related=new.locations + (carried.locations if carried else ()),
            )
