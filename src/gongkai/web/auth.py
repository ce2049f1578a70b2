"""Logging in and out: argon2-checked passwords, server-side sessions, a login rate limit.

A session is a random token in an HttpOnly, SameSite=Lax cookie; the store keeps its SHA-256 with
the user, its CSRF token and its expiry. Failed logins are counted per user name and per client
address: past ``login_limit`` in ``login_window_minutes`` every login is refused with E304 until the
window has passed, whatever the password.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from gongkai.errors import WebError
from gongkai.store.columns import utcnow
from gongkai.store.engine import reader
from gongkai.store.repo.users import UserInfo, find_user, info_of, user_info
from gongkai.store.tables import AgencyRow
from gongkai.store.web_tables import LoginAttemptRow, UserRow, WebSessionRow
from gongkai.web.security import dummy_hash, new_token, token_digest, verify_password
from gongkai.web.settings import WebSettings


@dataclass(frozen=True, slots=True)
class LoggedIn:
    user: UserInfo
    token: str
    csrf: str


def _failures(session: Session, username: str, client: str, since: dt.datetime) -> int:
    query = select(func.count()).where(
        LoginAttemptRow.at >= since,
        LoginAttemptRow.ok.is_(False),
        or_(LoginAttemptRow.username == username, LoginAttemptRow.client == client),
    )
    return int(session.scalar(query) or 0)


def log_in(session: Session, username: str, password: str, client: str, settings: WebSettings) -> LoggedIn:
    """A new session for ``username`` (E303 wrong name or password, E304 too many failed attempts).

    The checks (attempts, the user, argon2's deliberately slow hash) run in a reader's transaction
    first, so the write lock is held only for the two rows written, not while the hash is verified."""
    now = utcnow()
    username = username.strip()[:64]
    client = client[:64]
    since = now - dt.timedelta(minutes=settings.login_window_minutes)
    with Session(reader(session.get_bind().engine)) as check:
        if _failures(check, username, client, since) >= settings.login_limit:
            raise WebError("E304", f"登录失败次数过多，请 {settings.login_window_minutes} 分钟后再试")
        found = find_user(check, username)
        stored = found.password_hash if found is not None else dummy_hash()
        user_id = found.id if found is not None and found.disabled_at is None else None
    ok = verify_password(stored, password) and user_id is not None
    session.add(LoginAttemptRow(username=username, client=client, at=now, ok=ok))
    row = session.get(UserRow, user_id) if ok and user_id is not None else None
    if row is None:
        session.commit()  # the failed attempt counts even though the request fails
        raise WebError("E303")
    token, csrf = new_token(), new_token()
    expires = now + dt.timedelta(hours=settings.session_hours)
    session.add(WebSessionRow(token_hash=token_digest(token), user_id=row.id, csrf_token=csrf, expires_at=expires))
    session.execute(delete(WebSessionRow).where(WebSessionRow.expires_at < now))
    return LoggedIn(user_info(session, row), token, csrf)


def session_user(session: Session, token: str) -> tuple[UserInfo, str] | None:
    """The user and CSRF token of a live session, or None (one query: every request makes it)."""
    found = session.execute(
        select(UserRow, WebSessionRow.csrf_token, AgencyRow.name)
        .join(WebSessionRow, WebSessionRow.user_id == UserRow.id)
        .outerjoin(AgencyRow, AgencyRow.id == UserRow.agency_id)
        .where(WebSessionRow.token_hash == token_digest(token), WebSessionRow.expires_at > utcnow())
    ).first()
    if found is None or found[0].disabled_at is not None:
        return None
    return info_of(found[0], found[2]), found[1]


def log_out(session: Session, token: str) -> None:
    session.execute(delete(WebSessionRow).where(WebSessionRow.token_hash == token_digest(token)))


__all__ = ["LoggedIn", "log_in", "log_out", "session_user"]
