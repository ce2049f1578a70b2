"""The HTML reader finds the article inside a full government web page."""

from __future__ import annotations

from pathlib import Path

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
