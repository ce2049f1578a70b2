"""``gongkai db`` and ``gongkai agency`` through ``gongkai.cli.run``, on both backends."""

from __future__ import annotations

import re
import sys
import types

import pytest
from sqlalchemy import select

from gongkai.cli import run
from gongkai.store.engine import open_engine, session_scope
from gongkai.store.tables import AuditRow
from tests.store.calendars import Y2024_PART, Y2025

ENGLISH = re.compile(r"\b(Usage|Options|Arguments|Commands|Show this message|Error|Try)\b")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture
def db(empty_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("GONGKAI_DATABASE_URL", empty_url)
    monkeypatch.setenv("GONGKAI_USER", "张三")
    seed = types.ModuleType("gongkai.cases.calendar_seed")
    seed.seed_years = lambda: [Y2024_PART, Y2025]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "gongkai.cases.calendar_seed", seed)
    return empty_url


def test_cli_db_upgrade_then_agency_add_and_list(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = _run(capsys, "db", "current")
    assert code == 0 and "版本：未初始化（运行 gongkai db upgrade 创建）" in out
    code, _, err = _run(capsys, "agency", "list")
    assert code == 2 and err.startswith("错误 E202：数据库未初始化或版本不符，请先运行 gongkai db upgrade")

    code, out, _ = _run(capsys, "db", "upgrade")
    assert code == 0
    assert out.splitlines()[1:] == ["已升级到版本 0003（原版本：未初始化）", "已导入工作日历：2024–2025 年（共 2 年）"]
    code, out, _ = _run(capsys, "db", "upgrade")
    assert code == 0 and out.splitlines()[1:] == ["已是最新版本：0003"]
    code, out, _ = _run(capsys, "db", "current")
    assert code == 0 and out.splitlines()[1] == "版本：0003（最新）"

    assert _run(capsys, "agency", "list")[1] == "尚无机关（运行 gongkai agency add 添加）\n"
    code, out, _ = _run(capsys, "agency", "add", "某市某某局", "--kind", "department", "--region", "某市")
    assert (code, out) == (0, "已添加机关：某市某某局（部门，某市）\n")
    code, out, _ = _run(capsys, "agency", "add", "某某镇人民政府", "--kind", "township")
    assert (code, out) == (0, "已添加机关：某某镇人民政府（乡镇（街道））\n")
    code, _, err = _run(capsys, "agency", "add", "某市某某局", "--kind", "government")
    assert (code, err) == (2, "错误 E209：机关已存在：某市某某局\n")
    code, out, _ = _run(capsys, "agency", "list")
    assert (code, out) == (0, "某市某某局\t部门\t某市\n某某镇人民政府\t乡镇（街道）\n")

    engine = open_engine(db)
    try:
        with session_scope(engine) as s:
            rows = s.scalars(select(AuditRow).where(AuditRow.entity == "agency").order_by(AuditRow.id)).all()
            assert [(r.action, r.actor, r.entity_id) for r in rows] == [
                ("insert", "张三", "1"),
                ("insert", "张三", "2"),
            ]
    finally:
        engine.dispose()


def test_cli_agency_add_rejects_an_unknown_kind(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, _, err = _run(capsys, "agency", "add", "某局", "--kind", "bureau")
    assert code == 2 and "“bureau”不是可选值之一（可选：department、government、township）" in err


def test_cli_unreachable_database_is_e201(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGKAI_DATABASE_URL", "postgresql+psycopg://bob:hunter2@127.0.0.1:1/gongkai")
    for args in (("db", "upgrade"), ("db", "current"), ("agency", "list")):
        code, out, err = _run(capsys, *args)
        assert code == 2 and out == ""
        assert err.startswith("错误 E201：无法连接数据库 postgresql+psycopg://bob:***@127.0.0.1:1/gongkai：")
        assert "hunter2" not in err


@pytest.mark.parametrize("command", [["db"], ["db", "upgrade"], ["db", "current"], ["agency"], ["agency", "add"], ["agency", "list"]])  # fmt: skip
def test_cli_help_is_chinese(capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    code, out, err = _run(capsys, *command, "--help")
    assert code == 0 and err == "" and out.startswith("用法：gongkai")
    assert not ENGLISH.search(out), out
