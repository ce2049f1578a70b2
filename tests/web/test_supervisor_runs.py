"""Corpus runs from the browser: uploads refused unless reports, runs in the request or a thread."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from gongkai.store.engine import open_engine, session_scope
from gongkai.store.web_tables import CorpusRunRow
from gongkai.web.app import create_app
from gongkai.web.settings import WebSettings
from tests.web.conftest import login
from tests.web.corpus_helpers import HONGZE_2024, SHUYANG

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 200


@pytest.fixture
def waiting(settings: WebSettings) -> WebSettings:
    return settings.model_copy(update={"run_wait": True})


def _client(settings: WebSettings) -> TestClient:
    return TestClient(create_app(settings), follow_redirects=False)


def _upload(client: TestClient, token: str, *paths: Path, urls: str = "", api: bool = False) -> object:
    files = [("files", (p.name, p.read_bytes(), "application/octet-stream")) for p in paths]
    target = "/api/v1/supervisor/runs" if api else "/supervisor/runs"
    return client.post(target, data={"csrf_token": token, "urls": urls}, files=files or None)


def test_supervisor_run_of_two_uploads_lists_their_reports(waiting: WebSettings) -> None:
    with _client(waiting) as client:
        token = login(client, "admin")
        response = _upload(client, token, HONGZE_2024, SHUYANG)
        assert response.status_code == 303, response.text  # type: ignore[attr-defined]
        location = response.headers["location"]  # type: ignore[attr-defined]
        run_id = int(location.rsplit("/", 1)[1])
        data = client.get(f"/api/v1/supervisor/runs/{run_id}").json()
        assert data["run"]["status"] == "done" and data["run"]["done"] == 2 and data["run"]["total"] == 2
        assert sorted(r["file_name"] for r in data["reports"]) == [
            "hongze-district-2024.pdf",
            "shuyang-county-2025.txt",
        ]
        page = client.get(location).text
        assert "hx-get" not in page and f'href="/supervisor/reports/{data["reports"][0]["result_id"]}"' in page
        saved = sorted(p.name for p in waiting.files_dir.glob("*/*"))
        assert saved == ["hongze-district-2024.pdf", "shuyang-county-2025.txt"]
        listed = client.get("/api/v1/supervisor").json()
        assert listed["runs"][0]["id"] == run_id and listed["summary"]["reports"] == 2


def test_supervisor_run_in_a_thread_completes(settings: WebSettings) -> None:
    with _client(settings) as client:
        token = login(client, "supervisor")
        response = _upload(client, token, SHUYANG, api=True)
        assert response.status_code == 200, response.text  # type: ignore[attr-defined]
        run_id = response.json()["id"]  # type: ignore[attr-defined]
        deadline = time.monotonic() + 180
        while True:
            data = client.get(f"/api/v1/supervisor/runs/{run_id}").json()
            if data["run"]["finished"] or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert data["run"]["status"] == "done", data
        assert data["run"]["done"] == 1 and data["run"]["message"] == "已审核 1 份文件"
        # the supervisor (江苏省淮安市) does not see 沭阳县's report, whose region is unknown
        assert data["reports"] == []


def test_supervisor_run_page_polls_until_finished(settings: WebSettings, client: TestClient) -> None:
    engine = open_engine(settings.store().database_url)
    with session_scope(engine) as session:
        session.add(CorpusRunRow(user_id=1, status="running", inputs="/x/a.pdf", total=3, done=1))
    engine.dispose()
    login(client, "supervisor")
    page = client.get("/supervisor/runs/1").text
    assert 'hx-get="/supervisor/runs/1/progress"' in page and 'hx-trigger="every 2s"' in page
    assert 'href="/supervisor/runs/1"' in page and "1/3" in page
    fragment = client.get("/supervisor/runs/1/progress").text
    assert fragment.startswith('<div id="run-progress"') and "<html" not in fragment
    assert client.get("/api/v1/supervisor/runs/2").status_code == 404


@pytest.mark.parametrize(("name", "data"), [("report.pdf", PNG), ("setup.exe", EXE), ("empty.txt", b"")])
def test_supervisor_upload_refuses_non_reports(waiting: WebSettings, name: str, data: bytes) -> None:
    with _client(waiting) as client:
        token = login(client, "supervisor")
        response = client.post(
            "/api/v1/supervisor/runs", data={"csrf_token": token}, files=[("files", (name, data, "application/pdf"))]
        )
        assert response.status_code == 413
        body = response.json()
        assert body["code"] == "E306" and name in body["message"]
        html = client.post("/supervisor/runs", data={"csrf_token": token}, files=[("files", (name, data, "x/y"))])
        assert html.status_code == 413 and name in html.text and "E306" in html.text
        assert not list(waiting.files_dir.glob("*/*"))
        assert client.get("/api/v1/supervisor").json()["runs"] == []


def test_supervisor_upload_refuses_oversize_and_too_many(waiting: WebSettings) -> None:
    small = waiting.model_copy(update={"upload_max_mb": 1, "upload_max_files": 2})
    with _client(small) as client:
        token = login(client, "supervisor")
        big = ("big.txt", "第一行\n".encode() * 200_000, "text/plain")
        response = client.post("/api/v1/supervisor/runs", data={"csrf_token": token}, files=[("files", big)])
        assert response.status_code == 413 and response.json()["code"] == "E306"
        assert "big.txt" in response.json()["message"] and "1 MB" in response.json()["message"]
        three = [("files", (f"r{i}.txt", SHUYANG.read_bytes(), "text/plain")) for i in range(3)]
        response = client.post("/api/v1/supervisor/runs", data={"csrf_token": token}, files=three)
        assert response.status_code == 413 and response.json()["code"] == "E306"


def test_supervisor_urls_only_http(waiting: WebSettings) -> None:
    with _client(waiting) as client:
        token = login(client, "supervisor")
        for bad in (
            "file:///etc/passwd",
            "ftp://example.com/a.pdf",
            "javascript:alert(1)",
            "http://127.0.0.1:8000/admin",
            "http://localhost/a.pdf",
            "http://[::1]/a.pdf",
            "http://169.254.169.254/latest/meta-data",
            "https://10.0.0.1/a.pdf",
        ):
            response = client.post("/api/v1/supervisor/runs", data={"csrf_token": token, "urls": bad})
            assert response.status_code == 422 and response.json()["code"] == "E308", bad
        response = client.post("/api/v1/supervisor/runs", data={"csrf_token": token, "urls": ""})
        assert response.status_code == 422


def test_supervisor_run_post_needs_csrf(waiting: WebSettings) -> None:
    with _client(waiting) as client:
        login(client, "supervisor")
        files = [("files", (SHUYANG.name, SHUYANG.read_bytes(), "text/plain"))]
        assert client.post("/supervisor/runs", files=files).status_code == 403
        response = client.post("/api/v1/supervisor/runs", data={"csrf_token": "wrong"}, files=files)
        assert response.status_code == 403 and response.json()["code"] == "E305"
        assert client.get("/api/v1/supervisor").json()["runs"] == []


def test_supervisor_runs_refused_to_clerk(waiting: WebSettings) -> None:
    with _client(waiting) as client:
        token = login(client, "clerk")
        assert client.get("/supervisor").status_code == 403
        assert client.get("/api/v1/supervisor").json()["code"] == "E302"
        response = _upload(client, token, SHUYANG, api=True)
        assert response.status_code == 403  # type: ignore[attr-defined]
        assert not waiting.files_dir.exists() or not list(waiting.files_dir.glob("*/*"))


def test_supervisor_home_has_upload_form(client: TestClient) -> None:
    login(client, "supervisor")
    html = client.get("/supervisor").text
    assert 'enctype="multipart/form-data"' in html and 'name="csrf_token"' in html
    assert '<label for="run-files">' in html and '<label for="run-urls">' in html


def test_supervisor_run_of_an_unreachable_url_finishes(waiting: WebSettings) -> None:
    with _client(waiting) as client:
        token = login(client, "admin")
        url = "https://no-such-host.invalid/report-2024.pdf"
        response = client.post("/api/v1/supervisor/runs", data={"csrf_token": token, "urls": url})
        assert response.status_code == 200, response.text
        run = response.json()
        assert run["status"] == "done" and run["done"] == 1 and run["inputs"] == [url]
        assert client.get("/api/v1/supervisor/reports").json()["reports"] == []
