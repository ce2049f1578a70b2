"""Metadata rules M101–M108 on factory reports with one field changed."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.audit import Finding, Rule
from gongkai.audit.rules.metadata.impossible_date import ImpossibleDate
from gongkai.audit.rules.metadata.period_missing import PeriodMissing
from gongkai.audit.rules.metadata.publication_deadline import PublicationAfterDeadline
from gongkai.audit.rules.metadata.signature_deadline import SignatureAfterDeadline
from gongkai.audit.rules.metadata.signature_early import SignatureBeforePeriodEnd
from gongkai.audit.rules.metadata.signature_missing import SignatureMissing
from gongkai.audit.rules.metadata.title_missing import TitleMissing
from gongkai.audit.rules.metadata.year_mismatch import YearMismatch
from gongkai.extract import extract
from gongkai.model import AnnualReport, Provenance, TextLine
from gongkai.readers import read_bytes
from tests.factories import FILE, make_report

ALL = [YearMismatch, SignatureBeforePeriodEnd, SignatureAfterDeadline, PublicationAfterDeadline, SignatureMissing,
       ImpossibleDate, PeriodMissing, TitleMissing]  # fmt: skip


def run(rule: type[Rule], report: AnnualReport) -> list[Finding]:
    return list(rule().check(report))


@pytest.mark.parametrize("rule", ALL, ids=lambda r: r.code)
def test_metadata_rules_quiet_on_factory_report(rule: type[Rule]) -> None:
    assert run(rule, make_report()) == []


def test_year_mismatch_title_and_period() -> None:
    report = make_report(title="某市某局2024年政府信息公开工作年度报告", period_start=dt.date(2023, 1, 1), period_end=dt.date(2023, 12, 31),
                         period_text="2023年1月1日至2023年12月31日")  # fmt: skip
    [f] = run(YearMismatch, report)
    assert f.code == "M101" and f.severity.value == "error" and f.location.part == "metadata"
    assert "标题年份为 2024 年" in f.message and "2023年1月1日至2023年12月31日" in f.message


def test_signature_before_period_end_with_and_without_period() -> None:
    [f] = run(SignatureBeforePeriodEnd, make_report(signature_date=dt.date(2024, 1, 9), signature_text="2024年1月9日"))
    assert "2024年1月9日" in f.message and "统计期末 2024年12月31日" in f.message
    no_period = make_report(period_start=None, period_end=None, period_text=None, signature_date=dt.date(2024, 12, 31))
    [g] = run(SignatureBeforePeriodEnd, no_period)
    assert "2024 年末 2024年12月31日" in g.message
    assert run(SignatureBeforePeriodEnd, make_report(signature_date=dt.date(2025, 1, 1))) == []


@pytest.mark.parametrize(
    ("kind", "signed", "late_by"),
    [("department", dt.date(2025, 2, 20), 20), ("government", dt.date(2025, 4, 2), 2),
     ("department", dt.date(2025, 1, 31), None), ("government", dt.date(2025, 3, 20), None),
     ("township", dt.date(2025, 6, 1), None), ("unknown", dt.date(2025, 6, 1), None)],
)  # fmt: skip
def test_signature_after_deadline_by_agency_kind(kind: str, signed: dt.date, late_by: int | None) -> None:
    found = run(SignatureAfterDeadline, make_report(agency_kind=kind, signature_date=signed))
    if late_by is None:
        assert found == []
    else:
        [f] = found
        due = "2025年1月31日" if kind == "department" else "2025年3月31日"
        assert f"{signed.year}年{signed.month}月{signed.day}日" in f.message and due in f.message
        assert f"超出 {late_by} 天" in f.message


def test_publication_after_deadline_reports_publication_date() -> None:
    [f] = run(PublicationAfterDeadline, make_report(publication_date=dt.date(2025, 2, 5)))
    assert f.code == "M104" and "发布日期为 2025年2月5日" in f.message and "2025年1月31日" in f.message
    assert run(PublicationAfterDeadline, make_report(publication_date=None)) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [({"signature_agency": None}, "缺少署名机关"), ({"signature_date": None}, "缺少成文日期（署名机关：某市某局）"),
     ({"signature_agency": None, "signature_date": None}, "未找到署名机关和成文日期")],
)  # fmt: skip
def test_signature_missing_says_what_is_missing(changes: dict[str, object], expected: str) -> None:
    [f] = run(SignatureMissing, make_report(**changes))
    assert expected in f.message


def _with_line(text: str, line_no: int = 16) -> AnnualReport:
    report = make_report()
    report.lines.append(TextLine(text=text, provenance=Provenance(file=FILE, line=line_no), section=1))
    return report


@pytest.mark.parametrize(
    ("text", "date", "why"),
    [("2023年12月7月，组织召开政务公开工作培训会议", "2023年12月7月", "“月”出现两次"),
     ("于2023年2月30日召开会议", "2023年2月30日", "2023 年 2 月只有 28 日"),
     ("4月31日上线运行", "4月31日", "4 月没有 31 日"),
     ("截至 2024 年 13 月", "2024 年 13 月", "没有 13 月")],
)  # fmt: skip
def test_impossible_date_quotes_date_and_line(text: str, date: str, why: str) -> None:
    [f] = run(ImpossibleDate, _with_line(text))
    assert f"“{date}”" in f.message and why in f.message and "第16行" in f.message
    assert f.location.source is not None and f.location.source.line == 16 and f.location.part == "section1"


@pytest.mark.parametrize(
    "text", ["2024年2月29日", "2月29日", "自2023年1月1日起至12月31日止", "6月7月8月三个月", "12个月", "1-12月"]
)
def test_impossible_date_accepts_real_dates(text: str) -> None:
    assert run(ImpossibleDate, _with_line(text)) == []


def test_period_missing_only_when_nothing_stated() -> None:
    [f] = run(PeriodMissing, make_report(period_start=None, period_end=None, period_text=None))
    assert f.severity.value == "info" and "统计期限" in f.message
    assert run(PeriodMissing, make_report(period_start=None, period_end=None)) == []


def test_title_missing() -> None:
    [f] = run(TitleMissing, make_report(title=None))
    assert f.code == "M108" and "标题" in f.message


@pytest.mark.parametrize(
    ("kind", "published", "late_by"),
    [("department", dt.date(2025, 2, 3), 3), ("department", dt.date(2025, 1, 31), None),
     ("government", dt.date(2025, 4, 1), 1), ("government", dt.date(2025, 3, 31), None),
     ("township", dt.date(2025, 6, 1), None), ("unknown", dt.date(2025, 6, 1), None)],
)  # fmt: skip
def test_publication_after_deadline_by_agency_kind(kind: str, published: dt.date, late_by: int | None) -> None:
    found = run(PublicationAfterDeadline, make_report(agency_kind=kind, publication_date=published))
    if late_by is None:
        assert found == []
    else:
        [f] = found
        assert f"超出 {late_by} 天" in f.message and f.location.part == "metadata"


def test_publication_after_deadline_quotes_the_printed_field_and_its_place() -> None:
    report = make_report(
        publication_date=dt.date(2025, 2, 3),
        publication_text="发布时间：2025-02-03 09:30",
        provenance={"publication": Provenance(file=FILE, line=2)},
    )
    [f] = run(PublicationAfterDeadline, report)
    assert f.message == (
        "发布日期为 2025年2月3日（原文“发布时间：2025-02-03 09:30”，第2行），晚于某市某局（按政府部门计）"
        "年度报告的法定期限 2025年1月31日（2024 年度，条例第四十九条），超出 3 天"
    )
    assert f.location.source is not None and f.location.source.line == 2
    assert "2025年1月31日 前公布" in f.hint


BODY = (
    "一、总体情况\n无。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
    "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n"
)


@pytest.mark.parametrize(
    ("title", "published", "codes"),
    [("某市经济技术开发区管理委员会", "2025-03-05", []),  # a zone's committee: a government's deadline
     ("某市经济技术开发区管理委员会", "2025-04-02", ["M104"]),
     ("某市开发区建设局", "2025-02-03", ["M104"]),  # a department of the zone
     ("某市开发区建设局", "2025-01-31", []),
     ("某区某街道办事处", "2025-06-01", [])],  # a township: deadline set locally
)  # fmt: skip
def test_publication_deadline_from_the_page_of_a_real_looking_report(
    title: str, published: str, codes: list[str]
) -> None:
    text = f"{title}2024年政府信息公开工作年度报告\n来源：{title} 发布时间：{published} 10:00\n{BODY}"
    report = extract(read_bytes(text.encode(), "r.txt"))
    found = run(PublicationAfterDeadline, report)
    assert [f.code for f in found] == codes
    if found:
        assert f"原文“发布时间：{published} 10:00”，第2行" in found[0].message
        assert found[0].location.source is not None and found[0].location.source.line == 2
