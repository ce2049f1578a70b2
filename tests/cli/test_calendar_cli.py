"""``gongkai calendar import|show`` and ``gongkai deadline`` counting with the store's calendar, on both backends."""

from __future__ import annotations

import datetime as dt
import sys
import types
from pathlib import Path

import pytest

from gongkai.cli import run
from gongkai.store import repo
from gongkai.store.engine import open_engine, session_scope
from gongkai.store.repo.due import session_due_fn
from tests.store.calendars import Y2025

D = dt.date.fromisoformat
Y2026 = """# 测试用：2026年元旦
year: 2026
source: 测试：2026年元旦安排
holidays:
  - {name: 元旦, from: 2026-01-01, to: 2026-01-03}
workdays:
  - {date: 2026-01-04, name: 元旦}
"""


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture
def store(empty_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    """A store covering 2025 only (the hand-built notice), one open application due provisionally in 2026."""
    monkeypatch.setenv("GONGKAI_DATABASE_URL", empty_url)
    seed = types.ModuleType("gongkai.cases.calendar_seed")
    seed.seed_years = lambda: [Y2025]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "gongkai.cases.calendar_seed", seed)
    monkeypatch.setattr("gongkai.cli.cases._today", lambda: D("2025-12-19"))
    assert _run(capsys, "db", "upgrade")[0] == 0
    engine = open_engine(empty_url)
    try:
        with session_scope(engine) as s:
            repo.add_agency(s, "某局", "department")
            due = session_due_fn(s)
            repo.add_application(s, "某局", "2025-201", "natural_person", D("2025-12-15"), due=due)
            done = repo.add_application(s, "某局", "2025-202", "natural_person", D("2025-12-01"), due=due)
            repo.append_event(s, done, "withdrawn", D("2025-12-02"), due=due)
    finally:
        engine.dispose()
    return empty_url


def test_calendar_import_recomputes_and_shows(capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path) -> None:
    # 2025 only: 12/16–19, 22–26, 29–31 (12), 2026 on weekends only: 1/1, 1/2, 1/5–9, 1/12 → 1/12 provisional
    code, out, _ = _run(capsys, "cases", "due")
    assert code == 0 and out.splitlines()[1].startswith("2026-01-12（暂定）\t剩余16个工作日\t某局\t2025-201")
    code, out, _ = _run(capsys, "deadline", "2025-12-15")
    assert code == 0 and out.splitlines()[0] == "2026-01-12"
    assert out.splitlines()[-1] == "（暂定：2026年的节假日安排尚未导入，仅按周末计算）"

    notice = tmp_path / "2026.yaml"
    notice.write_text(Y2026, encoding="utf-8")
    code, out, err = _run(capsys, "calendar", "import", str(notice))
    assert (code, err) == (0, "")
    assert out == "已导入2026年工作日历（来源：测试：2026年元旦安排），重新计算了1件申请的期限\n"
    # 1/1–1/3 off, Sunday 1/4 worked: … 12/31 (12), 1/4, 1/5–9, 1/12, 1/13 → 1/13, final
    code, out, _ = _run(capsys, "cases", "due")
    assert out.splitlines() == [
        "截至2025-12-19，未办结申请1件，其中已超期0件",
        "2026-01-13\t剩余16个工作日\t某局\t2025-201\t自然人\t收到2025-12-15\t办理中",
    ]
    code, out, _ = _run(capsys, "deadline", "2025-12-15")
    assert code == 0 and out.splitlines()[0] == "2026-01-13" and "暂定" not in out

    code, out, _ = _run(capsys, "calendar", "show")
    lines = out.splitlines()
    assert lines[0] == "2025年\t内置（来源：国办发明电〔2024〕12号）\t节假日（不含周末）18天，调休上班5天"
    assert lines[1].startswith("2026年\t导入（来源：测试：2026年元旦安排，导入于")
    assert lines[1].endswith("）\t节假日（不含周末）2天，调休上班1天")
    assert lines[2] == "其他年份尚无节假日安排：期限仅按周末计算，标注（暂定）。"
    code, out, _ = _run(capsys, "calendar", "show", "2026")
    assert out.splitlines()[1:] == [
        "放假：",
        "  元旦\t2026-01-01至2026-01-03（3天）",
        "调休上班：",
        "  2026-01-04（周日，元旦）",
    ]


