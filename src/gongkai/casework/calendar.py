"""The working-day calendar the register counts with: the store's (seeded by ``gongkai db upgrade``,
next year's State Council notice imported by ``gongkai calendar import``), else the built-in one.

Importing a year recomputes every open application's cached deadline in the same transaction: a
deadline that reached the year provisionally (weekends only) becomes final, or moves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from gongkai.cases.calendar import WorkCalendar

YearOrigin = Literal["seed", "import", "builtin"]
ORIGIN_LABELS: dict[str, str] = {"seed": "内置", "import": "导入", "builtin": "内置"}
"""``builtin``: the installed ``chinese-calendar``'s years, counted with before there is a store."""


def _sqlite_file_missing(url: str | None) -> bool:
    """The SQLite file the URL names does not exist (opening it would create it)."""
    if url is None:
        from gongkai.store.settings import Settings

        settings = Settings()
        if settings.database_url == f"sqlite:///{settings.default_database}":  # no SQLAlchemy to tell
            return not settings.default_database.exists()
        url = settings.database_url
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return False  # open_store says why (E201)
    if parsed.get_backend_name() != "sqlite":
        return False
    database = parsed.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        return False
    return not Path(database).expanduser().exists()


def _open_existing(url: str | None) -> Engine | None:
    """The store's engine when there is a store (E202 when it is not at the head revision); None when
    there is none yet: no SQLite file, or a database never initialised (``gongkai db upgrade``)."""
    if _sqlite_file_missing(url):
        return None
    from gongkai.store.engine import open_engine
    from gongkai.store.migrate import current, require_head

    engine = open_engine(url)
    try:
        if current(engine) is None:
            engine.dispose()
            return None
        require_head(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def store_calendar(url: str | None = None) -> WorkCalendar:
    """The store's calendar; the built-in one (``chinese-calendar``) while there is no store yet.

    A store at another revision is E202, one that cannot be opened E201: a register's imported years
    are never silently replaced by the built-in calendar."""
    engine = _open_existing(url)
    if engine is None:
        from gongkai.cases.calendar_seed import default_calendar

        return default_calendar()
    from gongkai.store.engine import reader
    from gongkai.store.lists import read_calendar

    try:
        with reader(engine).connect() as connection:
            return read_calendar(connection)
    finally:
        engine.dispose()


class ImportedCalendar(NamedTuple):
    year: int
    source: str
    refreshed: int
    """Open applications whose deadline was recomputed."""


def import_calendar(path: str | Path, url: str | None = None) -> ImportedCalendar:
    """Import one year's notice from a YAML or CSV file (E207 when the file is bad: nothing changes),
    replacing what the store had for that year, and recompute every open application's deadline."""
    from gongkai.cases.calendar_file import parse_calendar_file
    from gongkai.store.engine import open_store, session_scope
    from gongkai.store.repo import load_calendar, refresh_due, save_year
    from gongkai.store.repo.due import due_fn

    year = parse_calendar_file(path)
    engine = open_store(url)
    try:
        with session_scope(engine) as session:
            save_year(session, year, "import")
            refreshed = refresh_due(session, due_fn(load_calendar(session)))
    finally:
        engine.dispose()
    return ImportedCalendar(year.year, year.source, refreshed)


@dataclass(frozen=True, slots=True)
class YearInfo:
    year: int
    origin: YearOrigin
    source: str
    imported_at: dt.datetime | None
    holidays: int
    """Weekdays off (a holiday's weekend days are weekends anyway)."""
    workdays: int
    """Weekend days worked (调休)."""


@dataclass(frozen=True, slots=True)
class CalendarInfo:
    """The calendar the register counts with and where each covered year comes from."""

    calendar: WorkCalendar
    years: tuple[YearInfo, ...]
    in_store: bool


def _info(cal: WorkCalendar, year: int, origin: YearOrigin, imported_at: dt.datetime | None) -> YearInfo:
    found = cal.year(year)
    assert found is not None
    off = sum(1 for d in found.holidays if d.year == year and d.weekday() < 5 and not cal.is_workday(d))
    worked = sum(1 for d in found.workdays if d.year == year and d.weekday() >= 5 and cal.is_workday(d))
    return YearInfo(year, origin, found.source, imported_at, off, worked)


def calendar_info(url: str | None = None) -> CalendarInfo:
    """What :func:`store_calendar` counts with, year by year (E201/E202 as there)."""
    engine = _open_existing(url)
    if engine is None:
        from gongkai.cases.calendar_seed import default_calendar

        cal = default_calendar()
        return CalendarInfo(cal, tuple(_info(cal, y, "builtin", None) for y in cal.years), in_store=False)
    from gongkai.store.engine import session_scope
    from gongkai.store.repo import covered_years, load_calendar

    try:
        with session_scope(engine, read_only=True) as session:
            cal = load_calendar(session)
            covered = covered_years(session)
    finally:
        engine.dispose()
    return CalendarInfo(cal, tuple(_info(cal, c.year, c.origin, c.imported_at) for c in covered), in_store=True)


@dataclass(frozen=True, slots=True)
class Break:
    """A run of consecutive days off holding a year's holiday (its weekend days included)."""

    first: dt.date
    last: dt.date
    name: str

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def breaks(cal: WorkCalendar, year: int) -> list[Break]:
    """The year's holiday breaks as the notice gives them: 国庆节、中秋节 2025-10-01 to 2025-10-08 (8 days)."""
    found = cal.year(year)
    if found is None:
        return []
    one = dt.timedelta(days=1)
    out: list[Break] = []
    for day in sorted(found.holidays):
        if cal.is_workday(day) or (out and out[-1].last >= day):
            continue
        first, last = day, day
        while not cal.is_workday(first - one):
            first -= one
        while not cal.is_workday(last + one):
            last += one
        names = dict.fromkeys(found.holidays[d] for d in sorted(found.holidays) if first <= d <= last)
        out.append(Break(first, last, "、".join(names)))
    return out


__all__ = [
    "ORIGIN_LABELS",
    "Break",
    "CalendarInfo",
    "ImportedCalendar",
    "YearInfo",
    "YearOrigin",
    "breaks",
    "calendar_info",
    "import_calendar",
    "store_calendar",
]
