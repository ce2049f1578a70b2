"""Jinja2 pages (autoescaped: text from ingested reports always shows as text) and their JSON twins."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
TEMPLATES.env.autoescape = True
HTMX = "htmx-2.0.8.min.js"


def page(
    request: Request, template: str, data: BaseModel | None = None, status: int = 200, **extra: Any
) -> HTMLResponse:
    """The page ``template`` for ``data`` (the same model its ``/api/v1`` twin returns as JSON)."""
    context: dict[str, Any] = {
        "request": request,
        "page": data,
        "user": getattr(request.state, "user", None),
        "csrf": getattr(request.state, "csrf", ""),
        "htmx": HTMX,
        **extra,
    }
    return TEMPLATES.TemplateResponse(request, template, context, status_code=status)


__all__ = ["TEMPLATES", "page"]
