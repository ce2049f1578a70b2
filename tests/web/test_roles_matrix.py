"""Every route × every role: who is let in and who is refused, against an explicit table.

Each route of the app (``app.routes``, FastAPI routes only: not ``/static``, the schema or the docs)
must be declared in :data:`EXPECTED`, so a new route cannot ship without saying who may use it.
Each role sends the request once — GET as it is, POST with a valid CSRF token and the route's
sample form or JSON body from :data:`SAMPLES` (empty otherwise) — and the outcome is classed:

- ``deny``: for the public, 401 or a redirect to ``/login``; for a logged-in role, 403;
- ``allow``: any other 2xx, 3xx or 4xx (a validation error means the route let the user in —
  give the route a valid sample when it checks roles after validating the form);
- a 5xx, a 404 (give the path parameter a real sample), a logged-in role sent to the login page,
  or the public refused with 403 never match.

Path parameters (``{number}``, ``{id}``…) take their values from :data:`PARAMS`, filled by the
:data:`SEEDERS` (each ``fn(session) -> {name: value}``) run once on the test store.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from gongkai.errors import WEB_ERRORS
from gongkai.store.engine import open_engine, session_scope
from gongkai.web.app import create_app
from tests.web.conftest import USERS, form_token, login, make_store

ANON = "anonymous"
ROLES: tuple[str, ...] = (ANON, *USERS)
"""anonymous, admin, clerk, approver, supervisor, far_supervisor, other_clerk."""

A, D = "allow", "deny"


def everyone(outcome: str = A) -> dict[str, str]:
    return dict.fromkeys(ROLES, outcome)


def logged_in(**override: str) -> dict[str, str]:
    """Every logged-in role allowed, the public refused (``override`` per role)."""
    return {**everyone(A), ANON: D, **override}


def only(*roles: str) -> dict[str, str]:
    return {role: A if role in roles else D for role in ROLES}


EXPECTED: dict[tuple[str, str], dict[str, str]] = {
    # logging in and out
    ("GET", "/login"): everyone(),
    ("POST", "/login"): everyone(),  # wrong credentials: the form again with E303, for anyone
    ("POST", "/logout"): everyone(),
    ("GET", "/api/v1/me"): logged_in(),
    ("POST", "/api/v1/session"): everyone(),
    # the front door sends each role to its workspace
    ("GET", "/"): everyone(),
    # administration
    ("GET", "/admin/users"): only("admin"),
    ("GET", "/api/v1/admin/users"): only("admin"),
    ("POST", "/admin/users"): only("admin"),
    ("POST", "/admin/agencies"): only("admin"),
}
"""(method, path template) → role → ``allow`` | ``deny``. Every route of the app must be here."""


@dataclass(frozen=True)
class Sample:
    """What a POST sends: a form (with the CSRF token added) or a JSON body."""

    form: dict[str, str] = field(default_factory=dict)
    json: dict[str, Any] | None = None


SAMPLES: dict[tuple[str, str], Sample] = {
    ("POST", "/login"): Sample(form={"username": "nobody", "password": "wrong password", "next": "/"}),
    ("POST", "/api/v1/session"): Sample(json={"username": "nobody", "password": "wrong password"}),
    ("POST", "/admin/users"): Sample(form={"username": "matrix_user", "password": "long enough 1", "role": "clerk"}),
    ("POST", "/admin/agencies"): Sample(form={"name": "矩阵测试机关", "kind": "department"}),
}

PARAMS: dict[str, str] = {}
"""Path parameter name → the sample value used in every route that has it (filled by SEEDERS)."""

SEEDERS: list[Callable[[Session], dict[str, str]]] = []
"""Each adds records to the test store and returns path parameter samples, e.g. ``{"number": "2025-00001"}``."""

_PARAM = re.compile(r"\{([^}:]+)(?::[^}]*)?\}")
_SKIPPED_PREFIXES = ("/static", "/api/openapi.json", "/api/docs")


def app_routes(app: FastAPI) -> list[tuple[str, str]]:
    """(method, path template) of every API route of ``app``, sorted."""
    found: set[tuple[str, str]] = set()
    for route in iter_route_contexts(app.routes):  # flattens the included routers (FastAPI ≥ 0.165)
        path, methods = route.path, route.methods
        if not isinstance(route.original_route, APIRoute) or not path or path.startswith(_SKIPPED_PREFIXES):
            continue
        found |= {(method, path) for method in methods or () if method != "HEAD"}
    return sorted(found)


def fill(template: str, params: dict[str, str]) -> str:
    missing = [name for name in _PARAM.findall(template) if name not in params]
    if missing:
        raise AssertionError(f"{template}: no sample for path parameter(s) {missing}: add a SEEDER or PARAMS entry")
    return _PARAM.sub(lambda m: params[m.group(1)], template)


def _wrong_credentials(response: Any) -> bool:
    """A failed login (E303) is the login route doing its work, not a refusal."""
    if response.headers.get("content-type", "").startswith("application/json"):
        return bool(response.json().get("code") == "E303")
    return WEB_ERRORS["E303"] in response.text


def outcome(role: str, response: Any) -> str:
    status: int = response.status_code
    location: str = response.headers.get("location", "")
    to_login = 300 <= status < 400 and location.startswith("/login")
    if status >= 500:
        return f"server error {status}"
    if status == 404:
        return "404 (missing record: give the path parameter a real sample)"
    if role == ANON:
        if to_login or (status == 401 and not _wrong_credentials(response)):
            return D
        if status == 403:
            return "403 for the public (expected 401 or the login page)"
        return A
    if to_login or (status == 401 and not _wrong_credentials(response)):
        return f"{status} to the login page (the session was lost?)"
    return D if status == 403 else A


@pytest.fixture(scope="module")
def matrix_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    folder: Path = tmp_path_factory.mktemp("matrix")
    settings = make_store(folder).model_copy(update={"login_limit": 1000})
    engine = open_engine(settings.database_url)
    try:
        with session_scope(engine, actor="test") as session:
            for seed in SEEDERS:
                PARAMS.update(seed(session))
    finally:
        engine.dispose()
    app = create_app(settings)
    yield app
    app.state.engine.dispose()


class Visitor:
    """One role's client, logged in again whenever a request ended its session (``/logout``)."""

    def __init__(self, app: FastAPI, role: str) -> None:
        self.role = role
        self.client = TestClient(app, follow_redirects=False)
        self.csrf = ""
        self.enter()

    def enter(self) -> None:
        if self.role == ANON:
            self.csrf = form_token(self.client.get("/login").text)
        else:
            self.csrf = login(self.client, self.role)

    def send(self, method: str, path: str, sample: Sample) -> Any:
        if method == "GET":
            response = self.client.get(path)
        elif sample.json is not None:
            response = self.client.request(method, path, json=sample.json, headers={"X-CSRF-Token": self.csrf})
        else:
            data = {**sample.form, "csrf_token": self.csrf}
            response = self.client.request(method, path, data=data, headers={"X-CSRF-Token": self.csrf})
        if self.role != ANON and not self.client.cookies.get("gongkai_session"):
            self.enter()
        return response


