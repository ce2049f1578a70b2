"""Review and litigation cases, the normative-document ledger, proactive items and yearly figures;
voiding any record."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from gongkai.cases import records as r
from gongkai.errors import RegisterError
from gongkai.store.repo._common import (
    LABELS,
    check_order,
    get_live,
    insert,
    no_longer,
    number_free,
    rule,
    update,
    void_row,
)
from gongkai.store.repo.agencies import agency_row
from gongkai.store.repo.applications import DueFn, refresh
from gongkai.store.tables import (
    DOCUMENT_KINDS,
    RECORD_TABLES,
    AgencyRow,
    ApplicationRow,
    DocumentRow,
    EventRow,
    FigureRow,
    ItemRow,
    ReviewCaseRow,
)

FIGURE_QUANTUM = Decimal("0.0001")


def _result(result: str, concluded_on: dt.date | None, filed_on: dt.date) -> None:
    rule(result in r.REVIEW_RESULTS, f"复议诉讼结果应为 {'、'.join(r.REVIEW_RESULTS)} 之一，而不是“{result}”")
    rule(result != "pending" or concluded_on is None, "尚未审结的案件不能有审结日期")
    check_order(filed_on, concluded_on, f"审结日期 {concluded_on} 早于立案日期 {filed_on}")


def add_review_case(
    session: Session,
    agency: str,
    number: str,
    kind: str,
    filed_on: dt.date,
    *,
    result: str = "pending",
    concluded_on: dt.date | None = None,
    application_id: str | int | None = None,
) -> str:
    """Register a 行政复议 or 行政诉讼 (E206 when ``number`` is taken in the agency); returns its id."""
    ag = agency_row(session, agency)
    number = number.strip()
    rule(bool(number), "案件编号不能为空")
    no_longer(number, r.MAX_NUMBER_CHARS, "案件编号")
    rule(kind in r.REVIEW_KINDS, f"案件类型应为 {'、'.join(r.REVIEW_KINDS)} 之一，而不是“{kind}”")
    _result(result, concluded_on, filed_on)
    app_id: int | None = None
    if application_id is not None:
        app = get_live(session, ApplicationRow, application_id, "application")
        rule(app.agency_id == ag.id, f"申请 {app.id} 不属于 {ag.name}")
        app_id = app.id
    number_free(session, ReviewCaseRow, ag.id, number, f"编号重复：{ag.name} 已有编号为 {number} 的复议诉讼案件")
    row = ReviewCaseRow(
        agency_id=ag.id,
        number=number,
        kind=kind,
        filed_on=filed_on,
        result=result,
        concluded_on=concluded_on,
        application_id=app_id,
    )
    return str(insert(session, "review_case", row).id)


def conclude_review_case(session: Session, case_id: str | int, result: str, concluded_on: dt.date | None) -> None:
    """Record a case's result (or set it back to pending)."""
    row = get_live(session, ReviewCaseRow, case_id, "review_case")
    _result(result, concluded_on, row.filed_on)
    update(session, "review_case", row, {"result": result, "concluded_on": concluded_on})


def add_document(
    session: Session,
    agency: str,
    kind: str,
    title: str,
    issued_on: dt.date,
    *,
    abolished_on: dt.date | None = None,
    doc_number: str = "",
) -> str:
    """Add a 规章 or 行政规范性文件 to the agency's ledger; returns its id."""
    ag = agency_row(session, agency)
    rule(kind in DOCUMENT_KINDS, f"文件类型应为 {'、'.join(DOCUMENT_KINDS)} 之一，而不是“{kind}”")
    rule(bool(title.strip()), "文件标题不能为空")
    check_order(issued_on, abolished_on, f"废止日期 {abolished_on} 早于制发日期 {issued_on}")
    row = DocumentRow(
        agency_id=ag.id,
        kind=kind,
        title=title.strip(),
        issued_on=issued_on,
        abolished_on=abolished_on,
        doc_number=doc_number.strip(),
    )
    return str(insert(session, "document", row).id)


