"""The demo's case registers: seeded through casework, so their deadlines are the statutory clock's."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from gongkai.web.app import create_app
from gongkai.web.demo import DEMO_PASSWORD, SEEDERS
from gongkai.web.demo_cases import seed_cases
from gongkai.web.settings import WebSettings
from tests.web.conftest import form_token


def test_agency_demo_seeds_varied_applications_reviews_and_items(tmp_path: Path) -> None:
    assert seed_cases in SEEDERS
    settings = WebSettings(database_url=f"sqlite:///{tmp_path / 'demo.db'}", data_dir=tmp_path, demo=True)
    with TestClient(create_app(settings), follow_redirects=False) as client:
        page = client.get("/login")
        client.post(
            "/login",
            data={"username": "clerk", "password": DEMO_PASSWORD, "csrf_token": form_token(page.text), "next": "/"},
        )
        data = client.get("/api/v1/agency/applications").json()
        assert data["total"] == 12
        rows = data["applications"]
        assert rows[0]["deadline"]["badge"] == "overdue"
        stages = {r["stage_label"] for r in rows if r["status"] == "open"}
        assert {"等待补正", "等待缴费", "办理中"} <= stages
        outcomes = {r["outcome_name"] for r in rows if r["status"] == "closed"}
        assert {"予以公开", "部分公开", "不予公开-属于国家秘密"} <= outcomes
        assert len(client.get("/api/v1/agency/reviews").json()["reviews"]) == 2
        items = client.get("/api/v1/agency/items").json()["items"]
        assert sorted(i["status"] for i in items) == ["late", "on_time", "pending"]
        assert client.get("/agency").status_code == 200
