"""The public pages: only published reports, without login; a region's statistics sum published figures."""

from __future__ import annotations

import datetime as dt
import html

from fastapi.testclient import TestClient

from gongkai.store.engine import open_engine, session_scope
from gongkai.store.repo.agencies import agency_row
from gongkai.web.settings import WebSettings
from tests.web.conftest import AGENCY, OTHER, login
from tests.web.report_helpers import YEAR, add_decided, texts_form


def _id(settings: WebSettings, name: str) -> int:
    engine = open_engine(settings.store().database_url)
    try:
        with session_scope(engine, read_only=True) as session:
            return agency_row(session, name).id
    finally:
        engine.dispose()


def _approve(client: TestClient, token: str, query: str) -> None:
    assert client.post(f"/agency/report/texts?{query}", data=texts_form(token)).status_code == 303
    response = client.post(f"/agency/report/approve?{query}", data={"csrf_token": token})
    assert response.status_code == 303, response.text


def _publish(client: TestClient, token: str, query: str) -> None:
    assert client.post(f"/agency/report/publish?{query}", data={"csrf_token": token}).status_code == 303


def _value(tables: list[dict[str, object]], table: str, row: str, column: str) -> str:
    for t in tables:
        if t["id"] == table:
            for cells in t["rows"]:  # type: ignore[attr-defined]
                for c in cells:
                    if c["row"] == row and c["column"] == column:
                        return str(c["text"])
    raise AssertionError(f"no cell {table}.{row}.{column}")


def test_public_draft_and_approved_never_visible(client: TestClient, settings: WebSettings) -> None:
    agency_id = _id(settings, AGENCY)
    assert client.get(f"/public/reports/{agency_id}/{YEAR}").status_code == 404
    token = login(client, "approver")
    _approve(client, token, f"year={YEAR}")
    public = TestClient(client.app, follow_redirects=False)
    assert public.get("/api/v1/public/reports").json() == {"years": {}}
    assert public.get(f"/public/reports/{agency_id}/{YEAR}").status_code == 404
    assert public.get(f"/public/reports/{agency_id}/{YEAR}/files/docx").status_code == 404


def test_public_published_report_visible_without_login(client: TestClient, settings: WebSettings) -> None:
    add_decided(settings, AGENCY, "2024-001", "natural_person", "granted", dt.date(YEAR, 3, 4))
    agency_id = _id(settings, AGENCY)
    token = login(client, "approver")
    _approve(client, token, f"year={YEAR}")
    _publish(client, token, f"year={YEAR}")
    assert client.get(f"/api/v1/agency/report?year={YEAR}").json()["status_label"] == "已公开"
    public = TestClient(client.app, follow_redirects=False)
    listing = public.get("/api/v1/public/reports").json()
    assert [(r["agency"], r["link"]) for r in listing["years"][str(YEAR)]] == [
        (AGENCY, f"/public/reports/{agency_id}/{YEAR}")
    ]
    page = public.get("/public")
    assert page.status_code == 200 and f'href="/public/reports/{agency_id}/{YEAR}"' in page.text
    shown = public.get(f"/public/reports/{agency_id}/{YEAR}")
    assert shown.status_code == 200
    assert f"{AGENCY}{YEAR}年政府信息公开工作年度报告" in shown.text
    assert "/agency/report/cells" not in shown.text  # no drill-down for the public
    data = public.get(f"/api/v1/public/reports/{agency_id}/{YEAR}").json()
    assert _value(data["report"]["tables"], "table3", "granted", "natural_person") == "1"
    for t in data["report"]["texts"]:
        for para in t["paragraphs"]:
            assert html.escape("".join(s["text"] for s in para)) in shown.text
    stored = public.get(f"/public/reports/{agency_id}/{YEAR}/files/html")
    assert stored.headers["content-type"].startswith("text/html")
    assert "script-src" not in stored.headers["content-security-policy"]
    assert stored.headers["content-security-policy"].startswith("default-src 'none'")
    assert public.get(f"/public/reports/{agency_id}/{YEAR}/files/pdf").content.startswith(b"%PDF")


def test_public_statistics_sum_two_agencies(client: TestClient, settings: WebSettings) -> None:
    add_decided(settings, AGENCY, "A-1", "natural_person", "granted", dt.date(YEAR, 3, 4))
    add_decided(settings, AGENCY, "A-2", "natural_person", "granted", dt.date(YEAR, 4, 4))
    add_decided(settings, AGENCY, "A-3", "commercial_enterprise", "denied_state_secret", dt.date(YEAR, 5, 6))
    add_decided(settings, OTHER, "B-1", "natural_person", "granted", dt.date(YEAR, 3, 9))
    add_decided(settings, OTHER, "B-2", "commercial_enterprise", "granted", dt.date(YEAR, 7, 1))
    token = login(client, "admin")
    for name in (AGENCY, OTHER):
        query = f"year={YEAR}&agency_id={_id(settings, name)}"
        _approve(client, token, query)
        _publish(client, token, query)
    public = TestClient(client.app, follow_redirects=False)
    both = public.get(f"/api/v1/public/statistics?region=江苏省&year={YEAR}").json()
    assert sorted(both["agencies"]) == sorted([AGENCY, OTHER])
    assert _value(both["tables"], "table3", "granted", "natural_person") == "3"
    assert _value(both["tables"], "table3", "granted", "commercial_enterprise") == "1"
    assert _value(both["tables"], "table3", "granted", "total") == "4"
    assert _value(both["tables"], "table3", "denied_state_secret", "total") == "1"
    assert _value(both["tables"], "table3", "new_received", "total") == "5"
    huaian = public.get(f"/api/v1/public/statistics?region=江苏省淮安市&year={YEAR}").json()
    assert huaian["agencies"] == [AGENCY]
    assert _value(huaian["tables"], "table3", "granted", "total") == "2"
    page = public.get(f"/public/statistics?region=江苏省&year={YEAR}")
    assert page.status_code == 200 and "汇总了 2 个机关" in page.text
    assert public.get(f"/api/v1/public/statistics?region=浙江省&year={YEAR}").json()["agencies"] == []


def test_public_publish_refused_to_clerk_and_before_approval(client: TestClient) -> None:
    token = login(client, "approver")
    assert client.post(f"/agency/report/publish?year={YEAR}", data={"csrf_token": token}).status_code == 400
    clerk = TestClient(client.app, follow_redirects=False)
    clerk_token = login(clerk, "clerk")
    assert clerk.post(f"/agency/report/publish?year={YEAR}", data={"csrf_token": clerk_token}).status_code == 403
