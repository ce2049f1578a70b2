"""Logging in and out: argon2 passwords, HttpOnly SameSite cookies, CSRF on every form, a login rate limit."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select

from gongkai.store.web_tables import UserRow, WebSessionRow
from gongkai.web.settings import WebSettings
from tests.web.conftest import PASSWORD, form_token, login


def test_auth_login_sets_httponly_samesite_cookie_and_redirects_by_role(client: TestClient) -> None:
    page = client.get("/login")
    assert page.status_code == 200 and "用户名" in page.text
    response = client.post(
        "/login", data={"username": "clerk", "password": PASSWORD, "csrf_token": form_token(page.text), "next": "/"}
    )
    assert response.status_code == 303
    cookie = response.headers["set-cookie"]
    assert "gongkai_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert client.get("/").headers["location"] == "/agency"
    me = client.get("/api/v1/me").json()
    assert (me["username"], me["role"], me["agency"]) == ("clerk", "clerk", "淮安市洪泽区人民政府办公室")


def test_auth_password_stored_as_argon2_and_session_token_only_hashed(
    client: TestClient, settings: WebSettings
) -> None:
    login(client, "clerk")
    token = client.cookies.get("gongkai_session")
    engine = create_engine(settings.database_url)
    with engine.connect() as db:
        stored = db.scalar(select(UserRow.password_hash).where(UserRow.username == "clerk"))
        sessions = db.scalars(select(WebSessionRow.token_hash)).all()
    engine.dispose()
    assert stored is not None and stored.startswith("$argon2id$") and PASSWORD not in stored
    assert token and token not in sessions and len(sessions) == 1


def test_auth_wrong_password_is_refused_in_chinese(client: TestClient) -> None:
    page = client.get("/login")
    response = client.post(
        "/login", data={"username": "clerk", "password": "wrong", "csrf_token": form_token(page.text)}
    )
    assert response.status_code == 401 and "用户名或密码错误" in response.text
    assert client.get("/api/v1/me").status_code == 401


def test_auth_login_form_without_csrf_token_is_refused(client: TestClient) -> None:
    client.get("/login")
    response = client.post("/login", data={"username": "clerk", "password": PASSWORD})
    assert response.status_code == 403 and "E305" in response.text


def test_auth_logged_in_form_without_csrf_token_is_refused(client: TestClient) -> None:
    csrf = login(client, "admin")
    bad = client.post("/admin/agencies", data={"name": "某局", "kind": "department", "csrf_token": "forged"})
    assert bad.status_code == 403
    assert client.post("/admin/agencies", data={"name": "某局"}).status_code == 403
    good = client.post("/admin/agencies", headers={"X-CSRF-Token": csrf}, data={"name": "某局"})
    assert good.status_code == 303


def test_auth_rate_limit_after_five_failures_even_with_right_password(client: TestClient) -> None:
    token = form_token(client.get("/login").text)
    for _ in range(5):
        assert (
            client.post("/login", data={"username": "clerk", "password": "x", "csrf_token": token}).status_code == 401
        )
    blocked = client.post("/login", data={"username": "clerk", "password": PASSWORD, "csrf_token": token})
    assert blocked.status_code == 429 and "登录失败次数过多" in blocked.text
    api = client.post("/api/v1/session", json={"username": "clerk", "password": PASSWORD})
    assert api.status_code == 429 and api.json()["code"] == "E304"


def test_auth_next_never_redirects_off_site(client: TestClient) -> None:
    page = client.get("/login")
    response = client.post(
        "/login",
        data={
            "username": "clerk",
            "password": PASSWORD,
            "csrf_token": form_token(page.text),
            "next": "//evil.example/x",
        },
    )
    assert response.headers["location"] == "/"


def test_auth_logout_ends_the_session(client: TestClient) -> None:
    csrf = login(client, "clerk")
    assert client.post("/logout", data={"csrf_token": csrf}).status_code == 303
    assert client.get("/api/v1/me").status_code == 401


def test_auth_json_login_then_header_csrf(client: TestClient) -> None:
    response = client.post("/api/v1/session", json={"username": "admin", "password": PASSWORD})
    assert response.status_code == 200
    csrf = response.json()["csrf_token"]
    done = client.post("/admin/agencies", headers={"X-CSRF-Token": csrf}, data={"name": "某某局"})
    assert done.status_code == 303


def test_auth_security_headers_on_every_page(client: TestClient) -> None:
    for path in ("/login", "/api/v1/me", "/no-such-page"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"


def test_auth_unknown_page_is_a_chinese_404(client: TestClient) -> None:
    page = client.get("/no-such-page")
    assert page.status_code == 404 and "页面或记录不存在" in page.text
    api = client.get("/api/v1/no-such")
    assert api.status_code == 404 and api.json()["code"] == "E307"


def test_auth_anonymous_page_redirects_to_login_api_says_401(client: TestClient) -> None:
    page = client.get("/admin/users")
    assert page.status_code == 303 and page.headers["location"].startswith("/login?next=")
    assert client.get("/api/v1/admin/users").status_code == 401


def test_auth_clerk_cannot_manage_users(client: TestClient) -> None:
    login(client, "clerk")
    assert client.get("/admin/users").status_code == 403
    assert client.get("/api/v1/admin/users").json()["code"] == "E302"
