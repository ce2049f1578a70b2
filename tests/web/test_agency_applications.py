"""The agency's application register in the browser: register, events, deadlines, roles, JSON twins, CSRF."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import AGENCY, OTHER, login


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("gongkai.web.routes.agency_common.today", lambda: dt.date(2025, 3, 12))


def _register(client: TestClient, csrf: str, number: str = "HZ-2025-001", received: str = "2025-03-03") -> None:
    response = client.post(
        "/agency/applications",
        data={
            "csrf_token": csrf,
            "number": number,
            "applicant_type": "natural_person",
            "applicant_name": "张三",
            "channel": "online",
            "content": "2024年道路养护经费",
            "received": received,
        },
    )
    assert response.status_code == 303, response.text
    assert response.headers["location"] == f"/agency/applications/{number}"


def _event(client: TestClient, csrf: str, number: str, **fields: str) -> int:
    return client.post(f"/agency/applications/{number}/events", data={"csrf_token": csrf, **fields}).status_code


def test_agency_registered_application_is_listed_with_its_deadline(client: TestClient) -> None:
    csrf = login(client, "clerk")
    assert "登记新申请" in client.get("/agency/applications/new").text
    _register(client, csrf)
    page = client.get("/agency")
    assert page.status_code == 200 and "HZ-2025-001" in page.text
    assert "答复期限：2025-03-31" in page.text and "正常" in page.text
    rows = client.get("/api/v1/agency/applications").json()["applications"]
    assert [(r["number"], r["deadline"]["due"], r["deadline"]["badge"]) for r in rows] == [
        ("HZ-2025-001", "2025-03-31", "ok")
    ]
    case = client.get("/agency/applications/HZ-2025-001")
    assert "收到申请之日" in case.text and "2025-03-03" in case.text and "通过互联网渠道提交的" in case.text
    assert "第20个工作日为2025-03-31" in case.text


def test_agency_correction_moves_the_deadline_and_decision_closes(client: TestClient) -> None:
    csrf = login(client, "clerk")
    _register(client, csrf)
    assert (
        _event(client, csrf, "HZ-2025-001", kind="correction_requested", on="2025-03-05", reply_by="2025-03-20") == 303
    )
    data = client.get("/api/v1/agency/applications/HZ-2025-001").json()
    assert data["deadline"]["kind"] == "correction_reply" and data["deadline"]["due"] == "2025-03-20"
    assert _event(client, csrf, "HZ-2025-001", kind="correction_received", on="2025-03-10") == 303
    data = client.get("/api/v1/agency/applications/HZ-2025-001").json()
    assert (data["deadline"]["kind"], data["deadline"]["due"]) == ("answer", "2025-04-07")
    assert _event(client, csrf, "HZ-2025-001", kind="decided", on="2025-03-11", outcome="granted") == 303
    data = client.get("/api/v1/agency/applications/HZ-2025-001").json()
    assert data["case"]["state"]["status"] == "closed" and data["deadline"] is None
    closed = client.get("/api/v1/agency/applications", params={"status": "closed"}).json()
    assert [r["outcome_name"] for r in closed["applications"]] == ["予以公开"]
    assert client.get("/api/v1/agency/applications", params={"status": "open"}).json()["total"] == 0
    assert "修改记录" in client.get("/agency/applications/HZ-2025-001").text


def test_agency_overdue_first_and_filters(client: TestClient) -> None:
    csrf = login(client, "clerk")
    _register(client, csrf, "B-2", "2025-03-03")
    _register(client, csrf, "A-1", "2025-01-06")  # due 2025-02-03: overdue on 2025-03-12
    rows = client.get("/api/v1/agency/applications").json()["applications"]
    assert [(r["number"], r["deadline"]["badge"]) for r in rows] == [("A-1", "overdue"), ("B-2", "ok")]
    assert "逾期" in client.get("/agency").text
    only = client.get("/api/v1/agency/applications", params={"overdue": "true"}).json()["applications"]
    assert [r["number"] for r in only] == ["A-1"]
    assert client.get("/api/v1/agency/applications", params={"q": "道路养护"}).json()["total"] == 2
    assert client.get("/api/v1/agency/applications", params={"q": "B-"}).json()["total"] == 1
    assert client.get("/api/v1/agency/applications", params={"applicant_type": "other_org"}).json()["total"] == 0


def test_agency_rule_breaking_event_is_refused_in_chinese(client: TestClient) -> None:
    csrf = login(client, "clerk")
    _register(client, csrf)
    response = client.post(
        "/agency/applications/HZ-2025-001/events", data={"csrf_token": csrf, "kind": "decided", "on": "2025-03-11"}
    )
    assert response.status_code == 400 and "E204" in response.text and "办理结果" in response.text


def test_agency_extension_needs_the_approver(client: TestClient) -> None:
    csrf = login(client, "clerk")
    _register(client, csrf)
    assert _event(client, csrf, "HZ-2025-001", kind="extended", on="2025-03-28", days="20") == 403
    client.post("/logout", data={"csrf_token": csrf})
    csrf = login(client, "approver")
    assert _event(client, csrf, "HZ-2025-001", kind="extended", on="2025-03-28", days="20") == 303
    data = client.get("/api/v1/agency/applications/HZ-2025-001").json()
    assert data["deadline"]["due"] == "2025-04-28"


def test_agency_fee_notice_amount_is_computed(client: TestClient) -> None:
    csrf = login(client, "clerk")
    _register(client, csrf)
    assert _event(client, csrf, "HZ-2025-001", kind="fee_notice", on="2025-03-10", basis="pages", quantity="120") == 303
    data = client.get("/api/v1/agency/applications/HZ-2025-001").json()
    fee = next(e for e in data["case"]["events"] if e["kind"] == "fee_notice")
    assert (fee["quantity"], fee["amount"]) == (120, 70 * 10 + 20 * 20)
    assert any("合计1100元" in line for line in data["fee_explanations"][fee["id"]])


def test_agency_void_event_needs_a_reason_and_keeps_the_record(client: TestClient) -> None:
    csrf = login(client, "clerk")
    _register(client, csrf)
    _event(client, csrf, "HZ-2025-001", kind="decided", on="2025-03-11", outcome="granted")
    event_id = client.get("/api/v1/agency/applications/HZ-2025-001").json()["case"]["events"][0]["id"]
    url = f"/agency/applications/HZ-2025-001/events/{event_id}/void"
    assert client.post(url, data={"csrf_token": csrf, "reason": ""}).status_code == 422
    assert client.post(url, data={"csrf_token": csrf, "reason": "录错了"}).status_code == 303
    data = client.get("/api/v1/agency/applications/HZ-2025-001").json()
    assert data["case"]["state"]["status"] == "open" and data["case"]["events"][0]["voided"]["reason"] == "录错了"


def test_agency_other_agency_is_forbidden_and_supervisor_reads_only(client: TestClient) -> None:
    csrf = login(client, "clerk")
    _register(client, csrf)
    client.post("/logout", data={"csrf_token": csrf})
    csrf = login(client, "other_clerk")
    assert client.get("/agency", params={"agency": AGENCY}).status_code == 403
    assert client.get("/api/v1/agency/applications/HZ-2025-001", params={"agency": AGENCY}).status_code == 403
    bad = client.post(
        "/agency/applications/HZ-2025-001/events?agency=" + AGENCY,
        data={"csrf_token": csrf, "kind": "decided", "on": "2025-03-11", "outcome": "granted"},
    )
    assert bad.status_code == 403
    assert client.get("/api/v1/agency/applications").json()["workspace"]["agency"] == OTHER
    client.post("/logout", data={"csrf_token": csrf})
    csrf = login(client, "supervisor")
    listed = client.get("/api/v1/agency/applications", params={"agency": AGENCY}).json()
    assert [r["number"] for r in listed["applications"]] == ["HZ-2025-001"] and not listed["workspace"]["can_write"]
    bad = client.post(
        "/agency/applications/HZ-2025-001/events?agency=" + AGENCY,
        data={"csrf_token": csrf, "kind": "decided", "on": "2025-03-11", "outcome": "granted"},
    )
    assert bad.status_code == 403
    client.post("/logout", data={"csrf_token": csrf})
    login(client, "far_supervisor")
    assert client.get("/agency", params={"agency": AGENCY}).status_code == 403


def test_agency_public_is_sent_to_login(client: TestClient) -> None:
    response = client.get("/agency")
    assert response.status_code == 303 and response.headers["location"].startswith("/login?next=")
    assert client.get("/api/v1/agency/applications").status_code == 401


def test_agency_pages_show_what_their_json_twins_return(client: TestClient) -> None:
    csrf = login(client, "clerk")
    _register(client, csrf)
    html = client.get("/agency/applications/HZ-2025-001").text
    data = client.get("/api/v1/agency/applications/HZ-2025-001").json()
    for line in data["state_text"]:
        assert line.strip() in html
    listing = client.get("/agency").text
    for row in client.get("/api/v1/agency/applications").json()["applications"]:
        assert row["number"] in listing and row["deadline"]["due"] in listing


def test_agency_every_post_without_csrf_is_refused(client: TestClient) -> None:
    csrf = login(client, "approver")
    _register(client, csrf)
    posts = [
        "/agency/applications",
        "/agency/applications/HZ-2025-001/events",
        "/agency/applications/HZ-2025-001/void",
        "/agency/applications/HZ-2025-001/events/1/void",
        "/agency/reviews",
        "/agency/reviews/R-1/conclude",
        "/agency/items",
        "/agency/items/1/publish",
    ]
    for path in posts:
        assert client.post(path, data={"reason": "x", "kind": "decided"}).status_code == 403, path
    assert client.get("/api/v1/agency/applications").json()["total"] == 1
