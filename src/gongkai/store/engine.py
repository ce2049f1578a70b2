"""Opening the store: SQLite (WAL, foreign keys, busy timeout) or PostgreSQL through psycopg 3.

A bad URL or a database that cannot be reached is a :class:`~gongkai.errors.RegisterError` E201 with
a Chinese message that never shows the password. Opening an engine imports neither the ORM nor the
settings' model unless needed (``gongkai cases due`` reads with SQLAlchemy Core alone, see
:mod:`gongkai.store.lists`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from gongkai.errors import RegisterError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

BUSY_TIMEOUT_MS = 5000
APPLICATION_NAME = "gongkai"
READ_ONLY = "gongkai_read_only"
"""Execution option of a connection that only reads (see :func:`reader`)."""
_HINT = "应为 sqlite:///文件路径 或 postgresql+psycopg://用户@主机:端口/数据库"


def _parse(url: str | URL) -> URL:
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise RegisterError("E201", f"数据库地址无效（{_HINT}）") from None
    backend = parsed.get_backend_name()
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if backend not in ("sqlite", "postgresql", "postgres"):
        raise RegisterError("E201", f"不支持的数据库类型：{backend}（支持 SQLite 和 PostgreSQL；{_HINT}）")
    return parsed


def shown(url: URL) -> str:
    """The URL as it may be printed: the password masked."""
    return url.render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # the driver's legacy mode neither begins a transaction for DDL nor for SELECT: take control
    # of BEGIN ourselves (see _sqlite_begin), so a migration or an import is all-or-nothing
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
    finally:
        cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    # IMMEDIATE: the write lock is taken (waiting up to the busy timeout) before the first read,
    # so a read-then-write transaction never fails on a lock another writer took meanwhile; a reader
    # (READ_ONLY) begins DEFERRED: in WAL mode it neither takes nor waits for the write lock
    read_only = connection.get_execution_options().get(READ_ONLY, False)
    connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def reader(engine: Engine) -> Engine:
    """``engine`` for reading only: on SQLite its transactions take no write lock, so a command that
    only reads never waits for (or fails on) a writer's long transaction, such as a 台账 import."""
    return engine.execution_options(**{READ_ONLY: True})


def _reason(exc: BaseException, url: URL) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    if url.password:
        text = text.replace(str(url.password), "***")
    return text


def open_engine(url: str | URL | None = None) -> Engine:
    """An engine on ``url`` (default: :class:`Settings`' ``database_url``), checked by one connection.

    Never applies migrations (see :mod:`gongkai.store.migrate`)."""
    from gongkai.store.settings import Settings

    settings = Settings() if url is None else None
    parsed = _parse(settings.database_url if settings is not None else url or "")
    connect_args: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            path = Path(database).expanduser()
            if settings is not None and path == settings.default_database:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)  # the user's data directory, created when needed
                except OSError as exc:
                    reason = exc.strerror or str(exc)
                    raise RegisterError("E201", f"无法创建数据目录 {path.parent}：{reason}") from None
    else:
        if "application_name" not in parsed.query:
            connect_args["application_name"] = APPLICATION_NAME
        if "connect_timeout" not in parsed.query:
            connect_args["connect_timeout"] = 10
    try:
        engine = create_engine(parsed, connect_args=connect_args)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise RegisterError("E201", f"无法打开数据库 {shown(parsed)}：{_reason(exc, parsed)}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    dbapi_error: type[BaseException] = getattr(engine.dialect.loaded_dbapi, "Error", SQLAlchemyError)
    try:
        with reader(engine).connect() as connection:
            connection.exec_driver_sql("SELECT 1")
    except (SQLAlchemyError, dbapi_error, OSError) as exc:
        engine.dispose()
        raise RegisterError("E201", f"无法连接数据库 {shown(parsed)}：{_reason(exc, parsed)}") from None
    return engine


def open_store(url: str | URL | None = None) -> Engine:
    """:func:`open_engine`, then E202 unless the database is at the package's head revision
    (what every command but ``gongkai db upgrade`` opens the store with)."""
    from gongkai.store.migrate import require_head

    engine = open_engine(url)
    try:
        require_head(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


@contextmanager
def session_scope(engine: Engine, actor: str | None = None, *, read_only: bool = False) -> Iterator[Session]:
    """A session that commits when the block ends and rolls back if it raises.

    ``actor`` (default ``GONGKAI_USER`` or the OS user) is who the audit log names; ``read_only``:
    the session only reads (:func:`reader`)."""
    from sqlalchemy.orm import Session

    from gongkai.store.settings import Settings

    bind = reader(engine) if read_only else engine
    session = Session(bind, expire_on_commit=False, info={"actor": actor or Settings().user})
    try:
        yield session
        session.commit()
    except OperationalError as exc:
        session.rollback()
        raise RegisterError("E201", f"数据库操作失败：{_reason(exc, engine.url)}") from None
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


__all__ = [
    "APPLICATION_NAME",
    "BUSY_TIMEOUT_MS",
    "READ_ONLY",
    "open_engine",
    "open_store",
    "reader",
    "session_scope",
    "shown",
]
