"""The other registers one record at a time (reviews, documents, items, figures) on both backends, and
what they give in the computed report. The 2025 calendar as in test_records.py; publication deadlines
(第二十六条, 20 working days after the day formed, that day not counted) worked out by hand:

  formed Mon 9/1 → 9/2–5 4, 9/8–12 9, 9/15–19 14, 9/22–26 19, Sunday 9/28 (worked) 20 → due 9/28
  formed Fri 9/26 → due 10/30 (as an answer: National Day 10/1–10/8 off, 9/28 and 10/11 worked)
  formed Thu 10/9 → 10/10, 10/11, 10/13–17, 10/20–24, 10/27–31, 11/3–5 → due 11/5
  formed Mon 12/1 → 12/2–5 4, 12/8–12 9, 12/15–19 14, 12/22–26 19, 12/29 20 → due 12/29
  formed Wed 12/17 → 12/18–19 2, 12/22–26 7, 12/29–31 10, then 2026 (not covered: weekends only) 1/1–2 12,
      1/5–9 17, 1/12–14 20 → due 2026-01-14, provisional
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import Engine

from gongkai.casework import registers as cw
from gongkai.casework.records import add_application
from gongkai.casework.report import agency_report
from gongkai.errors import RegisterError
from gongkai.store import repo
from gongkai.store.engine import session_scope
from tests.store.calendars import Y2025

D = dt.date.fromisoformat
BUREAU, OTHER = "某市某某局", "另一局"


@pytest.fixture
def url(engine: Engine, url_of: Callable[[Engine], str], monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("GONGKAI_DATABASE_URL", url_of(engine))
    with session_scope(engine) as s:
        repo.save_year(s, Y2025, "seed")
        repo.add_agency(s, BUREAU, "department")
        repo.add_agency(s, OTHER, "department")
    return url_of(engine)


def test_registers_reviews_documents_figures_end_in_the_report(url: str) -> None:
    add_application(BUREAU, "2025-001", "natural_person", D("2025-03-01"), today=D("2025-03-01"))
    upheld = cw.add_review(
        BUREAU, "复议1", "administrative_review", D("2025-03-10"), result="upheld", concluded_on=D("2025-05-10"),
        application="2025-001",
    )  # fmt: skip
    assert upheld.application_number == "2025-001" and upheld.case.application_id is not None
    direct = cw.add_review(BUREAU, "诉1", "litigation_direct", D("2025-04-01"))
    cw.add_review(BUREAU, "诉2", "litigation_after_review", D("2025-06-01"))
    corrected = cw.conclude_review(BUREAU, "诉2", "corrected", D("2025-12-01"))
    cw.add_review(
        BUREAU, "诉3", "litigation_after_review", D("2024-06-01"), result="other", concluded_on=D("2024-12-01")
    )
    assert (corrected.case.result, corrected.case.concluded_on) == ("corrected", D("2025-12-01"))
    assert [v.case.number for v in cw.list_reviews(BUREAU)] == ["复议1", "诉1", "诉2", "诉3"]

    rule = cw.add_document(BUREAU, "regulations", "某某办法", D("2025-02-01"), doc_number="某府令第1号")
    old = cw.add_document(BUREAU, "normative_documents", "某某通知", D("2024-05-01"))
    cw.add_document(BUREAU, "normative_documents", "某某意见", D("2023-01-05"))
    abolished = cw.abolish_document(BUREAU, old.id, D("2025-06-01"))
    assert abolished.abolished_on == D("2025-06-01")
    assert [d.title for d in cw.list_documents(BUREAU)] == ["某某办法", "某某通知", "某某意见"]

    cw.set_figure(BUREAU, 2025, "administrative_licensing.decisions", "12")
    fees = cw.set_figure(BUREAU, 2025, "administrative_fees.amount_10k_yuan", "3.5")
    again = cw.set_figure(BUREAU, 2025, "administrative_fees.amount_10k_yuan", "3.25", note="更正")
    assert again.id == fees.id and again.value == Decimal("3.25")
    cw.set_figure(BUREAU, 2024, "administrative_penalty.decisions", "7")
    assert [(f.year, f.key) for f in cw.list_figures(BUREAU, year=2025)] == [
        (2025, "administrative_licensing.decisions"),
        (2025, "administrative_fees.amount_10k_yuan"),
    ]

    report = agency_report(BUREAU, 2025)
    t4, t2 = report.table4, report.table2
    assert [t4.value("administrative_review", f) for f in ("upheld", "corrected", "other", "pending", "total")] == [
        1, 0, 0, 0, 1,
    ]  # fmt: skip
    assert [t4.value("litigation_direct", f) for f in ("upheld", "pending", "total")] == [0, 1, 1]
    assert [t4.value("litigation_after_review", f) for f in ("corrected", "other", "total")] == [1, 0, 1]
    cell = t4.cell("litigation_direct", "pending")
    assert cell is not None and cell.provenance is not None
    assert cell.provenance.records == (f"review_case:{direct.case.id}",)
    assert [t2.value("regulations", f) for f in ("issued", "abolished", "in_force")] == [1, 0, 1]
    assert [t2.value("normative_documents", f) for f in ("issued", "abolished", "in_force")] == [0, 1, 1]
    assert t2.value("administrative_licensing", "decisions") == 12
    assert t2.value("administrative_fees", "amount_10k_yuan") == 3.25
    assert t2.value("administrative_penalty", "decisions") is None  # not entered for 2025: blank, never 0
    regulations = t2.cell("regulations", "issued")
    assert regulations is not None and regulations.provenance is not None
    assert regulations.provenance.records == (f"document:{rule.id}",)


def test_registers_refusals(url: str) -> None:
    with pytest.raises(RegisterError) as caught:
        cw.add_review(BUREAU, "复议9", "administrative_review", D("2025-03-10"), result="upheld")
    assert (caught.value.code, caught.value.message) == ("E204", "已审结的案件须写明审结日期（结果为尚未审结时不写）")
    with pytest.raises(RegisterError) as caught:
        cw.add_review(BUREAU, "复议9", "administrative_review", D("2025-03-10"), application="没有这件")
    assert caught.value.code == "E203"
    with pytest.raises(RegisterError) as caught:
        cw.conclude_review(BUREAU, "没有", "upheld", D("2025-03-10"))
    assert (caught.value.code, caught.value.message) == (
        "E203",
        "复议诉讼案件不存在：某市某某局 没有编号为 没有 的案件",
    )
    cw.add_review(BUREAU, "复议1", "administrative_review", D("2025-03-10"))
    with pytest.raises(RegisterError) as caught:
        cw.add_review(BUREAU, "复议1", "administrative_review", D("2025-03-10"))
    assert caught.value.code == "E206"
    theirs = cw.add_document(OTHER, "regulations", "他局办法", D("2025-02-01"))
    with pytest.raises(RegisterError) as caught:  # another agency's document
        cw.abolish_document(BUREAU, theirs.id, D("2025-06-01"))
    assert (caught.value.code, caught.value.message) == (
        "E203", f"规章或规范性文件不存在：某市某某局 没有记录号为 {theirs.id} 的记录",
    )  # fmt: skip
    with pytest.raises(RegisterError) as caught:
        cw.abolish_document(OTHER, theirs.id, D("2025-01-01"))
    assert (caught.value.code, caught.value.message) == ("E204", "废止日期 2025-01-01 早于制发日期 2025-02-01")
    item = cw.add_item(BUREAU, "某公示", D("2025-09-01"), today=D("2025-09-01"))
    with pytest.raises(RegisterError) as caught:
        cw.publish_item(BUREAU, item.item.id, D("2025-08-31"), today=D("2025-09-01"))
    assert (caught.value.code, caught.value.message) == ("E204", "公开日期 2025-08-31 早于信息形成日期 2025-09-01")
    with pytest.raises(RegisterError) as caught:
        cw.set_figure(BUREAU, 2025, "administrative_licensing.decisions", "-1")
    assert (caught.value.code, caught.value.message) == ("E204", "年度数据应为不小于 0 的数，而不是“-1”")


def test_registers_items_timeliness_by_hand(url: str) -> None:
    today = D("2025-12-19")
    first = cw.add_item(BUREAU, "某规划公示", D("2025-09-01"), today=today)
    assert (first.deadline.due, first.status) == (D("2025-09-28"), "overdue")
    assert first.deadline.explain()[-2:] == [
        "调休上班日照常计入：2025-09-28（周日，国庆节调休上班，第20个工作日）。",
        "第20个工作日为2025-09-28，即主动公开期限的最后一天。",
    ]
    cw.add_item(BUREAU, "某统计", D("2025-09-26"), published_on=D("2025-10-31"), today=today)
    cw.add_item(BUREAU, "某通知", D("2025-10-09"), published_on=D("2025-11-05"), today=today)
    cw.add_item(BUREAU, "某公告", D("2025-12-01"), today=today)
    last = cw.add_item(BUREAU, "某年度计划", D("2025-12-17"), today=today)
    assert (last.deadline.due, last.deadline.provisional, last.status) == (D("2026-01-14"), True, "pending")
    rows = [(v.item.title, v.deadline.due, v.status) for v in cw.list_items(BUREAU, today=today)]
    assert rows == [
        ("某规划公示", D("2025-09-28"), "overdue"),
        ("某统计", D("2025-10-30"), "late"),
        ("某通知", D("2025-11-05"), "on_time"),
        ("某公告", D("2025-12-29"), "pending"),
        ("某年度计划", D("2026-01-14"), "pending"),
    ]
    assert [v.item.title for v in cw.list_items(BUREAU, late=True, today=today)] == ["某规划公示", "某统计"]
    published = cw.publish_item(BUREAU, first.item.id, D("2025-09-28"), today=today)  # on its last day: on time
    assert published.status == "on_time"
    assert [v.item.title for v in cw.list_items(BUREAU, late=True, today=D("2025-12-30"))] == ["某统计", "某公告"]
