"""One application's page: its record, event log, state and deadlines (each explained), the forms
appending its events, voiding it or an event, and its audit log."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel

from gongkai.cases import names
from gongkai.cases.outcomes import OUTCOME_NAMES
from gongkai.cases.records import EVENT_KINDS
from gongkai.casework.fee_notice import fee_explained
from gongkai.casework.records import (
    NewEvent,
    append_event_in,
    application_history_in,
    show_application_in,
    void_application_in,
    void_event_in,
)
from gongkai.casework.records_view import (
    AUDIT_ACTIONS,
    AUDIT_ENTITIES,
    RECEIVED_RULES,
    audit_changes,
    case_dict,
    event_details,
    state_lines,
)
from gongkai.casework.register_list import deadline_of
from gongkai.errors import WebError
from gongkai.web.deps import Csrf, DbDep, UserDep
from gongkai.web.roles import require
from gongkai.web.routes.agency_apps import AgencyParam, DeadlineOut, deadline_out
from gongkai.web.routes.agency_common import Workspace, need_date, opt_date, opt_int, workspace
from gongkai.web.templating import page

router = APIRouter(tags=["本机关登记簿"])

EVENT_FORMS: tuple[str, ...] = tuple(k for k in EVENT_KINDS if k != "received")
"""The events staff append from the page (every kind but the registration itself), in the order a case usually takes."""


class HistoryEntry(BaseModel):
    at: str
    actor: str
    what: str
    changes: list[tuple[str, str, str]]


class CasePage(BaseModel):
    workspace: Workspace
    case: dict[str, Any]
    """As ``gongkai cases show --format json``: application, events, state (deadlines with their explanation)."""
    received_rule: str
    state_text: list[str]
    """The state in Chinese, as ``gongkai cases show`` prints it."""
    deadline: DeadlineOut | None
    event_texts: dict[str, str]
    fee_explanations: dict[str, list[str]]
    history: list[HistoryEntry]
    event_kinds: dict[str, str]
    outcomes: dict[str, str]
    parties: dict[str, str]
    bases: dict[str, str]
    url: str


def _case_page(db: DbDep, user: UserDep, agency: str | None, number: str) -> CasePage:
    ws = workspace(db, user, agency)
    view = show_application_in(db, ws.agency, number, today=ws.today)
    history = [
        HistoryEntry(
            at=e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            actor=e.actor,
            what=f"{AUDIT_ACTIONS.get(e.action, e.action)}{AUDIT_ENTITIES.get(e.entity, e.entity)} #{e.entity_id}",
            changes=audit_changes(e),
        )
        for e in application_history_in(db, ws.agency, number)
    ]
    fees = {
        v.event.id: list(fee_explained(v.event.basis or "", v.event.quantity, v.event.amount))
        for v in view.events
        if v.event.kind == "fee_notice"
    }
    return CasePage(
        workspace=ws,
        case=case_dict(view),
        received_rule=RECEIVED_RULES.get(view.application.channel, ""),
        state_text=state_lines(view),
        deadline=deadline_out(deadline_of(view, db)),
        event_texts={v.event.id: event_details(v.event) for v in view.events},
        fee_explanations=fees,
        history=history,
        event_kinds={k: names.EVENT_KIND.label(k) for k in EVENT_FORMS},
        outcomes=dict(OUTCOME_NAMES),
        parties=dict(names.CONSULT_PARTY.labels),
        bases=dict(names.FEE_BASIS.labels),
        url=f"/agency/applications/{quote(view.application.number, safe='')}",
    )


@router.get("/agency/applications/{number}", response_class=HTMLResponse, include_in_schema=False)
def case_html(request: Request, db: DbDep, user: UserDep, number: str, agency: AgencyParam = None) -> Response:
    return page(request, "agency_case.html", _case_page(db, user, agency, number))


@router.get(
    "/api/v1/agency/applications/{number}", response_model=CasePage, summary="一件申请：事件、状态、期限、修改记录"
)
def case_api(db: DbDep, user: UserDep, number: str, agency: AgencyParam = None) -> CasePage:
    return _case_page(db, user, agency, number)


def _back(ws: Workspace, number: str) -> Response:
    return RedirectResponse(f"/agency/applications/{quote(number, safe='')}{ws.query}", status_code=303)


Text = Annotated[str, Form(max_length=200)]


@router.post("/agency/applications/{number}/events", include_in_schema=False, dependencies=[Csrf])
def event_form(
    db: DbDep,
    user: UserDep,
    number: str,
    kind: Annotated[str, Form(max_length=32)],
    on: Annotated[str, Form(max_length=20)],
    outcome: Text = "",
    days: Text = "",
    reply_by: Text = "",
    party: Text = "",
    basis: Text = "",
    quantity: Text = "",
    amount: Text = "",
    note: Annotated[str, Form(max_length=2000)] = "",
    agency: AgencyParam = None,
) -> Response:
    ws = workspace(db, user, agency, write=True)
    if kind == "extended":
        require(ws.can_approve, "：延期答复须经审核人批准，只有本机关的审核人可以记录延期")
    if kind not in EVENT_FORMS:
        raise WebError("E308", f"未知的事件类型：{kind}")
    new = NewEvent(
        kind=kind,
        on=need_date(on, "事件日期"),
        outcome=outcome.strip() or None,
        days=opt_int(days, "延长的工作日数"),
        reply_by=opt_date(reply_by, "补正期限"),
        party=party.strip() or None,
        basis=basis.strip() or None,
        quantity=opt_int(quantity, "计费数量"),
        amount=opt_int(amount, "收费金额"),
        note=note,
    )
    append_event_in(db, ws.agency, number, new, today=ws.today)
    return _back(ws, number)


Reason = Annotated[str, Form(min_length=1, max_length=500)]


@router.post("/agency/applications/{number}/void", include_in_schema=False, dependencies=[Csrf])
def void_form(db: DbDep, user: UserDep, number: str, reason: Reason, agency: AgencyParam = None) -> Response:
    ws = workspace(db, user, agency, write=True)
    void_application_in(db, ws.agency, number, reason)
    return RedirectResponse(f"/agency{ws.query}", status_code=303)


@router.post("/agency/applications/{number}/events/{event_id}/void", include_in_schema=False, dependencies=[Csrf])
def void_event_form(
    db: DbDep, user: UserDep, number: str, event_id: str, reason: Reason, agency: AgencyParam = None
) -> Response:
    ws = workspace(db, user, agency, write=True)
    void_event_in(db, ws.agency, number, event_id, reason, today=ws.today)
    return _back(ws, number)


__all__ = ["EVENT_FORMS", "router"]
