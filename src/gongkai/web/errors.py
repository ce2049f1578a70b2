"""Every refusal as a Chinese message with a stable code: a page for the browser, JSON under ``/api/``."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from gongkai.errors import GongkaiError, RegisterError, WebError
from gongkai.web.templating import page

STATUS: dict[str, int] = {
    "E301": 401, "E302": 403, "E303": 401, "E304": 429, "E305": 403,
    "E306": 413, "E307": 404, "E308": 422,
    "E203": 404, "E209": 404, "E201": 503, "E202": 503,
}  # fmt: skip
"""HTTP status of each code; any other refusal is 400."""


def _api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def respond(
    request: Request, code: str, message: str, details: tuple[str, ...] = (), status: int | None = None
) -> Response:
    status = status or STATUS.get(code, 400)
    if _api(request):
        return JSONResponse({"code": code, "message": message, "details": list(details)}, status_code=status)
    if code == "E301":
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
    return page(request, "error.html", None, status=status, code=code, message=message, details=details)


def install(app: FastAPI) -> None:
    async def web_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, WebError)
        return respond(request, exc.code, exc.message)

    async def register_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RegisterError)
        return respond(request, exc.code, exc.message, exc.details)

    async def gongkai_error(request: Request, exc: Exception) -> Response:
        return respond(request, "E308", str(exc))

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        lines = tuple(f"{'.'.join(str(p) for p in e.get('loc', ()))}：{e.get('msg', '')}" for e in exc.errors())
        return respond(request, "E308", "请求内容不符合要求", lines)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if exc.status_code == 404:
            return respond(request, "E307", "页面或记录不存在")
        if exc.status_code == 405:
            return respond(request, "E308", "不支持这种请求方法", status=405)
        return respond(request, "E308", str(exc.detail), status=exc.status_code)

    async def too_large(request: Request, exc: Exception) -> Response:
        # a number in the path or query beyond what the database holds (an id of 2**63): no such record
        return respond(request, "E307", "页面或记录不存在（编号超出范围）")

    app.add_exception_handler(OverflowError, too_large)
    app.add_exception_handler(WebError, web_error)
    app.add_exception_handler(RegisterError, register_error)
    app.add_exception_handler(GongkaiError, gongkai_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(StarletteHTTPException, http_error)


__all__ = ["STATUS", "install", "respond"]
