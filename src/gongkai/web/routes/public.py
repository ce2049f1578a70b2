"""The public pages (no login): published reports, their files, and a region's statistics."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel
from sqlalchemy.orm import Session

from gongkai.casework import report_state as rs
from gongkai.store.web_tables import FILE_FORMATS
from gongkai.web.deps import DbDep, MaybeUser
from gongkai.web.report_view import ReportBody, TableOut, body_of, tables_of
from gongkai.web.routes.report_actions import file_response
from gongkai.web.templating import page

router = APIRouter(tags=["公开"])

Format = Annotated[str, Path(pattern="^(docx|pdf|html)$", description="docx、pdf 或 html")]


class PublishedOut(BaseModel):
    agency_id: int
    agency: str
    region: str | None
    year: int
    published_at: dt.datetime | None
    link: str


class PublicList(BaseModel):
    years: dict[int, list[PublishedOut]]


class PublicReport(BaseModel):
    agency_id: int
    agency: str
    year: int
    published_at: dt.datetime | None
    report: ReportBody
    files: list[str]


class Statistics(BaseModel):
    region: str
    year: int
    agencies: list[str]
    tables: list[TableOut]


def public_list(db: Session) -> PublicList:
    years: dict[int, list[PublishedOut]] = {}
    for agency, state in rs.published(db):
        years.setdefault(state.year, []).append(
            PublishedOut(
                agency_id=agency.id,
                agency=agency.name,
                region=agency.region,
                year=state.year,
                published_at=state.published_at,
                link=f"/public/reports/{agency.id}/{state.year}",
            )
        )
    return PublicList(years=years)


def public_report(db: Session, agency_id: int, year: int) -> PublicReport:
    agency, report = rs.published_report(db, agency_id, year)
    state = rs.state_of(db, agency_id, year)
    return PublicReport(
        agency_id=agency.id,
        agency=agency.name,
        year=year,
        published_at=state.published_at if state else None,
        report=body_of(report),
        files=list(FILE_FORMATS),
    )


def statistics(db: Session, region: str, year: int | None) -> Statistics:
    year = year if year is not None else dt.date.today().year - 1
    summed, names = rs.published_statistics(db, region.strip(), year)
    return Statistics(region=region, year=year, agencies=names, tables=tables_of(summed) if summed else [])


@router.get("/public", response_class=HTMLResponse, include_in_schema=False)
def list_html(request: Request, db: DbDep, user: MaybeUser) -> Response:
    return page(request, "public_list.html", public_list(db))


@router.get("/api/v1/public/reports", response_model=PublicList, summary="已公开的年度报告（按年度）")
def list_api(db: DbDep) -> PublicList:
    return public_list(db)


@router.get("/public/reports/{agency_id}/{year}", response_class=HTMLResponse, include_in_schema=False)
def report_html(request: Request, db: DbDep, user: MaybeUser, agency_id: int, year: int) -> Response:
    return page(request, "public_report.html", public_report(db, agency_id, year))


@router.get("/api/v1/public/reports/{agency_id}/{year}", response_model=PublicReport, summary="已公开的年度报告")
def report_api(db: DbDep, agency_id: int, year: int) -> PublicReport:
    return public_report(db, agency_id, year)


@router.get("/public/reports/{agency_id}/{year}/files/{fmt}", summary="下载已公开的年度报告", include_in_schema=False)
def download(db: DbDep, agency_id: int, year: int, fmt: Format) -> Response:
    agency, _ = rs.published_report(db, agency_id, year)
    return file_response(agency.name, year, fmt, rs.file_of(db, agency_id, year, fmt, published_only=True))


Region = Annotated[str, Query(max_length=200, description="地区（前缀，如 江苏省淮安市）")]
YearQ = Annotated[int | None, Query(ge=2000, le=2100, description="年度（默认上一年）")]


@router.get("/public/statistics", response_class=HTMLResponse, include_in_schema=False)
def statistics_html(request: Request, db: DbDep, user: MaybeUser, region: Region = "", year: YearQ = None) -> Response:
    return page(request, "public_statistics.html", statistics(db, region, year))


@router.get("/api/v1/public/statistics", response_model=Statistics, summary="地区已公开年报的汇总统计")
def statistics_api(db: DbDep, region: Region = "", year: YearQ = None) -> Statistics:
    return statistics(db, region, year)


__all__ = ["router"]
