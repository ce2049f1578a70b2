"""Hand-built calendars for the store's tests (the State Council's notices, official-rules.md §5)."""

from __future__ import annotations

import datetime as dt

from gongkai.cases.calendar import YearCalendar


def _days(first: dt.date, last: dt.date, name: str) -> dict[dt.date, str]:
    return {first + dt.timedelta(days=i): name for i in range((last - first).days + 1)}


D = dt.date

Y2025 = YearCalendar(
    2025,
    holidays={
        D(2025, 1, 1): "元旦",
        **_days(D(2025, 1, 28), D(2025, 2, 4), "春节"),
        **_days(D(2025, 4, 4), D(2025, 4, 6), "清明节"),
        **_days(D(2025, 5, 1), D(2025, 5, 5), "劳动节"),
        **_days(D(2025, 5, 31), D(2025, 6, 2), "端午节"),
        **_days(D(2025, 10, 1), D(2025, 10, 8), "国庆节、中秋节"),
    },
    workdays={
        D(2025, 1, 26): "春节",
        D(2025, 2, 8): "春节",
        D(2025, 4, 27): "劳动节",
        D(2025, 9, 28): "国庆节",
        D(2025, 10, 11): "国庆节",
    },
    source="国办发明电〔2024〕12号",
)
"""2025: 元旦 1/1; 春节 1/28–2/4 (1/26 Sun, 2/8 Sat worked); 清明 4/4–4/6; 劳动节 5/1–5/5 (4/27 Sun worked);
端午 5/31–6/2; 国庆、中秋 10/1–10/8 (9/28 Sun, 10/11 Sat worked)."""

Y2024_PART = YearCalendar(
    2024,
    holidays=_days(D(2024, 10, 1), D(2024, 10, 7), "国庆节"),
    workdays={D(2024, 9, 29): "国庆节", D(2024, 10, 12): "国庆节"},
    source="test: 2024 National Day only",
)
