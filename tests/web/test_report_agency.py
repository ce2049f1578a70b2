"""The year's report in the agency workspace: computed cells link to exactly their records; texts; CSRF."""

from __future__ import annotations

import datetime as dt
import html
import json

from fastapi.testclient import TestClient

from gongkai.web.settings import WebSettings
from tests.web.conftest import AGENCY, OTHER, login
from tests.web.report_helpers import YEAR, add_decided, texts_form


def _cell(page: dict[str, object], table: str, row: str, column: str) -> dict[str, object]:
    tables = {t["id"]: t for t in page["report"]["tables"]}  # type: ignore[index]
    for cells in tables[table]["rows"]:
        for c in cells:
            if c["row"] == row and c["column"] == column:
                return c  # type: ignore[no-any-return]
    raise AssertionError(f"no cell {table}.{row}.{column}")


def _three(settings: WebSettings) -> None:
    add_decided(settings, AGENCY, "2024-001", "natural_person", "granted", dt.date(YEAR, 3, 4))
    add_decided(settings, AGENCY, "2024-002", "natural_person", "granted", dt.date(YEAR, 5, 6))
    add_decided(settings, AGENCY, "2024-003", "commercial_enterprise", "denied_state_secret", dt.date(YEAR, 6, 3))
    add_decided(settings, OTHER, "X-1", "natural_person", "granted", dt.date(YEAR, 4, 1))  # another agency's


def test_report_cell_links_to_exactly_its_records(client: TestClient, settings: WebSettings) -> None:
    _three(settings)
    login(client, "clerk")
    page = client.get(f"/api/v1/agency/report?year={YEAR}").json()
    granted = _cell(page, "table3", "granted", "natural_person")
    assert granted["text"] == "2"
    assert granted["link"] == f"/agency/report/cells?year={YEAR}&table=table3&row=granted&column=natural_person"
    assert _cell(page, "table3", "granted", "commercial_enterprise")["link"] is None  # a 0 links nowhere
    drill = client.get(str(granted["link"]).replace("/agency/", "/api/v1/agency/", 1)).json()
    assert [r["number"] for r in drill["records"]] == ["2024-001", "2024-002"]
    assert drill["records"][0]["link"] == "/agency/applications/2024-001"
    assert (drill["row_label"], drill["column_label"], drill["value"]) == ("（一）予以公开", "自然人", "2")
    total = client.get(f"/api/v1/agency/report/cells?year={YEAR}&table=table3&row=new_received&column=total").json()
    assert sorted(r["number"] for r in total["records"]) == ["2024-001", "2024-002", "2024-003"]
    shown = client.get(str(granted["link"]))
    assert shown.status_code == 200
    assert '<a href="/agency/applications/2024-001">2024-001</a>' in shown.text
    assert "2024-003" not in shown.text


def test_report_page_equals_its_json_twin(client: TestClient, settings: WebSettings) -> None:
    _three(settings)
    login(client, "clerk")
    data = client.get(f"/api/v1/agency/report?year={YEAR}").json()
    text = client.get(f"/agency/report?year={YEAR}").text
    assert data["status_label"] == "草稿" and data["status_label"] in text
    links = [c["link"] for t in data["report"]["tables"] for row in t["rows"] for c in row if c.get("link")]
    # 新收 自然人/商业企业/总计, 予以公开 自然人/总计, 国家秘密 商业企业/总计, （七）总计 自然人/商业企业/总计
    assert len(links) == 10
    for link in links:
        assert f'href="{html.escape(link)}"' in text
    for f in data["findings"]:
        assert html.escape(f["message"]) in text
    assert data["marks_left"] > 0 and "【待填写：总体工作概述】" in text


def test_report_unknown_cell_refused(client: TestClient) -> None:
    login(client, "clerk")
    response = client.get(f"/api/v1/agency/report/cells?year={YEAR}&table=table3&row=nope&column=total")
    assert response.status_code == 400 and response.json()["code"] == "E204"


def test_report_other_agency_refused(client: TestClient, settings: WebSettings) -> None:
    login(client, "other_clerk")
    assert client.get(f"/api/v1/agency/report?year={YEAR}&agency_id=1").status_code == 403


def test_report_texts_saved_and_post_without_csrf_refused(client: TestClient, settings: WebSettings) -> None:
    token = login(client, "clerk")
    form = texts_form(token)
    refused = client.post(
        f"/agency/report/texts?year={YEAR}", data={k: v for k, v in form.items() if k != "csrf_token"}
    )
    assert refused.status_code == 403
    assert client.get(f"/api/v1/agency/report?year={YEAR}").json()["marks_left"] == 9
    saved = client.post(f"/agency/report/texts?year={YEAR}", data=form)
    assert saved.status_code == 303
    page = client.get(f"/api/v1/agency/report?year={YEAR}").json()
    assert page["marks_left"] == 0 and page["errors"] == 0
    assert page["signature_date"] == f"{YEAR + 1}-01-20"
    overview = next(t for t in page["report"]["texts"] if t["number"] == 1)
    assert "2024年，淮安市洪泽区人民政府办公室认真贯彻落实《条例》。" in overview["text"]


def test_report_texts_uploaded_as_json(client: TestClient, settings: WebSettings) -> None:
    from gongkai.render.json import report_to_json
    from gongkai.store.engine import open_engine, session_scope

    engine = open_engine(settings.store().database_url)
    with session_scope(engine, read_only=True) as session:
        from gongkai.casework.report import agency_report_in

        report = agency_report_in(session, AGENCY, YEAR)
    engine.dispose()
    report.preamble = "本报告依《条例》编制。"
    for section in report.sections:
        if "【待填写" in section.text:
            section.text = f"第{section.number}部分的内容。"
    body = json.dumps(report_to_json(report), ensure_ascii=False).encode("utf-8")
    token = login(client, "clerk")
    response = client.post(
        f"/agency/report/texts/upload?year={YEAR}",
        data={"csrf_token": token},
        files={"file": ("texts.json", body, "application/json")},
    )
    assert response.status_code == 303, response.text
    page = client.get(f"/api/v1/agency/report?year={YEAR}").json()
    assert page["marks_left"] == 0
    assert page["report"]["texts"][0]["text"] == "本报告依《条例》编制。"
