"""Migrations: they build exactly the models' schema, and nothing runs unless asked."""

from __future__ import annotations

import re

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from gongkai.errors import RegisterError
from gongkai.store.engine import open_engine, open_store
from gongkai.store.migrate import HEAD, config, current, head, require_head, upgrade
from gongkai.store.tables import metadata


def _diff(engine: Engine) -> list[object]:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, metadata))


def test_migrate_head_is_the_corpus_revision() -> None:
    assert head() == HEAD == "0003"  # HEAD: what require_head checks without reading the scripts


def test_migrate_current_reads_what_alembic_reads(engine: Engine) -> None:
    with engine.connect() as connection:
        assert current(engine) == MigrationContext.configure(connection).get_current_revision() == "0003"


def test_migrate_upgrade_produces_exactly_the_models_schema(engine: Engine) -> None:
    assert current(engine) == "0003"
    assert _diff(engine) == []


def _norm(sql: str) -> str:
    return re.sub(r"[\s()\"]", "", sql).lower()


def test_migrate_checks_and_partial_unique_indexes_match_the_models(engine: Engine) -> None:
    # what compare_metadata does not look at: CHECK constraints and the WHERE of partial indexes
    inspector = inspect(engine)
    for table in metadata.sorted_tables:
        wanted = {c.name for c in table.constraints if c.__class__.__name__ == "CheckConstraint"}
        found = {c["name"] for c in inspector.get_check_constraints(table.name)}
        assert found == wanted, table.name
        for index in table.indexes:
            where = index.dialect_options[engine.dialect.name].get("where")
            reflected = next(i for i in inspector.get_indexes(table.name) if i["name"] == index.name)
            got = reflected.get("dialect_options", {}).get(f"{engine.dialect.name}_where")
            if where is None:
                assert got is None, index.name
            else:
                assert got is not None and _norm(str(got)) == _norm(str(where)), index.name


def test_migrate_compare_sees_a_difference(engine: Engine) -> None:
    # the schema test above is not vacuous: a model change shows up
    from sqlalchemy import Column, Integer, MetaData

    changed = MetaData()
    for table in metadata.tables.values():
        table.to_metadata(changed)
    changed.tables["agencies"].append_column(Column("extra", Integer))
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), changed)
    assert [d[0] for d in diff] == ["add_column"]  # type: ignore[index]


def test_migrate_require_head_on_an_empty_database_is_e202(empty_url: str) -> None:
    engine = open_engine(empty_url)
    try:
        assert current(engine) is None
        with pytest.raises(RegisterError) as caught:
            require_head(engine)
        assert caught.value.code == "E202"
        assert caught.value.message.startswith("数据库未初始化或版本不符，请先运行 gongkai db upgrade")
        with pytest.raises(RegisterError, match="E202"):
            open_store(empty_url)
        assert inspect(engine).get_table_names() == []  # never migrated implicitly
    finally:
        engine.dispose()


def test_migrate_upgrade_downgrade_upgrade(empty_url: str) -> None:
    engine = open_engine(empty_url)
    try:
        assert upgrade(engine) == "0003"
        assert upgrade(engine) == "0003"  # idempotent
        require_head(engine)
        with engine.begin() as connection:
            command.downgrade(config(connection), "base")
        assert current(engine) is None
        assert set(inspect(engine).get_table_names()) == {"alembic_version"}
        assert upgrade(engine) == "0003"
        assert _diff(engine) == []
    finally:
        engine.dispose()


def test_migrate_an_older_revision_is_e202(empty_url: str) -> None:
    engine = open_engine(empty_url)
    try:
        upgrade(engine)
        with engine.begin() as connection:
            connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0000'")
        with pytest.raises(RegisterError, match="E202") as caught:
            require_head(engine)
        assert "当前版本 0000" in caught.value.message
    finally:
        engine.dispose()
