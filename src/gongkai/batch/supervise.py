"""What a supervisor reads of the corpus store: the reports of the agencies it may see, their findings,
a finding's place in its source. Each document counts once, by its newest result (:mod:`.stored`).

A supervisor of a region sees the registry's agencies whose full region (from the division code, as
``江苏省淮安市洪泽区``, else the region printed) starts with its own; without a region, every report.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any, cast

from pydantic import BaseModel
from sqlalchemy import ColumnElement, func, select, true
from sqlalchemy.orm import Session

from gongkai.batch.stored import chosen
from gongkai.store.corpus_tables import CorpusAgencyRow, CorpusFindingRow, CorpusResultRow, CorpusSourceRow

R = CorpusResultRow
F = CorpusFindingRow
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
MAX_REPORTS = 2000


def full_region(region: str | None, division_code: str | None) -> str:
    """An agency's region from the province down (``江苏省淮安市洪泽区``), or as printed when unknown."""
    if division_code:
        from gongkai.extract.divisions import shipped

        chain = shipped().lineage(division_code)
        if chain:
            return "".join(d.name for d in reversed(chain))
    return region or ""


def visible_agencies(session: Session, region: str | None) -> set[int] | None:
    """The registry ids a supervisor of ``region`` sees (None: every report, agency known or not)."""
    if not region:
        return None
    rows = session.execute(select(CorpusAgencyRow.id, CorpusAgencyRow.region, CorpusAgencyRow.division_code))
    return {aid for aid, reg, code in rows if full_region(reg, code).startswith(region)}


def visible(ids: set[int] | None) -> ColumnElement[bool]:
    """The condition on results of the visible agencies."""
    return true() if ids is None else R.agency_id.in_(ids)


class CorpusSummary(BaseModel):
    reports: int
    agencies: int
    findings: dict[str, int]
    """Findings by severity (error, warning, info)."""


def summary(session: Session, ids: set[int] | None) -> CorpusSummary:
    reports = session.scalar(select(func.count()).select_from(R).where(chosen(), visible(ids))) or 0
    known = select(func.count(func.distinct(R.agency_id))).where(chosen(), visible(ids))
    unknown = select(func.count(func.distinct(R.agency))).where(chosen(), visible(ids), R.agency_id.is_(None))
    agencies = (session.scalar(known) or 0) + (session.scalar(unknown) or 0)
    query = select(F.severity, func.count()).join(R, R.id == F.result_id).where(chosen(), visible(ids))
    counts = dict(session.execute(query.group_by(F.severity)).all())
    return CorpusSummary(
        reports=int(reports),
        agencies=int(agencies),
        findings={key: int(counts.get(key, 0)) for key in SEVERITY_ZH},
    )


class ReportOut(BaseModel):
    result_id: int
    agency_id: int | None
    agency: str
    year: int | None
    title: str | None
    source_format: str | None
    status: str
    file_name: str
    errors: int
    warnings: int
    infos: int


_REPORT_COLUMNS = (R.id, R.agency_id, R.year, R.title, R.source_format, R.status, R.errors, R.warnings, R.infos)
"""What the list shows of a result: its columns only, never the stored report, head or MinHash (blobs
that SQLite would read from overflow pages for every row)."""


