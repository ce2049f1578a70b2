"""The working-day calendar: weekends, public holidays and 调休 make-up working days, year by year.

A year is *covered* when its State Council holiday notice is known (seeded from the
``chinese-calendar`` package, or imported). For a year that is not covered only weekends are
known: a deadline reaching into it is computed on weekends alone and marked provisional.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

DayKind = Literal["workday", "weekend", "holiday", "makeup_workday"]
MAX_DAY_NAME_CHARS = 100
"""A holiday's name (or the holiday a make-up day is for), at most (the store's column)."""


@dataclass(frozen=True, slots=True)
class YearCalendar:
    """One year's exceptions to the Monday–Friday week, as the State Council notice gives them."""

    year: int
    holidays: Mapping[dt.date, str] = field(default_factory=dict)
    """Days off that are not weekends → the holiday's name (元旦, 春节 …)."""
    workdays: Mapping[dt.date, str] = field(default_factory=dict)
    """Weekend days worked (调休) → the holiday they make up for."""
    source: str = ""
    """Where the dates come from: the notice (国办发明电〔2024〕12号) or ``chinese-calendar 1.11.0``."""


@dataclass(frozen=True, slots=True)
class DayInfo:
    on: dt.date
    kind: DayKind
    name: str | None = None
    provisional: bool = False
    """The year is not covered: only the weekend is known."""

    @property
    def working(self) -> bool:
        return self.kind in ("workday", "makeup_workday")


class WorkCalendar:
    """Working days from the covered years; weekends only (provisional) elsewhere."""

    def __init__(self, years: Iterable[YearCalendar] = ()) -> None:
        self._years: dict[int, YearCalendar] = {y.year: y for y in years}
        self._holidays: dict[dt.date, str] = {}
        self._workdays: dict[dt.date, str] = {}
        for y in self._years.values():
            self._holidays.update(y.holidays)
            self._workdays.update(y.workdays)
        self._days: dict[dt.date, DayInfo] = {}
        self.memo: dict[object, object] = {}
        """Results computed on this calendar, keyed by their inputs (the clock's deadlines): a calendar
        never changes once made, so what it gave once it gives again."""

    @property
    def years(self) -> tuple[int, ...]:
        """The covered years, in order."""
        return tuple(sorted(self._years))

    def year(self, year: int) -> YearCalendar | None:
        return self._years.get(year)

    def covers(self, year: int) -> bool:
        return year in self._years

    def day(self, on: dt.date) -> DayInfo:
        info = self._days.get(on)
        if info is None:
            if len(self._days) > 100_000:
                self._days.clear()
            info = self._days[on] = self._day(on)
        return info

    def _day(self, on: dt.date) -> DayInfo:
        provisional = on.year not in self._years
        if not provisional:
            if on in self._workdays:
                return DayInfo(on, "makeup_workday", self._workdays[on])
            if on in self._holidays:
                return DayInfo(on, "holiday", self._holidays[on])
        return DayInfo(on, "weekend" if on.weekday() >= 5 else "workday", provisional=provisional)

    def is_workday(self, on: dt.date) -> bool:
        return self.day(on).working
