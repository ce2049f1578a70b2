"""Logging in and out (a form for the browser, JSON for API clients)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from gongkai.errors import WebError
from gongkai.web.auth import log_in, log_out
from gongkai.web.deps import CSRF_COOKIE, SESSION_COOKIE, Csrf, DbDep, MaybeUser, SettingsDep, UserDep
from gongkai.web.security import new_token
from gongkai.web.settings import WebSettings
from gongkai.web.templating import page

router = APIRouter(tags=["登录"])


class Me(BaseModel):
    username: str
    display_name: str
    role: str
    role_label: str
    agency: str | None
    region: str | None
    csrf_token: str = ""
    """Send it back in the ``X-CSRF-Token`` header (or the ``csrf_token`` form field) of every change."""


class Credentials(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=200)


class LoginResult(BaseModel):
    user: Me
    csrf_token: str


class LoginPage(BaseModel):
    next: str = "/"
    error: str | None = None
    username: str = ""


def _safe_next(target: str) -> str:
    """Only a path of this site (never ``//host`` or ``https://…``): no open redirect."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _set_session(response: Response, token: str, settings: WebSettings) -> None:
    age = int(settings.session_hours * 3600)
    response.set_cookie(
        SESSION_COOKIE, token, max_age=age, httponly=True, samesite="lax", secure=settings.secure_cookies
    )
    response.delete_cookie(CSRF_COOKIE)


@router.get("/login", include_in_schema=False)
def login_page(request: Request, user: MaybeUser, settings: SettingsDep, next: str = "/") -> Response:
    if user is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    token = request.cookies.get(CSRF_COOKIE) or new_token()
    request.state.csrf = token
    response = page(request, "login.html", LoginPage(next=_safe_next(next)))
    response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", secure=settings.secure_cookies)
    return response


@router.post("/login", include_in_schema=False, dependencies=[Csrf])
def login_form(
    request: Request,
    db: DbDep,
    settings: SettingsDep,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    try:
        done = log_in(db, username, password, _client(request), settings)
    except WebError as exc:
        if exc.code not in ("E303", "E304"):
            raise
        status = 429 if exc.code == "E304" else 401
        form = LoginPage(next=_safe_next(next), error=exc.message, username=username[:64])
        return page(request, "login.html", form, status=status)
    response = RedirectResponse(_safe_next(next), status_code=303)
    _set_session(response, done.token, settings)
    return response


@router.post("/logout", include_in_schema=False, dependencies=[Csrf])
def logout(request: Request, db: DbDep) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        log_out(db, token)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


def _me(user: UserDep, csrf: str = "") -> Me:
    return Me(
        csrf_token=csrf,
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        role_label=user.role_label,
        agency=user.agency,
        region=user.region,
    )


@router.get("/api/v1/me", response_model=Me, summary="当前用户")
def me(request: Request, user: UserDep) -> Me:
    return _me(user, request.state.csrf)


@router.post("/api/v1/session", response_model=LoginResult, summary="登录（JSON）")
def api_login(body: Credentials, request: Request, db: DbDep, settings: SettingsDep, response: Response) -> LoginResult:
    """A JSON body cannot be sent by another site's form, so this needs no CSRF token; later unsafe
    requests send the returned ``csrf_token`` in the ``X-CSRF-Token`` header."""
    done = log_in(db, body.username, body.password, _client(request), settings)
    _set_session(response, done.token, settings)
    return LoginResult(user=_me(done.user, done.csrf), csrf_token=done.csrf)


__all__ = ["router"]
