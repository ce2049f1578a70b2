"""Extractor: RawDocument → AnnualReport, in small inspectable stages.

Stages: find headings and title (:mod:`sections`), locate table regions
(:mod:`locate`), build records (:mod:`records`), tie them to template rows
(:mod:`align`), assemble tables (:mod:`table2`, :mod:`table3`, :mod:`table4`)
and read metadata (:mod:`metadata`).
"""

from __future__ import annotations

from gongkai.errors import InputError
from gongkai.extract.crawled import run_together_table, split_crawled
from gongkai.extract.locate import Regions, locate
from gongkai.extract.metadata import page_field_rows, read_metadata
from gongkai.extract.records import is_page_number
from gongkai.extract.sections import Heading, find_headings, find_title
from gongkai.extract.table2 import build_table2, is_2019
from gongkai.extract.table3 import build_table3
from gongkai.extract.table4 import build_table4
from gongkai.limits import check_deadline
from gongkai.model import SECTIONS, AnnualReport, Section, TextLine
from gongkai.model.labels import squash
from gongkai.readers.raw import RawCell, RawDocument, RawRow

_WHERE = "（提取报告内容时）"


def _in_tables(regions: Regions) -> set[int]:
    inside: set[int] = set()
    for r in (regions.table2, regions.table3, regions.table4):
        if r is not None:
            inside.update(range(r[0], r[1]))
    return inside


def _sections(rows: list[RawRow], headings: list[Heading], inside: set[int], stop: int) -> list[Section]:
    out: list[Section] = []
    bounds = [h.index for h in headings] + [stop]
    for h, end in zip(headings, bounds[1:], strict=True):
        spec = SECTIONS[h.number - 1]
        texts = [
            rows[i].text.strip()
            for i in range(h.index + 1, max(end, h.index + 1))
            if i not in inside and rows[i].kind == "text" and not is_page_number(rows[i].text)
        ]
        out.append(
            Section(
                number=h.number,
                key=spec.key,
                title=h.text,
                printed_number=h.numeral,
                text="\n".join(t for t in texts if t),
                provenance=rows[h.index].prov,
                end_line=rows[end - 1].prov.line if end - 1 >= 0 and end - 1 < len(rows) else None,
            )
        )
    return out


def extract(raw: RawDocument) -> AnnualReport:
    """Build the structured report from a raw document.

    Raises:
        InputError: E106 when the document has neither section headings nor tables.
    """
    headings = find_headings(raw.rows)
    rows, crawled = split_crawled(raw.rows, headings)
    if rows is not raw.rows:
        headings = find_headings(rows)
    regions = locate(rows, headings)
    if crawled:  # a table found in a crawled line is that table, whatever else locate saw
        ids = {t.table_id for t in crawled}
        regions = Regions(*(None if k in ids else getattr(regions, k) for k in ("table2", "table3", "table4")))
    check_deadline(_WHERE)
    if not headings and regions.table3 is None and regions.table2 is None and not crawled:
        raise InputError("E106", "未找到年度报告的章节标题或统计表，不像是政府信息公开工作年度报告")
    first = headings[0].index if headings else (regions.table2 or regions.table3 or (0, 0))[0]
    title = find_title(rows, first)
    last_heading = headings[-1].index if headings else first
    meta, sig_start = read_metadata(rows, title, first, last_heading, raw.hints)
    report = AnnualReport(source_file=raw.path, source_format=raw.format, metadata=meta)
    fmt_2019 = False
    if regions.table2:
        report.table2, fmt_2019 = build_table2(rows[regions.table2[0] : regions.table2[1]])
    if regions.table3:
        report.table3 = build_table3(rows[regions.table3[0] : regions.table3[1]])
    if regions.table4:
        report.table4 = build_table4(rows[regions.table4[0] : regions.table4[1]])
    check_deadline(_WHERE)
    for table in crawled:
        if getattr(regions, table.table_id) is None:
            setattr(report, table.table_id, run_together_table(table))
            fmt_2019 = fmt_2019 or (
                table.table_id == "table2" and is_2019([RawRow([RawCell(table.text, table.prov)], "text")])
            )
    if fmt_2019:
        report.format = "2019"
    elif regions.table2 or regions.table3 or crawled:
        report.format = "2021"
    inside = _in_tables(regions) | page_field_rows(rows, first)  # 发布时间：… lines are not report text
    stop = sig_start if sig_start is not None and sig_start > last_heading else len(rows)
    report.sections = _sections(rows, headings, inside, stop)
    if headings:
        report.preamble = _preamble(rows, title, headings[0].index, inside)
    section_of = {}
    for h, nxt in zip(headings, [h.index for h in headings[1:]] + [len(rows)], strict=False):
        for i in range(h.index, nxt):
            section_of[i] = h.number
    report.lines = [
        TextLine(text=r.text.strip(), provenance=r.prov, section=section_of.get(i))
        for i, r in enumerate(rows)
        if r.kind == "text" and i not in inside and r.text.strip()
    ]
    report.template = _is_template(report)
    return report


def _preamble(rows: list[RawRow], title: tuple[str, int] | None, stop: int, inside: set[int]) -> str:
    """The paragraphs between the title (one or two lines) and section 一: statistical period, contacts…"""
    start = 0
    if title is not None:
        start = title[1]
        while start < stop and rows[start].kind == "text" and squash(rows[start].text) in title[0]:
            start += 1
    texts = [
        rows[i].text.strip()
        for i in range(start, stop)
        if i not in inside and rows[i].kind == "text" and not is_page_number(rows[i].text)
    ]
    return "\n".join(t for t in texts if t)


def _is_template(report: AnnualReport) -> bool:
    """All three tables found and not one cell filled: a blank template, not a report of blanks."""
    tables = (report.table2, report.table3, report.table4)
    if not all(t.found for t in tables):
        return False
    cells = [c for t in tables for row in t.rows.values() for c in row.values()]
    return bool(cells) and all(c.state in ("blank", "absent") for c in cells) and not any(t.unplaced for t in tables)


__all__ = ["extract"]
