"""The routers, one module per area; every page has its JSON twin under ``/api/v1``."""

from __future__ import annotations

from fastapi import APIRouter

from gongkai.web.routes import (
    admin,
    agency_apps,
    agency_case,
    agency_registers,
    auth,
    home,
    public,
    report,
    report_actions,
    supervisor,
    supervisor_reports,
    supervisor_views,
)

ROUTERS: list[APIRouter] = [
    auth.router,
    home.router,
    admin.router,
    agency_apps.router,
    agency_case.router,
    agency_registers.router,
    report.router,
    report_actions.router,
    public.router,
    supervisor.router,
    supervisor_reports.router,
    supervisor_views.router,
]

__all__ = ["ROUTERS"]
