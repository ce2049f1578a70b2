"""Applications and their append-only event log; the derived status columns kept current.

``status``/``outcome``/``closed_on`` follow from the live events (``cases.records.closure``);
``due_on``/``due_provisional``/``due_kind``/``consulting_until`` come from the statutory clock: the one
given as ``due`` (a :data:`DueFn`), by default :func:`gongkai.store.repo.due.session_due_fn` — the
clock on the store's own calendar (see also :func:`refresh_due`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from gongkai.cases import records as r
from gongkai.cases.dates import in_range, out_of_range
from gongkai.model.template import OUTCOME_ROWS_2021
from gongkai.store.audit import actor
from gongkai.store.repo import convert
from gongkai.store.repo._common import get_live, insert, no_longer, number_free, rule
from gongkai.store.repo.agencies import agency_row
from gongkai.store.tables import CONSULT_PARTIES, FEE_BASES, AgencyRow, ApplicationRow, DueKind, EventRow


class Due(NamedTuple):
    """What the statutory clock says of an application for the store's cached columns."""

    on: dt.date | None = None
    """The deadline that matters now (None: closed, or no deadline is known)."""
    provisional: bool = False
    """It reaches a year the working-day calendar does not cover."""
    kind: DueKind | None = None
    consulting_until: dt.date | None = None
    """The last day an unanswered consultation pauses the answer clock (None: none pending)."""


DueFn = Callable[[r.Application], Due]
"""The statutory clock as the store needs it: an application (live events only) → its :class:`Due`."""

EVENT_FIELDS: dict[str, frozenset[str]] = {
    "decided": frozenset({"outcome"}),
    "extended": frozenset({"days"}),
    "correction_requested": frozenset({"reply_by"}),
    "consultation_sent": frozenset({"party"}),
    "fee_notice": frozenset({"basis", "quantity", "amount"}),
}
"""The optional fields each event kind may carry (``note`` always)."""


def add_application(
    session: Session,
    agency: str,
    number: str,
    applicant_type: str,
    received: dt.date,
    *,
    applicant_name: str = "",
    channel: str = "online",
    content: str = "",
    submission: str | None = None,
    due: DueFn | None = None,
) -> str:
    """Register one application (one 件); returns its id. E206 when ``number`` is taken in the agency."""
    ag = agency_row(session, agency)
    number = number.strip()
    rule(bool(number), "申请编号不能为空")
    no_longer(number, r.MAX_NUMBER_CHARS, "申请编号")
    no_longer(applicant_name.strip(), r.MAX_NAME_CHARS, "申请人名称")
    no_longer(submission.strip() if submission else None, r.MAX_NUMBER_CHARS, "申请书编号")
    rule(
        applicant_type in r.APPLICANT_TYPES,
        f"申请人类型应为 {'、'.join(r.APPLICANT_TYPES)} 之一，而不是“{applicant_type}”",
    )
    rule(channel in r.CHANNEL_LABELS, f"提交渠道应为 {'、'.join(r.CHANNEL_LABELS)} 之一，而不是“{channel}”")
    rule(isinstance(received, dt.date) and not isinstance(received, dt.datetime), "收到日期应为日期")
    rule(in_range(received), out_of_range(f"收到日期 {received} "))
    number_free(session, ApplicationRow, ag.id, number, f"编号重复：{ag.name} 已有编号为 {number} 的申请")
    row = ApplicationRow(
        agency_id=ag.id,
        number=number,
        applicant_name=applicant_name.strip(),
        applicant_type=applicant_type,
        channel=channel,
        received=received,
        content=content,
        submission=submission.strip() if submission and submission.strip() else None,
        status="open",
        due_provisional=False,
    )
    insert(session, "application", row)
    refresh(session, row, due)
    return str(row.id)


