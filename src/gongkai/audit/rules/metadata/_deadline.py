"""M103/M104 shared check: a date later than the statutory deadline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from gongkai.audit.finding import Finding
from gongkai.audit.rule import Rule
from gongkai.audit.rules.metadata._dates import KIND_NAMES, cn, deadline, meta_location, report_year
from gongkai.model import AnnualReport


def late(rule: Rule, report: AnnualReport, date: dt.date | None, what: str, key: str) -> Iterator[Finding]:
    due = deadline(report)
    if date is None or due is None or date <= due:
        return
    kind = KIND_NAMES[report.metadata.agency_kind]
    yield rule.finding(
        f"{what}为 {cn(date)}，晚于{kind}年度报告的法定期限 {cn(due)}（{report_year(report)} 年度，"
        f"条例第四十九条），超出 {(date - due).days} 天",
        meta_location(report, key),
        f"{kind}应在 {cn(due)} 前公布上一年度报告；核对{what}是否有误。",
    )
