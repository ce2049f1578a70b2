"""The demo's report seeder: last year's draft texts, and the year before published."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fastapi.testclient import TestClient

from gongkai.web.app import create_app
from gongkai.web.demo import DEMO_AGENCY, DEMO_PASSWORD, SEEDERS
from gongkai.web.demo_report import seed_report
from gongkai.web.settings import WebSettings
from tests.web.conftest import login


def test_report_demo_seeds_published_and_draft(tmp_path: Path) -> None:
    assert seed_report in SEEDERS
    settings = WebSettings(database_url=f"sqlite:///{tmp_path / 'demo.db'}", data_dir=tmp_path, demo=True)
    last = dt.date.today().year - 1
    with TestClient(create_app(settings), follow_redirects=False) as client:
        listing = client.get("/api/v1/public/reports").json()
        assert [r["agency"] for r in listing["years"][str(last - 1)]] == [DEMO_AGENCY]
        assert str(last) not in listing["years"]
        login(client, "clerk", DEMO_PASSWORD)
        draft = client.get("/api/v1/agency/report").json()
        assert (draft["year"], draft["status"], draft["marks_left"]) == (last, "draft", 0)