def test_roles_matrix_every_route_is_declared(matrix_app: FastAPI) -> None:
    undeclared = [key for key in app_routes(matrix_app) if key not in EXPECTED]
    assert not undeclared, f"routes missing from EXPECTED in tests/web/test_roles_matrix.py: {undeclared}"
    stale = [key for key in EXPECTED if key not in app_routes(matrix_app)]
    assert not stale, f"EXPECTED declares routes the app does not have: {stale}"
    incomplete = [key for key, roles in EXPECTED.items() if set(roles) != set(ROLES)]
    assert not incomplete, f"EXPECTED entries without every role {ROLES}: {incomplete}"


def test_roles_matrix_each_role_gets_the_declared_outcome(matrix_app: FastAPI) -> None:
    routes = [key for key in app_routes(matrix_app) if key in EXPECTED]
    assert routes
    wrong: list[str] = []
    for role in ROLES:
        visitor = Visitor(matrix_app, role)
        with visitor.client:
            for method, template in routes:
                path = fill(template, PARAMS)
                response = visitor.send(method, path, SAMPLES.get((method, template), Sample()))
                got = outcome(role, response)
                want = EXPECTED[(method, template)][role]
                if got != want:
                    wrong.append(f"{method} {path} as {role}: expected {want}, got {got} ({response.status_code})")
    assert not wrong, "\n".join(wrong)


def test_roles_matrix_outcome_classes() -> None:
    class R:
        def __init__(self, status: int, location: str = "", text: str = "") -> None:
            self.status_code, self.text = status, text
            self.headers = {"location": location, "content-type": "text/html"}

    assert outcome(ANON, R(303, "/login?next=%2Fadmin%2Fusers")) == D
    assert outcome(ANON, R(401)) == D
    assert outcome(ANON, R(401, text=WEB_ERRORS["E303"])) == A
    assert outcome(ANON, R(303, "/public")) == A
    assert outcome(ANON, R(403)).startswith("403 for the public")
    assert outcome("clerk", R(403)) == D
    assert outcome("clerk", R(422)) == A
    assert outcome("clerk", R(303, "/login?next=%2F")).startswith("303 to the login page")
    assert outcome("admin", R(500)).startswith("server error")
    assert outcome("admin", R(404)).startswith("404")
    assert fill("/agency/cases/{number}/events/{id:int}", {"number": "2025-1", "id": "7"}) == (
        "/agency/cases/2025-1/events/7"
    )
    with pytest.raises(AssertionError, match="no sample"):
        fill("/supervisor/findings/{id}", {})
