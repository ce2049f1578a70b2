"""An application's state on a given day, folded from its event log with the statutory clock.

The fold never raises: what the record breaks is listed in ``problems`` (Chinese). What it suggests
(an outcome once the applicant's correction or payment deadline has passed) is never applied.
:func:`validate_event` refuses an event that may not be appended (E204).

While a correction is awaited there is no answer deadline: the 20 days restart from the day the
corrected application is received (第三十条). The fee period does not stop the answer clock (109号文
says nothing of it; official-rules §3).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from gongkai.cases.calendar import WorkCalendar
from gongkai.cases.clock import (
    MAX_EXTENSION,
    Deadline,
    Pause,
    answer_deadline,
    consultation_limit,
    correction_notice_deadline,
    fee_payment_deadline,
)
from gongkai.cases.records import CLOSING_KINDS, EVENT_LABELS, Application, Event, closure, live_events
from gongkai.errors import RegisterError
from gongkai.model.template import OUTCOME_ROWS_2021

Stage = Literal["processing", "awaiting_correction", "consulting", "awaiting_fee", "closed"]


@dataclass(frozen=True, slots=True)
class ApplicationState:
    application_id: str
    status: Literal["open", "closed"]
    stage: Stage
    outcome: str | None
    closed_on: dt.date | None
    answer: Deadline | None
    """The answer deadline (from receipt or the latest corrected application); None while a correction is awaited."""
    correction_notice: Deadline
    """When a correction notice is due (7th working day after receipt)."""
    correction_notice_late: bool
    correction_reply_by: dt.date | None
    """The applicant's correction deadline given in the latest notice (if recorded)."""
    fee_payment: Deadline | None
    suggested_outcome: str | None
    overdue: bool
    """Open and past the answer deadline."""
    late: bool
    """Closed after the answer deadline."""
    problems: tuple[str, ...]
    consulting_until: dt.date | None = None
    """Open with a consultation unanswered: the last day one can still pause the answer clock (the latest
    15-working-day limit). The application is 征求意见中 (``stage == "consulting"``) until that day."""


def _d(on: dt.date) -> str:
    return on.isoformat()


def _label(e: Event) -> str:
    return EVENT_LABELS.get(e.kind, e.kind)


def _closing_index(events: tuple[Event, ...]) -> int | None:
    for i, e in enumerate(events):
        if (e.kind == "decided" and e.outcome is not None) or e.kind == "withdrawn":
            return i
    return None


def _after_closure(e: Event, closed_on: dt.date) -> bool:
    """An event that may not follow the closure: anything dated later but delivery, or another closing event."""
    return e.kind != "delivered" and (e.on > closed_on or e.kind in CLOSING_KINDS)


def _event_problems(app: Application, events: tuple[Event, ...]) -> list[str]:
    problems: list[str] = []
    close = _closing_index(events)
    closed_on = events[close].on if close is not None else None
    seen: dict[str, int] = {}
    pending_consultations = 0
    for i, e in enumerate(events):
        label = _label(e)
        if e.on < app.received and e.kind != "received":
            problems.append(f"“{label}”（{_d(e.on)}）早于收到申请之日（{_d(app.received)}）")
        if close is not None and closed_on is not None and i > close and _after_closure(e, closed_on):
            problems.append(f"申请已于{_d(closed_on)}办结，之后又记录了“{label}”（{_d(e.on)}）")
        count = seen[e.kind] = seen.get(e.kind, 0) + 1
        if e.kind == "received" and e.on != app.received:
            problems.append(f"“收到申请”事件的日期（{_d(e.on)}）与登记的收到日期（{_d(app.received)}）不一致")
        elif e.kind == "decided":
            if e.outcome is None:
                problems.append(f"作出答复（{_d(e.on)}）未记录办理结果")
            elif e.outcome not in OUTCOME_ROWS_2021:
                problems.append(f"作出答复（{_d(e.on)}）的办理结果“{e.outcome}”不是表三的办理结果行")
        elif e.kind == "extended":
            if count > 1:
                problems.append(f"延期答复只能一次（条例第三十三条），但{_d(e.on)}又记录了一次延期")
            if e.days is None or not 1 <= e.days <= MAX_EXTENSION:
                problems.append(f"延期（{_d(e.on)}）{e.days}个工作日不符合规定（应为1到{MAX_EXTENSION}个工作日）")
        elif e.kind == "correction_requested" and count > 1:
            problems.append(f"补正应一次性告知（条例第三十条），但{_d(e.on)}又告知了一次")
        elif e.kind == "correction_received" and "correction_requested" not in seen:
            problems.append(f"收到补正（{_d(e.on)}）之前没有告知补正")
        elif e.kind == "consultation_sent":
            pending_consultations += 1
        elif e.kind == "consultation_answered":
            if pending_consultations == 0:
                problems.append(f"收到意见（{_d(e.on)}）之前没有发出征求意见")
            pending_consultations = max(0, pending_consultations - 1)
        elif e.kind == "fee_paid" and "fee_notice" not in seen:
            problems.append(f"缴纳费用（{_d(e.on)}）之前没有发出收费通知")
        elif e.kind == "delivered" and (close is None or i < close):
            problems.append(f"送达（{_d(e.on)}）之前没有作出答复")
    return problems


