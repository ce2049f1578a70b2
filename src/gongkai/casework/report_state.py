"""An agency's yearly report through the web workflow: draft texts → approved (files made once) → published.

While a draft, the report is always the one computed from the records now, with the texts staff
saved (``web_report_states.report_json`` holds those texts as an ``AnnualReport``). Approval
refuses while the audit has errors or a 【待填写】 mark remains; it then completes the report,
renders its DOCX, PDF and HTML once into ``web_report_files`` and freezes ``report_json`` to the
final report, which is what is published whatever the records become. Every change is logged
(:func:`gongkai.store.audit.log`).
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gongkai.audit import Finding, Severity, audit
from gongkai.casework.report import agency_report_in, prepared_copy, read_texts, with_texts
from gongkai.errors import RegisterError
from gongkai.model import AnnualReport
from gongkai.model.placeholders import TO_FILL
from gongkai.store.audit import log, snapshot
from gongkai.store.columns import utcnow
from gongkai.store.tables import AgencyRow
from gongkai.store.web_tables import FILE_FORMATS, ReportFileRow, ReportStateRow

STATUS_LABELS = {"draft": "草稿", "approved": "已审核", "published": "已公开"}
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}
MAX_TEXTS_BYTES = 5_000_000


def state_of(session: Session, agency_id: int, year: int) -> ReportStateRow | None:
    query = select(ReportStateRow).where(ReportStateRow.agency_id == agency_id, ReportStateRow.year == year)
    return session.scalars(query).first()


def _logged_snapshot(row: ReportStateRow) -> dict[str, Any]:
    return snapshot(row)


def working_report(session: Session, agency: AgencyRow, year: int) -> AnnualReport:
    """The report as it stands: the frozen final once approved, else computed now with the saved texts."""
    row = state_of(session, agency.id, year)
    if row is not None and row.status != "draft" and row.report_json:
        return AnnualReport.model_validate_json(row.report_json)
    report = agency_report_in(session, agency.name, year)
    if row is not None and row.report_json:
        report = with_texts(report, AnnualReport.model_validate_json(row.report_json))
    return report


def findings_of(report: AnnualReport) -> list[Finding]:
    """The audit's findings on the report as it would be written (completed first), most severe first."""
    return sorted(audit(prepared_copy(report)), key=lambda f: f.severity.rank)


def remaining_marks(report: AnnualReport) -> list[str]:
    """The 【待填写】 marks left in the preamble and the section texts, in order."""
    texts = [report.preamble, *(s.text for s in report.sections)]
    return [m.group(0) for t in texts for m in TO_FILL.finditer(t or "")]


def _draft_row(session: Session, agency_id: int, year: int) -> ReportStateRow:
    row = state_of(session, agency_id, year)
    if row is None:
        row = ReportStateRow(agency_id=agency_id, year=year, status="draft")
        session.add(row)
        session.flush()
        log(session, "insert", "report_state", row.id, None, _logged_snapshot(row))
    elif row.status != "draft":
        raise RegisterError("E204", f"{year}年度报告已{STATUS_LABELS[row.status]}，不能再修改文字")
    return row


def save_texts(session: Session, agency: AgencyRow, year: int, texts: AnnualReport) -> None:
    """Save staff's texts for the draft (E204 once approved, or texts of another agency or year)."""
    with_texts(agency_report_in(session, agency.name, year), texts)  # refuses another agency's or year's
    row = _draft_row(session, agency.id, year)
    before = _logged_snapshot(row)
    row.report_json = texts.model_dump_json()
    session.flush()
    log(session, "update", "report_state", row.id, before, _logged_snapshot(row))


def texts_from_file(data: bytes, filename: str) -> AnnualReport:
    """The report whose texts staff uploaded (JSON or any format gongkai reads)."""
    if len(data) > MAX_TEXTS_BYTES:
        raise RegisterError("E204", "上传的文件过大")
    suffix = Path(filename).suffix.lower() or ".json"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"texts{suffix}"
        path.write_bytes(data)
        return read_texts(path)


def _refusal(year: int, marks: list[str], errors: list[Finding]) -> RegisterError | None:
    if marks:
        return RegisterError("E204", f"{year}年度报告仍有 {len(marks)} 处【待填写】内容，请先填写再审核", tuple(marks))
    if errors:
        lines = tuple(f"{f.location.describe()}：{f.message}" for f in errors)
        return RegisterError("E204", f"{year}年度报告的审核发现 {len(errors)} 个错误，请先改正再审核", lines)
    return None


