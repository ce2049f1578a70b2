"""The web application (FastAPI, server-rendered Jinja2 pages, a JSON API under ``/api/v1``).

Started by ``gongkai serve`` (uvicorn imports :func:`gongkai.web.app.create_app`); nothing else imports it.
"""
