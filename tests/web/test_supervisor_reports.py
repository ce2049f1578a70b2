"""The supervisor's reports, findings at their place in the source, comparisons, overview, workbook."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from PIL import Image

from gongkai.web.settings import WebSettings
from tests.web.conftest import login
from tests.web.corpus_helpers import CITY, HONGZE_2023, HONGZE_2024, SHUYANG, fill_corpus, hostile_html


@pytest.fixture
def corpus(settings: WebSettings, tmp_path: Path) -> WebSettings:
    fill_corpus(settings, HONGZE_2023, HONGZE_2024, SHUYANG, CITY, hostile_html(tmp_path))
    return settings


def _reports(client: TestClient, **params: str) -> list[dict[str, object]]:
    response = client.get("/api/v1/supervisor/reports", params=params)
    assert response.status_code == 200, response.text
    reports: list[dict[str, object]] = response.json()["reports"]
    return reports


def _finding(client: TestClient, file_name: str, code: str, key: str) -> dict[str, object]:
    report = next(r for r in _reports(client) if r["file_name"] == file_name)
    findings = client.get(f"/api/v1/supervisor/reports/{report['result_id']}").json()["findings"]
    found: dict[str, object] = next(f for f in findings if f["code"] == code and f[key] is not None)
    return found


def test_supervisor_reports_admin_sees_every_report(corpus: WebSettings, client: TestClient) -> None:
    login(client, "admin")
    names = sorted(str(r["file_name"]) for r in _reports(client))
    assert names == sorted(
        ["hongze-district-2023.pdf", "hongze-district-2024.pdf", "shuyang-county-2025.txt", "city-sample-2025.html",
         "hostile-2025.html"]
    )  # fmt: skip


def test_supervisor_reports_region_limits_what_a_supervisor_sees(corpus: WebSettings, client: TestClient) -> None:
    login(client, "supervisor")
    rows = _reports(client)
    assert sorted((r["agency"], r["year"]) for r in rows) == [
        ("淮安市洪泽区人民政府", 2023),
        ("淮安市洪泽区人民政府", 2024),
    ]
    summary = client.get("/api/v1/supervisor").json()["summary"]
    assert summary["reports"] == 2 and summary["agencies"] == 1


def test_supervisor_reports_far_supervisor_sees_no_jiangsu_report(corpus: WebSettings, client: TestClient) -> None:
    login(client, "far_supervisor")
    assert _reports(client) == []
    assert "淮安" not in client.get("/supervisor/reports").text
    admin_ids = [1, 2]
    for rid in admin_ids:
        assert client.get(f"/api/v1/supervisor/reports/{rid}").status_code == 404
    assert client.get("/api/v1/supervisor/findings/1").status_code == 404


def test_supervisor_reports_filters_by_year_agency_and_rule(corpus: WebSettings, client: TestClient) -> None:
    login(client, "admin")
    assert [r["file_name"] for r in _reports(client, year="2023")] == ["hongze-district-2023.pdf"]
    assert {r["file_name"] for r in _reports(client, agency="洪泽")} == {
        "hongze-district-2023.pdf",
        "hongze-district-2024.pdf",
    }
    assert [r["file_name"] for r in _reports(client, code="c101")] == ["hongze-district-2024.pdf"]
    page = client.get("/supervisor/reports", params={"year": "2024", "agency": "洪泽"})
    assert page.status_code == 200 and "hongze-district-2024.pdf" in page.text and "2023.pdf" not in page.text


def test_supervisor_report_lists_findings_with_chinese_rule_names(corpus: WebSettings, client: TestClient) -> None:
    login(client, "supervisor")
    rid = next(r["result_id"] for r in _reports(client) if r["year"] == 2023)
    data = client.get(f"/api/v1/supervisor/reports/{rid}").json()
    a105 = [f for f in data["findings"] if f["code"] == "A105"]
    assert len(a105) == 2 and a105[0]["severity"] == "error"
    assert re.search(r"[\u4e00-\u9fff]", a105[0]["rule"]) and a105[0]["rule"] != "group-total-mismatch"
    html = client.get(f"/supervisor/reports/{rid}").text
    assert a105[0]["rule"] in html and f'href="/supervisor/findings/{a105[0]["id"]}"' in html


def test_supervisor_finding_pdf_page_has_the_box_drawn(corpus: WebSettings, client: TestClient) -> None:
    login(client, "supervisor")
    finding = _finding(client, "hongze-district-2023.pdf", "S106", "page")
    page = client.get(f"/supervisor/findings/{finding['id']}")
    assert page.status_code == 200 and f'src="/supervisor/findings/{finding["id"]}/page.png"' in page.text
    png = client.get(f"/supervisor/findings/{finding['id']}/page.png")
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    image = Image.open(io.BytesIO(png.content)).convert("RGB")
    scale = 110 / 72
    x0, top, x1, bottom = 180.7, 604.0, 269.3, 614.7  # S106's cell on page 3 (from the store)
    assert image.size[0] == pytest.approx(595 * scale, abs=3)
    # the frame is drawn just outside the box: its top edge, midway along
    edge_y = round(top * scale) - 4
    middle_x = round((x0 + x1) / 2 * scale)
    assert any(image.getpixel((middle_x, y)) == (220, 0, 0) for y in range(edge_y - 2, edge_y + 3))
    low_y = round(bottom * scale) + 4
    assert any(image.getpixel((middle_x, y)) == (220, 0, 0) for y in range(low_y - 2, low_y + 3))
    assert image.getpixel((middle_x, round((top + bottom) / 2 * scale))) != (220, 0, 0)  # inside: untouched
    assert image.getpixel((5, 5)) != (220, 0, 0)
    again = client.get(f"/supervisor/findings/{finding['id']}/page.png")
    assert again.content == png.content  # served from the cache


def test_supervisor_finding_text_line_is_the_one_highlighted(corpus: WebSettings, client: TestClient) -> None:
    login(client, "admin")
    finding = _finding(client, "shuyang-county-2025.txt", "S116", "line")
    assert finding["line"] == 79
    html = client.get(f"/supervisor/findings/{finding['id']}").text
    marked = re.findall(r'<li value="(\d+)" id="line-\d+" class="source-line hl">', html)
    assert marked == ["79"]
    assert 'href="#line-79"' in html and 'id="line-79"' in html
    lines = client.get(f"/api/v1/supervisor/findings/{finding['id']}").json()["lines"]
    assert [line["number"] for line in lines if line["marked"]] == [79]
    expected = SHUYANG.read_text(encoding="utf-8").splitlines()[78]
    assert next(line["text"] for line in lines if line["marked"]) == expected


def test_supervisor_finding_hostile_html_shows_as_escaped_text(corpus: WebSettings, client: TestClient) -> None:
    login(client, "admin")
    report = next(r for r in _reports(client) if r["file_name"] == "hostile-2025.html")
    findings = client.get(f"/api/v1/supervisor/reports/{report['result_id']}").json()["findings"]
    with_line = [f for f in findings if f["line"] is not None]
    assert with_line, findings
    html = client.get(f"/supervisor/findings/{with_line[0]['id']}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html and "<script" not in html.replace(
        '<script src="/static/htmx-2.0.8.min.js" defer></script>', ""
    )
    assert 'href="javascript:' not in html and "href=&#34;javascript:alert(1)&#34;" in html
    assert len(re.findall(r'class="source-line hl"', html)) == 1


def test_supervisor_compare_marks_differences(corpus: WebSettings, client: TestClient) -> None:
    login(client, "supervisor")
    agency_id = _reports(client)[0]["agency_id"]
    data = client.get(f"/api/v1/supervisor/agencies/{agency_id}/compare", params={"years": "2023,2024"}).json()
    assert data["years"] == [2023, 2024] and None not in data["result_ids"]
    assert any(r["differs"] for r in data["rows"]) and any(not r["differs"] for r in data["rows"])
    for row in data["rows"]:
        assert row["differs"] == (len({(v or "").strip() for v in row["values"]}) > 1)
    html = client.get(f"/supervisor/agencies/{agency_id}/compare?years=2023,2024")
    assert html.status_code == 200 and 'class="hl"' in html.text and "不同" in html.text
    assert client.get(f"/api/v1/supervisor/agencies/{agency_id}/compare?years=2023").status_code == 422


def test_supervisor_compare_refused_outside_region(corpus: WebSettings, client: TestClient) -> None:
    login(client, "admin")
    agency_id = next(r["agency_id"] for r in _reports(client) if r["year"] == 2023)
    client.post("/logout", headers={"X-CSRF-Token": client.get("/api/v1/me").json()["csrf_token"]})
    login(client, "far_supervisor")
    assert client.get(f"/api/v1/supervisor/agencies/{agency_id}/compare?years=2023,2024").status_code == 404


def test_supervisor_overview_has_its_own_csp(corpus: WebSettings, client: TestClient) -> None:
    login(client, "supervisor")
    response = client.get("/supervisor/overview")
    assert response.status_code == 200 and "<style>" in response.text
    csp = response.headers["content-security-policy"]
    assert "style-src 'unsafe-inline'" in csp and "script-src 'none'" in csp
    assert client.get("/supervisor").headers["content-security-policy"].count("unsafe-inline") == 0
    data = client.get("/api/v1/supervisor/overview").json()
    assert data["reports"] == 2 and data["agencies"] == 1


def test_supervisor_workbook_lists_visible_findings(corpus: WebSettings, client: TestClient) -> None:
    from openpyxl import load_workbook

    login(client, "supervisor")
    response = client.get("/supervisor/workbook.xlsx")
    assert response.status_code == 200 and response.content[:2] == b"PK"
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    cells = [str(row[3]) for row in sheet.iter_rows(min_row=2, values_only=True) if row[3]]
    files = {re.sub(r'^=HYPERLINK\(".*?","(.*)"\)$', r"\1", cell) for cell in cells}
    assert files == {"hongze-district-2023.pdf", "hongze-district-2024.pdf"}
    assert len(cells) == 9  # the findings of the two Hongze reports (5 and 4)
    links = {re.sub(r'^=HYPERLINK\("(.*?)",".*"\)$', r"\1", cell) for cell in cells}
    assert all(re.fullmatch(r"http://testserver/supervisor/reports/\d+", link) for link in links), links
    assert len(links) == 2  # each report's findings lead to its page in the app, not to a file on the server


def test_supervisor_pages_refused_to_clerk(corpus: WebSettings, client: TestClient) -> None:
    login(client, "clerk")
    for path in (
        "/supervisor",
        "/supervisor/reports",
        "/supervisor/reports/1",
        "/supervisor/findings/1",
        "/supervisor/overview",
        "/supervisor/workbook.xlsx",
        "/supervisor/agencies/1/compare?years=2023,2024",
    ):
        assert client.get(path).status_code == 403, path
        if path != "/supervisor/workbook.xlsx":
            assert client.get("/api/v1" + path).json()["code"] == "E302", path


def test_supervisor_finding_docx_row_is_the_one_highlighted(
    settings: WebSettings, client: TestClient, tmp_path: Path
) -> None:
    from gongkai.api import read_report
    from gongkai.render.docx_report import render_docx

    docx = tmp_path / "hongze-2023-rewritten.docx"
    docx.write_bytes(render_docx(read_report(HONGZE_2023)))
    fill_corpus(settings, docx)
    login(client, "supervisor")
    report = next(r for r in _reports(client) if r["file_name"] == docx.name)
    findings = client.get(f"/api/v1/supervisor/reports/{report['result_id']}").json()["findings"]
    a105 = next(f for f in findings if f["code"] == "A105")
    data = client.get(f"/api/v1/supervisor/findings/{a105['id']}").json()
    assert data["view"] == "lines"
    marked = [line for line in data["lines"] if line["marked"]]
    assert len(marked) == 1 and marked[0]["number"] == data["marked_line"]
    assert marked[0]["text"].split(" | ")[4] == "0"  # 表四 行政复议 总计 printed 0 (A105: should be 11)
    html = client.get(f"/supervisor/findings/{a105['id']}").text
    assert len(re.findall(r'class="source-line hl"', html)) == 1 and f'href="#line-{data["marked_line"]}"' in html
