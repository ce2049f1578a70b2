"""Working days between dates in constant time: the same count as walking the calendar day by day."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.cases.calendar import WorkCalendar, YearCalendar
from gongkai.cases.calendar_seed import default_calendar
from gongkai.cases.workdays import WorkdayCount

D = dt.date.fromisoformat
CAL = default_calendar()  # 2004–2026 covered; 2027 weekends only
COUNT = WorkdayCount(CAL)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2025-09-26", "2025-10-30", 20),  # the answer deadline of a Friday before National Day
        ("2025-10-30", "2025-09-26", -20),
        ("2025-09-30", "2025-10-09", 1),  # 10/1–10/8 off
        ("2025-09-27", "2025-09-28", 1),  # Sunday 9/28 worked (调休)
        ("2025-10-03", "2025-10-05", 0),  # inside the break
        ("2025-09-28", "2025-10-09", 3),  # 9/29, 9/30, 10/9
        ("2026-12-31", "2027-01-04", 2),  # 2027 not covered: 1/1 (Fri) counted provisionally, 1/4
        ("2025-10-09", "2025-10-09", 0),
    ],
)
def test_workdays_between_worked_out_on_the_2025_calendar(start: str, end: str, expected: int) -> None:
    assert COUNT.between(D(start), D(end)) == expected


def test_workdays_nth_after_counts_make_up_days_and_skips_holidays() -> None:
    assert COUNT.nth_after(D("2025-09-26"), 20) == D("2025-10-30")
    assert COUNT.nth_after(D("2025-10-09"), 2) == D("2025-10-11")  # Saturday 10/11 worked
    assert COUNT.nth_after(D("2025-10-09"), 0) == D("2025-10-09")
    with pytest.raises(ValueError, match="不能为负数"):
        COUNT.nth_after(D("2025-10-09"), -1)


def test_workdays_ignores_a_listed_day_of_a_year_not_covered() -> None:
    # a notice may list a day of the next year; until that year is covered only its weekend counts
    cal = WorkCalendar([YearCalendar(2026, holidays={D("2027-01-01"): "元旦"}, workdays={D("2027-01-02"): "元旦"})])
    count = WorkdayCount(cal)
    assert count.between(D("2026-12-31"), D("2027-01-03")) == 1  # 1/1 Friday counted, 1/2 Saturday not
    assert [cal.is_workday(D(f"2027-01-0{d}")) for d in (1, 2, 3)] == [True, False, False]


def _walk(cal: WorkCalendar, start: dt.date, end: dt.date) -> int:
    sign, (lo, hi) = (1, (start, end)) if start <= end else (-1, (end, start))
    days = (lo + dt.timedelta(days=i) for i in range(1, (hi - lo).days + 1))
    return sign * sum(cal.is_workday(d) for d in days)


@settings(max_examples=200, deadline=None)
@given(
    start=st.dates(dt.date(2023, 11, 1), dt.date(2027, 3, 1)),
    span=st.integers(-200, 200),
)
def test_workdays_between_equals_walking_the_calendar(start: dt.date, span: int) -> None:
    end = start + dt.timedelta(days=span)
    assert COUNT.between(start, end) == _walk(CAL, start, end)
    n = max(COUNT.between(start, end), 0)
    assert COUNT.between(start, COUNT.nth_after(start, n)) == n
