"""C111: the narrative's 制发 / 废止 / 现行有效 counts of 规章 and 行政规范性文件 match table 2."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.narrative.text import sentence_start
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules.consistency._support import claims, fmt, said, where
from gongkai.model import TABLE2, AnnualReport

_SECTIONS = frozenset({1, 2})
"""一、总体情况 (its 主动公开 paragraph) and the text around table 2."""
_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年")


@register
class NarrativeDocumentsMismatch(Rule):
    """What it checks:
    In parts 一 and 二, “制发 / 印发 / 出台 / 制定 N 件”, “废止 N 件” and “现行有效 N 件” of
    规章 or 行政规范性文件 must equal table 2's 本年制发件数, 本年废止件数 and 现行有效件数 of
    that row. Both word orders are read as enumerations, each number with its own item:
    “制发规章1件、行政规范性文件5件”, “行政规范性文件制发5件、废止2件、现行有效66件”.
    Counts dated by another year (the last year named before them in the sentence: “2023年制发…”,
    “截至2025年3月，现行有效…” in the 2024 report), clauses about the previous year, a plan or
    a total over several years (上年, 拟, 累计…), a
    qualified noun (“市政府规章”, “部门规范性文件”), a combined count (“规章、规范性文件共
    403件”) and 现行有效 counts in a clause about a clean-up (清理…) are not read; blank or
    “/” cells are not compared.

    Why:
    Table 2 is the report's own count of the rules in force; the narrative restating it with
    another number leaves the reader unsure which one is right — usually one of them was not
    updated after the register was cleaned up.

    Example:
    第一部分：“截至2024年底，现行有效行政规范性文件393件”；表二 行政规范性文件 现行有效件数 470.

    Correct:
    “现行有效行政规范性文件470件”, or fix table 2.
    """

    code = "C111"
    name = "narrative-documents-mismatch"
    severity = Severity.WARNING
    summary = "正文所述规章、行政规范性文件的制发、废止、现行有效件数与表二不一致"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        if not report.table2.found:
            return
        year = report.metadata.year
        for claim, line, p in claims(report, "table2:", sections=_SECTIONS):
            years = _YEAR.findall(p.text, sentence_start(p.text, claim.start), claim.start)
            if year is not None and years and int(years[-1]) != year:
                continue  # “2023年制发…”, “截至2025年3月，现行有效…” in the 2024 report
            row, field = claim.kind.removeprefix("table2:").split(".")
            cell = report.table2.cell(row, field)
            if cell is None or cell.state != "number" or cell.value is None or cell.value == claim.value:
                continue
            spec = TABLE2.row(row)
            label = next(f.label for f in spec.fields if f.key == field)
            yield self.finding(
                f"{said(line, [claim.quote])}，表二{spec.label}“{label}”为 {fmt(cell.value)} 件",
                where(line),
                "核对正文所述件数与表二；二者应当一致。",
                related=(Location(part="table2", row=row, column=field, source=cell.provenance),),
            )
