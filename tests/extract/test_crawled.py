"""Crawled one-line text: sections, metadata and narrative read; tables found, kept as printed, never split."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.api import check_path
from gongkai.audit import Severity, audit
from gongkai.extract import extract
from gongkai.extract.crawled import inline_headings, split_crawled
from gongkai.model import AnnualReport, Provenance
from gongkai.readers import read_bytes
from gongkai.readers.raw import RawCell, RawRow
from tests.crawl import crawl, crawl_bytes
from tests.extract.test_extract_roundtrip import consistent_tables
from tests.layouts import LAYOUTS, Table2, Table3, Table4, render

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
CRAWLABLE = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md", ".html"))


def _meta(report: AnnualReport) -> tuple[object, ...]:
    m = report.metadata
    return (m.title, m.agency, m.year, m.period_start, m.period_end, m.signature_agency, m.signature_date)


@pytest.fixture(scope="module", params=[(n, sep) for n in CRAWLABLE for sep in (" ", "")], ids=str)
def pair(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    name, sep = request.param
    out = tmp_path_factory.mktemp("crawled") / (Path(name).stem + ".txt")
    text = crawl(SAMPLES / name, sep)
    out.write_text(text, encoding="utf-8")
    return SAMPLES / name, out, text


def test_crawled_report_reads_sections_and_metadata_as_the_original(pair: tuple[Path, Path, str]) -> None:
    original, crawled, text = pair
    assert len(text.rstrip("\n").split("\n")) <= 3  # header lines and the one line
    a, b = check_path(original), check_path(crawled)
    assert b.status == "ok" and b.errors == []  # was E106
    assert a.report is not None and b.report is not None
    assert [s.number for s in b.report.sections] == [s.number for s in a.report.sections]
    assert [s.title for s in b.report.sections] == [s.title for s in a.report.sections]
    assert _meta(b.report) == _meta(a.report)
    assert b.report.format == a.report.format


def test_crawled_report_tables_are_run_together_and_unread(pair: tuple[Path, Path, str]) -> None:
    _, crawled, text = pair
    result = check_path(crawled)
    report = result.report
    assert report is not None
    line_of = text.split("\n")
    for table_id, start in (("table2", "第二十条"), ("table3", ""), ("table4", "")):
        table = report.table(table_id)
        assert table.found and table.rows == {} and table.layout == ["cells_run_together"]
        [kept] = table.unplaced
        prov = table.provenance
        assert prov is not None and prov.line is not None and prov.char is not None
        # the raw text is the line's own text from that character on: nothing split, nothing lost
        assert line_of[prov.line - 1][prov.char - 1 :].startswith(kept.raw_cells[0])
        assert kept.raw_cells[0].startswith(start)
    s122 = [f for f in result.findings if f.code == "S122"]
    assert [f.location.part for f in s122] == ["table2", "table3", "table4"]
    assert all(f.severity is Severity.WARNING for f in s122)


def test_crawled_report_has_no_finding_the_original_lacks(pair: tuple[Path, Path, str]) -> None:
    """Narrative and metadata rules still run; the unread tables give S122 and nothing else."""
    original, crawled, _ = pair
    a, b = check_path(original), check_path(crawled)
    new = Counter(f.code for f in b.findings) - Counter(f.code for f in a.findings)
    assert dict(new) == {"S122": 3}
    assert not [f for f in b.findings if f.code.startswith("A")]


def test_crawled_narrative_rules_run_on_the_narrative(tmp_path: Path) -> None:
    """Sample 002 prints an impossible date in section 一 (2023年12月7月): found in the crawled copy too."""
    path = tmp_path / "002.txt"
    path.write_text(crawl(SAMPLES / "002_3e5507a8093b4360.txt"), encoding="utf-8")
    result = check_path(path)
    [date] = [f for f in result.findings if f.code == "M106"]
    assert date.location.part == "section1" and "2023年12月7月" in date.message
    source = date.location.source
    assert source is not None and source.line == 3 and source.char is not None
    report = result.report
    assert report is not None
    assert report.metadata.signature_agency == "莱阳市人民政府办公室"
    assert report.sections[0].text.startswith("(一)提升政府信息主动公开规范度")
    assert "\n(二)依法依规完成依申请公开答复工作" in report.sections[0].text


def _row(text: str) -> RawRow:
    return RawRow([RawCell(text, Provenance(file="f", line=7))], "text")


def test_crawled_headings_found_inside_a_line_by_what_they_say() -> None:
    text = "四、结转下年度继续办理 0000000 四、政府信息公开行政复议、行政诉讼情况 行政复议 五、存在的主要问题及改进情况 问题"
    headings = inline_headings(text)
    assert [(h.number, text[h.start : h.end]) for h in headings] == [
        (4, "四、政府信息公开行政复议、行政诉讼情况"),
        (5, "五、存在的主要问题及改进情况"),
    ]


def test_crawled_line_with_one_heading_or_short_is_left_alone() -> None:
    one = _row("一、总体情况" + "本局依法公开政府信息。" * 40)
    assert split_crawled([one]) == ([one], [])
    short = _row("一、总体情况 二、主动公开政府信息情况")
    assert split_crawled([short]) == ([short], [])


def test_crawled_table_digits_are_never_split() -> None:
    body = (
        "某市某局2024年政府信息公开工作年度报告 本报告所列数据统计期限为2024年1月1日至2024年12月31日。"
        "一、总体情况 本局依法公开政府信息。" + "本局做好公开工作。" * 30 + "三、收到和处理政府信息公开申请情况 "
        "申请人情况 自然人 一、本年新收政府信息公开申请数量 713000074 四、政府信息公开行政复议、行政诉讼情况 "
        "行政复议 行政诉讼 结果维持 130040000000000 五、存在的主要问题及改进情况 无。六、其他需要报告的事项 无。"
        "某市某局 2025年1月20日"
    )
    rows, tables = split_crawled([_row(body)])
    assert [t.table_id for t in tables] == ["table3", "table4"]
    assert tables[0].text == "申请人情况 自然人 一、本年新收政府信息公开申请数量 713000074"
    assert tables[0].prov.line == 7 and body[tables[0].prov.char - 1 :].startswith(tables[0].text)
    texts = [r.text for r in rows]
    assert texts[:3] == ["某市某局2024年政府信息公开工作年度报告", texts[1], "一、总体情况"]
    assert texts[-3:] == ["无。", "某市某局", "2025年1月20日"]
    assert not any("713000074" in t for t in texts)
    for r in rows:
        assert body[r.prov.char - 1 :].startswith(r.text)


def test_crawled_splitting_leaves_a_report_with_headings_alone() -> None:
    """A preamble listing the six headings in one paragraph is not a crawled report."""
    listing = (
        "本报告包括一、总体情况，二、主动公开政府信息情况，三、收到和处理政府信息公开申请情况，"
        "四、政府信息公开行政复议、行政诉讼情况，五、存在的主要问题及改进情况，六、其他需要报告的事项。"
    )
    rows = [_row(listing + "本报告所列数据统计期限为2024年1月1日至12月31日。" * 10)]
    rows += [_row(t) for t in ("一、总体情况", "本局依法公开政府信息。", "二、主动公开政府信息情况")]
    assert split_crawled(rows) == (rows, [])


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables=consistent_tables(), layout=st.sampled_from(sorted(LAYOUTS)), sep=st.sampled_from([" ", ""]))
def test_crawled_any_layout_keeps_every_character_where_it_was(
    tables: tuple[Table2, Table3, Table4], layout: str, sep: str
) -> None:
    name, data = render(layout, *tables)
    text = crawl_bytes(data, name, sep)
    raw = read_bytes(text.encode("utf-8"), "crawled.txt")
    [line] = [r for r in raw.rows if len(r.text) > 300]
    rows, found = split_crawled(raw.rows)
    assert [t.table_id for t in found] == ["table2", "table3", "table4"]
    pieces = [(r.prov.char, r.text) for r in rows if r.prov.line == line.prov.line]
    pieces += [(t.prov.char, t.text) for t in found]
    # every piece is the line's own text at its position, and together they are the whole line
    assert all(c is not None and line.text[c - 1 :].startswith(t) for c, t in pieces)
    joined = "".join("".join(t.split()) for _, t in sorted(pieces, key=lambda p: p[0] or 0))
    assert joined == "".join(line.text.split())
    report = extract(raw)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.metadata.agency == "某市某局" and report.metadata.signature_agency == "某市某局"
    assert not [f for f in audit(report) if f.code.startswith("A") or f.severity is Severity.ERROR]


def test_crawled_narrative_before_a_table_stays_narrative() -> None:
    body = (
        "一、总体情况 本局依法公开政府信息。" + "本局做好公开工作。" * 30 + "三、收到和处理政府信息公开申请情况 "
        "本年新收政府信息公开申请数量24件。(本列数据的勾稽关系为:…)申请人情况 一、本年新收政府信息公开申请数量 2400024 "
        "四、政府信息公开行政复议、行政诉讼情况 本年度发生行政复议3件，行政诉讼1件。行政复议 行政诉讼 结果维持 "
        "130040000000000 五、存在的主要问题及改进情况 无。"
    )
    rows, tables = split_crawled([_row(body)])
    assert tables[0].text.startswith("(本列数据的勾稽关系为:…)申请人情况 一、本年新收")
    assert tables[1].text == "行政复议 行政诉讼 结果维持 130040000000000"
    texts = [r.text for r in rows]
    assert "本年新收政府信息公开申请数量24件。" in texts and "本年度发生行政复议3件，行政诉讼1件。" in texts
