"""Read-only lists over the store's cached columns, in SQLAlchemy Core alone.

A command that lists (``gongkai cases due`` over 100,000 open applications in under a second, start-up
included) must not pay for the ORM's import: the tables are named here as lightweight Core clauses
of the columns read (a test checks them against :mod:`gongkai.store.tables`), and the calendar and the
open applications are read with one query each, their values as the driver gives them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy import Boolean, Date, Integer, String, column, select, table, type_coerce
from sqlalchemy.engine import Row
from sqlalchemy.types import NullType

from gongkai.cases.calendar import WorkCalendar, YearCalendar
from gongkai.errors import RegisterError


class _Executes(Protocol):
    """A Core ``Connection`` or an ORM ``Session``: both run a Core select."""

    def execute(self, statement: Any, /) -> Any: ...


APPLICATIONS = table(
    "applications",
    column("id", Integer),
    column("agency_id", Integer),
    column("number", String),
    column("applicant_type", String),
    column("received", Date),
    column("status", String),
    column("due_on", Date),
    column("due_provisional", Boolean),
    column("due_kind", String),
    column("consulting_until", Date),
    column("voided_at", NullType),
)
AGENCIES = table("agencies", column("id", Integer), column("name", String), column("voided_at", NullType))
CALENDAR_YEARS = table("calendar_years", column("year", Integer), column("source", String))
CALENDAR_DAYS = table(
    "calendar_days", column("year", Integer), column("day", Date), column("kind", String), column("name", String)
)


def read_calendar(db: _Executes) -> WorkCalendar:
    """The working-day calendar of every covered year in the store."""
    years: dict[int, str] = dict(db.execute(select(CALENDAR_YEARS.c.year, CALENDAR_YEARS.c.source)).all())
    holidays: dict[int, dict[dt.date, str]] = {y: {} for y in years}
    workdays: dict[int, dict[dt.date, str]] = {y: {} for y in years}
    d = CALENDAR_DAYS.c
    for year, day, kind, name in db.execute(select(d.year, d.day, d.kind, d.name).order_by(d.year, d.day)):
        (holidays if kind == "holiday" else workdays)[year][day] = name
    return WorkCalendar(YearCalendar(y, holidays[y], workdays[y], years[y]) for y in sorted(years))


def agency_names(db: _Executes) -> dict[int, str]:
    """Live agencies: id → name."""
    a = AGENCIES.c
    return dict(db.execute(select(a.id, a.name).where(a.voided_at.is_(None))).all())


def unknown_agency(name: str) -> RegisterError:
    """E209: no live agency has this name."""
    return RegisterError("E209", f"机关不存在：{name.strip()}（先运行 gongkai agency add 添加）")


OPEN_APPLICATION_COLUMNS = (
    *("id", "agency_id", "number", "applicant_type", "received"),
    *("due_on", "due_provisional", "due_kind", "consulting_until"),
)
"""The columns :func:`open_applications` reads, in its rows' order."""


class DriverDates(dict[Any, dt.date]):
    """A date as the driver gives it (ISO text from SQLite, ``date`` from PostgreSQL) → ``date``,
    converted once per distinct value: ``dates[value]``."""

    def __missing__(self, value: Any) -> dt.date:
        day = self[value] = value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
        return day


def open_applications(
    db: _Executes, *, agency_id: int | None = None, due_by: dt.date | None = None
) -> Sequence[Row[Any]]:
    """Open, live applications ordered by due date then id, read from the index alone (see
    ``tables.DUE_LIST_COLUMNS``); ``due_by``: only those due on or before it. Each row holds
    :data:`OPEN_APPLICATION_COLUMNS` as the driver gives them, not processed (a hundred thousand rows):
    dates through :class:`DriverDates`, ``due_provisional`` 0/1 or a bool. Where a missing due date
    sorts is the driver's (first on SQLite, last on PostgreSQL)."""
    c = APPLICATIONS.c
    query = select(*(type_coerce(c[name], NullType) for name in OPEN_APPLICATION_COLUMNS))
    query = query.where(c.status == "open", c.voided_at.is_(None))
    if agency_id is not None:
        query = query.where(c.agency_id == agency_id)
    if due_by is not None:
        query = query.where(c.due_on <= due_by)
    rows: Sequence[Row[Any]] = db.execute(query.order_by(c.due_on, c.id)).all()
    return rows


__all__ = [
    "AGENCIES",
    "APPLICATIONS",
    "CALENDAR_DAYS",
    "CALENDAR_YEARS",
    "OPEN_APPLICATION_COLUMNS",
    "DriverDates",
    "agency_names",
    "open_applications",
    "read_calendar",
    "unknown_agency",
]
