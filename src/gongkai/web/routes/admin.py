"""The administrator's pages: users and agencies."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel

from gongkai.errors import WebError
from gongkai.store.repo.agencies import add_agency, agencies
from gongkai.store.repo.users import ROLE_LABELS, add_user, list_users
from gongkai.web.deps import Csrf, DbDep, UserDep
from gongkai.web.roles import require
from gongkai.web.security import MIN_PASSWORD_CHARS, hash_password
from gongkai.web.templating import page

router = APIRouter(tags=["管理"])


class UserOut(BaseModel):
    id: int
    username: str
    display_name: str
    role: str
    role_label: str
    agency: str | None
    region: str | None


class AgencyOut(BaseModel):
    id: int
    name: str
    kind: str
    region: str | None


class UsersPage(BaseModel):
    users: list[UserOut]
    agencies: list[AgencyOut]
    roles: dict[str, str]


def _users_page(db: DbDep, user: UserDep) -> UsersPage:
    require(user.role == "admin", "：仅管理员可管理用户")
    return UsersPage(
        users=[
            UserOut(
                id=u.id,
                username=u.username,
                display_name=u.display_name,
                role=u.role,
                role_label=u.role_label,
                agency=u.agency,
                region=u.region,
            )
            for u in list_users(db)
        ],
        agencies=[AgencyOut(id=int(a.id), name=a.name, kind=a.kind, region=a.region) for a in agencies(db)],
        roles=ROLE_LABELS,
    )


@router.get("/admin/users", response_class=HTMLResponse, include_in_schema=False)
def users_html(request: Request, db: DbDep, user: UserDep) -> Response:
    return page(request, "admin_users.html", _users_page(db, user))


@router.get("/api/v1/admin/users", response_model=UsersPage, summary="用户与机关")
def users_api(db: DbDep, user: UserDep) -> UsersPage:
    return _users_page(db, user)


@router.post("/admin/users", include_in_schema=False, dependencies=[Csrf])
def add_user_form(
    db: DbDep,
    user: UserDep,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=200)],
    role: Annotated[str, Form(max_length=16)],
    display_name: Annotated[str, Form(max_length=100)] = "",
    agency: Annotated[str, Form(max_length=200)] = "",
    region: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    require(user.role == "admin", "：仅管理员可管理用户")
    if len(password) < MIN_PASSWORD_CHARS:
        raise WebError("E308", f"密码至少 {MIN_PASSWORD_CHARS} 个字符")
    add_user(
        db, username, hash_password(password), role, display_name=display_name, agency=agency or None, region=region
    )
    return RedirectResponse("/admin/users", status_code=303)


@router.post("/admin/agencies", include_in_schema=False, dependencies=[Csrf])
def add_agency_form(
    db: DbDep,
    user: UserDep,
    name: Annotated[str, Form(max_length=200)],
    kind: Annotated[str, Form(max_length=16)] = "department",
    region: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    require(user.role == "admin", "：仅管理员可添加机关")
    add_agency(db, name, kind, region or None)
    return RedirectResponse("/admin/users", status_code=303)


__all__ = ["router"]
