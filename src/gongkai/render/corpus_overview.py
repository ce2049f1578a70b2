"""The figures of a corpus overview page: what :mod:`gongkai.batch.overview` counts in the store and
:mod:`gongkai.render.corpus_html` draws. Plain data, no logic: every number is counted in the store."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Count:
    """One bar of a chart: what is counted and how many."""

    label: str
    count: int
    detail: str = ""
    """Shown after the label (a rule's Chinese summary, an agency's number of reports)."""


@dataclass(frozen=True)
class Timeliness:
    """The reports by publication date against 条例第四十九条's deadline (1月31日 for a department's
    report, 3月31日 for a government's own, of the following year)."""

    on_time: int = 0
    late: int = 0
    """Published after the deadline (or found so by rule M104)."""
    late_by: tuple[Count, ...] = ()
    """``late`` split by how many days past the deadline (where the deadline is known)."""
    undated: int = 0
    """No publication date found on the page."""
    no_deadline: int = 0
    """Dated, but no statutory deadline applies or is known (a township, an unknown kind of body, no year)."""


@dataclass(frozen=True)
class YearApplications:
    """Table 3's 本年新收 总计 summed over the reports of one year."""

    year: int
    received: float
    reports: int
    """Reports of the year with the total printed (as a number)."""


@dataclass(frozen=True)
class CorpusOverview:
    store: str
    """The store as it may be shown (a file name, or a URL without its password)."""
    generated: dt.date
    version: str
    reports: int
    """Documents read (each document once: its newest result)."""
    failed: int
    """Documents that could not be read at all."""
    partial: int
    """Documents read but not wholly audited."""
    agencies: int
    years: tuple[Count, ...]
    """Reports per report year (label the year's digits), oldest first."""
    errors: int
    warnings: int
    infos: int
    rules: tuple[Count, ...]
    """Findings per rule (label the code, detail its Chinese summary), most first; the top ``top`` only."""
    rule_codes: int
    """How many rules found something."""
    agencies_top: tuple[Count, ...]
    """Findings per agency, most first; the top ``top`` only."""
    timeliness: Timeliness
    applications: tuple[YearApplications, ...]
    """Applications received per report year, oldest first."""
    top: int = 15
    failures: tuple[Count, ...] = field(default_factory=tuple)
    """Unread documents per error code (label the code, detail its Chinese meaning)."""


__all__ = ["CorpusOverview", "Count", "Timeliness", "YearApplications"]
