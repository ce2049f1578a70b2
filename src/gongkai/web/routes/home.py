"""The front door: each role to its workspace, the public to the published reports."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import RedirectResponse

from gongkai.web.deps import MaybeUser

router = APIRouter(include_in_schema=False)

WORKSPACE = {"admin": "/admin/users", "clerk": "/agency", "approver": "/agency", "supervisor": "/supervisor"}


@router.get("/")
def home(user: MaybeUser) -> RedirectResponse:
    return RedirectResponse(WORKSPACE.get(user.role, "/public") if user else "/public", status_code=303)


__all__ = ["WORKSPACE", "router"]
