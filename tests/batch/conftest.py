"""The checked test corpus (:mod:`tests.batch.corpus_files`) and the fetch tests' local web site."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gongkai.batch.fetched import FetchSettings
from tests.batch.corpus_files import checked
from tests.batch.fetch_server import Site, serving

FAST = FetchSettings(delay=0.0, timeout=2.0, retries=2, backoff=0.01, workers=8)
"""Settings of the fetch tests: no politeness delay, short timeouts, quick retries."""


@pytest.fixture
def site() -> Iterator[Site]:
    with serving() as served:
        yield served


__all__ = ["FAST", "checked", "site"]
