"""S117: top-level numbered headings inside a section that are not its own."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules.structure._support import listing
from gongkai.model import AnnualReport, TextLine
from gongkai.model.labels import squash
from gongkai.model.template import SECTIONS

_HEADING = re.compile(r"^[一二三四五六七八九十][、.．]")
_MAX = 30


def _section_titles(report: AnnualReport) -> set[str]:
    """Printed and template section headings: never foreign."""
    titles = {squash(s.title) for s in report.sections if s.title}
    for spec in SECTIONS:
        titles.update(squash(t) for t in (spec.title, *spec.variants))
    return titles


def is_heading(text: str) -> bool:
    t = squash(text)
    return bool(_HEADING.match(t)) and len(t) <= _MAX and not t.endswith("。")


@register
class ForeignHeading(Rule):
    """What it checks:
    Lines inside one of the six sections that look like a top-level heading
    (一、… to 十、…, short and not a sentence) but are not that section's own heading.
    One finding per section lists them. They usually show that another document —
    a work plan, a summary — was pasted into the report, or that the section was
    written with its own first-level numbering that collides with the report's.
    Section headings themselves (as printed, or as in the template) are never
    reported.

    Why:
    The six sections are the report's first level; a second 一、/二、 series inside a
    section confuses its structure, and pasted documents (a 实施方案 with
    一、指导思想 / 二、工作任务) are not part of the annual report.

    Example:
    Section 一、总体情况 containing “一、指导思想” and “二、工作任务” from a 政务公开实施方案.

    Correct:
    Subheadings numbered （一）、（二） or 1. 2. inside a section, and no pasted documents.
    """

    code = "S117"
    name = "foreign-heading"
    severity = Severity.WARNING
    summary = "某部分中出现不属于年报结构的一级标题（疑似粘贴其他文件）"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        titles = _section_titles(report)
        found: dict[int, list[TextLine]] = {}
        for line in report.lines:
            if line.section is None or not is_heading(line.text) or squash(line.text) in titles:
                continue
            found.setdefault(line.section, []).append(line)
        for number, lines in sorted(found.items()):
            numeral = SECTIONS[number - 1].title[0] if 1 <= number <= len(SECTIONS) else str(number)
            heads = listing([f"「{squash(x.text)}」" for x in lines])
            where = listing([x.provenance.describe() for x in lines if x.provenance.describe()])
            yield self.finding(
                f"第{numeral}部分中有 {len(lines)} 个不属于年报结构的一级标题：{heads}"
                + (f"（{where}）" if where else ""),
                Location(part=f"section{number}", source=lines[0].provenance),
                "删除误粘贴的其他文件内容；本部分内的小标题改用（一）（二）或1. 2.编号。",
                related=tuple(Location(part=f"section{number}", source=x.provenance) for x in lines[1:]),
            )
