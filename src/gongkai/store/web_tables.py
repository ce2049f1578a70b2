"""The web application's tables: users and their roles, login sessions, login attempts, the state of
each agency's yearly report (draft → approved → published, with the final files), and the corpus runs
supervisors start from the browser.

A user's role decides what it may do (see ``gongkai.web.roles``): ``admin``; ``clerk`` (经办人) and
``approver`` (审核人) of one agency; ``supervisor`` of a region (the agencies whose region starts with
it) and the corpus. The public has no account. Passwords are stored as argon2 hashes only; a login
session is stored as the SHA-256 of its cookie token, so the table alone logs nobody in.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from gongkai.store.columns import UtcDateTime, one_of, utcnow
from gongkai.store.tables import Base

ROLES = ("admin", "clerk", "approver", "supervisor")
REPORT_STATUSES = ("draft", "approved", "published")
RUN_STATUSES = ("queued", "running", "done", "failed")
FILE_FORMATS = ("docx", "pdf", "html")


class UserRow(Base):
    __tablename__ = "web_users"
    __table_args__ = (one_of("role", ROLES),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    """The agency a clerk or approver works for."""
    region: Mapped[str | None] = mapped_column(String(200))
    """A supervisor's region: it reads the agencies whose region starts with it (blank: every agency)."""
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    disabled_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())


class WebSessionRow(Base):
    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("web_users.id"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())


class LoginAttemptRow(Base):
    __tablename__ = "web_login_attempts"
    __table_args__ = (Index("ix_web_login_attempts_username_at", "username", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    client: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    ok: Mapped[bool] = mapped_column(default=False)


class ReportStateRow(Base):
    """An agency's report for a year once it leaves the draft: who approved and published it, when."""

    __tablename__ = "web_report_states"
    __table_args__ = (UniqueConstraint("agency_id", "year"), one_of("status", REPORT_STATUSES))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    year: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    report_json: Mapped[str | None] = mapped_column(Text)
    """The final report (``AnnualReport`` JSON) as approved: what was published, whatever changes after."""
    approved_by: Mapped[str | None] = mapped_column(String(64))
    approved_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    published_by: Mapped[str | None] = mapped_column(String(64))
    published_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())


class ReportFileRow(Base):
    """A final file of an approved report (DOCX, PDF, HTML), made once at approval."""

    __tablename__ = "web_report_files"
    __table_args__ = (UniqueConstraint("state_id", "format"), one_of("format", FILE_FORMATS))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    state_id: Mapped[int] = mapped_column(ForeignKey("web_report_states.id"))
    format: Mapped[str] = mapped_column(String(8))
    content: Mapped[bytes] = mapped_column(LargeBinary)


class CorpusRunRow(Base):
    """A corpus run a supervisor started from the browser (uploaded files or pasted URLs)."""

    __tablename__ = "web_corpus_runs"
    __table_args__ = (one_of("status", RUN_STATUSES),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("web_users.id"))
    status: Mapped[str] = mapped_column(String(16), default="queued")
    inputs: Mapped[str] = mapped_column(Text)
    """The run's inputs, one per line: uploaded files (saved under the data directory) and URLs."""
    total: Mapped[int] = mapped_column(Integer, default=0)
    done: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())


__all__ = [
    "FILE_FORMATS",
    "REPORT_STATUSES",
    "ROLES",
    "RUN_STATUSES",
    "CorpusRunRow",
    "LoginAttemptRow",
    "ReportFileRow",
    "ReportStateRow",
    "UserRow",
    "WebSessionRow",
]