def approve(session: Session, agency: AgencyRow, year: int, approver: str) -> ReportStateRow:
    """Approve the draft: refuse while marks or errors remain, else render the final files once and freeze it."""
    from gongkai.write import render

    report = working_report(session, agency, year)
    final = prepared_copy(report)
    errors = [f for f in audit(final) if f.severity is Severity.ERROR]
    refusal = _refusal(year, remaining_marks(final), errors)
    if refusal is not None:
        raise refusal
    row = _draft_row(session, agency.id, year)
    before = _logged_snapshot(row)
    for fmt in FILE_FORMATS:
        content = render(final, f".{fmt}", draft=False)
        session.add(ReportFileRow(state_id=row.id, format=fmt, content=content))
        after = {"state_id": row.id, "format": fmt, "bytes": len(content)}
        log(session, "insert", "report_file", f"{row.id}:{fmt}", None, after | {"sha256": _sha(content)})
    row.status, row.approved_by, row.approved_at = "approved", approver, utcnow()
    row.report_json = final.model_dump_json()
    session.flush()
    log(session, "update", "report_state", row.id, before, _logged_snapshot(row))
    return row


def _sha(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def publish(session: Session, agency_id: int, year: int, publisher: str) -> ReportStateRow:
    """Publish an approved report (E204 while it is a draft; publishing twice changes nothing)."""
    row = state_of(session, agency_id, year)
    if row is None or row.status == "draft":
        raise RegisterError("E204", f"{year}年度报告尚未审核，不能公开")
    if row.status == "published":
        return row
    before = _logged_snapshot(row)
    row.status, row.published_by, row.published_at = "published", publisher, utcnow()
    session.flush()
    log(session, "update", "report_state", row.id, before, _logged_snapshot(row))
    return row


def file_of(session: Session, agency_id: int, year: int, fmt: str, *, published_only: bool) -> bytes:
    """A final file (E203 when the report has none yet, or, for the public, is not published)."""
    row = state_of(session, agency_id, year)
    if (
        fmt not in FILE_FORMATS
        or row is None
        or row.status == "draft"
        or (published_only and row.status != "published")
    ):
        raise RegisterError("E203", f"{year}年度报告没有可下载的{fmt.upper()}文件")
    query = select(ReportFileRow.content).where(ReportFileRow.state_id == row.id, ReportFileRow.format == fmt)
    content = session.scalar(query)
    if content is None:
        raise RegisterError("E203", f"{year}年度报告没有可下载的{fmt.upper()}文件")
    return content


def published(session: Session) -> list[tuple[AgencyRow, ReportStateRow]]:
    """Every published report with its agency, by year (newest first), then agency name."""
    query = (
        select(AgencyRow, ReportStateRow)
        .join(ReportStateRow, ReportStateRow.agency_id == AgencyRow.id)
        .where(ReportStateRow.status == "published")
        .order_by(ReportStateRow.year.desc(), AgencyRow.name)
    )
    return [(row[0], row[1]) for row in session.execute(query)]


def published_report(session: Session, agency_id: int, year: int) -> tuple[AgencyRow, AnnualReport]:
    """A published report as approved (E203 when it is not published: drafts are never public)."""
    row = state_of(session, agency_id, year)
    agency = session.get(AgencyRow, agency_id)
    if row is None or agency is None or row.status != "published" or not row.report_json:
        raise RegisterError("E203", f"没有公开的{year}年度报告")
    return agency, AnnualReport.model_validate_json(row.report_json)


def published_statistics(session: Session, region: str, year: int) -> tuple[AnnualReport | None, list[str]]:
    """The sum of the year's published reports of the agencies whose region starts with ``region``
    (blank: every agency), and those agencies' names; None when none is published."""
    from gongkai.cases.region import sum_reports

    chosen = [
        (a, s)
        for a, s in published(session)
        if s.year == year and (a.region or "").startswith(region) and s.report_json
    ]
    if not chosen:
        return None, []
    reports = [AnnualReport.model_validate_json(s.report_json or "") for _, s in chosen]
    return sum_reports(reports, region or "全部地区"), [a.name for a, _ in chosen]


__all__ = [
    "CONTENT_TYPES",
    "STATUS_LABELS",
    "approve",
    "file_of",
    "findings_of",
    "publish",
    "published",
    "published_report",
    "published_statistics",
    "remaining_marks",
    "save_texts",
    "state_of",
    "texts_from_file",
    "working_report",
]
