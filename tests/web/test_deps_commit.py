"""The request's store session is committed before the response goes out, so a browser that follows the
redirect after a POST at once reads the change (FastAPI's default ends yield dependencies only after
the response is sent)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import anyio
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from gongkai.store.engine import open_engine, session_scope
from gongkai.store.tables import ApplicationRow
from gongkai.web.settings import WebSettings
from tests.web.conftest import login


def _applications(settings: WebSettings) -> int:
    engine = open_engine(settings.store().database_url)
    try:
        with session_scope(engine, read_only=True) as session:
            return session.scalar(select(func.count()).select_from(ApplicationRow)) or 0
    finally:
        engine.dispose()


def test_deps_post_committed_before_the_response_starts(
    app: FastAPI, client: TestClient, settings: WebSettings
) -> None:
    token = login(client, "clerk")
    cookies = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    form = {"csrf_token": token, "number": "HZ-1", "applicant_type": "natural_person", "applicant_name": "张三",
            "channel": "online", "content": "经费", "received": "2025-03-03"}  # fmt: skip
    body = urlencode(form).encode()
    scope: dict[str, Any] = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": "/agency/applications", "raw_path": b"/agency/applications", "query_string": b"", "root_path": "",
        "client": ("127.0.0.1", 5000), "server": ("testserver", 80),
        "headers": [(b"host", b"testserver"), (b"cookie", cookies.encode()), (b"content-length", str(len(body)).encode()),
                    (b"content-type", b"application/x-www-form-urlencoded")],
    }  # fmt: skip
    seen: list[tuple[int, int]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            seen.append((message["status"], _applications(settings)))

    async def call() -> None:
        await app(scope, receive, send)

    assert _applications(settings) == 0
    anyio.run(call)
    assert seen == [(303, 1)]
