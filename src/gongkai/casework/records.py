"""Record one application at a time — what staff do without a spreadsheet: register it, append its
events, look at it, void it or one of its events, read its audit log.

Every write recomputes the store's cached deadline (the repository's clock on the store's calendar); an
event is first checked by :func:`gongkai.cases.state.validate_event` (E204 with the rule it breaks).
Applications are named by agency and number (the live one; ``show`` and ``history`` also find a
voided one). Nothing is ever deleted: voiding keeps the record with who, when and why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from gongkai.cases import records as r
from gongkai.cases.state import validate_event
from gongkai.casework.case_view import (
    AuditEntry,
    CaseView,
    EventView,
    Voided,
    case_view,
    find_application,
    logged,
    store_session,
)
from gongkai.casework.fee_notice import FeeWorked, by_pages, by_rank, rank_in_month
from gongkai.errors import RegisterError
from gongkai.store import repo
from gongkai.store.repo._common import record_id
from gongkai.store.repo.applications import EVENT_FIELDS
from gongkai.store.tables import ApplicationRow, AuditRow, EventRow

FIELD_LABELS: dict[str, str] = {
    "outcome": "办理结果",
    "days": "延长的工作日数",
    "reply_by": "补正期限",
    "party": "征求意见对象",
    "basis": "收费标准",
    "quantity": "计费数量",
    "amount": "收费金额",
}
"""An event's optional fields in Chinese (see ``store.EVENT_FIELDS``)."""


@dataclass(frozen=True, slots=True)
class EventAdded:
    view: CaseView
    event_id: str
    fee: FeeWorked | None = None
    """The fee notice's amount as computed (None when staff gave it, or for other events)."""


@dataclass(frozen=True, slots=True)
class NewApplication:
    """What registering an application takes (the received date as 条例第三十一条 fixes it by channel)."""

    agency: str
    number: str
    applicant_type: str
    received: dt.date
    channel: str = "online"
    applicant_name: str = ""
    content: str = ""
    submission: str | None = None


def add_application_in(session: Session, new: NewApplication, *, today: dt.date) -> CaseView:
    """:func:`add_application` in the caller's session (the web request's)."""
    app_id = repo.add_application(
        session,
        new.agency,
        new.number,
        new.applicant_type,
        new.received,
        applicant_name=new.applicant_name,
        channel=new.channel,
        content=new.content,
        submission=new.submission,
    )
    row = session.get(ApplicationRow, int(app_id))
    assert row is not None
    return case_view(session, row, today)


def add_application(
    agency: str,
    number: str,
    applicant_type: str,
    received: dt.date,
    *,
    channel: str = "online",
    applicant_name: str = "",
    content: str = "",
    submission: str | None = None,
    today: dt.date,
    url: str | URL | None = None,
) -> CaseView:
    """Register one application (E206 number taken, E204 bad field, E209 no agency); its view on ``today``."""
    new = NewApplication(agency, number, applicant_type, received, channel, applicant_name, content, submission)
    with store_session(url) as session:
        return add_application_in(session, new, today=today)


def _fields_used(kind: str, fields: dict[str, Any]) -> None:
    allowed = EVENT_FIELDS.get(kind, frozenset())
    extra = [FIELD_LABELS[k] for k, v in fields.items() if v is not None and k not in allowed]
    if extra:
        raise RegisterError("E204", f"“{r.EVENT_LABELS.get(kind, kind)}”不记录{'、'.join(extra)}")


def _fields_needed(kind: str, fields: dict[str, Any]) -> None:
    if kind == "decided" and fields["outcome"] is None:
        raise RegisterError("E204", "作出答复须写明办理结果（表三的办理结果行，如 予以公开、不予公开-属于国家秘密）")
    if kind == "extended" and fields["days"] is None:
        raise RegisterError("E204", "延期答复须写明延长的工作日数（1到20个工作日，条例第三十三条）")
    if kind == "consultation_sent" and fields["party"] is None:
        raise RegisterError("E204", "发出征求意见须写明征求谁的意见：第三方（第三十二条）或其他机关（第三十四条）")
    if kind == "fee_notice" and fields["basis"] is None:
        raise RegisterError("E204", "收费通知须写明收费标准：按件或按量（国办函〔2020〕109号，每件申请只能选一种）")
    if kind == "fee_notice" and fields["basis"] == "pages" and fields["quantity"] is None and fields["amount"] is None:
        raise RegisterError("E204", "按量计收须写明页数（或直接写明收费金额）")


@dataclass(frozen=True, slots=True)
class NewEvent:
    """An event to append: its kind, its day and the fields its kind records (see ``store.EVENT_FIELDS``)."""

    kind: str
    on: dt.date
    outcome: str | None = None
    days: int | None = None
    reply_by: dt.date | None = None
    party: str | None = None
    basis: str | None = None
    quantity: int | None = None
    amount: int | None = None
    note: str = ""