def _pauses(events: tuple[Event, ...]) -> list[Pause]:
    """Consultations paired with their answers in order (first sent, first answered)."""
    sent: list[dt.date] = []
    answered: list[dt.date | None] = []
    for e in events:
        if e.kind == "consultation_sent":
            sent.append(e.on)
            answered.append(None)
        elif e.kind == "consultation_answered":
            waiting = next((i for i, a in enumerate(answered) if a is None and sent[i] <= e.on), None)
            if waiting is not None:
                answered[waiting] = e.on
    return list(zip(sent, answered, strict=True))


def _last(events: tuple[Event, ...], kind: str) -> int | None:
    found = [i for i, e in enumerate(events) if e.kind == kind]
    return found[-1] if found else None


def application_state(app: Application, cal: WorkCalendar, today: dt.date) -> ApplicationState:
    """The application's state on ``today``."""
    events = live_events(app)
    problems = _event_problems(app, events)
    close = closure(app)
    closed_on, outcome = close if close is not None else (None, None)
    if closed_on is not None:  # what happened after the closure does not move the clock
        events = tuple(e for e in events if e.on <= closed_on)
    requested, corrected = _last(events, "correction_requested"), _last(events, "correction_received")
    awaiting_correction = requested is not None and (corrected is None or corrected < requested)
    correction_reply_by = events[requested].reply_by if requested is not None else None
    restart = [e.on for e in events if e.kind == "correction_received" and e.on >= app.received]
    extensions = [e.days for e in events if e.kind == "extended" and e.days is not None and e.days >= 1]
    extension = min(extensions[0], MAX_EXTENSION) if extensions else 0
    pauses = _pauses(events)
    answer: Deadline | None = None
    if not awaiting_correction:
        try:
            answer = answer_deadline(
                cal,
                app.received,
                correction_received=restart[-1] if restart else None,
                pauses=pauses,
                extension=extension,
            )
        except ValueError as exc:
            problems.append(f"无法计算答复期限：{exc}")
    if answer is not None and extensions:
        plain = answer_deadline(cal, app.received, correction_received=restart[-1] if restart else None, pauses=pauses)
        first = next(e for e in events if e.kind == "extended")
        if first.on > plain.due:
            problems.append(f"延期（{_d(first.on)}）晚于原答复期限（{_d(plain.due)}）")
    notice = correction_notice_deadline(cal, app.received)
    fee_notice, fee_paid = _last(events, "fee_notice"), _last(events, "fee_paid")
    fee = fee_payment_deadline(cal, events[fee_notice].on) if fee_notice is not None else None
    awaiting_fee = fee_notice is not None and (fee_paid is None or fee_paid < fee_notice)
    pending = [consultation_limit(cal, sent).due for sent, answered in pauses if answered is None]
    consulting_until = max(pending) if pending and closed_on is None else None
    consulting = consulting_until is not None and consulting_until >= today
    suggested: str | None = None
    stage: Stage = "closed"
    if closed_on is None:
        if awaiting_correction:
            stage = "awaiting_correction"
            if correction_reply_by is not None and today > correction_reply_by:
                suggested = "other_no_correction"
        elif awaiting_fee:
            stage = "awaiting_fee"
            if fee is not None and today > fee.due:
                suggested = "other_no_fee"
        else:
            stage = "consulting" if consulting else "processing"
    return ApplicationState(
        application_id=app.id,
        status="open" if closed_on is None else "closed",
        stage=stage,
        outcome=outcome,
        closed_on=closed_on,
        answer=answer,
        correction_notice=notice,
        correction_notice_late=requested is not None
        and next(e.on for e in events if e.kind == "correction_requested") > notice.due,
        correction_reply_by=correction_reply_by,
        fee_payment=fee,
        suggested_outcome=suggested,
        overdue=closed_on is None and answer is not None and today > answer.due,
        late=closed_on is not None and answer is not None and closed_on > answer.due,
        problems=tuple(problems),
        consulting_until=consulting_until,
    )


def validate_event(app: Application, event: Event, cal: WorkCalendar) -> None:
    """Refuse (RegisterError E204) an event that may not be appended to the application's log.

    ``cal`` is the register's working-day calendar (the rules below need no day counting yet).
    """
    label = _label(event)
    where = f"申请 {app.number or app.id}"
    if event.on < app.received:
        raise RegisterError("E204", f"{where}：“{label}”的日期（{_d(event.on)}）早于收到申请之日（{_d(app.received)}）")
    close = closure(app)
    if close is not None and _after_closure(event, close[0]):
        raise RegisterError("E204", f"{where}已于{_d(close[0])}办结，不能再记录“{label}”（{_d(event.on)}）")
    if event.kind == "extended":
        if any(e.kind == "extended" for e in live_events(app)):
            raise RegisterError("E204", f"{where}已经延期过一次，答复期限只能延长一次（条例第三十三条）")
        if event.days is None or not 1 <= event.days <= MAX_EXTENSION:
            raise RegisterError(
                "E204", f"{where}：延长的期限应为1到{MAX_EXTENSION}个工作日（条例第三十三条），而不是 {event.days}"
            )
    if event.kind == "decided" and (event.outcome is None or event.outcome not in OUTCOME_ROWS_2021):
        raise RegisterError("E204", f"{where}：办理结果“{event.outcome or '（空）'}”不是表三的办理结果行")


__all__ = ["ApplicationState", "Stage", "application_state", "validate_event"]
