"""The database fixtures: the store suite (``tests/store``) and the register's facade (``tests/casework``)
run on SQLite and on PostgreSQL (``backend``, ``engine``, ``empty_url``, ``url_of``).

PostgreSQL: ``GONGKAI_TEST_POSTGRES_URL`` (default the project machines' server); each test session
works in a schema of its own, dropped at the end. When the server cannot be reached its tests are
skipped and the terminal summary says so in one line, unless ``GONGKAI_REQUIRE_POSTGRES=1``
(``.ci/run``), where they fail.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from gongkai.errors import RegisterError
from gongkai.store.engine import open_engine, shown
from gongkai.store.migrate import upgrade
from gongkai.store.tables import metadata

POSTGRES_URL = os.environ.get("GONGKAI_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BACKENDS = ("sqlite", "postgresql")
_skipped: set[str] = set()


class Postgres:
    """The test server: schemas made for this session, each dropped at the end."""

    def __init__(self) -> None:
        self.admin = open_engine(POSTGRES_URL)
        self.schemas: list[str] = []

    def new_url(self) -> str:
        schema = f"gongkai_test_{os.getpid()}_{secrets.token_hex(4)}"
        with self.admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        self.schemas.append(schema)
        url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
        return url.render_as_string(hide_password=False)

    def close(self) -> None:
        with self.admin.begin() as connection:
            for schema in self.schemas:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        self.admin.dispose()


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    try:
        server = Postgres()
    except RegisterError as exc:
        where = shown(make_url(POSTGRES_URL))
        message = f"PostgreSQL pass skipped: cannot connect to {where} ({exc.message})"
        if os.environ.get("GONGKAI_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"GONGKAI_REQUIRE_POSTGRES=1 but cannot connect to {where}: {exc.message}", pytrace=False)
        _skipped.add(message)
        pytest.skip(message)
    yield server
    server.close()


@pytest.fixture(scope="session")
def _migrated() -> Iterator[dict[str, Engine]]:
    """One migrated database per backend for the session, opened on first use."""
    engines: dict[str, Engine] = {}
    yield engines
    for engine in engines.values():
        engine.dispose()


@pytest.fixture
def empty_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a new, empty database on the test's backend."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.db'}"
    server: Postgres = request.getfixturevalue("postgres")
    return server.new_url()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _empty(engine: Engine) -> None:
    tables = [t.name for t in reversed(metadata.sorted_tables)]
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for name in tables:
                connection.execute(text(f"DELETE FROM {name}"))


@pytest.fixture
def engine(
    backend: str,
    request: pytest.FixtureRequest,
    _migrated: dict[str, Engine],
    tmp_path_factory: pytest.TempPathFactory,
) -> Engine:
    """A database at the head revision on ``backend``, emptied before the test."""
    if backend not in _migrated:
        if backend == "sqlite":
            url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'gongkai.db'}"
        else:
            url = request.getfixturevalue("postgres").new_url()
        _migrated[backend] = open_engine(url)
        upgrade(_migrated[backend])
    _empty(_migrated[backend])
    return _migrated[backend]


@pytest.fixture
def url_of() -> Callable[[Engine], str]:
    """The URL an engine was opened on, password included (to hand to the CLI)."""
    return lambda engine: engine.url.render_as_string(hide_password=False)


@pytest.fixture(autouse=True)
def _workers_in_process(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside tests/batch, a run's documents are checked in the test process (through the same ordered
    stream the worker processes feed), where spies and test rules registered by a test are seen;
    tests/batch runs the real worker processes, Dask cluster and the CLI in a subprocess."""
    if "batch" in Path(str(request.node.path)).parts:
        return
    import gongkai.batch.pool

    def inline(jobs: Any, work: Any, processes: int, **_: object) -> Any:
        return gongkai.batch.pool.run_inline(jobs, work)

    monkeypatch.setattr(gongkai.batch.pool, "run_local", inline)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for line in sorted(_skipped):
        terminalreporter.write_line(line, yellow=True, bold=True)
