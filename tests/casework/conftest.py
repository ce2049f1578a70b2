"""The store suite's fixtures (both backends): :mod:`tests.store.conftest`."""

from tests.store.conftest import _migrated, backend, empty_url, engine, postgres, url_of

__all__ = ["_migrated", "backend", "empty_url", "engine", "postgres", "url_of"]