def append_event_in(session: Session, agency: str, number: str, new: NewEvent, *, today: dt.date) -> EventAdded:
    """:func:`append_event` in the caller's session (the web request's)."""
    kind, on, note, amount, basis, quantity = new.kind, new.on, new.note, new.amount, new.basis, new.quantity
    if kind not in r.EVENT_KINDS:
        raise RegisterError("E204", f"未知的事件类型：{kind}")
    fields: dict[str, Any] = {k: getattr(new, k) for k in ("outcome", "days", "reply_by", "party")}
    fields |= {"basis": basis, "quantity": quantity, "amount": amount}
    _fields_used(kind, fields)
    row = find_application(session, agency, number)
    cal = repo.load_calendar(session)
    _fields_needed(kind, fields)
    validate_event(logged(session, row)[0], r.Event("new", kind, on, **fields, note=note), cal)
    fee: FeeWorked | None = None
    if kind == "fee_notice" and amount is None:
        if basis == "pages":
            fee = by_pages(quantity or 0)
        else:
            fee = rank_in_month(session, row) if quantity is None else by_rank(quantity, given=True)
        fields |= {"quantity": fee.quantity, "amount": fee.amount}
    event_id = repo.append_event(session, row.id, kind, on, **fields, note=note)
    return EventAdded(case_view(session, row, today, cal), event_id, fee)


def append_event(
    agency: str,
    number: str,
    kind: str,
    on: dt.date,
    *,
    outcome: str | None = None,
    days: int | None = None,
    reply_by: dt.date | None = None,
    party: str | None = None,
    basis: str | None = None,
    quantity: int | None = None,
    amount: int | None = None,
    note: str = "",
    today: dt.date,
    url: str | URL | None = None,
) -> EventAdded:
    """Append an event to the application's log (E203 no application; E204 the event breaks a rule).

    A fee notice without ``amount`` gets it computed from ``basis`` and ``quantity`` (pages; for 按件 the
    application's rank in the applicant's month, found in the register when not given)."""
    new = NewEvent(kind, on, outcome, days, reply_by, party, basis, quantity, amount, note)
    if kind not in r.EVENT_KINDS:
        raise RegisterError("E204", f"未知的事件类型：{kind}")
    _fields_used(kind, {k: getattr(new, k) for k in FIELD_LABELS})
    with store_session(url) as session:
        return append_event_in(session, agency, number, new, today=today)


def show_application_in(session: Session, agency: str, number: str, *, today: dt.date) -> CaseView:
    """:func:`show_application` in the caller's session."""
    return case_view(session, find_application(session, agency, number, voided_too=True), today)


def show_application(agency: str, number: str, *, today: dt.date, url: str | URL | None = None) -> CaseView:
    """The application (a voided one too, flagged) with its whole log and its state on ``today``."""
    with store_session(url, read_only=True) as session:
        return show_application_in(session, agency, number, today=today)


def void_application_in(session: Session, agency: str, number: str, reason: str) -> str:
    """:func:`void_application` in the caller's session."""
    row = find_application(session, agency, number)
    repo.void(session, "application", row.id, reason)
    return str(row.id)


def void_application(agency: str, number: str, reason: str, *, url: str | URL | None = None) -> str:
    """Void the live application (never deleted; E204 without a reason); returns its id."""
    with store_session(url) as session:
        return void_application_in(session, agency, number, reason)


def void_event_in(
    session: Session, agency: str, number: str, event_id: str, reason: str, *, today: dt.date
) -> CaseView:
    """:func:`void_event` in the caller's session."""
    row = find_application(session, agency, number)
    event = session.get(EventRow, record_id(event_id, "event"))
    if event is None or event.application_id != row.id:
        raise RegisterError("E203", f"申请 {row.number} 没有记录号为 {event_id.strip()} 的事件")
    repo.void(session, "event", event.id, reason)
    return case_view(session, row, today)


def void_event(
    agency: str, number: str, event_id: str, reason: str, *, today: dt.date, url: str | URL | None = None
) -> CaseView:
    """Void one event of the application's log (E203 when it is not one of its live events)."""
    with store_session(url) as session:
        return void_event_in(session, agency, number, event_id, reason, today=today)


def application_history_in(session: Session, agency: str, number: str) -> list[AuditEntry]:
    """:func:`application_history` in the caller's session."""
    row = find_application(session, agency, number, voided_too=True)
    events = [str(e) for e in session.scalars(select(EventRow.id).where(EventRow.application_id == row.id))]
    query = select(AuditRow).where(
        or_(
            (AuditRow.entity == "application") & (AuditRow.entity_id == str(row.id)),
            (AuditRow.entity == "event") & AuditRow.entity_id.in_(events or ["-"]),
        )
    )
    return [
        AuditEntry(a.at, a.actor, a.action, a.entity, a.entity_id, a.before, a.after)
        for a in session.scalars(query.order_by(AuditRow.id))
    ]


def application_history(agency: str, number: str, *, url: str | URL | None = None) -> list[AuditEntry]:
    """The audit log of the application (a voided one too) and of its events, oldest first."""
    with store_session(url, read_only=True) as session:
        return application_history_in(session, agency, number)


__all__ = [
    "FIELD_LABELS",
    "AuditEntry",
    "CaseView",
    "EventAdded",
    "EventView",
    "NewApplication",
    "NewEvent",
    "Voided",
    "add_application",
    "add_application_in",
    "append_event",
    "append_event_in",
    "application_history",
    "application_history_in",
    "find_application",
    "show_application",
    "show_application_in",
    "store_session",
    "void_application",
    "void_application_in",
    "void_event",
    "void_event_in",
]
