"""Record one application at a time — what staff do without a spreadsheet: register it, append its
events, look at it, void it or one of its events, read its audit log.

Every write recomputes the store's cached deadline (the repository's clock on the store's calendar); an
event is first checked by :func:`gongkai.cases.state.validate_event` (E204 with the rule it breaks).
Applications are named by agency and number (the live one; ``show`` and ``history`` also find a
voided one). Nothing is ever deleted: voiding keeps the record with who, when and why.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from gongkai.cases import records as r
from gongkai.cases.calendar import WorkCalendar
from gongkai.cases.state import ApplicationState, application_state, validate_event
from gongkai.casework.fee_notice import FeeWorked, by_pages, by_rank, rank_in_month
from gongkai.errors import RegisterError
from gongkai.store import repo
from gongkai.store.engine import open_store, session_scope
from gongkai.store.repo import convert
from gongkai.store.repo._common import record_id
from gongkai.store.repo.agencies import agency_row
from gongkai.store.repo.applications import EVENT_FIELDS
from gongkai.store.tables import AgencyRow, ApplicationRow, AuditRow, EventRow

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
class Voided:
    at: dt.datetime
    by: str
    reason: str


@dataclass(frozen=True, slots=True)
class EventView:
    event: r.Event
    actor: str
    recorded_at: dt.datetime
    voided: Voided | None = None


@dataclass(frozen=True, slots=True)
class CaseView:
    """An application with its whole log (voided events kept, flagged) and its state on ``today``."""

    application: r.Application
    events: tuple[EventView, ...]
    state: ApplicationState
    today: dt.date
    voided: Voided | None = None


@dataclass(frozen=True, slots=True)
class EventAdded:
    view: CaseView
    event_id: str
    fee: FeeWorked | None = None
    """The fee notice's amount as computed (None when staff gave it, or for other events)."""


@dataclass(frozen=True, slots=True)
class AuditEntry:
    at: dt.datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@contextmanager
def store_session(url: str | URL | None, *, read_only: bool = False) -> Iterator[Session]:
    """A session on the store (E201/E202 as :func:`open_store`), committed at the end; ``read_only``: a
    reader's transaction (on SQLite it takes no write lock, so it never waits for an import)."""
    engine = open_store(url)
    try:
        with session_scope(engine, read_only=read_only) as session:
            yield session
    finally:
        engine.dispose()


def _voided(row: Any) -> Voided | None:
    return None if row.voided_at is None else Voided(row.voided_at, row.voided_by or "", row.void_reason or "")


def find_application(session: Session, agency: str, number: str, *, voided_too: bool = False) -> ApplicationRow:
    """The agency's live application numbered ``number`` (E209 no agency, E203 none); with ``voided_too``,
    the last voided one of that number when none is live."""
    ag = agency_row(session, agency)
    query = select(ApplicationRow).where(ApplicationRow.agency_id == ag.id, ApplicationRow.number == number.strip())
    rows = list(session.scalars(query.order_by(ApplicationRow.id)))
    live = [a for a in rows if a.voided_at is None]
    if live:
        return live[0]
    if voided_too and rows:
        return rows[-1]
    gone = "（该编号的申请已作废）" if rows else ""
    raise RegisterError("E203", f"申请不存在：{ag.name} 没有编号为 {number.strip()} 的申请{gone}")


def _logged(session: Session, row: ApplicationRow) -> tuple[r.Application, tuple[EventView, ...]]:
    """The application with its whole log, voided events flagged (date order, then log order)."""
    agency = session.get(AgencyRow, row.agency_id)
    assert agency is not None
    query = select(EventRow).where(EventRow.application_id == row.id).order_by(EventRow.on, EventRow.id)
    views = tuple(
        EventView(
            dataclasses.replace(convert.event(e), voided=e.voided_at is not None), e.actor, e.recorded_at, _voided(e)
        )
        for e in session.scalars(query)
    )
    return dataclasses.replace(convert.application(row, agency.name), events=tuple(v.event for v in views)), views


def _view(session: Session, row: ApplicationRow, today: dt.date, cal: WorkCalendar | None = None) -> CaseView:
    app, views = _logged(session, row)
    state = application_state(app, repo.load_calendar(session) if cal is None else cal, today)
    return CaseView(app, views, state, today, _voided(row))


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
    with store_session(url) as session:
        app_id = repo.add_application(
            session,
            agency,
            number,
            applicant_type,
            received,
            applicant_name=applicant_name,
            channel=channel,
            content=content,
            submission=submission,
        )
        row = session.get(ApplicationRow, int(app_id))
        assert row is not None
        return _view(session, row, today)


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
    if kind not in r.EVENT_KINDS:
        raise RegisterError("E204", f"未知的事件类型：{kind}")
    fields: dict[str, Any] = {"outcome": outcome, "days": days, "reply_by": reply_by, "party": party}
    fields |= {"basis": basis, "quantity": quantity, "amount": amount}
    _fields_used(kind, fields)
    with store_session(url) as session:
        row = find_application(session, agency, number)
        cal = repo.load_calendar(session)
        _fields_needed(kind, fields)
        validate_event(_logged(session, row)[0], r.Event("new", kind, on, **fields, note=note), cal)
        fee: FeeWorked | None = None
        if kind == "fee_notice" and amount is None:
            if basis == "pages":
                fee = by_pages(quantity or 0)
            else:
                fee = rank_in_month(session, row) if quantity is None else by_rank(quantity, given=True)
            fields |= {"quantity": fee.quantity, "amount": fee.amount}
        event_id = repo.append_event(session, row.id, kind, on, **fields, note=note)
        return EventAdded(_view(session, row, today, cal), event_id, fee)


def show_application(agency: str, number: str, *, today: dt.date, url: str | URL | None = None) -> CaseView:
    """The application (a voided one too, flagged) with its whole log and its state on ``today``."""
    with store_session(url, read_only=True) as session:
        return _view(session, find_application(session, agency, number, voided_too=True), today)


def void_application(agency: str, number: str, reason: str, *, url: str | URL | None = None) -> str:
    """Void the live application (never deleted; E204 without a reason); returns its id."""
    with store_session(url) as session:
        row = find_application(session, agency, number)
        repo.void(session, "application", row.id, reason)
        return str(row.id)


def void_event(
    agency: str, number: str, event_id: str, reason: str, *, today: dt.date, url: str | URL | None = None
) -> CaseView:
    """Void one event of the application's log (E203 when it is not one of its live events)."""
    with store_session(url) as session:
        row = find_application(session, agency, number)
        event = session.get(EventRow, record_id(event_id, "event"))
        if event is None or event.application_id != row.id:
            raise RegisterError("E203", f"申请 {row.number} 没有记录号为 {event_id.strip()} 的事件")
        repo.void(session, "event", event.id, reason)
        return _view(session, row, today)


def application_history(agency: str, number: str, *, url: str | URL | None = None) -> list[AuditEntry]:
    """The audit log of the application (a voided one too) and of its events, oldest first."""
    with store_session(url, read_only=True) as session:
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


__all__ = [
    "FIELD_LABELS",
    "AuditEntry",
    "CaseView",
    "EventAdded",
    "EventView",
    "Voided",
    "add_application",
    "append_event",
    "application_history",
    "find_application",
    "show_application",
    "store_session",
    "void_application",
    "void_event",
]
