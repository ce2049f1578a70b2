"""The register's calendar: the store's (or the built-in one before there is a store), importing a year
recomputes the open applications' deadlines, the breaks as the notice gives them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine

from gongkai.cases.calendar_seed import default_calendar
from gongkai.casework.calendar import Break, breaks, calendar_info, import_calendar, store_calendar
from gongkai.casework.due import due_list
from gongkai.errors import RegisterError
from gongkai.store import repo
from gongkai.store.engine import open_engine, session_scope
from gongkai.store.repo.due import session_due_fn
from tests.store.calendars import Y2025

D = dt.date.fromisoformat
BUREAU = "某市某某局"
Y2027 = """year: 2027
source: 国办发明电〔2026〕1号（测试）
holidays:
  - {name: 元旦, from: 2027-01-01, to: 2027-01-03}
  - {name: 春节, from: 2027-02-05, to: 2027-02-12}
workdays:
  - {date: 2027-02-20, name: 春节}
"""


def test_calendar_import_makes_a_provisional_deadline_final(
    engine: Engine, url_of: Callable[[Engine], str], tmp_path: Path
) -> None:
    url = url_of(engine)
    y2026 = default_calendar().year(2026)
    assert y2026 is not None
    with session_scope(engine) as s:
        repo.save_year(s, y2026, "seed")
        repo.add_agency(s, BUREAU, "department")
        due = session_due_fn(s)
        repo.add_application(s, BUREAU, "2026-900", "natural_person", D("2026-12-18"), due=due)
        closed = repo.add_application(s, BUREAU, "2026-901", "natural_person", D("2026-12-01"), due=due)
        repo.append_event(s, closed, "decided", D("2026-12-10"), outcome="granted", due=due)
    # 12/21–25, 12/28–31 (9), 2027 on weekends only: 1/1, 1/4–8, 1/11–15 → 1/15, provisional
    [row] = due_list(today=D("2026-12-21"), url=url)
    assert (row.due, row.provisional, row.days_left) == (D("2027-01-15"), True, 19)

    notice = tmp_path / "2027.yaml"
    notice.write_text(Y2027, encoding="utf-8")
    done = import_calendar(notice, url=url)
    assert (done.year, done.source, done.refreshed) == (2027, "国办发明电〔2026〕1号（测试）", 1)
    # 1/1 is now a holiday: 12/21–25, 12/28–31 (9), 1/4–8 (14), 1/11–15 (19), 1/18 → 1/18, final
    [row] = due_list(today=D("2026-12-21"), url=url)
    assert (row.due, row.provisional, row.days_left) == (D("2027-01-18"), False, 19)
    assert store_calendar(url).years == (2026, 2027)
    info = calendar_info(url)
    assert info.in_store and [(y.year, y.origin) for y in info.years] == [(2026, "seed"), (2027, "import")]
    assert (info.years[1].holidays, info.years[1].workdays) == (7, 1)  # weekdays off: 1/1, 2/5, 2/8–2/12
    assert info.years[1].imported_at is not None


def test_calendar_import_of_a_bad_file_changes_nothing(
    engine: Engine, url_of: Callable[[Engine], str], tmp_path: Path
) -> None:
    bad = tmp_path / "2027.yaml"
    bad.write_text("year: 2027\nholidays:\n  - {name: 元旦, from: 2027-01-01, to: 2026-12-31}\n", encoding="utf-8")
    with pytest.raises(RegisterError) as caught:
        import_calendar(bad, url=url_of(engine))
    assert caught.value.code == "E207"
    assert store_calendar(url_of(engine)).years == ()


def test_calendar_store_calendar_before_there_is_a_store_is_the_built_in_one(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'none.db'}"
    assert store_calendar(url) is default_calendar()
    assert not (tmp_path / "none.db").exists()  # not created by looking
    info = calendar_info(url)
    assert not info.in_store and info.years[-1].year == 2026 and info.years[-1].origin == "builtin"


def test_calendar_store_calendar_of_a_database_never_initialised_is_the_built_in_one(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    open_engine(url).dispose()  # the file exists (another command opened it), never upgraded
    assert store_calendar(url) is default_calendar()


def test_calendar_store_calendar_of_a_store_at_another_revision_is_e202(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = open_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.exec_driver_sql("INSERT INTO alembic_version VALUES ('0000')")
    engine.dispose()
    with pytest.raises(RegisterError) as caught:
        store_calendar(url)
    assert caught.value.code == "E202" and "当前版本 0000" in caught.value.message
    with pytest.raises(RegisterError, match="当前版本 0000"):
        calendar_info(url)


def test_calendar_store_calendar_is_the_stores(engine: Engine, url_of: Callable[[Engine], str]) -> None:
    with session_scope(engine) as s:
        repo.save_year(s, Y2025, "import")
    cal = store_calendar(url_of(engine))
    assert cal.years == (2025,) and cal.is_workday(D("2025-09-28")) and not cal.is_workday(D("2025-10-08"))


def test_calendar_breaks_as_the_notice_gives_them() -> None:
    from gongkai.cases.calendar import WorkCalendar

    cal = WorkCalendar([Y2025])
    assert breaks(cal, 2025) == [
        Break(D("2025-01-01"), D("2025-01-01"), "元旦"),
        Break(D("2025-01-28"), D("2025-02-04"), "春节"),
        Break(D("2025-04-04"), D("2025-04-06"), "清明节"),
        Break(D("2025-05-01"), D("2025-05-05"), "劳动节"),
        Break(D("2025-05-31"), D("2025-06-02"), "端午节"),
        Break(D("2025-10-01"), D("2025-10-08"), "国庆节、中秋节"),
    ]
    assert breaks(cal, 2025)[-1].days == 8 and breaks(cal, 2026) == []
