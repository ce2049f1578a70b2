"""Audit results with known findings for renderer tests."""

from __future__ import annotations

from gongkai.audit import Finding, Location, Severity
from gongkai.errors import DocumentError
from gongkai.model import Provenance
from gongkai.result import DocumentResult
from tests.factories import FILE, make_report


def sample_findings() -> list[Finding]:
    return [
        Finding(
            code="A901",
            name="test-column-balance",
            severity=Severity.ERROR,
            message="表三第一行各列之和为 30，总计栏为 31。",
            hint="核对各列数字与总计栏。",
            location=Location(
                part="table3", row="new_received", column="total", source=Provenance(file=FILE, line=89, column=8)
            ),
        ),
        Finding(
            code="M901",
            name="test-late-signature",
            severity=Severity.WARNING,
            message="落款日期晚于发布日期。",
            location=Location(part="metadata"),
        ),
        Finding(
            code="C901",
            name="test-note",
            severity=Severity.INFO,
            message="正文与表格数字不同。",
            hint="核对正文。",
            location=Location(part="section1", source=Provenance(file=FILE, page=2, line=12)),
        ),
    ]


def sample_results() -> list[DocumentResult]:
    """One audited report with three findings and one document that could not be read."""
    report = make_report()
    ok = DocumentResult(path="a/report.txt", status="ok", report=report, findings=sample_findings())
    failed = DocumentResult(
        path="a/empty.txt", status="failed", errors=[DocumentError(code="E103", message="文件为空")]
    )
    return [ok, failed]
