"""C106: in one sentence, the parts after 其中 add up to more than the whole before it."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Severity
from gongkai.audit.narrative import paragraphs
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules.consistency._parts import find_parts
from gongkai.audit.rules.consistency._support import said, where
from gongkai.model import AnnualReport


@register
class PartsExceedWhole(Rule):
    """What it checks:
    A sentence of the narrative (any part) of the form “共 N<unit>，其中 a<unit>…b<unit>…”:
    the parts with the same unit (条/件/篇/个/次/份/项/场/人) must not add up to more than
    N. Numbers in brackets, quotes or 《》, percentages, years, dates and approximate
    numbers (约/近/超/余/多) are left out. The parts are one enumeration and end at the
    clause boundary: a different unit, a new total (共/累计/全年…), “；” (unless 其中 opens a
    list with “：”), a separator stronger than the one between the first two parts
    (“、” < “，” < “；”: “其中：42件、5件；因…引起的行政复议2件” has two parts), or
    复议 / 诉讼 cases after a whole that counts something else (applications).

    Why:
    A breakdown larger than its total is impossible unless the categories overlap, which
    the sentence then has to say; usually one number is mistyped.

    Example:
    “全年主动公开政府信息 138 条，其中，通过政府信息公开专栏…35 条，通过局门户网站…103 条，
    通过政务微博、微信公众号等新媒体…235 条”: 35＋103＋235＝373 > 138.

    Correct:
    Give the right total (373 条) or say that the channels overlap (“同一信息在多个渠道发布”).
    """

    code = "C106"
    name = "parts-exceed-whole"
    severity = Severity.WARNING
    summary = "正文“其中”所列分项之和大于总数"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        for p in paragraphs(report.lines):
            for g in find_parts(p.text):
                total = sum(g.parts)
                if total <= g.whole:
                    continue
                u = g.unit
                quote = f"{g.whole}{u}，其中{'、'.join(f'{n}{u}' for n in g.parts)}"
                line = p.line_at(g.start)
                yield self.finding(
                    f"{said(line, [quote])}：分项之和 {total} 大于总数 {g.whole}",
                    where(line),
                    "核对总数与各分项；分项有重叠时应在正文中说明。",
                )
