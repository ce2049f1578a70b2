"""The routers, one module per area; every page has its JSON twin under ``/api/v1``."""

from __future__ import annotations

from fastapi import APIRouter

from gongkai.web.routes import admin, auth, home, supervisor, supervisor_reports, supervisor_views

ROUTERS: list[APIRouter] = [
    auth.router,
    home.router,
    admin.router,
    supervisor.router,
    supervisor_reports.router,
    supervisor_views.router,
]

__all__ = ["ROUTERS"]
