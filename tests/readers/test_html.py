"""The HTML reader finds the article inside a full government web page."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.readers import read_bytes, read_path

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_html_site_chrome_is_dropped_and_metadata_kept() -> None:
    doc = read_path(SAMPLES / "shuyang-development-reform-2023.html")
    texts = [r.text for r in doc.rows]
    assert texts[1] == "一、总体情况"
    assert not any("繁體版" in t or "智能问答" in t or "网站标识码" in t for t in texts)
    assert doc.hints["publication_date"].startswith("2024-01-17")
    assert doc.hints["source_url"].startswith("http://www.shuyang.gov.cn/")
    assert texts[-1] == "2024年1月17日"


def test_html_rowspan_and_colspan_are_kept_on_cells() -> None:
    doc = read_path(SAMPLES / "city-sample-2025.html")
    granted = next(r for r in doc.rows if r.kind == "cells" and "三、本年度办理结果" in r.cells[0].text)
    assert (granted.cells[0].rowspan, granted.cells[1].colspan) == (22, 2)
    assert granted.cells[1].text == "（一）予以公开"
    assert granted.cells[2].prov.table == 2 and granted.cells[2].prov.column == 3


def test_html_scripts_and_styles_never_become_text() -> None:
    page = (
        "<html><head><style>p{}</style></head><body><script>var a='一、总体情况';</script>"
        "<div><p>一、总体情况</p><p>正文</p><p>六、其他需要报告的事项</p></div></body></html>"
    )
    doc = read_bytes(page.encode(), "p.html")
    assert [r.text for r in doc.rows] == ["一、总体情况", "正文", "六、其他需要报告的事项"]


def test_html_nested_table_rows_belong_to_their_own_table() -> None:
    page = (
        "<html><body><p>一、总体情况</p><table><tr><td>外<table><tr><td>内</td></tr></table></td>"
        "<td>2</td></tr></table><p>六、其他需要报告的事项</p></body></html>"
    )
    doc = read_bytes(page.encode(), "n.html")
    cells = [[c.text for c in r.cells] for r in doc.rows if r.kind == "cells"]
    assert cells[0] == ["外内", "2"]


BODY = "<h1>某县某局2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>正文</p><p>六、其他需要报告的事项</p><p>无。</p>"


def _page(head: str = "", before: str = "") -> dict[str, str]:
    page = f"<html><head><title>年度报告</title>{head}</head><body>{before}{BODY}</body></html>"
    return read_bytes(page.encode(), "p.html").hints


@pytest.mark.parametrize(
    ("attr", "name", "content"),
    [("name", "PubDate", "2025-01-20 10:00"), ("name", "pubdate", "2025-01-20"),
     ("name", "publishdate", "2025-01-20"), ("name", "firstpublishedtime", "2025-01-20-10:00:00"),
     ("name", "ArticlePubDate", "2025/01/20 10:00"), ("property", "article:published_time", "2025-01-20T10:00:00+08:00"),
     ("itemprop", "datePublished", "2025-01-20"), ("name", "publishTime", "2025-01-20 09:10")],
)  # fmt: skip
def test_html_publication_date_from_meta_tags(attr: str, name: str, content: str) -> None:
    hints = _page(f'\n<meta {attr}="{name}" content="{content}">')
    assert hints["publication_date"] == content and hints["publication_from"] == "meta"
    assert hints["publication_text"] == f'<meta {attr}="{name}" content="{content}">'
    assert hints["publication_line"] == "2"


def test_html_meta_tags_that_are_not_the_publication_date_are_ignored() -> None:
    head = (
        '<meta name="lastmodifiedtime" content="2025-03-01-10:00:00">'
        '<meta name="others" content="页面生成时间 2025-05-28 15:46:43">'
        '<meta name="publishTime" content="1557717913000">'
    )
    assert "publication_date" not in _page(head)


def test_html_meta_tag_wins_over_the_printed_field() -> None:
    hints = _page('<meta name="PubDate" content="2025-01-20 10:00">', "<p>发布时间：2025-01-21</p>")
    assert hints["publication_date"] == "2025-01-20 10:00"


@pytest.mark.parametrize(
    ("before", "date", "printed"),
    [("<div>来源：某县人民政府 <span>发布时间：2025-01-20 09:30</span> 浏览次数：3</div>", "2025-01-20 09:30",
      "发布时间：2025-01-20 09:30"),
     ("<p><strong>发布日期：</strong>2025-01-20</p>", "2025-01-20", "发布日期： 2025-01-20"),
     ("<table><tr><td>成文日期</td><td>2025-01-10</td><td>公开日期</td><td><publishtime>2025-01-20</publishtime>"
      "</td></tr></table>", "2025-01-20", "公开日期 2025-01-20"),
     ("<div>时间：2025年1月20日</div>", "2025年1月20日", "时间：2025年1月20日")],
)  # fmt: skip
def test_html_publication_date_printed_on_the_page(before: str, date: str, printed: str) -> None:
    hints = _page(before=before)
    assert (hints["publication_date"], hints["publication_text"]) == (date, printed)
    assert hints["publication_from"] == "page"


def test_html_crawl_time_and_dates_inside_the_report_are_not_publication() -> None:
    before = "<div><strong>采集时间：</strong>2025-12-30T21:37:37+08:00</div>"
    page = f"<html><body>{before}{BODY.replace('<p>正文</p>', '<p>发布日期：2025-03-05</p>')}</body></html>"
    assert "publication_date" not in read_bytes(page.encode(), "p.html").hints


def test_html_corpus_pages_publication_date() -> None:
    shuyang = read_path(SAMPLES / "shuyang-development-reform-2023.html").hints
    assert (shuyang["publication_date"], shuyang["publication_line"]) == ("2024-01-17", "198")
    shanghai = read_path(SAMPLES / "shanghai-government-office-2019.html").hints
    assert shanghai["publication_text"] == "发布日期：2020-01-31"
    assert "publication_date" not in read_path(SAMPLES / "city-sample-2025.html").hints
