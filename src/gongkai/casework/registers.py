"""The other registers, one record at a time: review and litigation cases (table 4), the 规章/行政规范性文件
ledger (table 2), proactively disclosed items (timeliness per 第二十六条) and the yearly figures (table 2).

Review cases are named by agency and number; documents and items by their record id (shown by
``list``), checked to be the agency's. Every change goes through the audited repository.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from gongkai.cases import records as r
from gongkai.casework.items import (
    ITEM_STATUS_LABELS,
    ItemStatus,
    ItemView,
    add_item,
    item_view,
    list_items,
    publish_item,
)
from gongkai.casework.records import find_application, store_session
from gongkai.errors import RegisterError
from gongkai.store import repo
from gongkai.store.repo import convert
from gongkai.store.repo._common import LABELS, get_live
from gongkai.store.repo.agencies import agency_row
from gongkai.store.tables import ApplicationRow, DocumentRow, ItemRow, ReviewCaseRow

Owned = TypeVar("Owned", DocumentRow, ItemRow)


@dataclass(frozen=True, slots=True)
class ReviewView:
    case: r.ReviewCase
    application_number: str | None = None


def _review_row(session: Session, agency: str, number: str) -> ReviewCaseRow:
    ag = agency_row(session, agency)
    query = select(ReviewCaseRow).where(
        ReviewCaseRow.agency_id == ag.id, ReviewCaseRow.number == number.strip(), ReviewCaseRow.voided_at.is_(None)
    )
    row = session.scalars(query).first()
    if row is None:
        raise RegisterError("E203", f"复议诉讼案件不存在：{ag.name} 没有编号为 {number.strip()} 的案件")
    return row


def _concluded(result: str, concluded_on: dt.date | None) -> None:
    if result != "pending" and concluded_on is None:
        raise RegisterError("E204", "已审结的案件须写明审结日期（结果为尚未审结时不写）")


def _review_view(session: Session, agency: str, row: ReviewCaseRow) -> ReviewView:
    number = None
    if row.application_id is not None:
        app = session.get(ApplicationRow, row.application_id)
        number = app.number if app is not None else None
    return ReviewView(convert.review(row, agency_row(session, agency).name), number)


def add_review_in(
    session: Session,
    agency: str,
    number: str,
    kind: str,
    filed_on: dt.date,
    *,
    result: str = "pending",
    concluded_on: dt.date | None = None,
    application: str | None = None,
) -> ReviewView:
    """:func:`add_review` in the caller's session (the web request's)."""
    _concluded(result, concluded_on)
    app_id = find_application(session, agency, application).id if application is not None else None
    case_id = repo.add_review_case(
        session, agency, number, kind, filed_on, result=result, concluded_on=concluded_on, application_id=app_id
    )
    row = session.get(ReviewCaseRow, int(case_id))
    assert row is not None
    return _review_view(session, agency, row)


def add_review(
    agency: str,
    number: str,
    kind: str,
    filed_on: dt.date,
    *,
    result: str = "pending",
    concluded_on: dt.date | None = None,
    application: str | None = None,
    url: str | URL | None = None,
) -> ReviewView:
    """Register a 行政复议 or 行政诉讼, linked to the agency's application numbered ``application`` when given."""
    _concluded(result, concluded_on)
    with store_session(url) as session:
        return add_review_in(
            session, agency, number, kind, filed_on, result=result, concluded_on=concluded_on, application=application
        )


def conclude_review_in(
    session: Session, agency: str, number: str, result: str, concluded_on: dt.date | None
) -> ReviewView:
    """:func:`conclude_review` in the caller's session."""
    _concluded(result, concluded_on)
    row = _review_row(session, agency, number)
    repo.conclude_review_case(session, row.id, result, concluded_on)
    return _review_view(session, agency, row)


def conclude_review(
    agency: str, number: str, result: str, concluded_on: dt.date | None, *, url: str | URL | None = None
) -> ReviewView:
    """Record the case's result and the day it was concluded (尚未审结: no date)."""
    _concluded(result, concluded_on)
    with store_session(url) as session:
        return conclude_review_in(session, agency, number, result, concluded_on)


def list_reviews_in(session: Session, agency: str) -> list[ReviewView]:
    """:func:`list_reviews` in the caller's session."""
    register = repo.load_register(session, agency)
    numbers = {a.id: a.number for a in register.applications}
    return [
        ReviewView(c, None if c.application_id is None else numbers.get(c.application_id, f"#{c.application_id}"))
        for c in register.reviews
    ]


