"""The HTML report: reads back identically, semantic and safe markup, official merges, golden page."""

from __future__ import annotations

import os
from pathlib import Path

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.api import read_report
from gongkai.extract import extract
from gongkai.model import AnnualReport
from gongkai.model.grid import RESULTS_GROUP
from gongkai.readers import read_bytes
from gongkai.render.html_report import render_html, title_lines
from gongkai.write.compare import differences
from tests.factories import make_report
from tests.write_strategies import reports

GOLDEN = Path(__file__).parent / "golden"
SEEDS = sorted(Path(__file__).parents[2].joinpath("samples").glob("00[0-4]_*.txt"))
REGEN = os.environ.get("GONGKAI_REGEN") == "1"


def golden_report() -> AnnualReport:
    """The fixed report of the golden renderings (all formats)."""
    report = make_report()
    report.preamble = "本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。"
    return report


def read_back(data: bytes, name: str) -> AnnualReport:
    return extract(read_bytes(data, name))


def check_golden_text(data: bytes, name: str) -> None:
    path = GOLDEN / name
    if REGEN:
        path.write_bytes(data)
    assert data == path.read_bytes(), f"{name} changed; GONGKAI_REGEN=1 to accept"


def _rows(data: bytes) -> list[tuple[str, list[tuple[str, int, int]]]]:
    """What the HTML reader reads, without source lines."""
    return [(r.kind, [(c.text, c.rowspan, c.colspan) for c in r.cells]) for r in read_bytes(data, "x.html").rows]


def _doc(data: bytes) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(data.decode("utf-8"))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports(), draft=st.booleans())
def test_html_random_reports_read_back_identically(report: AnnualReport, draft: bool) -> None:
    assert differences(report, read_back(render_html(report, draft=draft), "x.html")) == []


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_html_seed_reports_read_back_identically_as_draft(seed: Path) -> None:
    report = read_report(seed)
    assert differences(report, read_back(render_html(report, draft=True), "x.html")) == []


def test_html_page_is_clean_semantic_markup() -> None:
    data = render_html(golden_report())
    doc = _doc(data)
    assert data.startswith(b"<!DOCTYPE html>") and doc.get("lang") == "zh-CN"
    assert doc.find(".//meta[@charset]").get("charset") == "utf-8"
    assert doc.find(".//meta[@name='viewport']").get("content") == "width=device-width, initial-scale=1"
    assert doc.findtext(".//title") == "某市某局2024年政府信息公开工作年度报告"
    assert not doc.xpath("//script | //link | //iframe | //img | //object | //embed")
    assert not doc.xpath("//@style") and not [a for el in doc.iter() for a in el.attrib if a.startswith("on")]
    assert len(doc.xpath("//style")) == 1 and "url(" not in doc.findtext(".//style")
    article = doc.find(".//article")
    assert [h.text_content() for h in article.iter("h1")] == ["某市某局2024年政府信息公开工作年度报告"]
    assert next(h.text for h in article.iter("h2")) == "一、总体情况" and len(article.findall("h2")) == 6
    ths = doc.xpath("//th")
    assert ths and all(th.get("scope") in ("col", "colgroup", "row", "rowgroup") for th in ths)
    tables = doc.xpath("//div[contains(@class, 'table-wrap')]/table")
    assert [t.findtext("caption") for t in tables] == [
        "主动公开政府信息情况",
        "收到和处理政府信息公开申请情况",
        "政府信息公开行政复议、行政诉讼情况",
    ]
    assert [len(t.xpath("thead/tr")) for t in tables] == [0, 3, 3]
    assert "overflow-x: auto" in doc.findtext(".//style") and "@media print" in doc.findtext(".//style")


def test_html_table3_has_the_official_merges() -> None:
    table3 = _doc(render_html(golden_report())).get_element_by_id("table3")
    first = table3.xpath("thead/tr[1]/th[1]")[0]
    assert (first.get("rowspan"), first.get("colspan"), first.get("scope")) == ("3", "3", "col")
    group = table3.xpath(f"tbody/tr/th[.='{RESULTS_GROUP}']")[0]
    assert (group.get("rowspan"), group.get("scope")) == ("22", "rowgroup")
    assert table3.xpath("tbody/tr[1]/th")[0].get("colspan") == "3"
    assert [td.text for td in table3.xpath("tbody/tr[1]/td")] == ["20", "3", "0", "0", "1", "0", "24"]


def test_html_escapes_text_and_reads_it_back() -> None:
    report = golden_report()
    report.sections[0].text = "公开<script>alert(1)</script>栏目 & “政府信息”<b>"
    data = render_html(report)
    assert b"<script>" not in data and b"&lt;script&gt;" in data and b"&amp;" in data
    assert not _doc(data).xpath("//script | //b")
    assert differences(report, read_back(data, "x.html")) == []


def test_html_draft_is_a_css_watermark_only() -> None:
    report = golden_report()
    final, draft = render_html(report), render_html(report, draft=True)
    doc = _doc(draft)
    assert doc.find(".//article").get("class") == "report draft"
    assert 'url("data:image/png;base64,' in doc.findtext(".//style")
    assert doc.find(".//body").text_content() == _doc(final).find(".//body").text_content()
    assert _rows(draft) == _rows(final)


def test_html_long_titles_break_before_the_year() -> None:
    assert title_lines("卫东区政务服务和大数据管理局2023年政府信息公开工作年度报告") == [
        "卫东区政务服务和大数据管理局",
        "2023年政府信息公开工作年度报告",
    ]
    assert title_lines("2023年政府信息公开工作年度报告") == ["2023年政府信息公开工作年度报告"]


def test_html_golden() -> None:
    check_golden_text(render_html(golden_report()), "report.html")