def test_calendar_show_a_year_of_the_store(capsys: pytest.CaptureFixture[str], store: str) -> None:
    code, out, _ = _run(capsys, "calendar", "show", "2025")
    assert code == 0
    assert out.splitlines() == [
        "2025年工作日历：内置（来源：国办发明电〔2024〕12号）",
        "放假：",
        "  元旦\t2025-01-01（1天）",
        "  春节\t2025-01-28至2025-02-04（8天）",
        "  清明节\t2025-04-04至2025-04-06（3天）",
        "  劳动节\t2025-05-01至2025-05-05（5天）",
        "  端午节\t2025-05-31至2025-06-02（3天）",
        "  国庆节、中秋节\t2025-10-01至2025-10-08（8天）",
        "调休上班：",
        "  2025-01-26（周日，春节）",
        "  2025-02-08（周六，春节）",
        "  2025-04-27（周日，劳动节）",
        "  2025-09-28（周日，国庆节）",
        "  2025-10-11（周六，国庆节）",
    ]
    code, out, _ = _run(capsys, "calendar", "show", "2030")
    assert out == "2030年尚无节假日安排：期限仅按周末计算，标注（暂定）（运行 gongkai calendar import 导入）\n"


def test_calendar_import_of_a_bad_file_is_e207_with_every_problem(
    capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path
) -> None:
    bad = tmp_path / "2026.csv"
    bad.write_text("日期,类型,名称\n2026-01-01,休,元旦\n2026-01-05,班,元旦\n2027-01-01,休,元旦\n", encoding="utf-8")
    code, out, err = _run(capsys, "calendar", "import", str(bad))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "错误 E207：工作日历文件有错误，未导入：2026.csv（共 2 处）",
        "  第3行：2026-01-05（周一）不是周末，不能列为调休上班日",
        "  第4行：2027-01-01 不在 2026 年内",
    ]
    code, out, _ = _run(capsys, "calendar", "show")
    assert code == 0 and len(out.splitlines()) == 2  # 2025 and the closing line: nothing imported


def test_calendar_without_a_store_shows_the_built_in_calendar(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "calendar", "show")
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("尚未建立数据库，以下为内置日历")
    assert lines[1].startswith("2004年\t内置（来源：chinese-calendar ")
    assert lines[-2].startswith("2026年\t内置") and lines[-2].endswith("节假日（不含周末）19天，调休上班6天")


def test_deadline_with_a_store_at_another_revision_is_e202(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = open_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.exec_driver_sql("INSERT INTO alembic_version VALUES ('0000')")
    engine.dispose()
    monkeypatch.setenv("GONGKAI_DATABASE_URL", url)
    code, out, err = _run(capsys, "deadline", "2025-09-26")
    assert (code, out) == (2, "")
    assert err.startswith("错误 E202：数据库未初始化或版本不符，请先运行 gongkai db upgrade（当前版本 0000")


def test_calendar_show_says_the_import_day_in_local_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # the store keeps UTC: imported at 04:00 Beijing time on 12-02 is 20:00 UTC on 12-01
    import time

    from gongkai.casework.calendar import YearInfo
    from gongkai.cli.calendar import _origin

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        at = dt.datetime(2026, 12, 1, 20, 0, tzinfo=dt.UTC)
        assert (
            _origin(YearInfo(2027, "import", "国办发明电", at, 13, 5)) == "导入（来源：国办发明电，导入于2026-12-02）"
        )
    finally:
        monkeypatch.undo()
        time.tzset()
