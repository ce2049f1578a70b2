"""``gongkai report-corpus``: the overview page of a store filled from real files, read back with lxml."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import html
from sqlalchemy import Engine, func, select

from gongkai.cli import run
from gongkai.store.corpus_tables import CorpusFindingRow
from gongkai.store.engine import session_scope
from tests.batch.corpus_files import Checked, fill


def _figure(page: html.HtmlElement, key: str) -> str:
    (value,) = page.xpath(f'//*[@data-figure="{key}"]//span[@class="value"]/text()')
    return str(value)


def test_report_corpus_page_shows_the_stores_figures(
    capsys: pytest.CaptureFixture[str], engine: Engine, url_of: Callable[[Engine], str], checked: dict[str, Checked],
    tmp_path: Path,
) -> None:  # fmt: skip
    fill(engine, checked)
    target = tmp_path / "概况.html"
    assert run(["report-corpus", "--store", url_of(engine), "-o", str(target)]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out == f"已生成概况：{target}（报告 6 份）\n"
    page = html.fromstring(target.read_bytes())
    assert (_figure(page, "reports"), _figure(page, "agencies"), _figure(page, "failed")) == ("6", "4", "1")
    with session_scope(engine, read_only=True) as s:
        m105 = s.scalar(select(func.count()).select_from(CorpusFindingRow).where(CorpusFindingRow.code == "M105"))
        total = s.scalar(select(func.count()).select_from(CorpusFindingRow))
    (bar,) = page.xpath('//figure[@id="chart-rules"]//*[@class="bar"][starts-with(@data-label, "M105 ")]')
    assert bar.get("data-value") == str(m105)
    assert _figure(page, "findings") == str(total)
    # 沭阳县发展和改革局's page published 2024-01-17 (on time), its copy dated 2024-02-20 (20 days late)
    assert (_figure(page, "on_time"), _figure(page, "late"), _figure(page, "undated")) == ("1", "1", "3")
    late = page.xpath('//figure[@id="chart-timeliness"]//*[@class="bar"]')
    assert [(b.get("data-label"), b.get("data-value")) for b in late][1:3] == [
        ("逾期发布", "1"),
        ("　其中超出 1–30 天", "1"),
    ]
    assert not page.xpath("//script | //link | //img") and not [v for v in page.xpath("//@src | //@href") if "//" in v]


def test_report_corpus_refuses_a_page_that_is_not_html(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(["report-corpus", "--store", str(tmp_path / "c.db"), "-o", str(tmp_path / "概况.pdf")]) == 2
    assert capsys.readouterr().err == "错误：用法错误：概况网页的文件名应以 .html 结尾（概况.pdf）\n"


def test_report_corpus_refuses_a_bad_top(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    args = ["report-corpus", "--store", str(tmp_path / "c.db"), "-o", str(tmp_path / "a.html"), "--top", "0"]
    assert run(args) == 2
    assert "应为 1 到 100 的整数，而不是 0" in capsys.readouterr().err
