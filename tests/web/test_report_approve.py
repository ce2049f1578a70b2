"""Approving the year's report: refused to a clerk and while 【待填写】 marks remain; the final files; the log."""

from __future__ import annotations

import datetime as dt
import io

import docx
from fastapi.testclient import TestClient
from sqlalchemy import select

from gongkai.store.engine import open_engine, session_scope
from gongkai.store.tables import AuditRow
from gongkai.web.settings import WebSettings
from tests.web.conftest import AGENCY, login
from tests.web.report_helpers import YEAR, add_decided, texts_form


def test_report_approve_refused_to_clerk(client: TestClient, settings: WebSettings) -> None:
    token = login(client, "clerk")
    client.post(f"/agency/report/texts?year={YEAR}", data=texts_form(token))
    response = client.post(f"/agency/report/approve?year={YEAR}", data={"csrf_token": token})
    assert response.status_code == 403
    assert client.get(f"/api/v1/agency/report?year={YEAR}").json()["status"] == "draft"


def test_report_approve_refused_while_marks_remain(client: TestClient) -> None:
    token = login(client, "approver")
    response = client.post(f"/agency/report/approve?year={YEAR}", data={"csrf_token": token})
    assert response.status_code == 400
    assert "9 处【待填写】" in response.text and "【待填写：总体工作概述】" in response.text
    assert client.get(f"/agency/report/files/docx?year={YEAR}").status_code == 404


def test_report_approve_without_csrf_refused(client: TestClient) -> None:
    token = login(client, "approver")
    client.post(f"/agency/report/texts?year={YEAR}", data=texts_form(token))
    assert client.post(f"/agency/report/approve?year={YEAR}").status_code == 403
    assert client.get(f"/api/v1/agency/report?year={YEAR}").json()["status"] == "draft"


def test_report_approved_files_download_and_frozen(client: TestClient, settings: WebSettings) -> None:
    add_decided(settings, AGENCY, "2024-001", "natural_person", "granted", dt.date(YEAR, 3, 4))
    token = login(client, "approver")
    client.post(f"/agency/report/texts?year={YEAR}", data=texts_form(token))
    approved = client.post(f"/agency/report/approve?year={YEAR}", data={"csrf_token": token})
    assert approved.status_code == 303, approved.text
    page = client.get(f"/api/v1/agency/report?year={YEAR}").json()
    assert (page["status"], page["status_label"], page["approved_by"]) == ("approved", "已审核", "approver")
    got = client.get(f"/agency/report/files/docx?year={YEAR}")
    assert got.status_code == 200
    assert got.headers["content-type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert "filename*=UTF-8''%E6%B7%AE%E5%AE%89" in got.headers["content-disposition"]  # 淮安…
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(got.content)).paragraphs)
    assert AGENCY in text
    assert client.get(f"/agency/report/files/pdf?year={YEAR}").content.startswith(b"%PDF")
    # a record added after approval changes nothing in the approved report
    add_decided(settings, AGENCY, "2024-002", "natural_person", "granted", dt.date(YEAR, 5, 6))
    again = client.get(f"/api/v1/agency/report?year={YEAR}").json()
    granted = [c for row in again["report"]["tables"][1]["rows"] for c in row if c["row"] == "granted"]
    assert granted[0]["text"] == "1"
    assert client.post(f"/agency/report/texts?year={YEAR}", data=texts_form(token)).status_code == 400
    engine = open_engine(settings.store().database_url)
    with session_scope(engine, read_only=True) as session:
        logged = session.scalars(select(AuditRow).where(AuditRow.entity.in_(("report_state", "report_file")))).all()
        actions = [(r.entity, r.action, r.actor) for r in logged]
    engine.dispose()
    assert ("report_state", "insert", "approver") in actions
    assert sum(1 for a in actions if a[0] == "report_file") == 3
    assert actions[-1] == ("report_state", "update", "approver")
