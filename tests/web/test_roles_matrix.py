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

import datetime as dt
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from gongkai.errors import WEB_ERRORS
from gongkai.store.engine import open_engine, session_scope
from gongkai.web.app import create_app
from tests.web.conftest import USERS, form_token, login, make_store, settings_for
from tests.web.corpus_helpers import HONGZE_2023, HONGZE_2024, fill_corpus

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


READERS = only("admin", "clerk", "approver", "supervisor")
"""The agency's staff, admin, and the supervisor of its region (江苏省淮安市 covers 江苏省淮安市洪泽区)."""
WRITERS = only("admin", "clerk", "approver")
APPROVERS = only("admin", "approver")
SUPERVISORS = only("admin", "supervisor", "far_supervisor")
IN_REGION = {**SUPERVISORS, "far_supervisor": "hide"}
"""A corpus record of 江苏: the supervisor of 浙江 is told it does not exist (404), as is everyone outside."""

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
    # the agency's registers
    ("GET", "/agency"): READERS,
    ("GET", "/api/v1/agency/applications"): READERS,
    ("GET", "/agency/applications/new"): WRITERS,
    ("GET", "/api/v1/agency/application-form"): WRITERS,
    ("GET", "/agency/applications/{number}"): READERS,
    ("GET", "/api/v1/agency/applications/{number}"): READERS,
    ("POST", "/agency/applications"): WRITERS,
    ("POST", "/agency/applications/{number}/events"): WRITERS,
    ("POST", "/agency/applications/{number}/void"): WRITERS,
    ("POST", "/agency/applications/{number}/events/{event_id}/void"): WRITERS,
    ("GET", "/agency/reviews"): READERS,
    ("GET", "/api/v1/agency/reviews"): READERS,
    ("POST", "/agency/reviews"): WRITERS,
    ("POST", "/agency/reviews/{number}/conclude"): WRITERS,
    ("GET", "/agency/items"): READERS,
    ("GET", "/api/v1/agency/items"): READERS,
    ("POST", "/agency/items"): WRITERS,
    ("POST", "/agency/items/{item_id}/publish"): WRITERS,
    # the agency's report
    ("GET", "/agency/report"): READERS,
    ("GET", "/api/v1/agency/report"): READERS,
    ("GET", "/agency/report/cells"): READERS,
    ("GET", "/api/v1/agency/report/cells"): READERS,
    ("GET", "/agency/report/files/{fmt}"): READERS,
    ("POST", "/agency/report/texts"): WRITERS,
    ("POST", "/agency/report/texts/upload"): WRITERS,
    ("POST", "/agency/report/approve"): APPROVERS,
    ("POST", "/agency/report/publish"): APPROVERS,
    # the public
    ("GET", "/public"): everyone(),
    ("GET", "/api/v1/public/reports"): everyone(),
    ("GET", "/public/reports/{agency_id}/{year}"): everyone(),
    ("GET", "/api/v1/public/reports/{agency_id}/{year}"): everyone(),
    ("GET", "/public/reports/{agency_id}/{year}/files/{fmt}"): everyone(),
    ("GET", "/public/statistics"): everyone(),
    ("GET", "/api/v1/public/statistics"): everyone(),
    # the supervisor's workspace
    ("GET", "/supervisor"): SUPERVISORS,
    ("GET", "/api/v1/supervisor"): SUPERVISORS,
    ("POST", "/supervisor/runs"): SUPERVISORS,
    ("POST", "/api/v1/supervisor/runs"): SUPERVISORS,
    ("GET", "/supervisor/runs/{run_id}"): SUPERVISORS,
    ("GET", "/supervisor/runs/{run_id}/progress"): SUPERVISORS,
    ("GET", "/api/v1/supervisor/runs/{run_id}"): SUPERVISORS,
    ("GET", "/supervisor/reports"): SUPERVISORS,
    ("GET", "/api/v1/supervisor/reports"): SUPERVISORS,
    ("GET", "/supervisor/reports/{result_id}"): IN_REGION,
    ("GET", "/api/v1/supervisor/reports/{result_id}"): IN_REGION,
    ("GET", "/supervisor/findings/{finding_id}"): IN_REGION,
    ("GET", "/api/v1/supervisor/findings/{finding_id}"): IN_REGION,
    ("GET", "/supervisor/findings/{finding_id}/page.png"): IN_REGION,
    ("GET", "/supervisor/agencies/{agency_id}/compare"): IN_REGION,
    ("GET", "/api/v1/supervisor/agencies/{agency_id}/compare"): IN_REGION,
    ("GET", "/supervisor/overview"): SUPERVISORS,
    ("GET", "/api/v1/supervisor/overview"): SUPERVISORS,
    ("GET", "/supervisor/workbook.xlsx"): SUPERVISORS,
}
"""(method, path template) → role → ``allow`` | ``deny``. Every route of the app must be here."""


