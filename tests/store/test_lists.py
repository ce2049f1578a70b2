"""The Core-only reads name the models' own columns, with the models' types."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from gongkai.cases.calendar import WorkCalendar
from gongkai.store import repo
from gongkai.store.engine import session_scope
from gongkai.store.lists import (
    AGENCIES,
    APPLICATIONS,
    CALENDAR_DAYS,
    CALENDAR_YEARS,
    OPEN_APPLICATION_COLUMNS,
    DriverDates,
    read_calendar,
)
from gongkai.store.tables import DUE_LIST_COLUMNS, metadata
from tests.store.calendars import Y2024_PART, Y2025


def test_lists_tables_are_the_models_columns() -> None:
    for clause in (APPLICATIONS, AGENCIES, CALENDAR_YEARS, CALENDAR_DAYS):
        model = metadata.tables[clause.name]
        for col in clause.c:
            assert col.name in model.c, f"{clause.name}.{col.name}"
            wanted = model.c[col.name].type
            if col.type.__class__.__name__ != "NullType":
                assert isinstance(wanted, col.type.__class__) or isinstance(col.type, wanted.__class__), col.name


def test_lists_the_due_list_is_read_from_its_index() -> None:
    index = next(i for i in metadata.tables["applications"].indexes if i.name == "ix_applications_status_due_on")
    held = [c.name for c in index.columns]
    assert held[:2] == ["status", "due_on"]
    assert (
        set(OPEN_APPLICATION_COLUMNS) | {"status", "voided_at"} == set(held) == {"status", "due_on", *DUE_LIST_COLUMNS}
    )


def test_lists_read_calendar_is_the_stores(engine: Engine) -> None:
    with session_scope(engine) as s:
        repo.save_year(s, Y2025, "seed")
        repo.save_year(s, Y2024_PART, "import")
    with engine.connect() as connection:
        cal = read_calendar(connection)
    assert cal.years == (2024, 2025)
    expected = WorkCalendar([Y2024_PART, Y2025])
    day = dt.date(2024, 9, 1)
    while day < dt.date(2026, 1, 10):
        assert cal.day(day) == expected.day(day), day
        day += dt.timedelta(days=1)
    assert cal.year(2025) == Y2025


def test_lists_driver_dates_convert_text_or_dates_once() -> None:
    dates = DriverDates()
    assert dates["2025-10-09"] == dt.date(2025, 10, 9) == dates[dt.date(2025, 10, 9)]
    assert dates["2025-10-09"] is dates["2025-10-09"] and len(dates) == 2
