"""The year's report in the agency workspace: the computed report, its records cell by cell, its texts."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from gongkai.casework import report_state as rs
from gongkai.casework.report import agency_report_in
from gongkai.errors import WebError
from gongkai.model import SECTIONS
from gongkai.web.cache import page_cache
from gongkai.web.deps import Csrf, DbDep, UserDep
from gongkai.web.report_pages import CellsPage, ReportPage, agency_for, cells_page, report_page, year_checked
from gongkai.web.roles import require, works_for
from gongkai.web.templating import page

router = APIRouter(tags=["年度报告"])

Year = Annotated[int | None, Query(description="年度（默认上一年）")]
AgencyId = Annotated[int | None, Query(description="机关编号（默认本人所属机关）")]
Key = Annotated[str, Query(max_length=64)]
MAX_TEXT = 20_000


def _back(agency_id: int, year: int, own: bool) -> RedirectResponse:
    extra = "" if own else f"&agency_id={agency_id}"
    return RedirectResponse(f"/agency/report?year={year}{extra}", status_code=303)


@router.get("/agency/report", response_class=HTMLResponse, include_in_schema=False)
def report_html(request: Request, db: DbDep, user: UserDep, year: Year = None, agency_id: AgencyId = None) -> Response:
    data = report_page(db, user, agency_id, year, page_cache(request))
    return page(request, "report_agency.html", data, sections=SECTIONS)


@router.get("/api/v1/agency/report", response_model=ReportPage, summary="本机关年度报告（由登记簿计算）")
def report_api(request: Request, db: DbDep, user: UserDep, year: Year = None, agency_id: AgencyId = None) -> ReportPage:
    return report_page(db, user, agency_id, year, page_cache(request))


@router.get("/agency/report/cells", response_class=HTMLResponse, include_in_schema=False)
def cells_html(
    request: Request, db: DbDep, user: UserDep, table: Key, row: Key, column: Key, year: Year = None,
    agency_id: AgencyId = None,
) -> Response:  # fmt: skip
    return page(request, "report_cells.html", cells_page(db, user, agency_id, year, table, row, column))


@router.get("/api/v1/agency/report/cells", response_model=CellsPage, summary="年度报告单元格对应的记录")
def cells_api(
    db: DbDep, user: UserDep, table: Key, row: Key, column: Key, year: Year = None, agency_id: AgencyId = None
) -> CellsPage:
    return cells_page(db, user, agency_id, year, table, row, column)


@router.post("/agency/report/texts", include_in_schema=False, dependencies=[Csrf])
async def texts_form(
    request: Request, db: DbDep, user: UserDep, year: Year = None, agency_id: AgencyId = None
) -> Response:
    """Save the texts edited in the form: the preamble (``text_0``), each section (``text_1``…``text_6``), the date."""
    agency = agency_for(db, user, agency_id)
    year = year_checked(year)
    require(works_for(user, agency.id), "：只有本机关的经办人、审核人可以修改报告文字")
    form = await request.form()
    texts = agency_report_in(db, agency.name, year)
    current = rs.working_report(db, agency, year)
    texts.preamble = _field(form.get("text_0"), current.preamble)
    for section in texts.sections:
        was = current.section(section.number)
        section.text = _field(form.get(f"text_{section.number}"), was.text if was else section.text)
    date = form.get("signature_date")
    if isinstance(date, str) and date.strip():
        texts.metadata.signature_date = _date(date)
    rs.save_texts(db, agency, year, texts)
    return _back(agency.id, year, agency.id == user.agency_id)


def _field(value: object, default: str) -> str:
    if not isinstance(value, str):
        return default
    if len(value) > MAX_TEXT:
        raise WebError("E308", f"文字过长（每部分至多 {MAX_TEXT} 字）")
    return value.replace("\r\n", "\n").strip()


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise WebError("E308", f"成文日期应为 YYYY-MM-DD，而不是“{value}”") from None


@router.post("/agency/report/texts/upload", include_in_schema=False, dependencies=[Csrf])
async def texts_upload(
    db: DbDep, user: UserDep, file: UploadFile, year: Year = None, agency_id: AgencyId = None
) -> Response:
    """Use the texts of an uploaded report (the JSON of a draft staff edited, or any format gongkai reads)."""
    agency = agency_for(db, user, agency_id)
    year = year_checked(year)
    require(works_for(user, agency.id), "：只有本机关的经办人、审核人可以修改报告文字")
    data = await file.read(rs.MAX_TEXTS_BYTES + 1)
    rs.save_texts(db, agency, year, rs.texts_from_file(data, file.filename or "texts.json"))
    return _back(agency.id, year, agency.id == user.agency_id)


__all__ = ["router"]