@dataclass(frozen=True)
class Sample:
    """What a POST sends: a form (with the CSRF token added) or a JSON body."""

    form: dict[str, str] = field(default_factory=dict)
    json: dict[str, Any] | None = None
    files: dict[str, tuple[str, bytes, str]] | None = None


SAMPLES: dict[tuple[str, str], Sample] = {
    ("POST", "/login"): Sample(form={"username": "nobody", "password": "wrong password", "next": "/"}),
    ("POST", "/api/v1/session"): Sample(json={"username": "nobody", "password": "wrong password"}),
    ("POST", "/admin/users"): Sample(form={"username": "matrix_user", "password": "long enough 1", "role": "clerk"}),
    ("POST", "/admin/agencies"): Sample(form={"name": "矩阵测试机关", "kind": "department"}),
    ("POST", "/agency/applications"): Sample(
        form={"number": "矩阵-001", "applicant_type": "natural_person", "received": "{last}-03-02", "channel": "online"}
    ),
    ("POST", "/agency/applications/{number}/events"): Sample(
        form={"kind": "decision", "on": "{today}", "outcome": "granted"}
    ),
    ("POST", "/agency/applications/{number}/void"): Sample(form={"reason": "矩阵测试"}),
    ("POST", "/agency/applications/{number}/events/{event_id}/void"): Sample(form={"reason": "矩阵测试"}),
    ("POST", "/agency/reviews"): Sample(form={"number": "矩阵复议-1", "kind": "review", "filed_on": "{last}-05-06"}),
    ("POST", "/agency/reviews/{number}/conclude"): Sample(form={"result": "upheld", "concluded_on": "{today}"}),
    ("POST", "/agency/items"): Sample(form={"title": "矩阵测试信息", "formed_on": "{last}-06-01"}),
    ("POST", "/agency/items/{item_id}/publish"): Sample(form={"published_on": "{today}"}),
    ("POST", "/agency/report/texts/upload"): Sample(
        files={"file": ("texts.json", b'{"sections": []}', "application/json")}
    ),
    ("POST", "/supervisor/runs"): Sample(form={"urls": "ftp://不是网址"}),
    ("POST", "/api/v1/supervisor/runs"): Sample(form={"urls": "ftp://不是网址"}),
}
"""Each POST's form (the CSRF token is added) or JSON body; ``{today}``, ``{last}`` (last year) filled in."""

PARAMS: dict[str, str] = {}
"""Path and query parameter name → the sample value (filled by SEEDERS)."""

ROUTE_PARAMS: dict[tuple[str, str], dict[str, str]] = {}
"""Per-route overrides of PARAMS (the review to conclude has its own ``{number}``), filled by SEEDERS."""

QUERY: dict[str, str] = {}
"""Path prefix → the query string every route under it gets (the agency and year it works on)."""

SEEDERS: list[Callable[[Session, Path], dict[str, str]]] = []
"""Each adds records to the test store and returns parameter samples, e.g. ``{"number": "2025-00001"}``."""


