"""Applying the store's Alembic migrations, in code (no ``alembic.ini`` needed).

Migrations are never applied implicitly: ``gongkai db upgrade`` calls :func:`upgrade`; every other
command calls :func:`require_head` and stops with E202 when the database is not at the head revision.

A new revision (after changing ``tables.py``): autogenerate a draft against a database at head,
then read and edit it (literal values, never imports from the models), and give it the next number::

    with open_engine(url).begin() as connection:
        command.revision(config(connection), "what changed", autogenerate=True, rev_id="0002")
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from gongkai.errors import RegisterError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for the package's migrations, bound to ``connection`` when given."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    """The newest revision the package ships."""
    rev = ScriptDirectory.from_config(config()).get_current_head()
    assert rev is not None, "the package ships no migration"
    return rev


def current(engine: Engine) -> str | None:
    """The database's revision (None: not initialised)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> str | None:
    """Apply the migrations up to ``revision`` in one transaction; returns the database's revision after."""
    with engine.begin() as connection:
        command.upgrade(config(connection), revision)
    return current(engine)


def require_head(engine: Engine) -> None:
    """E202 unless the database is at the package's head revision."""
    rev = current(engine)
    if rev != head():
        found = f"当前版本 {rev}" if rev else "尚未初始化"
        raise RegisterError("E202", f"数据库未初始化或版本不符，请先运行 gongkai db upgrade（{found}，需要 {head()}）")


__all__ = ["MIGRATIONS", "config", "current", "head", "require_head", "upgrade"]
