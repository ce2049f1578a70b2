"""Applying the store's Alembic migrations, in code (no ``alembic.ini`` needed).

Migrations are never applied implicitly: ``gongkai db upgrade`` calls :func:`upgrade`; every other
command calls :func:`require_head` and stops with E202 when the database is not at the head revision.
That check reads the ``alembic_version`` table against :data:`HEAD` without importing Alembic (a
command's start-up time); a test keeps :data:`HEAD` equal to the scripts' head.

A new revision (after changing ``tables.py``): autogenerate a draft against a database at head,
then read and edit it (literal values, never imports from the models), give it the next number,
and set :data:`HEAD` to it::

    with open_engine(url).begin() as connection:
        command.revision(config(connection), "what changed", autogenerate=True, rev_id="0004")
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from gongkai.errors import RegisterError
from gongkai.store.engine import reader

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0003"
"""The newest revision the package ships (what :func:`head` finds in the scripts)."""
VERSION_TABLE = "alembic_version"


def config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for the package's migrations, bound to ``connection`` when given."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    """The newest revision the package's scripts hold (Alembic reads them)."""
    from alembic.script import ScriptDirectory

    rev = ScriptDirectory.from_config(config()).get_current_head()
    assert rev is not None, "the package ships no migration"
    return rev


def current(engine: Engine) -> str | None:
    """The database's revision (None: not initialised), read from Alembic's version table."""
    with reader(engine).connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        found = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    if len(found) > 1:
        raise RegisterError("E202", f"数据库有多个迁移分支（{'、'.join(sorted(found))}），无法确定版本")
    return found[0] if found else None


def upgrade(engine: Engine, revision: str = "head") -> str | None:
    """Apply the migrations up to ``revision`` in one transaction; returns the database's revision after."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(config(connection), revision)
    return current(engine)


def require_head(engine: Engine) -> None:
    """E202 unless the database is at the package's head revision."""
    rev = current(engine)
    if rev != HEAD:
        found = f"当前版本 {rev}" if rev else "尚未初始化"
        raise RegisterError("E202", f"数据库未初始化或版本不符，请先运行 gongkai db upgrade（{found}，需要 {HEAD}）")


__all__ = ["HEAD", "MIGRATIONS", "VERSION_TABLE", "config", "current", "head", "require_head", "upgrade"]