def _seed_registers_and_reports(session: Session, folder: Path) -> dict[str, str]:
    """The demo's registers and reports for the agency (the same name as the demo's): an open
    application with a live event, a pending review, an unpublished item, last year's draft, and the
    year before's report approved and published."""
    from gongkai.store.tables import AgencyRow, ApplicationRow, EventRow, ItemRow, ReviewCaseRow
    from gongkai.web.demo_cases import seed_cases
    from gongkai.web.demo_report import seed_report
    from tests.web.conftest import AGENCY

    settings = settings_for(folder)
    seed_cases(session, settings)
    seed_report(session, settings)
    agency = session.scalars(select(AgencyRow).where(AgencyRow.name == AGENCY)).one()
    open_app = session.scalars(
        select(ApplicationRow).where(ApplicationRow.agency_id == agency.id, ApplicationRow.status == "open")
    ).first()
    assert open_app is not None
    event = session.scalars(
        select(EventRow).where(EventRow.application_id == open_app.id, EventRow.voided_at.is_(None))
    ).first()
    assert event is not None, "the open application has no event to void"
    review = session.scalars(
        select(ReviewCaseRow).where(ReviewCaseRow.agency_id == agency.id, ReviewCaseRow.result == "pending")
    ).first()
    item = session.scalars(
        select(ItemRow).where(ItemRow.agency_id == agency.id, ItemRow.published_on.is_(None))
    ).first()
    assert review is not None and item is not None
    last = dt.date.today().year - 1
    ROUTE_PARAMS[("POST", "/agency/reviews/{number}/conclude")] = {"number": review.number}
    QUERY["/agency/report"] = f"?year={last}"
    QUERY["/api/v1/agency/report"] = f"?year={last}"
    QUERY["/agency/report/files"] = f"?year={last - 1}"  # the approved one
    QUERY["/agency/report/cells"] = f"?year={last}&table=table3&row=granted&column=total"
    QUERY["/api/v1/agency/report/cells"] = QUERY["/agency/report/cells"]
    for prefix in ("/agency/applications", "/api/v1/agency/applications", "/agency/reviews", "/agency/items"):
        QUERY[prefix] = f"?agency={AGENCY}"
    for prefix in [p for p in QUERY if p.startswith(("/agency/report", "/api/v1/agency/report"))]:
        QUERY[prefix] += f"&agency_id={agency.id}"
    QUERY["/api/v1/agency/application-form"] = f"?agency={AGENCY}"
    QUERY["/api/v1/agency/reviews"] = f"?agency={AGENCY}"
    QUERY["/api/v1/agency/items"] = f"?agency={AGENCY}"
    QUERY["/agency"] = f"?agency={AGENCY}"
    QUERY["/public/statistics"] = f"?region=江苏省&year={last - 1}"
    QUERY["/api/v1/public/statistics"] = QUERY["/public/statistics"]
    QUERY["/supervisor/agencies"] = f"?years={last - 1},{last}"
    QUERY["/api/v1/supervisor/agencies"] = QUERY["/supervisor/agencies"]
    return {
        "number": open_app.number,
        "event_id": str(event.id),
        "item_id": str(item.id),
        "agency_id": str(agency.id),
        "year": str(last - 1),
        "fmt": "docx",
    }


def _seed_corpus(session: Session, folder: Path) -> dict[str, str]:
    """Two reports of 洪泽区 (the 2023 and 2024 PDFs) audited into the corpus, and a finished run."""
    from gongkai.store.corpus_tables import (
        CorpusAgencyRow,
        CorpusFindingRow,
        CorpusResultRow,
    )
    from gongkai.store.web_tables import CorpusRunRow, UserRow

    session.commit()  # the run writes through its own connection
    fill_corpus(settings_for(folder), HONGZE_2023, HONGZE_2024)
    finding = session.execute(
        select(CorpusFindingRow.id, CorpusFindingRow.result_id)
        .join(CorpusResultRow, CorpusResultRow.id == CorpusFindingRow.result_id)
        .where(CorpusFindingRow.page.is_not(None))
    ).first()
    assert finding is not None, "no finding with a page in the PDF samples"
    agency_id = session.scalars(select(CorpusAgencyRow.id)).first()
    supervisor = session.scalars(select(UserRow.id).where(UserRow.username == "supervisor")).one()
    run = CorpusRunRow(user_id=supervisor, status="done", inputs=f"{HONGZE_2023}\n{HONGZE_2024}", total=2, done=2)
    session.add(run)
    session.flush()
    corpus = {"finding_id": str(finding.id), "result_id": str(finding.result_id), "run_id": str(run.id)}
    for key in (
        ("GET", "/supervisor/agencies/{agency_id}/compare"),
        ("GET", "/api/v1/supervisor/agencies/{agency_id}/compare"),
    ):
        ROUTE_PARAMS[key] = {"agency_id": str(agency_id)}
    return corpus


SEEDERS.extend((_seed_registers_and_reports, _seed_corpus))


