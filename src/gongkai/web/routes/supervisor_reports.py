"""The corpus reports a supervisor may see, their findings, and a finding at its place in the source."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel
from sqlalchemy.orm import Session

from gongkai.batch import supervise
from gongkai.errors import WebError
from gongkai.render.source_view import block_lines, render_page, source_lines
from gongkai.store.repo.users import UserInfo
from gongkai.web.deps import DbDep, SettingsDep, UserDep
from gongkai.web.routes.supervisor import supervisor_of, visible_ids
from gongkai.web.settings import WebSettings
from gongkai.web.templating import page

router = APIRouter(tags=["监督"])
MAX_SOURCE_BYTES = 200 * 1024 * 1024


class ReportsPage(BaseModel):
    reports: list[supervise.ReportOut]
    agency: str
    year: int | None
    code: str


def _reports(db: Session, user: UserInfo, agency: str, year: int | None, code: str) -> ReportsPage:
    supervisor_of(user)
    found = supervise.reports(db, visible_ids(db, user), agency=agency, year=year, code=code)
    return ReportsPage(reports=found, agency=agency, year=year, code=code)


AgencyQ = Annotated[str, Query(max_length=200)]
YearQ = Annotated[int | None, Query(ge=1990, le=2100)]
CodeQ = Annotated[str, Query(max_length=8)]


@router.get("/supervisor/reports", response_class=HTMLResponse, include_in_schema=False)
def reports_html(
    request: Request, db: DbDep, user: UserDep, agency: AgencyQ = "", year: YearQ = None, code: CodeQ = ""
) -> Response:
    return page(request, "supervisor_reports.html", _reports(db, user, agency, year, code))


@router.get("/api/v1/supervisor/reports", response_model=ReportsPage, summary="语料库年报（按机关、年度筛选）")
def reports_api(db: DbDep, user: UserDep, agency: AgencyQ = "", year: YearQ = None, code: CodeQ = "") -> ReportsPage:
    return _reports(db, user, agency, year, code)


class ReportPage(BaseModel):
    report: supervise.ReportOut
    findings: list[supervise.FindingOut]


def _report(db: Session, user: UserInfo, result_id: int) -> ReportPage:
    supervisor_of(user)
    found = supervise.reports(db, visible_ids(db, user), result_ids={result_id})
    if not found:
        raise WebError("E307", "没有这份年报，或它不在您的监督范围内")
    return ReportPage(report=found[0], findings=supervise.findings(db, result_id))


@router.get("/supervisor/reports/{result_id}", response_class=HTMLResponse, include_in_schema=False)
def report_html(request: Request, db: DbDep, user: UserDep, result_id: int) -> Response:
    return page(request, "supervisor_report.html", _report(db, user, result_id))


@router.get("/api/v1/supervisor/reports/{result_id}", response_model=ReportPage, summary="一份年报的问题")
def report_api(db: DbDep, user: UserDep, result_id: int) -> ReportPage:
    return _report(db, user, result_id)


class LineOut(BaseModel):
    number: int
    text: str
    marked: bool


class FindingPage(BaseModel):
    finding: supervise.FindingOut
    report: supervise.ReportOut
    view: str
    """``page`` (a PDF page image), ``lines`` (the source's text lines) or ``none`` (no place to show)."""
    image_url: str | None
    lines: list[LineOut]
    marked_line: int | None
    """The number of the marked line (the anchor ``#line-N`` scrolls to it)."""


def _place(db: Session, user: UserInfo, finding_id: int) -> tuple[supervise.Place, supervise.ReportOut]:
    supervisor_of(user)
    found = supervise.place(db, finding_id)
    report = supervise.reports(db, visible_ids(db, user), result_ids={found.result_id}) if found else []
    if found is None or not report:
        raise WebError("E307", "没有这条问题，或它不在您的监督范围内")
    return found, report[0]


def _read(file: str | None) -> bytes | None:
    if file is None:
        return None
    path = Path(file)
    try:
        if not path.is_file() or path.stat().st_size > MAX_SOURCE_BYTES:
            return None
        return path.read_bytes()
    except OSError:
        return None


def _finding(db: Session, user: UserInfo, finding_id: int) -> FindingPage:
    found, report = _place(db, user, finding_id)
    f = found.finding
    view, image, lines = "none", None, []
    if found.source_format == "pdf" and f.page is not None and found.file is not None:
        view, image = "page", f"/supervisor/findings/{f.id}/page.png"
    elif f.line is not None and found.source_format in ("text", "markdown", "html"):
        data = _read(found.file)
        if data is not None:
            from gongkai.readers.detect import decode

            view = "lines"
            text = decode(data).text
            lines = [LineOut(number=s.number, text=s.text, marked=s.marked) for s in source_lines(text, f.line)]
    elif found.source_format == "docx" and (found.paragraph is not None or found.table is not None):
        data = _read(found.file)
        if data is not None:
            view, lines = "lines", _docx_lines(data, found)
    marked = next((line.number for line in lines if line.marked), None)
    return FindingPage(finding=f, report=report, view=view, image_url=image, lines=lines, marked_line=marked)


def _docx_lines(data: bytes, found: supervise.Place) -> list[LineOut]:
    """The DOCX read into text blocks (as gongkai's reader numbers them), the finding's one marked."""
    from gongkai.readers.docx import read_docx

    blocks: list[tuple[str, bool]] = []
    for raw in read_docx(data, found.file or "").rows:
        prov = raw.cells[0].prov
        if raw.kind == "text":
            mark = found.paragraph is not None and prov.paragraph == found.paragraph
            blocks.append((raw.text, mark))
        else:
            mark = found.table is not None and raw.table == found.table and prov.row == found.row
            blocks.append((" | ".join(c.text for c in raw.cells), mark))
    return [LineOut(number=s.number, text=s.text, marked=s.marked) for s in block_lines(blocks)]


@router.get("/supervisor/findings/{finding_id}", response_class=HTMLResponse, include_in_schema=False)
def finding_html(request: Request, db: DbDep, user: UserDep, finding_id: int) -> Response:
    return page(request, "supervisor_finding.html", _finding(db, user, finding_id))


@router.get("/api/v1/supervisor/findings/{finding_id}", response_model=FindingPage, summary="问题在原文中的位置")
def finding_api(db: DbDep, user: UserDep, finding_id: int) -> FindingPage:
    return _finding(db, user, finding_id)


def _page_png(found: supervise.Place, settings: WebSettings) -> bytes:
    page_no = found.finding.page
    if found.source_format != "pdf" or page_no is None:
        raise WebError("E307", "这条问题没有可显示的 PDF 页面")
    key = hashlib.sha256(repr((found.file, page_no, found.bbox)).encode()).hexdigest()
    cached = settings.store().data_dir / "web-cache" / "pages" / f"{key}.png"
    if cached.is_file():
        return cached.read_bytes()
    data = _read(found.file)
    if data is None:
        raise WebError("E307", "原文件已不在服务器上")
    try:
        png = render_page(data, page_no, found.bbox)
    except ValueError as exc:
        raise WebError("E307", f"无法显示原文页面：{exc}") from exc
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_name(cached.name + ".part")
    partial.write_bytes(png)
    partial.replace(cached)
    return png


@router.get("/supervisor/findings/{finding_id}/page.png", include_in_schema=False)
def finding_png(db: DbDep, user: UserDep, settings: SettingsDep, finding_id: int) -> Response:
    found, _ = _place(db, user, finding_id)
    return Response(
        _page_png(found, settings), media_type="image/png", headers={"Cache-Control": "private, max-age=3600"}
    )


__all__ = ["router"]
