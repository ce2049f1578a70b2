"""Running counts of a batch per agency and year and per rule, for the workbook's summary sheets.

A sink keeps these counters, never the findings: memory grows with the number of agencies
and rules, not with the number of files or findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.result import DocumentResult

UNKNOWN_AGENCY = "（未识别机关）"
"""Shown for the documents whose agency could not be read (a failed file, a blank template)."""

_SEVERITIES = ("error", "warning", "info")


@dataclass
class AgencyCount:
    """Files of one agency and year by status, their findings by severity and their read errors."""

    files: int = 0
    ok: int = 0
    partial: int = 0
    failed: int = 0
    error: int = 0
    warning: int = 0
    info: int = 0
    read_errors: int = 0

    def values(self) -> list[int]:
        """The counts in the order above (the columns of 按机关汇总 after agency and year)."""
        return [self.files, self.ok, self.partial, self.failed, self.error, self.warning, self.info, self.read_errors]


@dataclass
class RuleCount:
    """Findings of one rule at one severity, and how many reports have at least one."""

    findings: int = 0
    reports: int = 0


@dataclass
class Tally:
    """Counts per (agency, year) and per (code, severity); document errors count under their E1xx code."""

    agencies: dict[tuple[str | None, int | None], AgencyCount] = field(default_factory=dict)
    rules: dict[tuple[str, str], RuleCount] = field(default_factory=dict)

    def add(self, result: DocumentResult) -> None:
        meta = result.report.metadata if result.report is not None else None
        key = (meta.agency if meta else None, meta.year if meta else None)
        agency = self.agencies.setdefault(key, AgencyCount())
        agency.files += 1
        setattr(agency, result.status, getattr(agency, result.status) + 1)
        agency.read_errors += len(result.errors)
        seen: set[tuple[str, str]] = set()
        for e in result.errors:
            self._count((e.code, "error"), seen)
        for f in result.findings:
            setattr(agency, f.severity.value, getattr(agency, f.severity.value) + 1)
            self._count((f.code, f.severity.value), seen)

    def _count(self, key: tuple[str, str], seen: set[tuple[str, str]]) -> None:
        rule = self.rules.setdefault(key, RuleCount())
        rule.findings += 1
        if key not in seen:
            seen.add(key)
            rule.reports += 1

    def agency_keys(self) -> list[tuple[str | None, int | None]]:
        """Agencies in name order, each agency's years in order; the unread ones last."""
        return sorted(self.agencies, key=lambda k: (k[0] is None, k[0] or "", k[1] is None, k[1] or 0))

    def rule_keys(self) -> list[tuple[str, str]]:
        """Rules by code, then the document errors (E1xx); each code's severities from error to info."""
        return sorted(self.rules, key=lambda k: (k[0].startswith("E"), k[0], _SEVERITIES.index(k[1])))
