"""Request dependencies: the store session, the user, the CSRF check (typed ``Annotated`` aliases)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from gongkai.errors import WebError
from gongkai.store.engine import reader
from gongkai.store.repo.users import UserInfo
from gongkai.web.auth import session_user
from gongkai.web.security import same
from gongkai.web.settings import WebSettings

SESSION_COOKIE = "gongkai_session"
CSRF_COOKIE = "gongkai_csrf"
"""The double-submit token of a visitor not logged in (the login form)."""
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
UNSAFE = ("POST", "PUT", "PATCH", "DELETE")


SAFE = ("GET", "HEAD", "OPTIONS")


def get_db(request: Request) -> Iterator[Session]:
    """A session on the app's store, committed when the request succeeds. A GET reads only: on SQLite
    its transaction takes no write lock, so pages never queue behind each other or behind a writer."""
    engine = request.app.state.engine
    bind = reader(engine) if request.method in SAFE else engine
    session = Session(bind, expire_on_commit=False, info={"actor": "web"})
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


DbDep = Annotated[Session, Depends(get_db, scope="function")]
"""Committed before the response is sent: a browser following a redirect after a POST sees the change."""


def get_settings(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.settings
    return settings


SettingsDep = Annotated[WebSettings, Depends(get_settings)]


def optional_user(request: Request, db: DbDep) -> UserInfo | None:
    """The logged-in user (None for the public); its CSRF token goes on ``request.state``."""
    if hasattr(request.state, "user"):
        return request.state.user  # type: ignore[no-any-return]
    token = request.cookies.get(SESSION_COOKIE)
    found = session_user(db, token) if token else None
    request.state.user = found[0] if found else None
    request.state.csrf = found[1] if found else request.cookies.get(CSRF_COOKIE, "")
    if found:
        db.info["actor"] = found[0].username
    return request.state.user  # type: ignore[no-any-return]


MaybeUser = Annotated[UserInfo | None, Depends(optional_user)]


def current_user(user: MaybeUser) -> UserInfo:
    """The logged-in user (E301 otherwise: the login page, or 401 from the API)."""
    if user is None:
        raise WebError("E301")
    return user


UserDep = Annotated[UserInfo, Depends(current_user)]


async def check_csrf(request: Request, user: MaybeUser) -> None:
    """E305 unless an unsafe request carries the session's CSRF token (form field or header)."""
    if request.method not in UNSAFE:
        return
    expected = request.state.csrf
    given = request.headers.get(CSRF_HEADER, "")
    if not given and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        given = value if isinstance(value, str) else ""
    if not expected or not given or not same(expected, given):
        raise WebError("E305")


Csrf = Depends(check_csrf)
"""Put on every route that changes something: ``dependencies=[Csrf]``."""

__all__ = [
    "CSRF_COOKIE",
    "CSRF_FIELD",
    "CSRF_HEADER",
    "SESSION_COOKIE",
    "Csrf",
    "DbDep",
    "MaybeUser",
    "SettingsDep",
    "UserDep",
    "current_user",
    "get_db",
    "optional_user",
]