def _check_event(row: ApplicationRow, live: list[EventRow], kind: str, on: dt.date, fields: dict[str, Any]) -> None:
    label = r.EVENT_LABELS.get(kind, kind)
    rule(kind in r.EVENT_KINDS, f"未知的事件类型：{kind}（可选：{'、'.join(r.EVENT_KINDS)}）")
    rule(isinstance(on, dt.date) and not isinstance(on, dt.datetime), "事件日期应为日期")
    rule(in_range(on), out_of_range(f"{label}的日期 {on} "))
    rule(on >= row.received, f"{label}的日期 {on} 早于收到申请的日期 {row.received}")
    extra = sorted(k for k, v in fields.items() if v is not None and k not in EVENT_FIELDS.get(kind, ()))
    rule(not extra, f"{label}不记录这些内容：{'、'.join(extra)}")
    closing = [e for e in live if e.kind in r.CLOSING_KINDS]
    rule(not closing or kind == "delivered", f"申请已于 {closing[0].on if closing else ''} 办结，不能再记录{label}")
    if kind == "decided":
        outcome = fields["outcome"]
        rule(outcome is not None, "作出答复须记录答复结果（表三的结果行）")
        rule(outcome in OUTCOME_ROWS_2021, f"答复结果应为表三的结果行之一，而不是“{outcome}”")
    elif kind == "extended":
        days = fields["days"]
        rule(isinstance(days, int) and 1 <= days <= 20, f"延期天数应为 1 到 20 个工作日，而不是“{days}”")
        rule(not any(e.kind == "extended" for e in live), "延期答复只能一次（第三十三条）")
    elif kind == "correction_requested":
        reply_by = fields["reply_by"]
        rule(reply_by is None or in_range(reply_by), out_of_range(f"补正期限 {reply_by} "))
        rule(reply_by is None or reply_by > on, f"补正期限 {reply_by} 应晚于告知补正的日期 {on}")
    elif kind == "consultation_sent":
        rule(fields["party"] in CONSULT_PARTIES, f"征求意见的对象应为 {'、'.join(CONSULT_PARTIES)} 之一")
    elif kind == "fee_notice":
        rule(fields["basis"] in FEE_BASES, f"收费标准应为 {'、'.join(FEE_BASES)} 之一")
        amount, quantity = fields["amount"], fields["quantity"]
        rule(isinstance(amount, int) and amount >= 0, f"收费金额应为不小于 0 的整数（元），而不是“{amount}”")
        rule(
            quantity is None or (isinstance(quantity, int) and quantity >= 1), f"计费数量应为正整数，而不是“{quantity}”"
        )
        rule(amount <= r.MAX_STORED_INT, f"收费金额过大：{amount}（最多{r.MAX_STORED_INT}元）")
        rule(quantity is None or quantity <= r.MAX_STORED_INT, f"计费数量过大：{quantity}（最多{r.MAX_STORED_INT}）")


def append_event(
    session: Session,
    application_id: str | int,
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
    due: DueFn | None = None,
) -> str:
    """Append an event to a live application's log (E203 missing, E204 breaks a rule); returns its id."""
    row = get_live(session, ApplicationRow, application_id, "application")
    live = live_event_rows(session, row.id)
    fields = {"outcome": outcome, "days": days, "reply_by": reply_by, "party": party, "basis": basis}
    fields |= {"quantity": quantity, "amount": amount}
    _check_event(row, live, kind, on, fields)
    event = EventRow(application_id=row.id, kind=kind, on=on, note=note, actor=actor(session), **fields)
    insert(session, "event", event)
    refresh(session, row, due)
    return str(event.id)


def live_event_rows(session: Session, application_id: int) -> list[EventRow]:
    query = select(EventRow).where(EventRow.application_id == application_id, EventRow.voided_at.is_(None))
    return list(session.scalars(query.order_by(EventRow.id)))


def _apply(row: ApplicationRow, app: r.Application, due: DueFn | None) -> None:
    closed = r.closure(app)
    row.status = "closed" if closed else "open"
    row.closed_on, row.outcome = closed if closed else (None, None)
    if due is not None:
        row.due_on, row.due_provisional, row.due_kind, row.consulting_until = due(app)


def refresh(session: Session, row: ApplicationRow, due: DueFn | None = None) -> None:
    """Recompute the application's derived columns from its live events (not audited: a cache); ``due``
    defaults to the statutory clock on the store's own calendar."""
    from gongkai.store.repo.due import session_due_fn

    agency = session.get(AgencyRow, row.agency_id)
    assert agency is not None
    clock = due if due is not None else session_due_fn(session)
    _apply(row, convert.application(row, agency.name, live_event_rows(session, row.id)), clock)
    session.flush()


def refresh_due(session: Session, due: DueFn, agency: str | None = None) -> int:
    """Recompute every open application's deadline (after a calendar import, say); returns how many."""
    query = select(ApplicationRow, AgencyRow.name).join(AgencyRow, AgencyRow.id == ApplicationRow.agency_id)
    query = query.where(ApplicationRow.status == "open", ApplicationRow.voided_at.is_(None))
    if agency is not None:
        query = query.where(ApplicationRow.agency_id == agency_row(session, agency).id)
    rows = session.execute(query).all()
    events: dict[int, list[EventRow]] = defaultdict(list)
    ids = [a.id for a, _ in rows]
    for start in range(0, len(ids), 5000):
        chunk = ids[start : start + 5000]
        found = select(EventRow).where(EventRow.application_id.in_(chunk), EventRow.voided_at.is_(None))
        for e in session.scalars(found.order_by(EventRow.id)):
            events[e.application_id].append(e)
    for app, name in rows:
        _apply(app, convert.application(app, name, events[app.id]), due)
    session.flush()
    return len(rows)


__all__ = [
    "EVENT_FIELDS",
    "Due",
    "DueFn",
    "add_application",
    "append_event",
    "live_event_rows",
    "refresh",
    "refresh_due",
]
