"""The demo store comes with a corpus: the bundled samples audited into it."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from gongkai.web.app import create_app
from gongkai.web.demo import DEMO_PASSWORD
from gongkai.web.demo_corpus import samples_dir
from gongkai.web.settings import WebSettings
from tests.web.conftest import login


def test_demo_corpus_seeds_the_samples(tmp_path: Path) -> None:
    assert samples_dir() == Path(__file__).resolve().parents[2] / "samples"
    settings = WebSettings(database_url=f"sqlite:///{tmp_path / 'demo.db'}", data_dir=tmp_path, demo=True)
    with TestClient(create_app(settings), follow_redirects=False) as client:
        login(client, "admin", DEMO_PASSWORD)
        reports = client.get("/api/v1/supervisor/reports").json()["reports"]
        names = {r["file_name"] for r in reports}
        assert {"hongze-district-2023.pdf", "shuyang-county-2025.txt", "city-sample-2025.html"} <= names
        assert "official-template-2021-blank.docx" not in names
        client.post("/logout", headers={"X-CSRF-Token": client.get("/api/v1/me").json()["csrf_token"]})
        login(client, "supervisor", DEMO_PASSWORD)
        seen = {(r["agency"], r["year"]) for r in client.get("/api/v1/supervisor/reports").json()["reports"]}
        assert ("淮安市洪泽区人民政府", 2023) in seen and all(agency.startswith("淮安市") for agency, _ in seen)
