"""A web app on a fresh SQLite store (at the migration head) with one agency and a user of each role."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from gongkai.store.engine import open_engine, session_scope
from gongkai.store.migrate import upgrade
from gongkai.store.repo.agencies import add_agency
from gongkai.store.repo.users import add_user
from gongkai.web.app import create_app
from gongkai.web.security import hash_password
from gongkai.web.settings import WebSettings

PASSWORD = "correct horse battery"
AGENCY = "淮安市洪泽区人民政府办公室"
OTHER = "南京市玄武区人民政府办公室"
USERS = {
    "admin": ("admin", None, None),
    "clerk": ("clerk", AGENCY, None),
    "approver": ("approver", AGENCY, None),
    "supervisor": ("supervisor", None, "江苏省淮安市"),
    "far_supervisor": ("supervisor", None, "浙江省"),
    "other_clerk": ("clerk", OTHER, None),
}
_HASH = hash_password(PASSWORD)


def settings_for(folder: Path) -> WebSettings:
    """The settings of the test store in ``folder`` (its SQLite file ``web.db``)."""
    return WebSettings(database_url=f"sqlite:///{folder / 'web.db'}", data_dir=folder)


def make_store(folder: Path) -> WebSettings:
    url = settings_for(folder).database_url
    engine = open_engine(url)
    try:
        upgrade(engine)
        with session_scope(engine, actor="test") as session:
            add_agency(session, AGENCY, "government", "江苏省淮安市洪泽区")
            add_agency(session, OTHER, "government", "江苏省南京市玄武区")
            for name, (role, agency, region) in USERS.items():
                add_user(session, name, _HASH, role, display_name=name, agency=agency, region=region)
    finally:
        engine.dispose()
    return settings_for(folder)


@pytest.fixture
def settings(tmp_path: Path) -> WebSettings:
    return make_store(tmp_path)


@pytest.fixture
def app(settings: WebSettings) -> FastAPI:
    return create_app(settings)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, follow_redirects=False) as c:
        yield c


def form_token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def login(client: TestClient, username: str, password: str = PASSWORD) -> str:
    """Log in through the form; returns the session's CSRF token (for later forms and X-CSRF-Token)."""
    page = client.get("/login")
    response = client.post(
        "/login", data={"username": username, "password": password, "csrf_token": form_token(page.text), "next": "/"}
    )
    assert response.status_code == 303, response.text
    token: str = client.get("/api/v1/me").json()["csrf_token"]
    return token
