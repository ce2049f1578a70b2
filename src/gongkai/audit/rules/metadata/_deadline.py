"""M103/M104 shared check: a date later than the statutory deadline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from gongkai.audit.finding import Finding
from gongkai.audit.rule import Rule
from gongkai.audit.rules.metadata._dates import KIND_NAMES, cn, deadline, meta_location, report_year
from gongkai.model import AnnualReport


def late(
    rule: Rule, report: AnnualReport, date: dt.date | None, what: str, key: str, printed: str | None = None
) -> Iterator[Finding]:
    """A finding when ``date`` is after the deadline for the report's kind of agency.

    ``printed`` is the date as the source printed it (``发布时间：2025-02-05 10:00``); it is quoted
    with the place it was printed.
    """
    due = deadline(report)
    if date is None or due is None or date <= due:
        return
    meta = report.metadata
    kind = KIND_NAMES[meta.agency_kind]
    location = meta_location(report, key)
    shown = [f"原文“{printed}”"] if printed and printed != cn(date) else []
    if location.source is not None and (where := location.source.describe()):
        shown.append(where)
    agency = meta.agency or meta.signature_agency
    whose = f"{agency}（按{kind}计）" if agency else kind
    yield rule.finding(
        f"{what}为 {cn(date)}{'（' + '，'.join(shown) + '）' if shown else ''}，晚于{whose}年度报告的法定期限 "
        f"{cn(due)}（{report_year(report)} 年度，条例第四十九条），超出 {(date - due).days} 天",
        location,
        f"{kind}应在 {cn(due)} 前公布上一年度报告；核对{what}是否有误。",
    )
