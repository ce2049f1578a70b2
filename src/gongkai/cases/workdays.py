"""Counting working days between two dates in constant time, for lists of thousands of deadlines.

A :class:`WorkdayCount` reads a :class:`~gongkai.cases.calendar.WorkCalendar`'s exceptions once: the
weekdays that are not worked (holidays) and the weekend days that are (调休). The working days in
``(a, b]`` are then the weekdays in it (arithmetic on day ordinals) less the holidays in it plus the
make-up days in it (two binary searches each) — the same answer as asking the calendar day by day.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right

from gongkai.cases.calendar import WorkCalendar


def _weekdays_through(ordinal: int) -> int:
    """Monday–Friday days among ordinals 1..``ordinal`` (ordinal 1, 0001-01-01, is a Monday)."""
    weeks, rest = divmod(ordinal, 7)
    return weeks * 5 + min(rest, 5)


class WorkdayCount:
    """Working days between dates by the calendar's rules (weekends only, provisionally, outside covered years)."""

    def __init__(self, cal: WorkCalendar) -> None:
        self.calendar = cal
        listed: set[dt.date] = set()
        for year in cal.years:
            found = cal.year(year)
            if found is not None:
                listed.update(found.holidays, found.workdays)
        # ask the calendar itself what each listed day is: it decides which exceptions count (covered years only)
        self._off = sorted(d.toordinal() for d in listed if d.weekday() < 5 and not cal.is_workday(d))
        self._on = sorted(d.toordinal() for d in listed if d.weekday() >= 5 and cal.is_workday(d))

    def _through(self, ordinal: int) -> int:
        """Working days among ordinals 1..``ordinal``."""
        return _weekdays_through(ordinal) - bisect_right(self._off, ordinal) + bisect_right(self._on, ordinal)

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end``; negative (those after ``end`` up to and
        including ``start``) when ``end`` is earlier."""
        return self._through(end.toordinal()) - self._through(start.toordinal())

    def nth_after(self, start: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``start`` (``start`` itself when ``n`` is 0)."""
        if n < 0:
            raise ValueError(f"工作日数不能为负数：{n}")
        day = start
        for _ in range(n):
            day += dt.timedelta(days=1)
            while not self.calendar.is_workday(day):
                day += dt.timedelta(days=1)
        return day


__all__ = ["WorkdayCount"]
