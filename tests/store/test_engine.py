"""Opening the store: settings, SQLite's pragmas, PostgreSQL's application name, E201 without passwords."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from gongkai.errors import RegisterError
from gongkai.store.engine import open_engine, session_scope
from gongkai.store.settings import Settings
from gongkai.store.tables import AgencyRow, ApplicationRow


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in ("GONGKAI_DATABASE_URL", "GONGKAI_DATA_DIR", "GONGKAI_USER", "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


def test_engine_settings_default_is_a_sqlite_file_in_the_user_data_directory(clean_env: Path) -> None:
    settings = Settings()
    assert settings.data_dir == clean_env / ".local" / "share" / "gongkai"
    assert settings.database_url == f"sqlite:///{clean_env}/.local/share/gongkai/gongkai.db"
    assert settings.user  # the OS user


def test_engine_settings_xdg_then_gongkai_data_dir(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(clean_env / "xdg"))
    assert Settings().database_url == f"sqlite:///{clean_env}/xdg/gongkai/gongkai.db"
    monkeypatch.setenv("GONGKAI_DATA_DIR", str(clean_env / "mine"))
    assert Settings().database_url == f"sqlite:///{clean_env}/mine/gongkai.db"
    monkeypatch.setenv("GONGKAI_DATABASE_URL", "postgresql+psycopg://u@h/db")
    monkeypatch.setenv("GONGKAI_USER", "王五")
    settings = Settings()
    assert (settings.database_url, settings.user) == ("postgresql+psycopg://u@h/db", "王五")


def test_engine_default_database_creates_the_data_directory(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGKAI_DATA_DIR", str(clean_env / "a" / "b"))
    engine = open_engine()
    try:
        assert (clean_env / "a" / "b" / "gongkai.db").is_file()
    finally:
        engine.dispose()


def test_engine_sqlite_wal_foreign_keys_busy_timeout(tmp_path: Path) -> None:
    engine = open_engine(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        for _ in range(2):  # on every connection, not only the first
            with engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
                assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
            engine.dispose()
    finally:
        engine.dispose()


def test_engine_foreign_keys_are_enforced(engine: Engine) -> None:
    with pytest.raises(IntegrityError), session_scope(engine) as session:
        session.add(
            ApplicationRow(
                agency_id=999,
                number="1",
                applicant_type="natural_person",
                channel="online",
                received=dt.date(2025, 3, 3),
            )
        )
        session.flush()


def test_engine_check_constraints_are_enforced(engine: Engine) -> None:
    with pytest.raises(IntegrityError), session_scope(engine) as session:
        session.add(AgencyRow(name="甲", kind="ministry"))
        session.flush()


def test_engine_session_scope_rolls_back_on_error(engine: Engine) -> None:
    with pytest.raises(RuntimeError), session_scope(engine) as session:
        session.add(AgencyRow(name="甲", kind="department"))
        session.flush()
        raise RuntimeError("boom")
    with engine.connect() as connection:
        assert connection.execute(text("SELECT COUNT(*) FROM agencies")).scalar() == 0


@pytest.mark.parametrize("backend", ["postgresql"])
def test_engine_postgresql_connects_as_gongkai(engine: Engine) -> None:
    assert engine.dialect.driver == "psycopg"
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SHOW application_name").scalar() == "gongkai"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("not a url", "数据库地址无效"),
        ("mysql://root@127.0.0.1/test", "不支持的数据库类型：mysql"),
        ("sqlite:////nonexistent-dir/x/gongkai.db", "无法连接数据库 sqlite:////nonexistent-dir/x/gongkai.db"),
        ("postgresql://alice:s3cr3t-pw@127.0.0.1:1/db", "无法连接数据库 postgresql+psycopg://alice:***@127.0.0.1:1/db"),
    ],
)
def test_engine_bad_url_or_unreachable_database_is_e201_without_password(url: str, expected: str) -> None:
    with pytest.raises(RegisterError) as caught:
        open_engine(url)
    assert caught.value.code == "E201"
    assert expected in caught.value.message
    assert "s3cr3t" not in str(caught.value) + caught.value.message


def test_engine_a_file_that_is_not_a_database_is_e201(tmp_path: Path) -> None:
    path = tmp_path / "letter.db"
    path.write_text("致某某局：申请公开……" * 200, encoding="utf-8")
    with pytest.raises(RegisterError, match="E201"):
        open_engine(f"sqlite:///{path}")


def test_engine_sqlite_readers_never_wait_for_a_writer(tmp_path: Path) -> None:
    # WAL lets readers read while a writer holds its transaction (a long 台账 import): opening the
    # store, the due list, the calendar and a reading session neither take nor wait for the write lock
    import sqlite3
    import time

    from gongkai.casework.calendar import store_calendar
    from gongkai.casework.due import due_list
    from gongkai.store.migrate import upgrade
    from gongkai.store.repo import agencies

    url = f"sqlite:///{tmp_path / 'g.db'}"
    engine = open_engine(url)
    upgrade(engine)
    writer = sqlite3.connect(tmp_path / "g.db", isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO agencies (name, kind, created_at) VALUES ('甲', 'department', '2025-01-01')")
        started = time.monotonic()
        open_engine(url).dispose()
        assert due_list(today=dt.date(2025, 3, 3), url=url) == []
        assert store_calendar(url).years == ()
        with session_scope(engine, read_only=True) as session:
            assert agencies(session) == []  # the writer's row is not committed
        assert time.monotonic() - started < 2  # not the busy timeout (5 s)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
        engine.dispose()
