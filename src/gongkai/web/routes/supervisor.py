"""The supervisor's workspace: the corpus in figures, its runs, and new runs (uploaded files or URLs)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gongkai.batch import supervise
from gongkai.batch.executors import Executor
from gongkai.batch.inputs import is_url
from gongkai.batch.uploads import accept_upload, public_host
from gongkai.batch.webrun import start_run
from gongkai.errors import WebError
from gongkai.store.corpus_tables import CorpusResultRow, CorpusSourceRow
from gongkai.store.repo.users import UserInfo
from gongkai.store.web_tables import CorpusRunRow
from gongkai.web.deps import Csrf, DbDep, SettingsDep, UserDep
from gongkai.web.roles import require, supervises
from gongkai.web.settings import WebSettings
from gongkai.web.templating import page

router = APIRouter(tags=["监督"])
STATUS_ZH = {"queued": "排队中", "running": "运行中", "done": "已完成", "failed": "失败"}
MAX_URL = 2000


def supervisor_of(user: UserInfo) -> None:
    require(supervises(user), "：仅监督人员与管理员可使用监督工作台")


def visible_ids(db: Session, user: UserInfo) -> set[int] | None:
    return supervise.visible_agencies(db, None if user.role == "admin" else user.region)


class RunOut(BaseModel):
    id: int
    status: str
    status_label: str
    total: int
    done: int
    message: str | None
    inputs: list[str]
    created_at: dt.datetime
    finished_at: dt.datetime | None
    finished: bool


def _run_out(row: CorpusRunRow) -> RunOut:
    shown = [line if is_url(line) else Path(line).name for line in row.inputs.splitlines() if line]
    return RunOut(
        id=row.id,
        status=row.status,
        status_label=STATUS_ZH.get(row.status, row.status),
        total=row.total,
        done=row.done,
        message=row.message,
        inputs=shown,
        created_at=row.created_at,
        finished_at=row.finished_at,
        finished=row.status in ("done", "failed"),
    )


class SupervisorHome(BaseModel):
    summary: supervise.CorpusSummary
    runs: list[RunOut]
    max_mb: int
    max_files: int


def _home(db: Session, user: UserInfo, settings: WebSettings) -> SupervisorHome:
    supervisor_of(user)
    runs = db.scalars(select(CorpusRunRow).order_by(CorpusRunRow.id.desc()).limit(50))
    return SupervisorHome(
        summary=supervise.summary(db, visible_ids(db, user)),
        runs=[_run_out(r) for r in runs],
        max_mb=settings.upload_max_mb,
        max_files=settings.upload_max_files,
    )


@router.get("/supervisor", response_class=HTMLResponse, include_in_schema=False)
def home_html(request: Request, db: DbDep, user: UserDep, settings: SettingsDep) -> Response:
    return page(request, "supervisor_home.html", _home(db, user, settings))


@router.get("/api/v1/supervisor", response_model=SupervisorHome, summary="监督工作台：语料库概况与运行")
def home_api(db: DbDep, user: UserDep, settings: SettingsDep) -> SupervisorHome:
    return _home(db, user, settings)


def _inputs(files: list[UploadFile], urls: str, settings: WebSettings) -> list[str]:
    chosen = [f for f in files if f.filename]
    lines = [line.strip() for line in urls.splitlines() if line.strip()]
    if len(chosen) + len(lines) > settings.upload_max_files:
        raise WebError("E306", f"一次最多提交 {settings.upload_max_files} 个文件或网址")
    if not chosen and not lines:
        raise WebError("E308", "请选择要审核的文件或填写网址")
    for line in lines:
        if not is_url(line) or len(line) > MAX_URL or any(c.isspace() for c in line):
            raise WebError("E308", f"网址无效（只接受 http:// 或 https:// 开头的网址）：{line[:200]}")
        if not public_host(line):
            raise WebError("E308", f"不能从内部网络地址获取年报：{line[:200]}")
    limit = settings.upload_max_mb * 1024 * 1024
    folder = settings.files_dir.resolve()
    saved = []
    for upload in chosen:
        data = upload.file.read(limit + 1)
        saved.append(str(accept_upload(upload.filename or "", data, folder, limit)))
    return saved + lines


def _create(request: Request, db: Session, user: UserInfo, settings: WebSettings, inputs: list[str]) -> int:
    row = CorpusRunRow(user_id=user.id, status="queued", inputs="\n".join(inputs), total=len(inputs))
    db.add(row)
    db.commit()
    executor = Executor(inline=True) if settings.run_wait else Executor(jobs=settings.run_jobs)
    archive = settings.files_dir.resolve() / "archive"
    start_run(request.app.state.engine, row.id, inputs, archive, executor, wait=settings.run_wait)
    return row.id


@router.post("/supervisor/runs", include_in_schema=False, dependencies=[Csrf])
def create_run_form(
    request: Request,
    db: DbDep,
    user: UserDep,
    settings: SettingsDep,
    files: Annotated[list[UploadFile] | None, File()] = None,
    urls: Annotated[str, Form(max_length=2_000_000)] = "",
) -> Response:
    supervisor_of(user)
    run_id = _create(request, db, user, settings, _inputs(files or [], urls, settings))
    return RedirectResponse(f"/supervisor/runs/{run_id}", status_code=303)


@router.post("/api/v1/supervisor/runs", response_model=RunOut, summary="新建语料库审核运行", dependencies=[Csrf])
def create_run_api(
    request: Request,
    db: DbDep,
    user: UserDep,
    settings: SettingsDep,
    files: Annotated[list[UploadFile] | None, File()] = None,
    urls: Annotated[str, Form(max_length=2_000_000)] = "",
) -> RunOut:
    supervisor_of(user)
    run_id = _create(request, db, user, settings, _inputs(files or [], urls, settings))
    db.expire_all()
    found = db.get(CorpusRunRow, run_id)
    assert found is not None
    return _run_out(found)


class RunPage(BaseModel):
    run: RunOut
    reports: list[supervise.ReportOut]


def _run_results(db: Session, row: CorpusRunRow) -> set[int]:
    inputs = [line for line in row.inputs.splitlines() if line]
    documents = select(CorpusSourceRow.document_id).where(CorpusSourceRow.source.in_(inputs))
    query = select(func.max(CorpusResultRow.id)).where(CorpusResultRow.document_id.in_(documents))
    return {int(i) for i in db.scalars(query.group_by(CorpusResultRow.document_id)) if i is not None}


def _run_page(db: Session, user: UserInfo, run_id: int) -> RunPage:
    supervisor_of(user)
    row = db.get(CorpusRunRow, run_id)
    if row is None:
        raise WebError("E307", "没有这个运行")
    reports: list[supervise.ReportOut] = []
    if row.status == "done":
        reports = supervise.reports(db, visible_ids(db, user), result_ids=_run_results(db, row))
    return RunPage(run=_run_out(row), reports=reports)


@router.get("/supervisor/runs/{run_id}", response_class=HTMLResponse, include_in_schema=False)
def run_html(request: Request, db: DbDep, user: UserDep, run_id: int) -> Response:
    return page(request, "supervisor_run.html", _run_page(db, user, run_id))


@router.get("/supervisor/runs/{run_id}/progress", response_class=HTMLResponse, include_in_schema=False)
def run_progress_html(request: Request, db: DbDep, user: UserDep, run_id: int) -> Response:
    return page(request, "supervisor_run_progress.html", _run_page(db, user, run_id))


@router.get("/api/v1/supervisor/runs/{run_id}", response_model=RunPage, summary="语料库审核运行的进度与结果")
def run_api(db: DbDep, user: UserDep, run_id: int) -> RunPage:
    return _run_page(db, user, run_id)


__all__ = ["router", "supervisor_of", "visible_ids"]
