"""Alembic's environment for gongkai's store: the package's metadata, the connection given by
:mod:`gongkai.store.migrate` (or an engine opened from the settings), batch mode on SQLite."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from gongkai.store.tables import metadata


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _run() -> None:
    if context.is_offline_mode():
        from gongkai.store.settings import Settings

        context.configure(url=Settings().database_url, target_metadata=metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        return
    from gongkai.store.engine import open_engine

    engine = open_engine()
    try:
        with engine.begin() as own:
            _configure(own)
    finally:
        engine.dispose()


_run()
