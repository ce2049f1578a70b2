"""The 信息处理费 of a year (section 六's sentence), counted by hand from fee events."""

from __future__ import annotations

import pytest

from gongkai.cases.fee_sentence import fee_sentence, fee_text, fees_collected, parse_fee_text
from gongkai.cases.records import Event
from gongkai.cases.report import compute_report
from gongkai.errors import RegisterError
from tests.cases.report_registers import FEE_APPLICATIONS, D, app, register


def test_fee_sentence_2025_counts_the_payments_made_that_year() -> None:
    # 21 notified 2024 (200 元) and paid 2025-01-06; 22 never paid; 23's payment voided; 24 voided; 25 paid 150 元
    reg = register(applications=FEE_APPLICATIONS)
    assert fee_sentence(reg, 2025) == "本年度共对2件政府信息公开申请收取信息处理费，合计350元。"
    assert fees_collected(reg, 2025).applications == ("application:21", "application:25")


def test_fee_sentence_none_paid_in_the_year() -> None:
    # 2024: only 21's notice (paid in 2025)
    assert fee_sentence(register(applications=FEE_APPLICATIONS), 2024) == "本年度未收取信息处理费。"
    assert fee_sentence(register(applications=()), 2025) == "本年度未收取信息处理费。"


def test_fee_sentence_payment_without_a_notice_is_refused_with_e204() -> None:
    paid = app("1", "natural_person", D(2025, 3, 1), Event(id="p", kind="fee_paid", on=D(2025, 3, 9)))
    with pytest.raises(RegisterError) as exc:
        fee_sentence(register(applications=(paid,)), 2025)
    assert exc.value.code == "E204"


def test_fee_text_round_trips_through_parse_fee_text() -> None:
    assert parse_fee_text("前文。" + fee_text(3, 450) + "后文") == (3, 450)
    assert parse_fee_text(fee_text(0, 0)) == (0, 0)
    assert parse_fee_text("【待填写：未收取信息处理费 / 收取信息处理费X件、共X元】") is None


def test_report_section6_states_the_fee_sentence_and_names_the_payers() -> None:
    report = compute_report(register(applications=FEE_APPLICATIONS), 2025)
    section = report.section(6)
    assert section is not None
    assert section.text.split("\n")[:2] == [
        "（一）收取信息处理费情况",
        "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），"
        "本年度共对2件政府信息公开申请收取信息处理费，合计350元。",
    ]
    assert "【待填写：未收取信息处理费" not in section.text
    assert section.provenance is not None
    assert section.provenance.records == ("application:21", "application:25")
