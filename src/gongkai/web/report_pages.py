"""The agency's year report pages as data (one model per page; the HTML route and its JSON twin share it)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote, urlencode

from pydantic import BaseModel
from sqlalchemy.orm import Session

from gongkai.casework import report_state as rs
from gongkai.casework.report import prepared_copy
from gongkai.casework.report_cells import cell_labels, cell_refs, records_of
from gongkai.errors import WebError
from gongkai.store.audit import store_version
from gongkai.store.repo import load_register
from gongkai.store.repo.users import UserInfo
from gongkai.store.tables import AgencyRow
from gongkai.store.web_tables import FILE_FORMATS
from gongkai.web.cache import LruCache
from gongkai.web.report_view import FindingOut, LinkFn, ReportBody, body_of, findings_out
from gongkai.web.roles import approves_for, reads, require, works_for


class ReportPage(BaseModel):
    agency_id: int
    agency: str
    year: int
    status: str
    status_label: str
    approved_by: str | None
    approved_at: dt.datetime | None
    published_by: str | None
    published_at: dt.datetime | None
    report: ReportBody
    findings: list[FindingOut]
    errors: int
    marks_left: int
    files: list[str]
    signature_date: str
    may_edit: bool
    may_approve: bool


class RecordOut(BaseModel):
    ref: str
    kind: str
    kind_label: str
    id: str
    number: str
    text: str
    link: str | None


class CellsPage(BaseModel):
    agency_id: int
    agency: str
    year: int
    table: str
    row: str
    column: str
    table_label: str
    row_label: str
    column_label: str
    value: str
    records: list[RecordOut]


def last_year() -> int:
    return dt.date.today().year - 1


def agency_for(db: Session, user: UserInfo, agency_id: int | None) -> AgencyRow:
    """The agency the page is about: the one given, else the user's own (E302 when the user may not read it)."""
    wanted = agency_id if agency_id is not None else user.agency_id
    if wanted is None:
        raise WebError("E308", "请指定机关（agency_id）")
    row = db.get(AgencyRow, wanted)
    if row is None or row.voided_at is not None:
        raise WebError("E307", "机关不存在")
    require(reads(user, row.id, row.region), "：该机关的年度报告")
    return row


def year_checked(year: int | None) -> int:
    year = last_year() if year is None else year
    if not 2000 <= year <= 2100:
        raise WebError("E308", "年度应为四位年份")
    return year


def cell_link(agency_id: int, year: int, own: bool) -> LinkFn:
    def link(table: str, row: str, column: str) -> str:
        query: dict[str, str | int] = {"year": year, "table": table, "row": row, "column": column}
        if not own:
            query["agency_id"] = agency_id
        return "/agency/report/cells?" + urlencode(query)

    return link


def report_page(
    db: Session, user: UserInfo, agency_id: int | None, year: int | None, cache: LruCache[object] | None = None
) -> ReportPage:
    """The page; with ``cache``, computed once per agency, year, what the user may do and store version
    (computing it reads and tallies every record of the agency: hundreds of ms for 10,000 applications)."""
    agency = agency_for(db, user, agency_id)
    year = year_checked(year)
    own, edits, approves = agency.id == user.agency_id, works_for(user, agency.id), approves_for(user, agency.id)
    if cache is None:
        return _report_page(db, agency, year, own, edits, approves)
    key = ("report_page", agency.id, agency.name, year, own, edits, approves, store_version(db))
    found = cache.get(key, lambda: _report_page(db, agency, year, own, edits, approves))
    assert isinstance(found, ReportPage)
    return found


def _report_page(db: Session, agency: AgencyRow, year: int, own: bool, edits: bool, approves: bool) -> ReportPage:
    working = rs.working_report(db, agency, year)
    shown = prepared_copy(working)
    findings = rs.findings_of(working)
    state = rs.state_of(db, agency.id, year)
    status = state.status if state else "draft"
    link = cell_link(agency.id, year, own)
    return ReportPage(
        agency_id=agency.id,
        agency=agency.name,
        year=year,
        status=status,
        status_label=rs.STATUS_LABELS[status],
        approved_by=state.approved_by if state else None,
        approved_at=state.approved_at if state else None,
        published_by=state.published_by if state else None,
        published_at=state.published_at if state else None,
        report=body_of(shown, working if status == "draft" else None, link),
        findings=findings_out(findings),
        errors=sum(1 for f in findings if f.severity.value == "error"),
        marks_left=len(rs.remaining_marks(shown)),
        files=list(FILE_FORMATS) if status != "draft" else [],
        signature_date=working.metadata.signature_date.isoformat() if working.metadata.signature_date else "",
        may_edit=status == "draft" and edits,
        may_approve=approves,
    )


def cells_page(
    db: Session, user: UserInfo, agency_id: int | None, year: int | None, table: str, row: str, column: str
) -> CellsPage:
    agency = agency_for(db, user, agency_id)
    year = year_checked(year)
    table_label, row_label, column_label = cell_labels(table, row, column)
    report = rs.working_report(db, agency, year)
    refs = cell_refs(report, table, row, column)
    cell = report.table(table).cell(row, column)
    records = [
        RecordOut(
            **{k: getattr(r, k) for k in ("ref", "kind", "kind_label", "id", "number", "text")},
            link=f"/agency/applications/{quote(r.number, safe='')}" if r.kind == "application" and r.number else None,
        )
        for r in records_of(load_register(db, agency.name), refs)
    ]
    return CellsPage(
        agency_id=agency.id,
        agency=agency.name,
        year=year,
        table=table,
        row=row,
        column=column,
        table_label=table_label,
        row_label=row_label,
        column_label=column_label,
        value=cell.raw or "" if cell is not None else "",
        records=records,
    )


__all__ = ["CellsPage", "RecordOut", "ReportPage", "agency_for", "cells_page", "last_year", "report_page"]
