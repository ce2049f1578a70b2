"""Fuzz every operation of the published API schema (``/api/openapi.json``) with schemathesis:
whatever the input, anonymously or as the administrator, the app never answers with a 5xx.

The operations are enumerated from the schema at run time, so routes added later are fuzzed too.
Bounded for CI: :data:`MAX_EXAMPLES` per operation and role, derandomized (the same cases each run).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from gongkai.web.app import create_app
from gongkai.web.deps import SESSION_COOKIE
from tests.web.conftest import login, make_store

MAX_EXAMPLES = 15
"""Cases per operation and role: the file runs in well under a minute on the skeleton's API."""
LOGGED_IN_ONLY = ("/api/v1/me", "/api/v1/admin/users")
"""Operations the public is refused (proves each pass ran as who it says)."""


_FOLDER = tempfile.TemporaryDirectory(prefix="gongkai-fuzz-")
APP = create_app(make_store(Path(_FOLDER.name)).model_copy(update={"login_limit": 1000}))
"""Built at import: schemathesis enumerates the operations when the tests are collected (its
``from_fixture`` loader does not work with pytest 9)."""


@pytest.fixture(scope="module")
def fuzz_app() -> Iterator[FastAPI]:
    yield APP
    APP.state.engine.dispose()
    _FOLDER.cleanup()


@pytest.fixture(scope="module")
def admin_headers(fuzz_app: FastAPI) -> dict[str, str]:
    """The administrator's session cookie and CSRF header, for every case of the logged-in pass."""
    with TestClient(fuzz_app, follow_redirects=False) as client:
        csrf = login(client, "admin")
        token = client.cookies.get(SESSION_COOKIE)
    assert token
    return {"Cookie": f"{SESSION_COOKIE}={token}", "X-CSRF-Token": csrf}


schema = schemathesis.openapi.from_asgi("/api/openapi.json", APP)

_BOUNDED = settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@schema.parametrize()
@_BOUNDED
def test_openapi_fuzz_anonymous_never_a_server_error(case: schemathesis.Case, fuzz_app: FastAPI) -> None:
    response = case.call()
    case.validate_response(response, checks=[not_a_server_error])
    if case.path in LOGGED_IN_ONLY and case.method.upper() == "GET":
        assert response.status_code == 401, (case.path, response.status_code)


@schema.parametrize()
@_BOUNDED
def test_openapi_fuzz_admin_never_a_server_error(case: schemathesis.Case, admin_headers: dict[str, str]) -> None:
    response = case.call(headers=admin_headers)
    case.validate_response(response, checks=[not_a_server_error])
    if case.path in LOGGED_IN_ONLY and case.method.upper() == "GET":
        assert response.status_code != 401, f"{case.path}: the admin's session was not used"


def test_openapi_fuzz_schema_lists_the_api(fuzz_app: FastAPI) -> None:
    paths = set(schema.raw_schema["paths"])
    assert {"/api/v1/me", "/api/v1/session", "/api/v1/admin/users"} <= paths
    assert not any(not path.startswith("/api/") for path in paths), "an HTML page is in the API schema"
