"""DOCX and HTML/PDF layout of the 公文 conventions: title break, 楷体 sub-headings, table 3 on a new page."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree, html

from gongkai.extract import extract
from gongkai.model import AnnualReport
from gongkai.readers import read_bytes
from gongkai.render.document import Heading, Paragraph, Table, blocks, subheading_length
from gongkai.render.docx_report import render_docx
from gongkai.render.docx_styles import CORE_PROPERTY_MAX, SUBHEADING_FONT
from gongkai.render.html_report import page_html
from gongkai.write.compare import differences
from tests.factories import make_report

LONG_TITLE = "卫东区政务服务和大数据管理局2024年政府信息公开工作年度报告"
PERIOD = "本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。"


def _paragraphs(data: bytes) -> list[etree._Element]:
    return list(Document(io.BytesIO(data)).element.body.iter(qn("w:p")))


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def _style(p: etree._Element) -> str | None:
    el = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return el.get(qn("w:val")) if el is not None else None


def printed(**metadata: object) -> AnnualReport:
    """The factory report with its statistical period stated, as a printed report states it."""
    report = make_report(**metadata)
    report.preamble = PERIOD
    return report


def with_subheadings() -> AnnualReport:
    report = printed()
    section = report.section(1)
    assert section is not None
    section.text = "（一）主动公开情况。本年度主动公开政府信息120条。\n（二）依申请公开情况\n本年度共收到申请24件。"
    return report


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("（一）主动公开情况。本年度主动公开政府信息120条。", 10),
        ("（三）政府信息管理", 9),
        ("(二) 依申请公开。本年度受理申请1份。", 10),
        ("（四）围绕《2023年淄博市政务公开工作实施方案》内容，常态化开展新型智慧城市建设活动，启动数字化转型工作", 0),
        ("一、总体情况", 0),
        ("本年度（一）季度", 0),
    ],
)
def test_subheading_length(text: str, lead: int) -> None:
    assert subheading_length(text) == lead


def test_docx_long_title_breaks_between_agency_and_year() -> None:
    agency = "卫东区政务服务和大数据管理局"
    report = printed(title=LONG_TITLE, agency=agency, signature_agency=agency)
    [title] = [p for p in _paragraphs(render_docx(report)) if _style(p) == "Title"]
    runs = [(r.findtext(qn("w:t")), r.find(qn("w:br")) is not None) for r in title.iter(qn("w:r"))]
    assert runs == [("卫东区政务服务和大数据管理局", True), ("2024年政府信息公开工作年度报告", False)]
    back = extract(read_bytes(render_docx(report), "x.docx"))
    assert back.metadata.title == LONG_TITLE and differences(report, back) == []


def test_docx_title_that_fits_on_one_line_is_not_broken() -> None:
    [title] = [p for p in _paragraphs(render_docx(make_report())) if _style(p) == "Title"]
    assert title.find(f".//{qn('w:br')}") is None and _text(title) == "某市某局2024年政府信息公开工作年度报告"


def test_docx_subheadings_are_kaiti_and_read_back() -> None:
    report = with_subheadings()
    data = render_docx(report)
    paragraphs = {_text(p): p for p in _paragraphs(data)}
    lead = paragraphs["（一）主动公开情况。本年度主动公开政府信息120条。"]
    runs = list(lead.iter(qn("w:r")))
    assert [r.findtext(qn("w:t")) for r in runs] == ["（一）主动公开情况。", "本年度主动公开政府信息120条。"]
    assert runs[0].find(f"{qn('w:rPr')}/{qn('w:rStyle')}").get(qn("w:val")) == "SubheadingChar"
    assert runs[1].find(f"{qn('w:rPr')}/{qn('w:rStyle')}") is None and _style(lead) == "Normal"
    assert _style(paragraphs["（二）依申请公开情况"]) == "Heading2"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        styles = etree.fromstring(z.read("word/styles.xml"))
    for style_id in ("Heading2", "SubheadingChar"):
        [style] = [s for s in styles.iter(qn("w:style")) if s.get(qn("w:styleId")) == style_id]
        fonts = style.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert fonts.get(qn("w:eastAsia")) == SUBHEADING_FONT == "楷体_GB2312"
    assert differences(report, extract(read_bytes(data, "x.docx"))) == []


def _page_breaks(data: bytes) -> list[str]:
    """The text of every paragraph set to start a new page (a table's: its first cell's text)."""
    return [_text(p) for p in _paragraphs(data) if p.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None]


def test_docx_table3_starts_a_new_page_with_its_heading() -> None:
    report = make_report()
    section = report.section(3)
    assert section is not None
    section.text = ""
    assert _page_breaks(render_docx(report)) == ["三、收到和处理政府信息公开申请情况"]


def test_docx_table3_starts_a_new_page_after_the_text_of_section_3() -> None:
    data = render_docx(make_report())  # section 三 has a paragraph before the table
    breaks = _page_breaks(data)
    assert breaks and set(breaks) <= {
        "",
        "申请人情况",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    }
    [table3] = [t for t in Document(io.BytesIO(data)).element.body.iter(qn("w:tbl")) if "申请人情况" in _text(t)]
    first_row = table3.find(qn("w:tr"))
    assert all(p.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None for p in first_row.iter(qn("w:p")))


def test_only_table3_starts_a_new_page() -> None:
    new_pages = [b for b in blocks(make_report()) if isinstance(b, Heading | Table) and b.new_page]
    assert [b.grid.table_id for b in new_pages if isinstance(b, Table)] == ["table3"] and len(new_pages) == 1


def test_docx_core_properties_are_truncated_not_refused() -> None:
    report = make_report(title="标" * 300, agency="某" * 256, signature_agency="某" * 256)
    props = Document(io.BytesIO(render_docx(report))).core_properties
    assert props.title == "标" * CORE_PROPERTY_MAX and props.author == "某" * CORE_PROPERTY_MAX


def test_html_subheadings_and_table3_page_break() -> None:
    page = page_html(with_subheadings(), medium="print")
    doc = html.fromstring(page.encode("utf-8"))
    assert [s.text for s in doc.xpath("//p/span[@class='sub']")] == ["（一）主动公开情况。", "（二）依申请公开情况"]
    assert doc.xpath("//div[contains(@class, 'new-page')]/table/@id") == ["table3"]
    assert ".new-page { break-before: page; }" in page and "楷体_GB2312" in page
    assert next(p for p in blocks(with_subheadings()) if isinstance(p, Paragraph) and p.lead).rest == (
        "本年度主动公开政府信息120条。"
    )
