"""Metadata: the agency's kind, and the publication date printed by the page (not report text)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.api import read_report
from gongkai.extract import extract
from gongkai.extract.metadata import agency_kind, read_metadata, report_agency_kind
from gongkai.model import AnnualReport
from gongkai.readers import read_bytes

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.mark.parametrize(
    ("name", "kind"),
    [("某县人民政府", "government"), ("上海市浦东新区人民政府", "government"), ("某省人民政府", "government"),
     ("某市人民政府办公室", "department"), ("国务院办公厅", "department"), ("某区发展和改革局", "department"),
     ("某市国有资产监督管理委员会", "department"), ("某市城市管理委员会", "department"),
     ("某市住房公积金管理委员会", "department"), ("上海市科委", "department"),
     ("某市高新技术产业开发区管委会", "government"), ("某某新区管理委员会", "government"),
     ("某市经济技术开发区管理委员会", "government"), ("某市某实验区管理委员会", "government"),
     ("某市经济技术开发区", "government"),
     ("某市开发区建设局", "department"), ("某新区管委会办公室", "department"),
     ("某镇人民政府", "township"), ("某乡人民政府", "township"), ("某旗某苏木", "township"),
     ("某县某街道办事处", "township"), ("某区某街道办", "township"), ("某市某区某街道", "township"),
     ("某镇人民政府党政办公室", "township"), ("某市住房和城乡建设局", "department"),
     ("某市", "government"), ("某县", "government"), ("某市 人民政府", "government"),
     ("某市某社区", "unknown"), ("关于", "unknown"), ("", "unknown"), (None, "unknown")],
)  # fmt: skip
def test_metadata_agency_kind(name: str | None, kind: str) -> None:
    assert agency_kind(name) == kind


_AREAS = st.sampled_from(["某省", "某市", "某县", "某市某区", "上海市浦东新区", "某自治州", "某市某县"])
_DEPARTMENTS = st.sampled_from(["发展和改革局", "人民政府办公室", "教育委员会", "卫生健康委", "政务服务中心", "司法局"])
_ZONES = st.sampled_from(["经济技术开发区", "高新技术产业开发区", "新区", "综合实验区", "工业园区"])


@given(_AREAS, _DEPARTMENTS, _ZONES)
def test_metadata_agency_kind_follows_the_last_body_named(area: str, dept: str, zone: str) -> None:
    assert agency_kind(area + "人民政府") == "government"
    assert agency_kind(area + dept) == "department"
    assert agency_kind(area + zone + "管理委员会") == "government"
    assert agency_kind(area + zone + "管委会" + dept) == "department"  # a department of the zone
    assert agency_kind(area + "某街道办事处") == agency_kind(area + "某镇人民政府") == "township"


def test_metadata_report_kind_from_title_else_signature() -> None:
    assert (
        report_agency_kind("某市", "某市人民政府办公室") == "government"
    )  # a government's report signed by its office
    assert report_agency_kind("某市人民政府办公室", "某市人民政府") == "department"
    assert report_agency_kind(None, "某市经济技术开发区管理委员会") == "government"
    assert report_agency_kind("关于", "某区发展和改革局") == "department"


BODY = (
    "一、总体情况\n本局全年主动公开信息12条。\n"
    "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
    "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n无。\n"
    "六、其他需要报告的事项\n无。\n某县某局\n2025年1月20日\n"
)
PREAMBLE = "本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。"


def _report(head: str, name: str = "r.txt") -> AnnualReport:
    text = f"某县某局2024年政府信息公开工作年度报告\n{head}{PREAMBLE}\n{BODY}"
    return extract(read_bytes(text.encode(), name))


@pytest.mark.parametrize(
    ("head", "date", "printed", "line"),
    [("发布时间：2025-02-03 09:30\n", (2025, 2, 3), "发布时间：2025-02-03 09:30", 2),
     ("来源：某县人民政府　时间：2025年2月3日　浏览次数：96\n", (2025, 2, 3), "时间：2025年2月3日", 2),
     ("发布日期：2025-02-03\n来源：某县某局\n", (2025, 2, 3), "发布日期：2025-02-03", 2),
     ("来源：某县某局\n发布时间：\n2025-02-03 10:00:01\n", (2025, 2, 3), "发布时间： 2025-02-03 10:00:01", 3),
     ("发布机构\t某县某局\t公开日期\t2025-02-03\n", (2025, 2, 3), "公开日期 2025-02-03", 2)],
)  # fmt: skip
def test_metadata_publication_date_printed_before_section_one(
    head: str, date: tuple[int, int, int], printed: str, line: int
) -> None:
    meta = _report(head).metadata
    assert (meta.publication_date, meta.publication_text) == (dt.date(*date), printed)
    assert meta.provenance["publication"].line == line


def test_metadata_page_fields_are_not_report_text() -> None:
    report = _report("来源：某县人民政府　发布时间：2025-02-03　浏览次数：96\n发布日期：\n2025-02-03\n")
    assert report.preamble == PREAMBLE
    assert not any("发布" in line.text or "来源" in line.text for line in report.lines)
    meta = report.metadata
    assert (meta.signature_date, meta.signature_text) == (dt.date(2025, 1, 20), "2025年1月20日")
    assert (meta.period_start, meta.period_end) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert report.section(1) is not None and report.section(1).text == "本局全年主动公开信息12条。"  # type: ignore[union-attr]


def test_metadata_page_fields_never_become_signature_or_period() -> None:
    text = f"发布时间：2025年3月5日\n某县某局2024年政府信息公开工作年度报告\n{BODY.replace('2025年1月20日', '')}"
    meta = extract(read_bytes(text.encode(), "r.txt")).metadata
    assert meta.publication_date == dt.date(2025, 3, 5)
    assert meta.signature_date is None and meta.period_start is None and meta.period_end is None


def test_metadata_period_stated_after_a_time_label_is_not_a_page_field() -> None:
    report = _report("时间：2024年1月1日至2024年12月31日\n")
    assert report.metadata.publication_date is None
    assert report.preamble.startswith("时间：2024年1月1日至2024年12月31日")


def test_metadata_publication_date_in_markdown_and_after_heading_ignored() -> None:
    text = "# 某县某局2024年政府信息公开工作年度报告\n\n**发布时间**：2025/1/22\n\n" + BODY.replace(
        "本局全年", "发布日期：2025-03-30\n本局全年"
    )
    meta = extract(read_bytes(text.encode(), "r.md")).metadata
    assert meta.publication_date == dt.date(2025, 1, 22)


def test_metadata_page_field_in_a_crawled_one_line_copy_before_the_heading() -> None:
    text = "某县某局2024年政府信息公开工作年度报告 发布时间：2025-02-03 一、总体情况 本局全年主动公开信息12条。\n"
    rows = read_bytes((text + BODY.split("\n", 2)[2]).encode(), "r.txt").rows
    meta, _ = read_metadata(rows, None, 0, 0, {})
    assert meta.publication_date == dt.date(2025, 2, 3)


def test_metadata_impossible_publication_date_is_kept_as_printed() -> None:
    meta = _report("发布时间：2025-02-30\n").metadata
    assert meta.publication_date is None and meta.publication_text == "发布时间：2025-02-30"


@pytest.mark.parametrize(
    ("name", "date", "text", "where"),
    [("shuyang-development-reform-2023.html", dt.date(2024, 1, 17), "公开日期 2024-01-17", "第198行"),
     ("shanghai-government-office-2019.html", dt.date(2020, 1, 31), "发布日期：2020-01-31", "第1行·第2段"),
     ("002_3e5507a8093b4360.txt", dt.date(2024, 1, 17), "发布时间:2024-01-17 13:55:55", "第2行"),
     ("city-sample-2025.html", None, None, None)],
)  # fmt: skip
def test_metadata_corpus_publication_date(name: str, date: dt.date | None, text: str | None, where: str | None) -> None:
    report = read_report(SAMPLES / name)
    meta = report.metadata
    assert (meta.publication_date, meta.publication_text) == (date, text)
    prov = meta.provenance.get("publication")
    assert (prov.describe() if prov else None) == where
    assert not report.preamble.startswith(("发布", "公开日期"))


def test_metadata_corpus_agency_kinds() -> None:
    kinds = {name: read_report(SAMPLES / name).metadata.agency_kind for name in (
        "city-sample-2025.html", "shanghai-government-office-2019.html", "shuyang-development-reform-2023.html",
        "shuyang-county-2025.txt", "000_531ecae6516f2ca1.txt")}  # fmt: skip
    assert kinds == {
        "city-sample-2025.html": "government",  # 测试市: a city's own report
        "shanghai-government-office-2019.html": "department",  # 上海市人民政府办公厅
        "shuyang-development-reform-2023.html": "department",
        "shuyang-county-2025.txt": "government",
        "000_531ecae6516f2ca1.txt": "department",
    }