def reports(
    session: Session,
    ids: set[int] | None,
    *,
    agency: str = "",
    year: int | None = None,
    code: str = "",
    result_ids: set[int] | None = None,
) -> list[ReportOut]:
    """The visible reports by agency and year, filtered by agency name (part of it), year, rule code."""
    first = select(func.min(CorpusSourceRow.id)).where(CorpusSourceRow.document_id == R.document_id)
    name = func.coalesce(CorpusAgencyRow.name, R.agency, "")
    query = (
        select(*_REPORT_COLUMNS, name, CorpusSourceRow.file_name)
        .outerjoin(CorpusAgencyRow, CorpusAgencyRow.id == R.agency_id)
        .join(CorpusSourceRow, CorpusSourceRow.id == first.correlate(R).scalar_subquery())
        .where(chosen(), visible(ids))
    )
    if agency.strip():
        query = query.where(name.contains(agency.strip(), autoescape=True))
    if year is not None:
        query = query.where(R.year == year)
    if code.strip():
        query = query.where(select(F.id).where(F.result_id == R.id, F.code == code.strip().upper()).exists())
    if result_ids is not None:
        query = query.where(R.id.in_(result_ids))
    query = query.order_by(name, R.year, R.id).limit(MAX_REPORTS)
    return [
        ReportOut(
            result_id=rid,
            agency_id=agency_id,
            agency=str(shown),
            year=year_,
            title=title,
            source_format=source_format,
            status=status,
            file_name=file_name,
            errors=errors,
            warnings=warnings,
            infos=infos,
        )
        for rid, agency_id, year_, title, source_format, status, errors, warnings, infos, shown, file_name in cast(
            "Any", session.execute(query)
        )
    ]


@cache
def rule_names() -> dict[str, str]:
    from gongkai.audit.rule import all_rules

    return {rule.code: rule.summary for rule in all_rules()}


class FindingOut(BaseModel):
    id: int
    code: str
    rule: str
    """The rule's Chinese name."""
    severity: str
    severity_label: str
    location: str
    message: str
    hint: str
    page: int | None
    line: int | None
    has_box: bool


def _source(detail: dict[str, Any]) -> dict[str, Any]:
    source = (detail.get("location") or {}).get("source") or {}
    return source if isinstance(source, dict) else {}


def finding_out(row: CorpusFindingRow) -> FindingOut:
    source = _source(json.loads(row.detail or "{}"))
    return FindingOut(
        id=row.id,
        code=row.code,
        rule=rule_names().get(row.code, row.name),
        severity=row.severity,
        severity_label=SEVERITY_ZH.get(row.severity, row.severity),
        location=row.location,
        message=row.message,
        hint=row.hint,
        page=source.get("page"),
        line=source.get("line"),
        has_box=source.get("bbox") is not None,
    )


def findings(session: Session, result_id: int) -> list[FindingOut]:
    rows = session.scalars(select(F).where(F.result_id == result_id).order_by(F.id))
    return [finding_out(row) for row in rows]


class Place(BaseModel):
    """Where a finding points in the file its report was read from."""

    finding: FindingOut
    result_id: int
    agency_id: int | None
    source_format: str | None
    file: str | None
    """The local file to read (an uploaded or listed file, or a URL's archived body)."""
    bbox: tuple[float, float, float, float] | None
    paragraph: int | None = None
    """The paragraph (DOCX), or the table and its row, the finding's cell was read from."""
    table: int | None = None
    row: int | None = None


def place(session: Session, finding_id: int) -> Place | None:
    row = session.get(F, finding_id)
    if row is None:
        return None
    result = session.get(R, row.result_id)
    assert result is not None
    source_row = session.scalars(
        select(CorpusSourceRow).where(CorpusSourceRow.document_id == result.document_id).order_by(CorpusSourceRow.id)
    ).first()
    file = None
    if source_row is not None:
        file = source_row.archive or (None if "://" in source_row.source else source_row.source)
    source = _source(json.loads(row.detail or "{}"))
    bbox = source.get("bbox")
    return Place(
        finding=finding_out(row),
        result_id=result.id,
        agency_id=result.agency_id,
        source_format=result.source_format,
        file=file,
        bbox=tuple(bbox) if isinstance(bbox, list) and len(bbox) == 4 else None,
        paragraph=source.get("paragraph"),
        table=source.get("table"),
        row=source.get("row"),
    )


__all__ = [
    "CorpusSummary",
    "FindingOut",
    "Place",
    "ReportOut",
    "findings",
    "full_region",
    "place",
    "reports",
    "summary",
    "visible",
    "visible_agencies",
]
