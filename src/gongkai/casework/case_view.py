"""An application as read from the store: its record, its whole event log (voided events flagged) and its
state on a day, on the store's working-day calendar — what :mod:`gongkai.casework.records` returns."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from gongkai.cases import records as r
from gongkai.cases.calendar import WorkCalendar
from gongkai.cases.state import ApplicationState, application_state
from gongkai.errors import RegisterError
from gongkai.store import repo
from gongkai.store.engine import open_store, session_scope
from gongkai.store.repo import convert
from gongkai.store.repo.agencies import agency_row
from gongkai.store.tables import AgencyRow, ApplicationRow, EventRow


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


def voided_of(row: Any) -> Voided | None:
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


def _event_view(e: EventRow) -> EventView:
    return EventView(
        dataclasses.replace(convert.event(e), voided=e.voided_at is not None), e.actor, e.recorded_at, voided_of(e)
    )


def _with_log(
    row: ApplicationRow, agency: str, views: tuple[EventView, ...]
) -> tuple[r.Application, tuple[EventView, ...]]:
    return dataclasses.replace(convert.application(row, agency), events=tuple(v.event for v in views)), views


def logged(session: Session, row: ApplicationRow) -> tuple[r.Application, tuple[EventView, ...]]:
    """The application with its whole log, voided events flagged (date order, then log order)."""
    agency = session.get(AgencyRow, row.agency_id)
    assert agency is not None
    query = select(EventRow).where(EventRow.application_id == row.id).order_by(EventRow.on, EventRow.id)
    return _with_log(row, agency.name, tuple(_event_view(e) for e in session.scalars(query)))


def case_view(session: Session, row: ApplicationRow, today: dt.date, cal: WorkCalendar | None = None) -> CaseView:
    app, views = logged(session, row)
    state = application_state(app, repo.load_calendar(session) if cal is None else cal, today)
    return CaseView(app, views, state, today, voided_of(row))


def case_views(session: Session, rows: Sequence[ApplicationRow], today: dt.date, cal: WorkCalendar) -> list[CaseView]:
    """:func:`case_view` of each of ``rows`` (a page of the register), their logs read in one query."""
    logs: dict[int, list[EventView]] = defaultdict(list)
    if rows:
        query = select(EventRow).where(EventRow.application_id.in_([row.id for row in rows]))
        for e in session.scalars(query.order_by(EventRow.on, EventRow.id)):
            logs[e.application_id].append(_event_view(e))
    names: dict[int, str] = {}
    out = []
    for row in rows:
        if row.agency_id not in names:
            agency = session.get(AgencyRow, row.agency_id)
            assert agency is not None
            names[row.agency_id] = agency.name
        app, views = _with_log(row, names[row.agency_id], tuple(logs[row.id]))
        out.append(CaseView(app, views, application_state(app, cal, today), today, voided_of(row)))
    return out


__all__ = [
    "AuditEntry",
    "CaseView",
    "EventView",
    "Voided",
    "case_view",
    "case_views",
    "find_application",
    "logged",
    "store_session",
    "voided_of",
]
