"""The years the ``chinese-calendar`` package knows, as :class:`YearCalendar` records.

Holidays are the days off that are not weekends; make-up working days (调休) are the weekend days
worked. Both carry the holiday's Chinese name; when one break joins two holidays (国庆节 and 中秋节
in 2025), every day of it is named for both (``国庆节、中秋节``), make-up days included.
``chinese_calendar`` is imported inside the functions (it loads its whole table on import).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from gongkai.cases.calendar import WorkCalendar, YearCalendar

HOLIDAY_NAMES: dict[str, str] = {
    "new_years_day": "元旦",
    "spring_festival": "春节",
    "tomb_sweeping_day": "清明节",
    "labour_day": "劳动节",
    "dragon_boat_festival": "端午节",
    "national_day": "国庆节",
    "mid_autumn_festival": "中秋节",
    "anti_fascist_70th_day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}
"""``chinese_calendar.Holiday`` member name → the name the State Council notice uses."""

_ORDER = tuple(HOLIDAY_NAMES)


def package_version() -> str:
    import chinese_calendar

    return str(getattr(chinese_calendar, "__version__", "unknown"))


def _breaks(holidays: dict[dt.date, str], workdays: dict[dt.date, str]) -> list[tuple[dt.date, dt.date, str]]:
    """Each run of consecutive days off holding at least one holiday: (first, last, joined name)."""
    runs: list[tuple[dt.date, dt.date, str]] = []
    one = dt.timedelta(days=1)
    for start in sorted(holidays):
        if start - one in holidays or (runs and runs[-1][1] >= start):
            continue
        end, members = start, {holidays[start]}
        day = start + one
        while day in holidays or (day.weekday() >= 5 and day not in workdays):
            if day in holidays:
                end = day
                members.add(holidays[day])
            day += one
        ordered = sorted(members, key=lambda k: _ORDER.index(k) if k in _ORDER else len(_ORDER))
        runs.append((start, end, "、".join(HOLIDAY_NAMES.get(k, k) for k in ordered)))
    return runs


def seed_years() -> list[YearCalendar]:
    """One :class:`YearCalendar` per year the installed ``chinese-calendar`` covers (2004–2026 in 1.11.0)."""
    import chinese_calendar

    keys: dict[str, str] = {str(h.value): str(h.name) for h in chinese_calendar.Holiday}

    def key(value: Any) -> str:
        """The tables hold the Holiday's value ("National Day"); newer versions may hold the member."""
        return keys.get(str(value), str(getattr(value, "name", value)))

    holidays = {d: key(h) for d, h in chinese_calendar.holidays.items()}
    workdays = {d: key(h) for d, h in chinese_calendar.workdays.items() if d.weekday() >= 5}
    runs = _breaks(holidays, workdays)
    named: dict[dt.date, str] = {}
    for first, last, name in runs:
        day = first
        while day <= last:
            if day in holidays:
                named[day] = name
            day += dt.timedelta(days=1)

    def makeup_name(day: dt.date, holiday: str) -> str:
        """The name of the nearest break holding this holiday (so 2025-09-28 is 国庆节、中秋节)."""
        name = HOLIDAY_NAMES.get(holiday, holiday)
        near = [r for r in runs if name in r[2].split("、")]
        if not near:
            return name
        return min(near, key=lambda r: min(abs((r[0] - day).days), abs((r[1] - day).days)))[2]

    source = f"chinese-calendar {package_version()}"
    years = sorted({d.year for d in holidays})
    return [
        YearCalendar(
            year=year,
            holidays={d: named[d] for d in sorted(holidays) if d.year == year and d.weekday() < 5},
            workdays={d: makeup_name(d, h) for d, h in sorted(workdays.items()) if d.year == year},
            source=source,
        )
        for year in range(years[0], years[-1] + 1)
    ]


@cache
def default_calendar() -> WorkCalendar:
    """The working-day calendar from the installed ``chinese-calendar`` package (built once)."""
    return WorkCalendar(seed_years())


__all__ = ["HOLIDAY_NAMES", "default_calendar", "package_version", "seed_years"]
