"""A 台账 row against the application registered under its number: what it adds, where it disagrees."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

from gongkai.cases.calendar import WorkCalendar
from gongkai.cases.ledger import LedgerRow, to_application
from gongkai.cases.ledger_merge import ledger_application, merge_row, new_application_problems
from gongkai.cases.records import Application, Event

D = dt.date
CAL = WorkCalendar()
ROW = LedgerRow(
    "GK-007", "legal_service_org", D(2025, 4, 7), "某律师事务所", "fax", "近五年处罚统计表", extension_days=15, line=10
)


def _registered(row: LedgerRow, *more: Event) -> Application:
    app = to_application(row, "某局", "7", (str(i) for i in itertools.count(1)))
    return dataclasses.replace(app, events=(*app.events, *more))


def test_ledger_merge_the_same_row_adds_nothing() -> None:
    assert merge_row(ROW, _registered(ROW), CAL).new == ()
    assert merge_row(ROW, _registered(ROW), CAL).problems == ()


def test_ledger_merge_appends_what_the_row_now_says_and_keeps_an_inferred_date_uncompared() -> None:
    # the extension had no 延期日期: dated on the day counting started; a correction now moves that day
    later = dataclasses.replace(
        ROW,
        correction_requested=D(2025, 4, 9),
        correction_received=D(2025, 4, 15),
        decided_on=D(2025, 6, 3),
        outcome="unavailable_needs_creation",
    )
    merge = merge_row(later, _registered(ROW), CAL)
    assert merge.problems == ()
    assert [(e.kind, e.on, e.outcome) for e in merge.new] == [
        ("correction_requested", D(2025, 4, 9), None),
        ("correction_received", D(2025, 4, 15), None),
        ("decided", D(2025, 6, 3), "unavailable_needs_creation"),
    ]
    assert {e.id for e in merge.new} == {""}


def test_ledger_merge_a_date_given_now_must_match_the_one_inferred_before() -> None:
    dated = dataclasses.replace(ROW, extended_on=D(2025, 4, 30))
    assert merge_row(dated, _registered(ROW), CAL).problems == (
        "第10行「延期日期」：与已登记的延期答复日期（2025-04-07）不一致，台账为“2025-04-30”",
    )


def test_ledger_merge_fields_the_row_leaves_empty_are_not_compared_and_those_it_fills_are() -> None:
    bare = dataclasses.replace(ROW, applicant_name="", channel=None, content="")
    assert merge_row(bare, _registered(ROW), CAL).problems == ()
    other = dataclasses.replace(ROW, applicant_type="other_org", channel="online", applicant_name="某律所")
    assert merge_row(other, _registered(ROW), CAL).problems == (
        "第10行「申请人类型」：与已登记的申请人类型（法律服务机构）不一致，台账为“其他”",
        "第10行「申请人」：与已登记的申请人（某律师事务所）不一致，台账为“某律所”",
        "第10行「渠道」：与已登记的渠道（传真）不一致，台账为“互联网渠道”",
    )


def test_ledger_merge_a_withdrawal_matches_the_row_that_counts_it_as_other() -> None:
    withdrawn = _registered(ROW, Event(id="9", kind="withdrawn", on=D(2025, 4, 20)))
    row = dataclasses.replace(ROW, decided_on=D(2025, 4, 20), outcome="other_other")
    assert merge_row(row, withdrawn, CAL) == merge_row(ROW, withdrawn, CAL)
    assert merge_row(row, withdrawn, CAL).problems == ()
    late = dataclasses.replace(row, decided_on=D(2025, 4, 21), outcome="granted")
    assert merge_row(late, withdrawn, CAL).problems == (
        "第10行「答复日期」：与已登记的答复日期（2025-04-20）不一致，台账为“2025-04-21”",
        "第10行「处理结果」：与已登记的处理结果（其他处理-其他）不一致，台账为“予以公开”",
    )


def test_ledger_merge_an_event_after_the_registered_closure_is_refused() -> None:
    closed = _registered(ROW, Event(id="9", kind="decided", on=D(2025, 5, 6), outcome="granted"))
    fee = dataclasses.replace(ROW, fee_notice_on=D(2025, 5, 8), fee_amount=100)
    merge = merge_row(fee, closed, CAL)
    assert merge.new == ()
    assert merge.problems == (
        "第10行「收费金额」：申请 GK-007已于2025-05-06办结，不能再记录“发出收费通知”（2025-05-08）",
    )


def test_ledger_merge_a_new_application_is_checked_event_by_event() -> None:
    app = ledger_application(ROW, "某局")
    assert [e.kind for e in app.events] == ["received", "extended"]
    assert new_application_problems(ROW, app, CAL) == []
    twice = dataclasses.replace(app, events=(*app.events, dataclasses.replace(app.events[1], on=D(2025, 4, 8))))
    assert new_application_problems(ROW, twice, CAL) == [
        "第10行「延期天数」：申请 GK-007已经延期过一次，答复期限只能延长一次（条例第三十三条）"
    ]
