"""The web application's users: add, find, list (passwords arrive hashed; hashing is the web layer's)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from gongkai.errors import RegisterError
from gongkai.store.audit import log
from gongkai.store.repo._common import rule
from gongkai.store.repo.agencies import agency_row
from gongkai.store.tables import AgencyRow
from gongkai.store.web_tables import ROLES, UserRow

ROLE_LABELS: dict[str, str] = {"admin": "管理员", "clerk": "经办人", "approver": "审核人", "supervisor": "监督人员"}
AGENCY_ROLES = ("clerk", "approver")


@dataclass(frozen=True, slots=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: str
    agency_id: int | None
    agency: str | None
    region: str | None

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)


def user_info(session: Session, row: UserRow) -> UserInfo:
    agency = session.get(AgencyRow, row.agency_id) if row.agency_id is not None else None
    return info_of(row, agency.name if agency else None)


def info_of(row: UserRow, agency: str | None) -> UserInfo:
    """``row`` with its agency's name already read (a query that joined it)."""
    return UserInfo(row.id, row.username, row.display_name, row.role, row.agency_id, agency, row.region)


def find_user(session: Session, username: str) -> UserRow | None:
    return session.scalars(select(UserRow).where(UserRow.username == username.strip())).first()


def add_user(
    session: Session,
    username: str,
    password_hash: str,
    role: str,
    *,
    display_name: str = "",
    agency: str | None = None,
    region: str | None = None,
) -> UserInfo:
    """Add a user (E204 bad field; E209 unknown agency; E206 the user name is taken)."""
    username = username.strip()
    rule(0 < len(username) <= 64 and username.isprintable() and " " not in username, "用户名应为 1–64 个字符，不含空格")
    rule(role in ROLES, f"角色应为 {'、'.join(ROLES)} 之一，而不是“{role}”")
    rule(role not in AGENCY_ROLES or bool(agency), f"{ROLE_LABELS[role]}须属于一个机关（--agency）")
    if find_user(session, username) is not None:
        raise RegisterError("E206", f"用户名已被使用：{username}")
    agency_id = agency_row(session, agency).id if agency and role in AGENCY_ROLES else None
    row = UserRow(
        username=username,
        display_name=(display_name.strip() or username)[:100],
        password_hash=password_hash,
        role=role,
        agency_id=agency_id,
        region=(region or "").strip() or None if role == "supervisor" else None,
    )
    session.add(row)
    session.flush()
    shown = {"username": row.username, "display_name": row.display_name, "role": role}
    log(session, "insert", "user", row.id, None, {**shown, "agency_id": agency_id, "region": row.region})
    return user_info(session, row)


def list_users(session: Session) -> list[UserInfo]:
    return [user_info(session, row) for row in session.scalars(select(UserRow).order_by(UserRow.id))]


__all__ = ["AGENCY_ROLES", "ROLE_LABELS", "UserInfo", "add_user", "find_user", "info_of", "list_users", "user_info"]
