"""The agency's other registers: review and litigation cases (表四) and proactively disclosed items
(第二十六条, each with its publication deadline and whether it was met)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel

from gongkai.cases import names
from gongkai.casework.items import ITEM_STATUS_LABELS, ItemView, add_item_in, list_items_in, publish_item_in
from gongkai.casework.registers import ReviewView, add_review_in, conclude_review_in, list_reviews_in
from gongkai.web.deps import Csrf, DbDep, UserDep
from gongkai.web.routes.agency_apps import AgencyParam
from gongkai.web.routes.agency_common import Workspace, need_date, opt_date, workspace
from gongkai.web.templating import page

router = APIRouter(tags=["本机关登记簿"])


class ReviewOut(BaseModel):
    number: str
    kind: str
    kind_label: str
    filed_on: dt.date
    result: str
    result_label: str
    concluded_on: dt.date | None
    application_number: str | None


class ReviewsPage(BaseModel):
    workspace: Workspace
    reviews: list[ReviewOut]
    kinds: dict[str, str]
    results: dict[str, str]


def _review(v: ReviewView) -> ReviewOut:
    c = v.case
    return ReviewOut(
        number=c.number,
        kind=c.kind,
        kind_label=names.REVIEW_KIND.label(c.kind),
        filed_on=c.filed_on,
        result=c.result,
        result_label=names.REVIEW_RESULT.label(c.result),
        concluded_on=c.concluded_on,
        application_number=v.application_number,
    )


def _reviews_page(db: DbDep, user: UserDep, agency: str | None) -> ReviewsPage:
    ws = workspace(db, user, agency)
    return ReviewsPage(
        workspace=ws,
        reviews=[_review(v) for v in list_reviews_in(db, ws.agency)],
        kinds=dict(names.REVIEW_KIND.labels),
        results=dict(names.REVIEW_RESULT.labels),
    )


@router.get("/agency/reviews", response_class=HTMLResponse, include_in_schema=False)
def reviews_html(request: Request, db: DbDep, user: UserDep, agency: AgencyParam = None) -> Response:
    return page(request, "agency_reviews.html", _reviews_page(db, user, agency))


@router.get("/api/v1/agency/reviews", response_model=ReviewsPage, summary="本机关行政复议、行政诉讼案件")
def reviews_api(db: DbDep, user: UserDep, agency: AgencyParam = None) -> ReviewsPage:
    return _reviews_page(db, user, agency)


Short = Annotated[str, Form(max_length=64)]


@router.post("/agency/reviews", include_in_schema=False, dependencies=[Csrf])
def add_review_form(
    db: DbDep,
    user: UserDep,
    number: Short,
    kind: Short,
    filed_on: Short,
    result: Short = "pending",
    concluded_on: Short = "",
    application: Short = "",
    agency: AgencyParam = None,
) -> Response:
    ws = workspace(db, user, agency, write=True)
    add_review_in(
        db,
        ws.agency,
        number,
        kind,
        need_date(filed_on, "立案日期"),
        result=result,
        concluded_on=opt_date(concluded_on, "审结日期"),
        application=application.strip() or None,
    )
    return RedirectResponse(f"/agency/reviews{ws.query}", status_code=303)


@router.post("/agency/reviews/{number}/conclude", include_in_schema=False, dependencies=[Csrf])
def conclude_review_form(
    db: DbDep, user: UserDep, number: str, result: Short, concluded_on: Short = "", agency: AgencyParam = None
) -> Response:
    ws = workspace(db, user, agency, write=True)
    conclude_review_in(db, ws.agency, number, result, opt_date(concluded_on, "审结日期"))
    return RedirectResponse(f"/agency/reviews{ws.query}", status_code=303)


class ItemOut(BaseModel):
    id: str
    title: str
    formed_on: dt.date
    published_on: dt.date | None
    due: dt.date
    provisional: bool
    status: str
    status_label: str
    late: bool
    explanation: list[str]


class ItemsPage(BaseModel):
    workspace: Workspace
    late_only: bool
    items: list[ItemOut]


def _item(v: ItemView) -> ItemOut:
    return ItemOut(
        id=v.item.id,
        title=v.item.title,
        formed_on=v.item.formed_on,
        published_on=v.item.published_on,
        due=v.deadline.due,
        provisional=v.deadline.provisional,
        status=v.status,
        status_label=ITEM_STATUS_LABELS[v.status],
        late=v.late,
        explanation=v.deadline.explain(),
    )


def _items_page(db: DbDep, user: UserDep, agency: str | None, late: bool) -> ItemsPage:
    ws = workspace(db, user, agency)
    found = list_items_in(db, ws.agency, late=late, today=ws.today)
    return ItemsPage(workspace=ws, late_only=late, items=[_item(v) for v in found])


@router.get("/agency/items", response_class=HTMLResponse, include_in_schema=False)
def items_html(request: Request, db: DbDep, user: UserDep, agency: AgencyParam = None, late: bool = False) -> Response:
    return page(request, "agency_items.html", _items_page(db, user, agency, late))


@router.get("/api/v1/agency/items", response_model=ItemsPage, summary="本机关主动公开信息及其时效")
def items_api(db: DbDep, user: UserDep, agency: AgencyParam = None, late: bool = False) -> ItemsPage:
    """每条信息的公开期限（信息形成或变更之日起20个工作日，条例第二十六条）与是否按时公开。"""
    return _items_page(db, user, agency, late)


@router.post("/agency/items", include_in_schema=False, dependencies=[Csrf])
def add_item_form(
    db: DbDep,
    user: UserDep,
    title: Annotated[str, Form(max_length=500)],
    formed_on: Short,
    published_on: Short = "",
    agency: AgencyParam = None,
) -> Response:
    ws = workspace(db, user, agency, write=True)
    formed = need_date(formed_on, "信息形成（变更）日期")
    add_item_in(db, ws.agency, title, formed, published_on=opt_date(published_on, "公开日期"), today=ws.today)
    return RedirectResponse(f"/agency/items{ws.query}", status_code=303)


@router.post("/agency/items/{item_id}/publish", include_in_schema=False, dependencies=[Csrf])
def publish_item_form(
    db: DbDep, user: UserDep, item_id: str, published_on: Short, agency: AgencyParam = None
) -> Response:
    ws = workspace(db, user, agency, write=True)
    publish_item_in(db, ws.agency, item_id, need_date(published_on, "公开日期"), today=ws.today)
    return RedirectResponse(f"/agency/items{ws.query}", status_code=303)


__all__ = ["router"]
