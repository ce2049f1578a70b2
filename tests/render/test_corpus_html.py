"""The corpus overview page: one self-contained file whose figures and bars are the data's."""

from __future__ import annotations

import dataclasses
import datetime as dt

from lxml import html

from gongkai.render.corpus_html import chart, number, render_corpus_html
from gongkai.render.corpus_overview import CorpusOverview, Count, Timeliness, YearApplications

DATA = CorpusOverview(
    store="语料.db",
    generated=dt.date(2026, 12, 1),
    version="9.9",
    reports=12345,
    failed=3,
    partial=1,
    agencies=812,
    years=(Count("2022", 5000), Count("2023", 7345)),
    errors=40,
    warnings=900,
    infos=7,
    rules=(
        Count("A101", 500, "表三某列“一＋二”不等于“（七）总计＋四”（勾稽关系不成立）"),
        Count("M104", 120, "发布日期晚于法定发布期限"),
    ),
    rule_codes=9,
    agencies_top=(Count("<某县>人民政府", 30, "2 份报告"),),
    timeliness=Timeliness(on_time=800, late=150, late_by=(Count("超出 1–30 天", 150),), undated=11000, no_deadline=395),
    applications=(YearApplications(2022, 150000.0, 4000), YearApplications(2023, 12.5, 2)),
)


def _page(data: CorpusOverview = DATA) -> html.HtmlElement:
    return html.fromstring(render_corpus_html(data))


def _figure(page: html.HtmlElement, key: str) -> str:
    (value,) = page.xpath(f'//*[@data-figure="{key}"]//span[@class="value"]/text()')
    return str(value)


def test_corpus_html_shows_the_headline_figures() -> None:
    page = _page()
    assert page.xpath("//html/@lang") == ["zh-CN"]
    assert (_figure(page, "reports"), _figure(page, "agencies"), _figure(page, "failed")) == ("12,345", "812", "3")
    assert (_figure(page, "years"), _figure(page, "findings"), _figure(page, "errors")) == ("2022–2023", "947", "40")
    assert (_figure(page, "on_time"), _figure(page, "late"), _figure(page, "undated")) == ("800", "150", "11,000")
    assert "其中 3 份无法读取、1 份只审核了一部分" in page.text_content()


def test_corpus_html_draws_one_bar_per_rule_with_the_full_label() -> None:
    page = _page()
    bars = page.xpath('//figure[@id="chart-rules"]//*[@class="bar"]')
    assert [(b.get("data-label"), b.get("data-value")) for b in bars] == [
        ("A101 表三某列“一＋二”不等于“（七）总计＋四”（勾稽关系不成立）", "500"),
        ("M104 发布日期晚于法定发布期限", "120"),
    ]
    widths = [float(b.xpath("./rect/@width")[0]) for b in bars]
    assert widths[0] > widths[1] > 0 and abs(widths[1] / widths[0] - 120 / 500) < 0.01
    shown = bars[0].xpath("./text/text()")[0]
    assert shown.endswith("…") and "A101 表三某列" in shown  # a long label is cut, the tooltip keeps it whole
    assert "共有 9 条审核规则发现了问题，以下列出最多的 2 条" in page.text_content()


def test_corpus_html_is_self_contained_and_escapes_names() -> None:
    raw = render_corpus_html(DATA).decode("utf-8")
    page = _page()
    assert not page.xpath("//script | //link | //img | //iframe | //object")
    assert not [v for v in page.xpath("//@src | //@href") if "//" in v]
    assert "http" not in raw and "@import" not in raw and "url(" not in raw
    assert "&lt;某县&gt;人民政府" in raw and "<某县>" not in raw
    assert page.xpath('//figure[@id="chart-agencies"]//*[@class="bar"]/@data-label') == ["<某县>人民政府（2 份报告）"]


def test_corpus_html_prints_decimals_only_where_there_are_some() -> None:
    rows = _page().xpath('//table[@id="applications-table"]/tbody/tr')
    assert [[c.text_content() for c in r] for r in rows] == [
        ["2022年度", "150,000", "4,000"],
        ["2023年度", "12.50", "2"],
    ]
    assert (number(3.0), number(1234567), number(0.5)) == ("3", "1,234,567", "0.50")


def test_corpus_html_of_an_empty_store_says_so() -> None:
    empty = dataclasses.replace(
        DATA, reports=0, failed=0, partial=0, agencies=0, years=(), errors=0, warnings=0, infos=0, rules=(),
        rule_codes=0, agencies_top=(), timeliness=Timeliness(), applications=(),
    )  # fmt: skip
    page = _page(empty)
    assert _figure(page, "reports") == "0" and _figure(page, "years") == "—"
    assert page.xpath('//figure[@id="chart-rules"]/p[@class="empty"]/text()') == ["（无）"]


def test_corpus_html_chart_scales_bars_to_the_largest() -> None:
    drawn = chart("图", [("甲", 10), ("乙", 0), ("丙", 5)])
    assert [b.width for b in drawn.bars][1] == 0.0
    assert drawn.bars[0].width == 2 * drawn.bars[2].width and drawn.height == 3 * (drawn.bars[1].y - drawn.bars[0].y)
