"""Review and litigation cases and proactive items in the agency workspace."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import AGENCY, login


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("gongkai.web.routes.agency_common.today", lambda: dt.date(2025, 3, 12))


def test_agency_reviews_add_and_conclude(client: TestClient) -> None:
    csrf = login(client, "clerk")
    added = client.post(
        "/agency/reviews",
        data={"csrf_token": csrf, "number": "R-1", "kind": "administrative_review", "filed_on": "2025-02-03"},
    )
    assert added.status_code == 303
    page = client.get("/agency/reviews")
    assert "R-1" in page.text and "行政复议" in page.text and "尚未审结" in page.text
    no_date = client.post("/agency/reviews/R-1/conclude", data={"csrf_token": csrf, "result": "upheld"})
    assert no_date.status_code == 400 and "审结日期" in no_date.text
    done = client.post(
        "/agency/reviews/R-1/conclude", data={"csrf_token": csrf, "result": "corrected", "concluded_on": "2025-03-01"}
    )
    assert done.status_code == 303
    reviews = client.get("/api/v1/agency/reviews").json()["reviews"]
    assert [(r["number"], r["result"], r["concluded_on"]) for r in reviews] == [("R-1", "corrected", "2025-03-01")]


def test_agency_items_timeliness_and_publish(client: TestClient) -> None:
    csrf = login(client, "clerk")
    # formed 2025-01-06 (Monday): due the 20th working day after, 2025-02-03 (weekends only: no calendar)
    for title, published in (("按时的", "2025-01-20"), ("晚了的", "2025-02-10"), ("未公开", "")):
        response = client.post(
            "/agency/items",
            data={"csrf_token": csrf, "title": title, "formed_on": "2025-01-06", "published_on": published},
        )
        assert response.status_code == 303
    items = client.get("/api/v1/agency/items").json()["items"]
    assert [(i["title"], i["due"], i["status"], i["late"]) for i in items] == [
        ("按时的", "2025-02-03", "on_time", False),
        ("晚了的", "2025-02-03", "late", True),
        ("未公开", "2025-02-03", "overdue", True),
    ]
    late = client.get("/api/v1/agency/items", params={"late": "true"}).json()["items"]
    assert [i["title"] for i in late] == ["晚了的", "未公开"]
    pending = items[2]["id"]
    assert (
        client.post(
            f"/agency/items/{pending}/publish", data={"csrf_token": csrf, "published_on": "2025-03-11"}
        ).status_code
        == 303
    )
    assert client.get("/api/v1/agency/items").json()["items"][2]["status"] == "late"
    assert "逾期公开" in client.get("/agency/items").text


def test_agency_registers_supervisor_reads_other_clerk_refused(client: TestClient) -> None:
    csrf = login(client, "supervisor")
    assert client.get("/agency/items", params={"agency": AGENCY}).status_code == 200
    refused = client.post(
        f"/agency/items?agency={AGENCY}", data={"csrf_token": csrf, "title": "x", "formed_on": "2025-01-06"}
    )
    assert refused.status_code == 403
    client.post("/logout", data={"csrf_token": csrf})
    csrf = login(client, "other_clerk")
    assert client.get("/api/v1/agency/reviews", params={"agency": AGENCY}).status_code == 403
    refused = client.post(
        f"/agency/reviews?agency={AGENCY}",
        data={"csrf_token": csrf, "number": "R-9", "kind": "administrative_review", "filed_on": "2025-02-03"},
    )
    assert refused.status_code == 403


def test_agency_registers_report_link_names_another_agency_by_id(client: TestClient) -> None:
    """An admin looking at an agency by name reaches that agency's report from the workspace menu."""
    import re

    login(client, "admin")
    page = client.get(f"/agency?agency={AGENCY}").text
    report = re.findall(r'href="(/agency/report[^"]*)"', page)
    assert len(report) == 1 and re.fullmatch(r"/agency/report\?agency_id=\d+", report[0]), report
    opened = client.get(report[0])
    assert opened.status_code == 200 and AGENCY in opened.text
