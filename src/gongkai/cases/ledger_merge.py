"""What a 台账 row changes in the register: a new application's checked event log, or the events a
row adds to an application already registered under its 编号 — pure, no store.

A row of an application already registered must agree with it: the fields the row fills
(申请人类型, 收到日期; 申请人, 渠道, 申请内容 when not empty) and every event the row records that the
log already holds. An event of the row matches the log's first live event of its kind (what
:func:`gongkai.cases.ledger_export.from_application` exports) when its date and values are the same
(a date the import inferred because the 台账 left its column empty is not compared); the decision
matches the application's closure (a withdrawal is counted, and exported, as 其他处理-其他). A row's
event of a kind the log does not hold yet is appended — checked by
:func:`gongkai.cases.state.validate_event` against the log as it stands with the events before it;
a payment (缴费日期) appended must not be dated before the fee notice the log holds. An event the log
holds and the row does not say (a second consultation, 送达) is kept: the row says less than the
register, never "delete".

Problems are Chinese lines ``第12行「收到日期」：…`` (the row's line in the file, as in
:func:`gongkai.cases.ledger.read_ledger`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from gongkai.cases import ledger_columns as C
from gongkai.cases.calendar import WorkCalendar
from gongkai.cases.ledger import LedgerRow, inferred_note, to_application
from gongkai.cases.outcomes import outcome_name
from gongkai.cases.records import (
    APPLICANT_LABELS,
    CHANNEL_LABELS,
    EVENT_LABELS,
    Application,
    Event,
    closure,
    live_events,
)
from gongkai.cases.state import validate_event
from gongkai.errors import RegisterError

_DATE_COLUMN: dict[str, str] = {
    "received": C.RECEIVED,
    "correction_requested": C.CORRECTION_REQUESTED,
    "correction_received": C.CORRECTION_RECEIVED,
    "consultation_sent": C.CONSULTATION_SENT,
    "consultation_answered": C.CONSULTATION_ANSWERED,
    "extended": C.EXTENDED_ON,
    "fee_notice": C.FEE_NOTICE_ON,
    "fee_paid": C.FEE_PAID_ON,
    "decided": C.DECIDED_ON,
}
"""The column a ledger event's date comes from (the column a refused event is reported under)."""
_VALUE_COLUMN: dict[str, str] = {"extended": C.EXTENSION_DAYS, "fee_notice": C.FEE_AMOUNT, "decided": C.OUTCOME}
"""The column of the value that makes the event (an extension's days, a fee, an outcome)."""


@dataclass(frozen=True, slots=True)
class Merge:
    """What one row does to the application registered under its number."""

    new: tuple[Event, ...]
    """Events to append (ids empty: the store assigns them), in the order they happened."""
    problems: tuple[str, ...]


def ledger_application(row: LedgerRow, agency: str, app_id: str = "") -> Application:
    """The application a row records, its events' ids empty (the store assigns them)."""
    return to_application(row, agency, app_id, itertools.repeat(""))


def _where(row: LedgerRow, column: str, text: str) -> str:
    return f"第{row.line}行「{column}」：{text}"


def event_problems(row: LedgerRow, app: Application, events: tuple[Event, ...], cal: WorkCalendar) -> list[str]:
    """Each of ``events`` checked in turn against ``app``'s log with the ones before it appended."""
    problems: list[str] = []
    log = app.events
    for e in events:
        try:
            validate_event(dataclasses.replace(app, events=log), e, cal)
        except RegisterError as exc:
            column = _VALUE_COLUMN.get(e.kind) or _DATE_COLUMN.get(e.kind, C.NUMBER)
            problems.append(_where(row, column, exc.message))
            continue
        log = (*log, e)
    return problems


def new_application_problems(row: LedgerRow, app: Application, cal: WorkCalendar) -> list[str]:
    """A new application's events (``app.events``) checked as if appended one by one to an empty log."""
    return event_problems(row, dataclasses.replace(app, events=()), app.events, cal)


def _differs(row: LedgerRow, column: str, what: str, registered: object, given: object) -> str:
    return _where(row, column, f"与已登记的{what}（{registered}）不一致，台账为“{given}”")


