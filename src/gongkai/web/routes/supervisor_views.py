"""The supervisor's wider views: an agency's two years side by side, the overview charts, the workbook."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import true
from sqlalchemy.orm import Session

from gongkai.batch import supervise
from gongkai.batch.supervise_compare import Comparison, compare, stored_results
from gongkai.errors import WebError
from gongkai.render.corpus_overview import CorpusOverview
from gongkai.store.corpus_tables import CorpusResultRow
from gongkai.store.repo.users import UserInfo
from gongkai.web.deps import DbDep, UserDep
from gongkai.web.headers import CSP
from gongkai.web.routes.supervisor import supervisor_of, visible_ids
from gongkai.web.templating import page

router = APIRouter(tags=["监督"])
OVERVIEW_CSP = CSP.replace("script-src 'self'", "script-src 'none'").replace(
    "style-src 'self'", "style-src 'unsafe-inline'"
)
"""The overview page is a self-contained file with its own ``<style>``: its styles allowed, no script."""
MAX_WORKBOOK_REPORTS = 5000


def _years(text: str) -> list[int]:
    try:
        years = [int(part) for part in text.replace("，", ",").split(",") if part.strip()]
    except ValueError as exc:
        raise WebError("E308", "年度应为两个数字，以逗号分隔，如 2023,2024") from exc
    if len(years) != 2 or not all(1990 <= y <= 2100 for y in years):
        raise WebError("E308", "请指定两个年度，如 2023,2024")
    return years


def _compare(db: Session, user: UserInfo, agency_id: int, years: str) -> Comparison:
    supervisor_of(user)
    ids = visible_ids(db, user)
    found = compare(db, agency_id, _years(years)) if ids is None or agency_id in ids else None
    if found is None:
        raise WebError("E307", "没有这个机关，或它不在您的监督范围内")
    return found


YearsQ = Annotated[str, Query(max_length=20)]


@router.get("/supervisor/agencies/{agency_id}/compare", response_class=HTMLResponse, include_in_schema=False)
def compare_html(request: Request, db: DbDep, user: UserDep, agency_id: int, years: YearsQ) -> Response:
    return page(request, "supervisor_compare.html", _compare(db, user, agency_id, years))


@router.get(
    "/api/v1/supervisor/agencies/{agency_id}/compare", response_model=Comparison, summary="同一机关两个年度的年报对比"
)
def compare_api(db: DbDep, user: UserDep, agency_id: int, years: YearsQ) -> Comparison:
    return _compare(db, user, agency_id, years)


def _overview(request: Request, db: Session, user: UserInfo) -> CorpusOverview:
    from gongkai.batch.overview import overview

    supervisor_of(user)
    ids = visible_ids(db, user)
    only = true() if ids is None else CorpusResultRow.agency_id.in_(ids)
    scope = user.region if user.role != "admin" and user.region else "全部地区"
    return overview(request.app.state.engine, store=f"语料库（{scope}）", generated=dt.date.today(), only=only)


@router.get("/supervisor/overview", include_in_schema=False)
def overview_html(request: Request, db: DbDep, user: UserDep) -> Response:
    from gongkai.render.corpus_html import render_corpus_html

    body = render_corpus_html(_overview(request, db, user))
    return Response(body, media_type="text/html; charset=utf-8", headers={"Content-Security-Policy": OVERVIEW_CSP})


@router.get("/api/v1/supervisor/overview", response_model=CorpusOverview, summary="语料库概览（图表数据）")
def overview_api(request: Request, db: DbDep, user: UserDep) -> CorpusOverview:
    return _overview(request, db, user)


@router.get("/supervisor/workbook.xlsx", summary="问题清单工作簿（Excel）", tags=["监督"], include_in_schema=False)
def workbook(request: Request, db: DbDep, user: UserDep) -> Response:
    """Each report's links lead to its page in this app (not to a file on the server)."""
    from gongkai.render.xlsx import write_xlsx

    supervisor_of(user)
    found = supervise.reports(db, visible_ids(db, user))[:MAX_WORKBOOK_REPORTS]
    ids = [r.result_id for r in found]
    results = list(stored_results(db, ids))
    base = str(request.base_url).rstrip("/")
    uris = [f"{base}/supervisor/reports/{rid}" for rid in ids]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "workbook.xlsx"
        write_xlsx(results, path, uris if len(uris) == len(results) else None)
        data = path.read_bytes()
    return Response(
        data,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": 'attachment; filename="gongkai-findings.xlsx"'},
    )


__all__ = ["OVERVIEW_CSP", "router"]
