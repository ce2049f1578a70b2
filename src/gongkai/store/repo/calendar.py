"""The working-day calendar in the store: covered years (seeded from chinese-calendar or imported
from a State Council notice) and their holidays and 调休 make-up working days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal, cast

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from gongkai.cases.calendar import MAX_DAY_NAME_CHARS, WorkCalendar, YearCalendar
from gongkai.errors import RegisterError
from gongkai.store import audit
from gongkai.store.columns import utcnow
from gongkai.store.lists import read_calendar
from gongkai.store.repo._common import flush
from gongkai.store.tables import CalendarDayRow, CalendarYearRow

Origin = Literal["seed", "import"]


@dataclass(frozen=True, slots=True)
class CoveredYear:
    year: int
    origin: Origin
    source: str
    imported_at: dt.datetime
    holidays: int
    workdays: int


def _check(cal: YearCalendar) -> None:
    problems = [f"{d} 既是假日又是调休上班日" for d in sorted(set(cal.holidays) & set(cal.workdays))]
    problems += [f"调休上班日 {d} 不是周末" for d in sorted(cal.workdays) if d.weekday() < 5]
    named = sorted({**cal.holidays, **cal.workdays}.items())
    problems += [f"{d} 的名称过长（最多{MAX_DAY_NAME_CHARS}个字）" for d, n in named if len(n) > MAX_DAY_NAME_CHARS]
    problems += [
        f"{d} 距 {cal.year} 年过远" for d in sorted({*cal.holidays, *cal.workdays}) if abs(d.year - cal.year) > 1
    ]
    if problems:
        raise RegisterError("E207", f"{cal.year} 年工作日历有错误", tuple(problems))


def _state(cal: YearCalendar, origin: str) -> dict[str, Any]:
    return {
        "year": cal.year,
        "origin": origin,
        "source": cal.source,
        "holidays": {d.isoformat(): n for d, n in sorted(cal.holidays.items())},
        "workdays": {d.isoformat(): n for d, n in sorted(cal.workdays.items())},
    }


def _year(session: Session, row: CalendarYearRow) -> YearCalendar:
    days = session.scalars(select(CalendarDayRow).where(CalendarDayRow.year == row.year).order_by(CalendarDayRow.day))
    holidays: dict[dt.date, str] = {}
    workdays: dict[dt.date, str] = {}
    for d in days:
        (holidays if d.kind == "holiday" else workdays)[d.day] = d.name
    return YearCalendar(row.year, holidays, workdays, row.source)


def save_year(session: Session, cal: YearCalendar, origin: Origin) -> None:
    """Store one year's calendar, replacing what the store had for that year (logged with before and after)."""
    if origin not in ("seed", "import"):
        raise RegisterError("E207", f"工作日历来源应为 seed 或 import，而不是“{origin}”")
    _check(cal)
    row = session.get(CalendarYearRow, cal.year)
    before = None if row is None else _state(_year(session, row), row.origin)
    if row is None:
        row = CalendarYearRow(year=cal.year, source=cal.source, origin=origin, imported_at=utcnow())
        session.add(row)
    else:
        session.execute(delete(CalendarDayRow).where(CalendarDayRow.year == cal.year))
        row.source, row.origin, row.imported_at = cal.source, origin, utcnow()
    flush(session, "calendar_year")
    session.add_all(CalendarDayRow(year=cal.year, day=d, kind="holiday", name=n) for d, n in cal.holidays.items())
    session.add_all(CalendarDayRow(year=cal.year, day=d, kind="workday", name=n) for d, n in cal.workdays.items())
    flush(session, "calendar_year")
    audit.log(session, "insert" if before is None else "update", "calendar_year", cal.year, before, _state(cal, origin))
    from gongkai.store.repo.due import forget_calendar

    forget_calendar(session)


def _seed_years() -> list[YearCalendar]:
    from gongkai.cases.calendar_seed import seed_years

    return seed_years()


def seed_calendar(session: Session, years: Iterable[YearCalendar] | None = None) -> list[int]:
    """Store the seeded years the store does not cover yet (never replacing an imported or seeded year);
    ``years`` defaults to ``gongkai.cases.calendar_seed.seed_years()``. Returns the years added."""
    have = set(session.scalars(select(CalendarYearRow.year)))
    added: list[int] = []
    for cal in sorted(_seed_years() if years is None else years, key=lambda c: c.year):
        if cal.year not in have:
            save_year(session, cal, "seed")
            have.add(cal.year)
            added.append(cal.year)
    return added


def load_calendar(session: Session) -> WorkCalendar:
    """The working-day calendar of every covered year in the store."""
    return read_calendar(session)


def covered_years(session: Session) -> list[CoveredYear]:
    """The covered years with where they came from and how many exceptions each has."""
    out: list[CoveredYear] = []
    for row in session.scalars(select(CalendarYearRow).order_by(CalendarYearRow.year)):
        cal = _year(session, row)
        origin = cast(Origin, row.origin)
        out.append(CoveredYear(row.year, origin, row.source, row.imported_at, len(cal.holidays), len(cal.workdays)))
    return out


__all__ = ["CoveredYear", "Origin", "covered_years", "load_calendar", "save_year", "seed_calendar"]
