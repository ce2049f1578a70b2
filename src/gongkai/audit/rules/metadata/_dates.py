"""Shared helpers of the metadata rules: report year, statutory deadline, Chinese dates."""

from __future__ import annotations

import datetime as dt

from gongkai.audit.finding import Location
from gongkai.model import AnnualReport

DEADLINES = {"department": (1, 31), "government": (3, 31)}
"""条例第四十九条: 县级以上人民政府部门 by 1月31日, 本级政府 by 3月31日 of the next year.
A zone's administrative committee (开发区/新区/实验区 管理委员会) governs its area and is classed with
governments (the later deadline: no false alarm where it reports as a government).  Township
deadlines (乡、镇、街道办事处) are set locally, so townships (and unknown kinds) have none."""

KIND_NAMES = {"department": "政府部门", "government": "人民政府"}


def cn(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def report_year(report: AnnualReport) -> int | None:
    """The year reported on: from the title, else from the statistical period's end."""
    m = report.metadata
    return m.year or (m.period_end.year if m.period_end else None)


def deadline(report: AnnualReport) -> dt.date | None:
    year = report_year(report)
    month_day = DEADLINES.get(report.metadata.agency_kind)
    if year is None or month_day is None:
        return None
    return dt.date(year + 1, *month_day)


def meta_location(report: AnnualReport, *keys: str) -> Location:
    """Location of a metadata field, with the first known provenance among ``keys``."""
    prov = report.metadata.provenance
    source = next((prov[k] for k in keys if k in prov), None)
    return Location(part="metadata", source=source)
