"""The FastAPI application: ``create_app()`` is what ``gongkai serve`` runs (uvicorn's factory)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine

from gongkai import __version__
from gongkai.web import errors
from gongkai.web.cache import LruCache
from gongkai.web.headers import SecurityHeaders
from gongkai.web.routes import ROUTERS
from gongkai.web.settings import WebSettings

STATIC = Path(__file__).resolve().parent / "static"


def create_app(settings: WebSettings | None = None) -> FastAPI:
    """The application on the store of ``settings`` (default: from the environment).

    The store must be at the package's migration head (E202 otherwise: ``gongkai db upgrade``);
    with ``demo``, an empty store is first filled with the demo agency, users and sample data.
    """
    settings = settings or WebSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        from gongkai.batch.webrun import interrupt_active

        interrupt_active(app.state.engine)  # a run's row never stays "running" once its thread is gone
        app.state.engine.dispose()

    app = FastAPI(
        title="gongkai 政府信息公开",
        version=__version__,
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = _engine(settings)
    app.state.page_cache = LruCache[object]()
    app.add_middleware(SecurityHeaders)
    errors.install(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for router in ROUTERS:
        app.include_router(router)
    return app


def _engine(settings: WebSettings) -> Engine:
    from gongkai.store.engine import open_store

    url = settings.store().database_url
    if settings.demo:
        from gongkai.web.demo import seed_demo

        seed_demo(settings)
    return open_store(url)


__all__ = ["create_app"]
