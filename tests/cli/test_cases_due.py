"""``gongkai cases due`` through ``gongkai.cli.run``, on both backends; today is 2025-10-09 (the dates are
worked out in tests/casework/test_due_list.py)."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import types

import pytest

from gongkai.cli import run
from gongkai.store import repo
from gongkai.store.engine import open_engine, session_scope
from gongkai.store.repo.due import session_due_fn
from tests.store.calendars import Y2025

D = dt.date.fromisoformat
ENGLISH = re.compile(r"\b(Usage|Options|Arguments|Commands|Show this message|Error|Try|Traceback)\b")
BUREAU, OTHER = "某市某某局", "另一局"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    assert not ENGLISH.search(out + err), out + err
    return code, out, err


@pytest.fixture
def store(empty_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.setenv("GONGKAI_DATABASE_URL", empty_url)
    seed = types.ModuleType("gongkai.cases.calendar_seed")
    seed.seed_years = lambda: [Y2025]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "gongkai.cases.calendar_seed", seed)
    monkeypatch.setattr("gongkai.cli.cases._today", lambda: D("2025-10-09"))
    assert _run(capsys, "db", "upgrade")[0] == 0
    assert _run(capsys, "agency", "add", BUREAU, "--kind", "department")[0] == 0
    assert _run(capsys, "agency", "add", OTHER, "--kind", "department")[0] == 0
    engine = open_engine(empty_url)
    try:
        with session_scope(engine) as s:
            due = session_due_fn(s)
            repo.add_application(s, BUREAU, "2025-101", "natural_person", D("2025-09-01"), due=due)
            repo.add_application(s, BUREAU, "2025-102", "commercial_enterprise", D("2025-09-26"), due=due)
            c = repo.add_application(s, BUREAU, "2025-103", "natural_person", D("2025-09-15"), due=due)
            repo.append_event(s, c, "correction_requested", D("2025-09-17"), reply_by=D("2025-09-30"), due=due)
            repo.add_application(s, OTHER, "2025-107", "natural_person", D("2025-10-09"), due=due)
            repo.add_application(s, BUREAU, "2025-109", "natural_person", D("2025-09-04"), due=due)
    finally:
        engine.dispose()
    return empty_url


A = "2025-09-28\t已超期3个工作日\t某市某某局\t2025-101\t自然人\t收到2025-09-01\t办理中"
C = (
    "2025-09-30\t已超期1个工作日\t某市某某局\t2025-103\t自然人\t收到2025-09-15\t等待补正\t"
    "建议：申请人逾期未补正，可按“其他处理-申请人无正当理由逾期不补正”办结"
)
J = "2025-10-09\t今日到期\t某市某某局\t2025-109\t自然人\t收到2025-09-04\t办理中"
B = "2025-10-30\t剩余16个工作日\t某市某某局\t2025-102\t商业企业\t收到2025-09-26\t办理中"
G = "2025-11-05\t剩余20个工作日\t另一局\t2025-107\t自然人\t收到2025-10-09\t办理中"


def test_cases_due_text_overdue_first(capsys: pytest.CaptureFixture[str], store: str) -> None:
    code, out, err = _run(capsys, "cases", "due")
    assert (code, err) == (0, "")
    assert out.splitlines() == ["截至2025-10-09，未办结申请5件，其中已超期2件", A, C, J, B, G]


def test_cases_due_within_and_agency(capsys: pytest.CaptureFixture[str], store: str) -> None:
    code, out, _ = _run(capsys, "cases", "due", "--within", "5")
    assert code == 0
    assert out.splitlines() == ["截至2025-10-09，5个工作日内到期（含已超期）的未办结申请3件，其中已超期2件", A, C, J]
    code, out, _ = _run(capsys, "cases", "due", "--agency", OTHER)
    assert code == 0 and out.splitlines() == ["截至2025-10-09，另一局：未办结申请1件，其中已超期0件", G]


def test_cases_due_json(capsys: pytest.CaptureFixture[str], store: str) -> None:
    code, out, _ = _run(capsys, "cases", "due", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and [r["number"] for r in rows] == ["2025-101", "2025-103", "2025-109", "2025-102", "2025-107"]
    assert rows[1] | {"id": ""} == {
        "id": "", "agency": BUREAU, "number": "2025-103", "applicant_type": "natural_person",
        "applicant_type_label": "自然人", "received": "2025-09-15", "stage": "awaiting_correction",
        "stage_label": "等待补正", "due_kind": "correction_reply", "due": "2025-09-30", "provisional": False,
        "working_days_left": -1, "overdue": True, "suggested_outcome": "other_no_correction",
        "suggestion": "申请人逾期未补正，可按“其他处理-申请人无正当理由逾期不补正”办结",
    }  # fmt: skip


def test_cases_due_provisional_is_marked(
    capsys: pytest.CaptureFixture[str], store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = open_engine(store)
    try:
        with session_scope(engine) as s:
            repo.add_application(s, OTHER, "2025-201", "other_org", D("2025-12-15"), due=session_due_fn(s))
    finally:
        engine.dispose()
    monkeypatch.setattr("gongkai.cli.cases._today", lambda: D("2025-12-19"))
    code, out, _ = _run(capsys, "cases", "due", "--agency", OTHER)
    assert code == 0
    assert out.splitlines() == [
        "截至2025-12-19，另一局：未办结申请2件，其中已超期1件，期限暂定1件",
        "2025-11-05\t已超期32个工作日\t另一局\t2025-107\t自然人\t收到2025-10-09\t办理中",  # 11/6–7, then 6 weeks
        "2026-01-12（暂定）\t剩余16个工作日\t另一局\t2025-201\t其他\t收到2025-12-15\t办理中",
    ]


def test_cases_due_errors(capsys: pytest.CaptureFixture[str], store: str) -> None:
    code, out, err = _run(capsys, "cases", "due", "--agency", "不存在的局")
    assert (code, out) == (2, "") and err == "错误 E209：机关不存在：不存在的局（先运行 gongkai agency add 添加）\n"
    code, _, err = _run(capsys, "cases", "due", "--within", "-1")
    assert code == 2 and "应为不小于 0 的整数" in err
    code, out, err = _run(capsys, "cases", "due", "--within", "99999999999")  # past the last date there is
    assert (code, out) == (2, "") and "选项 --within：应为 0 到 2000 个工作日，而不是 99999999999" in err
    code, _, err = _run(capsys, "cases", "due", "--format", "csv")
    assert code == 2 and "“csv”不是可选值之一（可选：text、json）" in err


def test_cases_due_before_the_store_is_upgraded_is_e202(
    capsys: pytest.CaptureFixture[str], tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GONGKAI_DATABASE_URL", f"sqlite:///{tmp_path_factory.mktemp('x') / 'g.db'}")
    code, _, err = _run(capsys, "cases", "due")
    assert code == 2 and err.startswith("错误 E202：数据库未初始化或版本不符，请先运行 gongkai db upgrade")


@pytest.mark.parametrize(
    "command", [["cases"], ["cases", "due"], ["calendar"], ["calendar", "import"], ["calendar", "show"]]
)
def test_cases_and_calendar_help_is_chinese(capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    code, out, _ = _run(capsys, *command, "--help")
    assert code == 0 and out.startswith(f"用法：gongkai {' '.join(command)}")


def test_cases_due_lines_past_due_on_a_day_off_and_without_a_deadline() -> None:
    from gongkai.casework.due import DueRow
    from gongkai.cli.cases import lines

    # due Friday 10/17, listed on Saturday 10/18: overdue, no working day gone by yet
    weekend = DueRow(
        "1", "某局", "9", "other_org", D("2025-09-19"), "processing", "answer", D("2025-10-17"), False, 0, True
    )
    never = DueRow("2", "某局", "10", "other_org", D("2025-09-19"), "processing", None, None, False, None, False)
    assert list(lines([weekend, never])) == [
        "2025-10-17\t已超期\t某局\t9\t其他\t收到2025-09-19\t办理中",
        "—\t期限未计算\t某局\t10\t其他\t收到2025-09-19\t办理中",
    ]
