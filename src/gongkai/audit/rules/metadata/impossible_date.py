"""M106: a date that cannot exist (2023年12月7月, 2月30日, 13月): in the text, or typed in a date field."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from gongkai.audit.describe import part_name
from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, register
from gongkai.model import AnnualReport
from gongkai.model.dates import read_date
from gongkai.model.labels import shorten

FIELD_NAMES = {
    "period_start": "统计期限起始日期",
    "period_end": "统计期限截止日期",
    "signature_date": "成文日期",
    "publication_date": "发布日期",
}

_DATE = re.compile(r"(?<!\d)(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?:(?P<d>\d{1,2})\s*(?P<u>[日号月]))?")


def problem(m: re.Match[str]) -> str | None:
    """Why the matched date cannot exist, or None when it can."""
    year = int(m.group("y")) if m.group("y") else None
    month = int(m.group("m"))
    if year is not None and m.group("u") == "月":
        return "“月”出现两次，缺少“日”"
    if not 1 <= month <= 12:
        return f"没有 {month} 月"
    if m.group("d") is None or m.group("u") == "月":
        return None
    day = int(m.group("d"))
    last = (
        calendar.monthrange(year, month)[1]
        if year is not None
        else (29 if month == 2 else calendar.monthrange(2001, month)[1])
    )
    if not 1 <= day <= last:
        return f"{month} 月没有 {day} 日" if year is None else f"{year} 年 {month} 月只有 {last} 日"
    return None


@register
class ImpossibleDate(Rule):
    """What it checks:
    Every date written in the report's text (outside the tables): the month must be 1–12,
    the day must exist in that month (2月30日, 4月31日 and 2023年2月29日 do not), and a
    full date must end in 日 (“2023年12月7月” is malformed).  Also every date field typed
    in the report's data (the statistical period, the signature date, the publication date
    in a JSON/YAML report or gongkai's workbook) that could not be read as a date: the
    text is kept as typed and reported at its workbook cell or key path.  Dates written
    with Chinese numerals (二〇二五年一月二十日) are read, not reported.

    Why:
    A date that cannot exist is a typo; the reader cannot tell which day was meant, and a
    wrong date in the signature or the period undermines the whole report.

    Example:
    “2023年12月7月，组织召开政务公开工作培训会议”; 成文日期 typed as “2025年2月30日”,
    or ``period_end: 2024-02-30`` in YAML.

    Correct:
    “2023年12月7日，…”; 成文日期 “2025年2月20日”; ``period_end: 2024-12-31``.
    """

    code = "M106"
    name = "impossible-date"
    severity = Severity.ERROR
    summary = "正文或日期栏中有不存在、格式错误或无法识别的日期"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        yield from self._typed(report)
        for line in report.lines:
            if "月" not in line.text:
                continue
            for m in _DATE.finditer(line.text):
                why = problem(m)
                if why is None:
                    continue
                part = f"section{line.section}" if line.section else "document"
                ctx = line.text[max(0, m.start() - 8) : m.end() + 8].strip()
                yield self.finding(
                    f"{part_name(part) if line.section else '正文'}{line.provenance.describe()}"
                    f"“{ctx}”中的日期“{m.group().strip()}”不成立：{why}",
                    Location(part=part, source=line.provenance),
                    "改正该日期（核对原始材料中的年、月、日）。",
                )

    def _typed(self, report: AnnualReport) -> Iterator[Finding]:
        """Date fields typed as text that is no date: named at their workbook cell, or by their key path."""
        meta = report.metadata
        for key, typed in meta.typed_dates.items():
            if getattr(meta, key, None) is not None:
                continue
            prov = meta.provenance.get(key)
            where = prov.describe() if prov is not None and prov.sheet is not None else f"（metadata.{key}）"
            why = read_date(typed).problem or "无法识别为日期"
            yield self.finding(
                f"{FIELD_NAMES.get(key, key)}{where}填写为“{shorten(typed)}”，{why}",
                Location(part="metadata", source=prov),
                "改正该日期，写作 2025-01-20 或 2025年1月20日（核对原始材料中的年、月、日）；日期改正前只能生成草稿。",
            )
