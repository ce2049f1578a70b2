"""The agency's application register (``/agency``) and the form registering a new application."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel

from gongkai.cases import names
from gongkai.cases.records import APPLICANT_LABELS
from gongkai.casework.records import NewApplication, add_application_in
from gongkai.casework.records_view import RECEIVED_RULES, STATE_LABELS, outcome_label
from gongkai.casework.register_list import CurrentDeadline, ListedApplication, ListFilter, application_list
from gongkai.web.deps import Csrf, DbDep, UserDep
from gongkai.web.routes.agency_common import Workspace, need_date, workspace
from gongkai.web.templating import page

router = APIRouter(tags=["本机关登记簿"])
PER_PAGE = 50


class DeadlineOut(BaseModel):
    kind: str
    label: str
    due: dt.date
    provisional: bool
    working_days_left: int
    badge: str
    badge_label: str
    explanation: list[str]


def deadline_out(d: CurrentDeadline | None) -> DeadlineOut | None:
    if d is None:
        return None
    return DeadlineOut(
        kind=d.kind,
        label=d.label,
        due=d.due,
        provisional=d.provisional,
        working_days_left=d.days_left,
        badge=d.badge,
        badge_label=d.badge_label,
        explanation=list(d.explanation),
    )


class ApplicationRowOut(BaseModel):
    number: str
    applicant_name: str
    applicant_type: str
    applicant_type_label: str
    channel_label: str
    received: dt.date
    content: str
    status: str
    stage_label: str
    outcome_name: str | None
    closed_on: dt.date | None
    late: bool
    deadline: DeadlineOut | None
    url: str


class Filters(BaseModel):
    q: str = ""
    status: Literal["", "open", "closed"] = ""
    applicant_type: str = ""
    overdue: bool = False
    page: int = 1


class ApplicationsPage(BaseModel):
    workspace: Workspace
    filters: Filters
    applications: list[ApplicationRowOut]
    total: int
    pages: int
    applicant_types: dict[str, str]


def _row(listed: ListedApplication, ws: Workspace) -> ApplicationRowOut:
    app, s = listed.view.application, listed.view.state
    return ApplicationRowOut(
        number=app.number,
        applicant_name=app.applicant_name,
        applicant_type=app.applicant_type,
        applicant_type_label=names.APPLICANT_TYPE.label(app.applicant_type),
        channel_label=names.CHANNEL.label(app.channel),
        received=app.received,
        content=app.content,
        status=s.status,
        stage_label=STATE_LABELS[s.stage],
        outcome_name=None if s.outcome is None else outcome_label(s.outcome),
        closed_on=s.closed_on,
        late=s.late,
        deadline=deadline_out(listed.deadline),
        url=f"/agency/applications/{quote(app.number, safe='')}{ws.query}",
    )


def _applications_page(db: DbDep, user: UserDep, agency: str | None, filters: Filters) -> ApplicationsPage:
    ws = workspace(db, user, agency)
    wanted = ListFilter(filters.q, filters.status, filters.applicant_type, filters.overdue)
    offset = (max(filters.page, 1) - 1) * PER_PAGE
    found = application_list(db, ws.agency, wanted, today=ws.today, limit=PER_PAGE, offset=offset)
    return ApplicationsPage(
        workspace=ws,
        filters=filters,
        applications=[_row(x, ws) for x in found.rows],
        total=found.total,
        pages=max(1, -(-found.total // PER_PAGE)),
        applicant_types=APPLICANT_LABELS,
    )


AgencyParam = Annotated[str | None, Query(max_length=200, description="机关名称（管理员、监督人员指定）")]
FiltersDep = Annotated[Filters, Query()]


@router.get("/agency", response_class=HTMLResponse, include_in_schema=False)
def applications_html(
    request: Request, db: DbDep, user: UserDep, filters: FiltersDep, agency: AgencyParam = None
) -> Response:
    return page(request, "agency_applications.html", _applications_page(db, user, agency, filters))


@router.get("/api/v1/agency/applications", response_model=ApplicationsPage, summary="本机关申请登记簿")
def applications_api(db: DbDep, user: UserDep, filters: FiltersDep, agency: AgencyParam = None) -> ApplicationsPage:
    """开放中的申请在前（逾期的最先，其余按期限先后），已办结的在后；可按编号、申请人、内容搜索。"""
    return _applications_page(db, user, agency, filters)


class NewApplicationPage(BaseModel):
    workspace: Workspace
    applicant_types: dict[str, str]
    channels: dict[str, str]
    received_rules: dict[str, str]


def _new_page(db: DbDep, user: UserDep, agency: str | None) -> NewApplicationPage:
    return NewApplicationPage(
        workspace=workspace(db, user, agency, write=True),
        applicant_types=APPLICANT_LABELS,
        channels=dict(names.CHANNEL.labels),
        received_rules=RECEIVED_RULES,
    )


@router.get("/agency/applications/new", response_class=HTMLResponse, include_in_schema=False)
def new_html(request: Request, db: DbDep, user: UserDep, agency: AgencyParam = None) -> Response:
    return page(request, "agency_new.html", _new_page(db, user, agency))


@router.get("/api/v1/agency/application-form", response_model=NewApplicationPage, summary="登记申请表单的选项")
def new_api(db: DbDep, user: UserDep, agency: AgencyParam = None) -> NewApplicationPage:
    return _new_page(db, user, agency)


@router.post("/agency/applications", include_in_schema=False, dependencies=[Csrf])
def new_form(
    db: DbDep,
    user: UserDep,
    number: Annotated[str, Form(max_length=64)],
    applicant_type: Annotated[str, Form(max_length=32)],
    received: Annotated[str, Form(max_length=20)],
    channel: Annotated[str, Form(max_length=16)] = "online",
    applicant_name: Annotated[str, Form(max_length=200)] = "",
    content: Annotated[str, Form(max_length=20000)] = "",
    submission: Annotated[str, Form(max_length=64)] = "",
    agency: AgencyParam = None,
) -> Response:
    ws = workspace(db, user, agency, write=True)
    new = NewApplication(
        agency=ws.agency,
        number=number,
        applicant_type=applicant_type,
        received=need_date(received, "收到申请之日"),
        channel=channel,
        applicant_name=applicant_name,
        content=content,
        submission=submission.strip() or None,
    )
    view = add_application_in(db, new, today=ws.today)
    target = f"/agency/applications/{quote(view.application.number, safe='')}{ws.query}"
    return RedirectResponse(target, status_code=303)


__all__ = ["DeadlineOut", "deadline_out", "router"]
