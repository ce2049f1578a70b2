"""X101: the narrative is a near-copy of another agency's report, or of the agency's own previous report."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, register
from gongkai.model import AnnualReport


@register
class CopiedNarrative(Rule):
    """What it checks:
    The prose of parts 一 to 六 (the tables, the headings and the preamble left out) is compared with
    every other report of the corpus. Spaces and line breaks, every number, year and the agency's own
    name are masked first, so a copy with new figures and another name still counts as a copy. The
    similarity is the share of common five-character pieces (Jaccard similarity, estimated by MinHash);
    from 80% the report is reported as a copy of the other agency's report, or of the same agency's
    report of the year before. Texts under 200 characters are not compared.

    Why:
    The report states the agency's own work of the year (《条例》第五十条). The 2021 report format
    (国办公开办函〔2021〕30号) names “内容雷同” among the faults for which, when they do harm, the
    officials responsible are held to account. A text copied from another agency, or last year's
    text with new figures, describes no actual work, and its statements about the year cannot be
    relied on.

    Example:
    某县财政局2024年报告的第一至第六部分与某县教育局2024年报告只在机关名称和数字上不同
    （相似度 96%）；或某局2024年报告与本局2023年报告仅改了年份和数字（相似度 98%）。

    Correct:
    Write parts 一 to 六 from the agency's own work of the year: what it published, the applications it
    handled, its problems and what it did about them. Standard wording (the template's headings, the
    citation of the 条例) does not reach the threshold by itself.
    """

    code = "X101"
    name = "copied-narrative"
    severity = Severity.WARNING
    summary = "正文与其他报告高度雷同"
    needs_corpus = True

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        """Nothing on one report alone: see :func:`copied_finding`."""
        return iter(())


def _locations(report: AnnualReport) -> tuple[Location, ...]:
    """The sections with prose (where the copied text is), or the whole document when none has any."""
    found = [
        Location(part=f"section{s.number}", source=s.provenance)
        for s in sorted(report.sections, key=lambda s: s.number)
        if 1 <= s.number <= 6 and s.text.strip()
    ]
    return tuple(found) or (Location(part="document"),)


def copied_finding(report: AnnualReport, other: str, similarity: float, *, own_previous: bool = False) -> Finding:
    """The X101 finding on ``report``, whose narrative has estimated ``similarity`` (0–1) to the report
    ``other`` describes (``《title》（file）``); ``own_previous`` when that is the same agency's report of
    the year before."""
    rule = CopiedNarrative()
    share = f"{similarity:.0%}"
    if own_previous:
        year = report.metadata.year
        last = f"（{year - 1}年）" if year is not None else ""
        message = f"第一至第六部分正文与本机关上年{last}年报{other}正文相似度 {share}，疑似照搬上年内容"
        hint = "年度报告应写本年度的实际工作，请根据本年情况重写第一至第六部分，不要沿用上年文字只改数字。"
    else:
        message = f"第一至第六部分正文与{other}相似度 {share}"
        hint = "年度报告应写本机关本年度的实际工作，请核实是否照搬了其他机关的报告，并据实重写。"
    first, *rest = _locations(report)
    return rule.finding(message, first, hint, related=tuple(rest))
