"""An agency's register as ``cases.records`` values: what a report is computed from."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from gongkai.cases import records as r
from gongkai.store.repo import convert
from gongkai.store.repo.agencies import agency_row
from gongkai.store.tables import ApplicationRow, DocumentRow, EventRow, FigureRow, ItemRow, ReviewCaseRow

_APP_COLUMNS = (
    ApplicationRow.id,
    ApplicationRow.number,
    ApplicationRow.applicant_type,
    ApplicationRow.received,
    ApplicationRow.applicant_name,
    ApplicationRow.channel,
    ApplicationRow.content,
    ApplicationRow.submission,
)
_EVENT_COLUMNS = (
    EventRow.id,
    EventRow.application_id,
    EventRow.kind,
    EventRow.on,
    EventRow.outcome,
    EventRow.days,
    EventRow.reply_by,
    EventRow.party,
    EventRow.basis,
    EventRow.quantity,
    EventRow.amount,
    EventRow.note,
)


def _live(session: Session, model: Any, agency_id: int) -> list[Any]:
    query = select(model).where(model.agency_id == agency_id, model.voided_at.is_(None)).order_by(model.id)
    return list(session.scalars(query))


def live_applications(session: Session, agency_id: int, agency: str) -> list[r.Application]:
    """The agency's live applications in id order, each with its live events in log order (two queries)."""
    apps = session.execute(
        select(*_APP_COLUMNS)
        .where(ApplicationRow.agency_id == agency_id, ApplicationRow.voided_at.is_(None))
        .order_by(ApplicationRow.id)
    ).all()
    events: dict[int, list[r.Event]] = defaultdict(list)
    event_rows = session.execute(
        select(*_EVENT_COLUMNS)
        .join(ApplicationRow, ApplicationRow.id == EventRow.application_id)
        .where(ApplicationRow.agency_id == agency_id, ApplicationRow.voided_at.is_(None), EventRow.voided_at.is_(None))
        .order_by(EventRow.id)
    )
    # plain tuples, unpacked (a Row's attribute lookups cost more than the rest of loading a register)
    for eid, app_id, kind, on, outcome, days, reply_by, party, basis, quantity, amount, note in cast("Any", event_rows):
        events[app_id].append(
            r.Event(str(eid), kind, on, outcome, days, reply_by, party, basis, quantity, amount, note or "")
        )
    return [
        r.Application(str(aid), agency, number, kind, received, who or "", channel, text or "", sub, tuple(events[aid]))
        for aid, number, kind, received, who, channel, text, sub in cast("Any", apps)
    ]


def load_register(session: Session, agency: str) -> r.Register:
    """Every live record of ``agency`` (E209 when missing), applications with their live events in log order.
    Voided records and voided events are left out."""
    ag = agency_row(session, agency)
    name = ag.name
    return r.Register(
        agency=name,
        agency_kind=cast(r.AgencyKind, ag.kind),
        applications=tuple(live_applications(session, ag.id, name)),
        reviews=tuple(convert.review(x, name) for x in _live(session, ReviewCaseRow, ag.id)),
        documents=tuple(convert.document(x, name) for x in _live(session, DocumentRow, ag.id)),
        items=tuple(convert.item(x, name) for x in _live(session, ItemRow, ag.id)),
        figures=tuple(convert.figure(x, name) for x in _live(session, FigureRow, ag.id)),
    )


__all__ = ["live_applications", "load_register"]
