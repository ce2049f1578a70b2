"""The store fixtures (SQLite and PostgreSQL) for the facade's tests."""

from tests.store.conftest import _migrated, backend, empty_url, engine, postgres, url_of  # noqa: F401
