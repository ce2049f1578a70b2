"""Approving and publishing the year's report, and downloading its final files."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Path, Query
from fastapi.responses import RedirectResponse, Response

from gongkai.casework import report_state as rs
from gongkai.store.audit import actor
from gongkai.store.tables import AgencyRow
from gongkai.web.deps import Csrf, DbDep, UserDep
from gongkai.web.report_pages import agency_for, year_checked
from gongkai.web.roles import approves_for, require

router = APIRouter(tags=["年度报告"])

Year = Annotated[int | None, Query(description="年度（默认上一年）")]
AgencyId = Annotated[int | None, Query(description="机关编号（默认本人所属机关）")]
Format = Annotated[str, Path(pattern="^(docx|pdf|html)$", description="docx、pdf 或 html")]
HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
"""The stored HTML report carries its own <style> block: styles allowed inline, nothing else, no script."""


def _back(agency: AgencyRow, year: int, own: bool) -> RedirectResponse:
    extra = "" if own else f"&agency_id={agency.id}"
    return RedirectResponse(f"/agency/report?year={year}{extra}", status_code=303)


@router.post("/agency/report/approve", include_in_schema=False, dependencies=[Csrf])
def approve(db: DbDep, user: UserDep, year: Year = None, agency_id: AgencyId = None) -> Response:
    agency = agency_for(db, user, agency_id)
    year = year_checked(year)
    require(approves_for(user, agency.id), "：只有本机关的审核人或管理员可以审核年度报告")
    rs.approve(db, agency, year, actor(db))
    return _back(agency, year, agency.id == user.agency_id)


@router.post("/agency/report/publish", include_in_schema=False, dependencies=[Csrf])
def publish(db: DbDep, user: UserDep, year: Year = None, agency_id: AgencyId = None) -> Response:
    agency = agency_for(db, user, agency_id)
    year = year_checked(year)
    require(approves_for(user, agency.id), "：只有本机关的审核人或管理员可以公开年度报告")
    rs.publish(db, agency.id, year, actor(db))
    return _back(agency, year, agency.id == user.agency_id)


def file_response(agency: str, year: int, fmt: str, content: bytes) -> Response:
    """A final file with its content type and its Chinese file name (RFC 5987)."""
    name = f"{agency}{year}年政府信息公开工作年度报告.{fmt}"
    disposition = f"attachment; filename=\"report-{year}.{fmt}\"; filename*=UTF-8''{quote(name, safe='')}"
    headers = {"Content-Disposition": disposition}
    if fmt == "html":
        headers["Content-Security-Policy"] = HTML_CSP
    return Response(content, media_type=rs.CONTENT_TYPES[fmt], headers=headers)


@router.get("/agency/report/files/{fmt}", summary="下载已审核的年度报告（docx、pdf、html）", include_in_schema=False)
def download(db: DbDep, user: UserDep, fmt: Format, year: Year = None, agency_id: AgencyId = None) -> Response:
    agency = agency_for(db, user, agency_id)
    year = year_checked(year)
    return file_response(agency.name, year, fmt, rs.file_of(db, agency.id, year, fmt, published_only=False))


__all__ = ["HTML_CSP", "file_response", "router"]
