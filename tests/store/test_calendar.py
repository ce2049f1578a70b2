"""The working-day calendar kept in the store: saved, replaced (logged), seeded, loaded back."""

from __future__ import annotations

import datetime as dt
import sys
import types

import pytest
from sqlalchemy import Engine

from gongkai.cases.calendar import YearCalendar
from gongkai.errors import RegisterError
from gongkai.store import repo
from gongkai.store.audit import history
from gongkai.store.engine import session_scope
from tests.store.calendars import Y2024_PART, Y2025

D = dt.date


def test_calendar_saved_year_loads_back_as_a_work_calendar(engine: Engine) -> None:
    with session_scope(engine) as s:
        repo.save_year(s, Y2025, "import")
    with session_scope(engine) as s:
        cal = repo.load_calendar(s)
    assert cal.years == (2025,)
    assert cal.year(2025) == Y2025
    assert cal.day(D(2025, 10, 8)).kind == "holiday" and cal.day(D(2025, 10, 8)).name == "国庆节、中秋节"
    assert cal.day(D(2025, 10, 11)).kind == "makeup_workday" and cal.is_workday(D(2025, 10, 11))  # Saturday worked
    assert cal.day(D(2025, 9, 28)).kind == "makeup_workday"  # Sunday worked
    assert cal.is_workday(D(2025, 10, 9)) and not cal.is_workday(D(2025, 10, 12))  # Thursday; Sunday off
    assert not cal.is_workday(D(2025, 1, 28)) and cal.is_workday(D(2025, 1, 26))
    assert cal.day(D(2026, 1, 5)).provisional


def test_calendar_saving_a_year_again_replaces_it_and_logs_before_and_after(engine: Engine) -> None:
    corrected = YearCalendar(2025, {D(2025, 1, 1): "元旦"}, {}, "更正")
    with session_scope(engine, actor="张三") as s:
        repo.save_year(s, Y2025, "seed")
    with session_scope(engine, actor="李四") as s:
        repo.save_year(s, corrected, "import")
    with session_scope(engine) as s:
        assert repo.load_calendar(s).year(2025) == corrected
        (year,) = repo.covered_years(s)
        assert (year.year, year.origin, year.source, year.holidays, year.workdays) == (2025, "import", "更正", 1, 0)
        log = history(s, "calendar_year", 2025)
    assert [(a.action, a.actor) for a in log] == [("insert", "张三"), ("update", "李四")]
    assert log[1].before is not None and log[1].before["origin"] == "seed"
    assert log[1].before["workdays"]["2025-10-11"] == "国庆节" and len(log[1].before["holidays"]) == 28
    assert log[1].after == {
        "year": 2025, "origin": "import", "source": "更正", "holidays": {"2025-01-01": "元旦"}, "workdays": {},
    }  # fmt: skip


def test_calendar_seed_adds_only_the_years_not_covered(engine: Engine) -> None:
    imported = YearCalendar(2025, {D(2025, 1, 1): "元旦"}, {}, "本机关导入")
    with session_scope(engine) as s:
        repo.save_year(s, imported, "import")
        assert repo.seed_calendar(s, [Y2025, Y2024_PART]) == [2024]
        assert repo.seed_calendar(s, [Y2025, Y2024_PART]) == []
        cal = repo.load_calendar(s)
    assert cal.years == (2024, 2025)
    assert cal.year(2025) == imported  # an imported year is never replaced by the seed
    assert cal.day(D(2024, 10, 12)).kind == "makeup_workday"


def test_calendar_seed_defaults_to_the_cases_seed(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("gongkai.cases.calendar_seed")
    module.seed_years = lambda: [Y2024_PART, Y2025]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "gongkai.cases.calendar_seed", module)
    with session_scope(engine) as s:
        assert repo.seed_calendar(s) == [2024, 2025]
        assert [y.origin for y in repo.covered_years(s)] == ["seed", "seed"]


@pytest.mark.parametrize(
    ("cal", "problem"),
    [
        (YearCalendar(2025, {}, {D(2025, 10, 9): "国庆节"}), "调休上班日 2025-10-09 不是周末"),
        (
            YearCalendar(2025, {D(2025, 10, 11): "国庆节"}, {D(2025, 10, 11): "国庆节"}),
            "2025-10-11 既是假日又是调休上班日",
        ),
        (YearCalendar(2025, {D(2025, 10, 9): "节" * 101}, {}), "2025-10-09 的名称过长（最多100个字）"),
    ],
)
def test_calendar_an_impossible_year_is_e207(engine: Engine, cal: YearCalendar, problem: str) -> None:
    with pytest.raises(RegisterError) as caught, session_scope(engine) as s:
        repo.save_year(s, cal, "import")
    assert caught.value.code == "E207" and caught.value.details == (problem,)
    with session_scope(engine) as s:
        assert repo.covered_years(s) == []