def abolish_document(session: Session, document_id: str | int, abolished_on: dt.date | None) -> None:
    """Record (or clear) a document's 废止 date."""
    row = get_live(session, DocumentRow, document_id, "document")
    check_order(row.issued_on, abolished_on, f"废止日期 {abolished_on} 早于制发日期 {row.issued_on}")
    update(session, "document", row, {"abolished_on": abolished_on})


def add_item(
    session: Session, agency: str, title: str, formed_on: dt.date, *, published_on: dt.date | None = None
) -> str:
    """Add a proactively disclosed item (formed or changed on ``formed_on``); returns its id."""
    ag = agency_row(session, agency)
    rule(bool(title.strip()), "信息标题不能为空")
    check_order(formed_on, published_on, f"公开日期 {published_on} 早于信息形成日期 {formed_on}")
    row = ItemRow(agency_id=ag.id, title=title.strip(), formed_on=formed_on, published_on=published_on)
    return str(insert(session, "item", row).id)


def publish_item(session: Session, item_id: str | int, published_on: dt.date | None) -> None:
    """Record (or clear) an item's publication date."""
    row = get_live(session, ItemRow, item_id, "item")
    check_order(row.formed_on, published_on, f"公开日期 {published_on} 早于信息形成日期 {row.formed_on}")
    update(session, "item", row, {"published_on": published_on})


def _figure_value(value: Decimal | int | str) -> Decimal:
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise RegisterError("E204", f"年度数据应为数字，而不是“{value}”") from None
    rule(number.is_finite() and number >= 0, f"年度数据应为不小于 0 的数，而不是“{value}”")
    rule(number == number.quantize(FIGURE_QUANTUM), f"年度数据最多保留四位小数，而不是“{value}”")
    rule(number < Decimal(10) ** 10, f"年度数据过大：{value}")  # 14 significant digits: exact on SQLite too
    return number.quantize(FIGURE_QUANTUM)


def set_figure(session: Session, agency: str, year: int, key: str, value: Decimal | int | str, note: str = "") -> str:
    """Set the agency's figure ``key`` for ``year`` (insert, or update the live one); returns its id."""
    ag = agency_row(session, agency)
    rule(key in r.FIGURE_KEYS, f"年度数据项应为 {'、'.join(r.FIGURE_KEYS)} 之一，而不是“{key}”")
    rule(isinstance(year, int) and 2000 <= year <= 2100, f"年度应为四位年份，而不是“{year}”")
    number = _figure_value(value)
    query = select(FigureRow).where(
        FigureRow.agency_id == ag.id, FigureRow.year == year, FigureRow.key == key, FigureRow.voided_at.is_(None)
    )
    row = session.scalars(query).first()
    if row is not None:
        return str(update(session, "figure", row, {"value": number, "note": note}).id)
    row = FigureRow(agency_id=ag.id, year=year, key=key, value=number, note=note)
    return str(insert(session, "figure", row).id)


def void(session: Session, entity: str, record_id: str | int, reason: str, *, due: DueFn | None = None) -> None:
    """Void a record (kept, with who, when and why; logged). E203 when it is missing or already voided,
    E204 without a reason, or for an agency that still has live records."""
    rule(entity in RECORD_TABLES, f"不能作废“{entity}”（可作废：{'、'.join(RECORD_TABLES)}）")
    reason = reason.strip() if isinstance(reason, str) else ""
    rule(bool(reason), f"作废{LABELS[entity]}须说明理由")
    row = get_live(session, RECORD_TABLES[entity], record_id, entity)
    if isinstance(row, AgencyRow):
        for model in (ApplicationRow, ReviewCaseRow, DocumentRow, ItemRow, FigureRow):
            query = select(model.id).where(model.agency_id == row.id, model.voided_at.is_(None))
            rule(session.scalars(query).first() is None, f"机关 {row.name} 仍有未作废的记录，不能作废")
    void_row(session, entity, row, reason)
    if isinstance(row, EventRow):
        app = session.get(ApplicationRow, row.application_id)
        if app is not None and app.voided_at is None:
            refresh(session, app, due)


__all__ = [
    "abolish_document",
    "add_document",
    "add_item",
    "add_review_case",
    "conclude_review_case",
    "publish_item",
    "set_figure",
    "void",
]