def _field_problems(row: LedgerRow, app: Application) -> Iterator[str]:
    if row.applicant_type != app.applicant_type:
        registered, given = APPLICANT_LABELS[app.applicant_type], APPLICANT_LABELS[row.applicant_type]
        yield _differs(row, C.APPLICANT_TYPE, "申请人类型", registered, given)
    if row.received != app.received:
        yield _differs(row, C.RECEIVED, "收到日期", app.received.isoformat(), row.received.isoformat())
    if row.applicant_name and row.applicant_name != app.applicant_name:
        yield _differs(row, C.APPLICANT, "申请人", app.applicant_name or "空", row.applicant_name)
    if row.channel is not None and row.channel != app.channel:
        yield _differs(row, C.CHANNEL, "渠道", CHANNEL_LABELS[app.channel], CHANNEL_LABELS[row.channel])
    if row.content and row.content != app.content:
        yield _differs(row, C.CONTENT, "申请内容", app.content or "空", row.content)


def _given_date(e: Event) -> bool:
    """Whether the row gave the event's date (not inferred by the import from an empty column)."""
    column = _DATE_COLUMN[e.kind]
    return e.note != inferred_note(column, e.on)


def _event_problems(row: LedgerRow, e: Event, have: Event) -> Iterator[str]:
    """Where the row's event ``e`` disagrees with the log's ``have`` of the same kind."""
    label = EVENT_LABELS[e.kind]
    if _given_date(e) and e.on != have.on:
        yield _differs(row, _DATE_COLUMN[e.kind], f"{label}日期", have.on.isoformat(), e.on.isoformat())
    if e.kind == "consultation_sent" and row.consultation_party is not None and e.party != have.party:
        shown = C.PARTY_LABELS
        yield _differs(
            row, C.CONSULTATION_PARTY, "征求意见对象", shown.get(have.party or "", "空"), shown[e.party or ""]
        )
    elif e.kind == "extended" and e.days != have.days:
        yield _differs(row, C.EXTENSION_DAYS, "延期天数", have.days, e.days)
    elif e.kind == "fee_notice":
        if e.amount != have.amount:
            yield _differs(row, C.FEE_AMOUNT, "收费金额", have.amount, e.amount)
        if row.fee_basis is not None and e.basis != have.basis:
            shown = C.FEE_BASIS_LABELS
            yield _differs(row, C.FEE_BASIS, "收费标准", shown.get(have.basis or "", "空"), shown[e.basis or ""])


def _decision_problems(row: LedgerRow, e: Event, closed: tuple[dt.date, str]) -> Iterator[str]:
    on, outcome = closed
    if e.on != on:
        yield _differs(row, C.DECIDED_ON, "答复日期", on.isoformat(), e.on.isoformat())
    if e.outcome != outcome:
        given = outcome_name(e.outcome) if e.outcome else "空"
        yield _differs(row, C.OUTCOME, "处理结果", outcome_name(outcome), given)


def _paid_problems(row: LedgerRow, e: Event, have: tuple[Event, ...]) -> Iterator[str]:
    """A payment the row adds, dated before the fee notice the log holds (the one the row's is compared with)."""
    notice = next((h for h in have if h.kind == "fee_notice"), None)
    if notice is not None and e.on < notice.on:
        inferred = "，台账未填收费通知日期时推定" if notice.note == inferred_note(C.FEE_NOTICE_ON, notice.on) else ""
        text = f"{C.FEE_PAID_ON} {e.on.isoformat()} 早于已登记的收费通知日期（{notice.on.isoformat()}{inferred}）"
        yield _where(row, C.FEE_PAID_ON, text)


def merge_row(row: LedgerRow, app: Application, cal: WorkCalendar) -> Merge:
    """What ``row`` adds to ``app`` (registered under the same number), or why it cannot."""
    problems = list(_field_problems(row, app))
    have = live_events(app)
    closed = closure(app)
    new: list[Event] = []
    for e in ledger_application(row, app.agency, app.id).events:
        if e.kind == "received":
            continue  # the received date is the application's own field, compared above
        if e.kind == "decided":
            if closed is not None:
                problems += _decision_problems(row, e, closed)
            else:
                new.append(e)
            continue
        first = next((h for h in have if h.kind == e.kind), None)
        if first is None:
            if e.kind == "fee_paid":
                problems += _paid_problems(row, e, have)
            new.append(e)
        else:
            problems += _event_problems(row, e, first)
    if not problems and new:
        problems += event_problems(row, app, tuple(new), cal)
    return Merge(tuple(new) if not problems else (), tuple(problems))


__all__ = ["Merge", "event_problems", "ledger_application", "merge_row", "new_application_problems"]