def list_reviews(agency: str, *, url: str | URL | None = None) -> list[ReviewView]:
    """The agency's live review and litigation cases, in the order registered."""
    with store_session(url, read_only=True) as session:
        return list_reviews_in(session, agency)


def _own(session: Session, model: type[Owned], record_id: str, entity: str, agency: str) -> Owned:
    row = get_live(session, model, record_id, entity)
    if row.agency_id != agency_row(session, agency).id:
        raise RegisterError("E203", f"{LABELS[entity]}不存在：{agency.strip()} 没有记录号为 {record_id.strip()} 的记录")
    return row


def add_document(
    agency: str,
    kind: str,
    title: str,
    issued_on: dt.date,
    *,
    abolished_on: dt.date | None = None,
    doc_number: str = "",
    url: str | URL | None = None,
) -> r.NormativeDocument:
    """Add a 规章 or 行政规范性文件 (制发 on ``issued_on``; 废止 on ``abolished_on``)."""
    with store_session(url) as session:
        doc_id = repo.add_document(
            session, agency, kind, title, issued_on, abolished_on=abolished_on, doc_number=doc_number
        )
        row = session.get(DocumentRow, int(doc_id))
        assert row is not None
        return convert.document(row, agency.strip())


def abolish_document(
    agency: str, document_id: str, abolished_on: dt.date, *, url: str | URL | None = None
) -> r.NormativeDocument:
    """Record the document's 废止 date."""
    with store_session(url) as session:
        row = _own(session, DocumentRow, document_id, "document", agency)
        repo.abolish_document(session, row.id, abolished_on)
        return convert.document(row, agency.strip())


def list_documents(agency: str, *, url: str | URL | None = None) -> list[r.NormativeDocument]:
    with store_session(url, read_only=True) as session:
        return list(repo.load_register(session, agency).documents)


def set_figure(
    agency: str, year: int, key: str, value: Decimal | str, *, note: str = "", url: str | URL | None = None
) -> r.YearFigure:
    """Set the agency's yearly figure (a new value replaces the old one; both are in the audit log)."""
    with store_session(url) as session:
        figure_id = repo.set_figure(session, agency, year, key, value, note)
        return next(f for f in repo.load_register(session, agency).figures if f.id == figure_id)


def list_figures(agency: str, *, year: int | None = None, url: str | URL | None = None) -> list[r.YearFigure]:
    with store_session(url, read_only=True) as session:
        figures = repo.load_register(session, agency).figures
    order = {k: i for i, k in enumerate(r.FIGURE_KEYS)}
    return sorted((f for f in figures if year in (None, f.year)), key=lambda f: (f.year, order.get(f.key, 9)))


__all__ = [
    "ITEM_STATUS_LABELS",
    "ItemStatus",
    "ItemView",
    "ReviewView",
    "abolish_document",
    "add_document",
    "add_item",
    "add_review",
    "add_review_in",
    "conclude_review",
    "conclude_review_in",
    "item_view",
    "list_documents",
    "list_figures",
    "list_items",
    "list_reviews",
    "list_reviews_in",
    "publish_item",
    "set_figure",
]


@dataclass(frozen=True, slots=True)
class FiguresImported:
    added: int
    updated: int
    unchanged: int


def import_figures(path: str | Path, agency: str, *, url: str | URL | None = None) -> FiguresImported:
    """Import table 2's yearly figures from a sheet or CSV (:mod:`gongkai.cases.figures_file`) in one
    transaction: a new figure is added, a changed one replaced (both audited), an equal one left as it is.

    Raises:
        RegisterError: E205 for any problem of the file (every one listed, nothing written); E209 for a
            missing agency; E201/E202 for the store.
    """
    from gongkai.cases.figures_file import read_figures

    rows = read_figures(path)
    added = updated = unchanged = 0
    with store_session(url) as session:
        have: dict[tuple[int, str], r.YearFigure] = {
            (f.year, f.key): f for f in repo.load_register(session, agency).figures
        }
        for row in rows:
            old = have.get((row.year, row.key))
            if old is not None and old.value == row.value and old.note == row.note:
                unchanged += 1
                continue
            repo.set_figure(session, agency, row.year, row.key, row.value, row.note)
            added, updated = (added + 1, updated) if old is None else (added, updated + 1)
    return FiguresImported(added, updated, unchanged)