def _filled(text: str) -> str:
    today = dt.date.today()
    return text.replace("{today}", today.isoformat()).replace("{last}", str(today.year - 1))


def query_for(template: str) -> str:
    """The query string of the longest prefix of ``template`` in QUERY."""
    best = max((p for p in QUERY if template == p or template.startswith(p + "/")), key=len, default=None)
    return QUERY[best] if best is not None else ""


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
    """``template`` with its path parameters from ``params`` (AssertionError naming any without a sample)."""
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
        return "hide" if role not in (ANON,) else "404 (missing record: give the path parameter a real sample)"
    if role == ANON:
        if to_login or (status == 401 and not _wrong_credentials(response)):
            return D
        if status == 403:
            return "403 for the public (expected 401 or the login page)"
        return A
    if to_login or (status == 401 and not _wrong_credentials(response)):
        return f"{status} to the login page (the session was lost?)"
    return D if status == 403 else A


@dataclass
class Store:
    """The seeded store: GET requests share one app on it; each POST runs on a fresh copy of it."""

    folder: Path
    app: FastAPI
    copies: int = 0

    def fresh_app(self) -> FastAPI:
        self.copies += 1
        folder = self.folder.parent / f"copy{self.copies}"
        folder.mkdir()
        shutil.copy(self.folder / "web.db", folder / "web.db")
        return create_app(settings_for(folder).model_copy(update={"login_limit": 1000, "run_wait": True}))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder: Path = tmp_path_factory.mktemp("matrix") / "seeded"
    folder.mkdir()
    make_store(folder)
    engine = open_engine(settings_for(folder).database_url)
    try:
        for seed in SEEDERS:
            with session_scope(engine, actor="test") as session:
                PARAMS.update(seed(session, folder))
    finally:
        engine.dispose()
    app = create_app(settings_for(folder).model_copy(update={"login_limit": 1000}))
    yield Store(folder, app)
    app.state.engine.dispose()


@pytest.fixture(scope="module")
def matrix_app(store: Store) -> FastAPI:
    return store.app


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
            headers = {"X-CSRF-Token": self.csrf}
            response = self.client.request(method, path, data=data, files=sample.files, headers=headers)
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


def _path(method: str, template: str) -> str:
    return fill(template, {**PARAMS, **ROUTE_PARAMS.get((method, template), {})}) + query_for(template)


def _sample(method: str, template: str) -> Sample:
    sample = SAMPLES.get((method, template), Sample())
    return Sample(form={k: _filled(v) for k, v in sample.form.items()}, json=sample.json, files=sample.files)


def test_roles_matrix_each_role_gets_the_declared_outcome_on_reads(store: Store) -> None:
    routes = [key for key in app_routes(store.app) if key in EXPECTED and key[0] == "GET"]
    assert routes
    wrong: list[str] = []
    for role in ROLES:
        visitor = Visitor(store.app, role)
        with visitor.client:
            for method, template in routes:
                path = _path(method, template)
                response = visitor.send(method, path, Sample())
                got, want = outcome(role, response), EXPECTED[(method, template)][role]
                if got != want:
                    wrong.append(f"{method} {path} as {role}: expected {want}, got {got} ({response.status_code})")
    assert not wrong, "\n".join(wrong)


def test_roles_matrix_each_role_gets_the_declared_outcome_on_changes(store: Store) -> None:
    """Every change on a fresh copy of the seeded store, so one role's change never hides another's outcome."""
    routes = [key for key in app_routes(store.app) if key in EXPECTED and key[0] != "GET"]
    assert routes
    wrong: list[str] = []
    for method, template in routes:
        for role in ROLES:
            app = store.fresh_app()
            visitor = Visitor(app, role)
            with visitor.client:
                path = _path(method, template)
                response = visitor.send(method, path, _sample(method, template))
            app.state.engine.dispose()
            got, want = outcome(role, response), EXPECTED[(method, template)][role]
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
    assert outcome("admin", R(404)) == "hide"
    assert outcome(ANON, R(404)).startswith("404")
    assert fill("/agency/cases/{number}/events/{id:int}", {"number": "2025-1", "id": "7"}) == (
        "/agency/cases/2025-1/events/7"
    )
    with pytest.raises(AssertionError, match="no sample"):
        fill("/supervisor/findings/{id}", {})
