"""The calendar seeded from chinese-calendar agrees with the State Council notices (official-rules §5)."""

from __future__ import annotations

import datetime as dt

from gongkai.cases.calendar_seed import default_calendar, seed_years

D = dt.date.fromisoformat


def _dates(*texts: str) -> set[dt.date]:
    return {D(t) for t in texts}


def test_calendar_seed_2025_holidays_are_the_notices_weekdays_off() -> None:
    year = next(y for y in seed_years() if y.year == 2025)
    # 元旦 1/1; 春节 1/28–2/4; 清明 4/4–4/6; 劳动节 5/1–5/5; 端午 5/31–6/2; 国庆、中秋 10/1–10/8 (weekdays only)
    assert set(year.holidays) == _dates(
        "2025-01-01",
        "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-03", "2025-02-04",
        "2025-04-04",
        "2025-05-01", "2025-05-02", "2025-05-05",
        "2025-06-02",
        "2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08",
    )  # fmt: skip


def test_calendar_seed_2025_makeup_workdays_are_the_notices_weekends_worked() -> None:
    year = next(y for y in seed_years() if y.year == 2025)
    assert dict(year.workdays) == {
        D("2025-01-26"): "春节",
        D("2025-02-08"): "春节",
        D("2025-04-27"): "劳动节",
        D("2025-09-28"): "国庆节、中秋节",
        D("2025-10-11"): "国庆节、中秋节",
    }


def test_calendar_seed_names_holidays_in_chinese_and_joins_a_combined_break() -> None:
    years = {y.year: y for y in seed_years()}
    assert years[2025].holidays[D("2025-01-01")] == "元旦"
    assert years[2025].holidays[D("2025-01-28")] == "春节"
    assert years[2025].holidays[D("2025-04-04")] == "清明节"
    assert years[2025].holidays[D("2025-05-05")] == "劳动节"
    assert years[2025].holidays[D("2025-06-02")] == "端午节"
    assert years[2025].holidays[D("2025-10-06")] == "国庆节、中秋节"
    # 2026: 中秋节 (9/25) and 国庆节 (10/1–10/7) are separate breaks
    assert years[2026].holidays[D("2026-09-25")] == "中秋节"
    assert years[2026].holidays[D("2026-10-01")] == "国庆节"
    assert years[2026].workdays == {
        D("2026-01-04"): "元旦",
        D("2026-02-14"): "春节",
        D("2026-02-28"): "春节",
        D("2026-05-09"): "劳动节",
        D("2026-09-20"): "国庆节",
        D("2026-10-10"): "国庆节",
    }


def test_calendar_seed_covers_2004_to_2026_with_its_source() -> None:
    years = seed_years()
    assert [y.year for y in years] == list(range(2004, 2027))
    assert all(y.source.startswith("chinese-calendar ") for y in years)
    cal = default_calendar()
    assert cal is default_calendar()
    assert cal.years == tuple(range(2004, 2027))


def test_calendar_seed_day_kinds_in_the_default_calendar() -> None:
    cal = default_calendar()
    assert cal.day(D("2025-09-28")).kind == "makeup_workday"
    assert cal.day(D("2025-10-04")).kind == "weekend"
    assert cal.day(D("2025-10-08")).kind == "holiday"
    assert cal.day(D("2025-10-09")).kind == "workday"
    day = cal.day(D("2027-01-01"))
    assert day.kind == "workday" and day.provisional
