"""The report page is computed once per store version: served from the cache until any record changes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

from gongkai.casework.ledger import import_applications
from gongkai.store.audit import store_version
from gongkai.store.engine import open_engine, session_scope
from gongkai.web.cache import LruCache
from gongkai.web.settings import WebSettings
from tests.casework.ledger_files import ledger
from tests.web.conftest import AGENCY, login
from tests.web.report_helpers import YEAR, add_decided


def _new_received(client: TestClient) -> str:
    page = client.get(f"/api/v1/agency/report?year={YEAR}").json()
    tables = {t["id"]: t for t in page["report"]["tables"]}
    for cells in tables["table3"]["rows"]:
        for c in cells:
            if c["row"] == "new_received" and c["column"] == "total":
                return str(c["text"])
    raise AssertionError("no 新收 total")


def test_page_cache_report_served_again_until_a_record_changes(
    client: TestClient, app: FastAPI, settings: WebSettings
) -> None:
    add_decided(settings, AGENCY, "2024-001", "natural_person", "granted", dt.date(YEAR, 3, 4))
    login(client, "clerk")
    cache = app.state.page_cache
    assert _new_received(client) == "1"
    assert (cache.misses, cache.hits) == (1, 0)
    assert _new_received(client) == "1"
    assert (cache.misses, cache.hits) == (1, 1)
    add_decided(settings, AGENCY, "2024-002", "natural_person", "granted", dt.date(YEAR, 5, 6))
    assert _new_received(client) == "2"  # a new record: a new store version, computed again
    assert (cache.misses, cache.hits) == (2, 1)
    assert client.get(f"/agency/report?year={YEAR}").status_code == 200  # the HTML twin shares the entry
    assert cache.hits == 2


def test_page_cache_ledger_import_changes_the_store_version(settings: WebSettings, tmp_path: Path) -> None:
    engine = open_engine(settings.store().database_url)
    try:
        with session_scope(engine, read_only=True) as session:
            before = store_version(session)
        import_applications(ledger(tmp_path / "台账.xlsx"), AGENCY, url=settings.store().database_url)
        with session_scope(engine, read_only=True) as session:
            after = store_version(session)
    finally:
        engine.dispose()
    assert after[0] > before[0] and after[1] > before[1]


def test_page_cache_keeps_the_most_recently_used() -> None:
    cache = LruCache[int](size=2)
    assert cache.get("a", lambda: 1) == 1
    assert cache.get("b", lambda: 2) == 2
    assert cache.get("a", lambda: 99) == 1  # used again: now the newest
    assert cache.get("c", lambda: 3) == 3  # drops b, the least recently used
    assert len(cache) == 2
    assert cache.get("b", lambda: 22) == 22
    assert cache.get("a", lambda: 99) == 99  # dropped by b's return
