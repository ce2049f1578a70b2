"""The 台账's 缴费日期: the day the applicant paid, a ``fee_paid`` event that section 六's fee sentence counts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from pathlib import Path

import pytest

from gongkai.cases.calendar import WorkCalendar
from gongkai.cases.ledger import LedgerRow, read_ledger, to_application
from gongkai.cases.ledger_export import export_ledger, from_application
from gongkai.cases.ledger_merge import merge_row
from gongkai.cases.records import Application, Event
from gongkai.cases.report import compute_report
from gongkai.errors import RegisterError
from tests.cases.ledger_fixture import FEE_EXPECTED, FEE_HEADER, FEE_ROWS, NO_FEE, write_csv, write_xlsx
from tests.cases.report_registers import register

D = dt.date
CAL = WorkCalendar()


def _apps(rows: list[LedgerRow] | tuple[LedgerRow, ...]) -> list[Application]:
    events = (f"e{i}" for i in itertools.count(1))
    return [to_application(r, "某局", str(i), events) for i, r in enumerate(rows, start=1)]


def _kinds(app: Application) -> list[tuple[str, dt.date, int | None, str]]:
    return [(e.kind, e.on, e.amount, e.note) for e in app.events]


def test_ledger_fee_paid_row_gives_a_fee_paid_event_after_its_notice(tmp_path: Path) -> None:
    rows = read_ledger(write_xlsx(tmp_path / "a.xlsx", FEE_ROWS, FEE_HEADER))
    assert rows == list(FEE_EXPECTED)
    assert read_ledger(write_csv(tmp_path / "a.csv", FEE_ROWS, FEE_HEADER)) == list(FEE_EXPECTED)
    p1, p2, p3, p4 = _apps(rows)
    assert _kinds(p1) == [
        ("received", D(2025, 3, 3), None, ""),
        ("fee_notice", D(2025, 3, 10), 100, ""),
        ("fee_paid", D(2025, 3, 14), None, ""),
        ("decided", D(2025, 3, 20), None, ""),
    ]
    # no 收费通知日期: the notice is dated on the payment, earlier than the 答复日期
    assert _kinds(p2) == [
        ("received", D(2025, 11, 3), None, ""),
        ("fee_notice", D(2025, 11, 20), 1700, "台账未填收费通知日期，按 2025-11-20 记"),
        ("fee_paid", D(2025, 11, 20), None, ""),
        ("decided", D(2025, 12, 1), None, ""),
    ]
    assert p2.events[1].basis == "pages"
    assert [e.kind for e in p3.events] == ["received", "fee_notice", "fee_paid"]
    assert [e.kind for e in p4.events] == ["received", "fee_notice", "decided"]


def test_ledger_fee_paid_the_computed_report_states_the_fees_paid_in_the_year(tmp_path: Path) -> None:
    apps = tuple(_apps(read_ledger(write_xlsx(tmp_path / "a.xlsx", FEE_ROWS, FEE_HEADER))))
    # 2025: P-1 paid 100 元 on 03-14, P-2 1700 元 on 11-20; P-3 pays in 2026; P-4 never paid
    report = compute_report(register(applications=apps), 2025)
    section = report.section(6)
    assert section is not None
    assert section.text.split("\n")[1] == (
        "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），"
        "本年度共对2件政府信息公开申请收取信息处理费，合计1800元。"
    )
    assert section.provenance is not None and section.provenance.records == ("application:1", "application:2")
    next_year = compute_report(register(applications=apps), 2026).section(6)
    assert next_year is not None and "本年度共对1件政府信息公开申请收取信息处理费，合计200元。" in next_year.text


def test_ledger_fee_paid_bad_rows_are_all_listed_and_none_is_read(tmp_path: Path) -> None:
    rows = (
        ("B-1", "自然人", D(2025, 3, 3), None, None, None, D(2025, 3, 14), None, None),
        ("B-2", "自然人", D(2025, 3, 3), None, None, 0, D(2025, 3, 14), None, None),
        ("B-3", "自然人", D(2025, 3, 3), D(2025, 3, 10), None, 100, D(2025, 3, 7), None, None),
        ("B-4", "自然人", D(2025, 3, 3), None, None, 100, D(2025, 2, 28), None, None),
        ("B-5", "自然人", D(2025, 6, 2), D(2025, 6, 9), None, 300, D(2025, 6, 20), D(2025, 7, 21), NO_FEE),
        ("B-6", "自然人", D(2025, 3, 3), D(2025, 3, 10), None, 100, D(2025, 3, 24), D(2025, 3, 20), "予以公开"),
        ("B-7", "自然人", D(2025, 3, 3), D(2025, 3, 10), None, 100, D(2025, 3, 10), D(2025, 3, 20), "予以公开"),
    )
    with pytest.raises(RegisterError) as raised:
        read_ledger(write_xlsx(tmp_path / "a.xlsx", rows, FEE_HEADER))
    assert (raised.value.code, raised.value.message) == ("E205", "台账文件有6处错误，未导入任何记录")
    assert raised.value.details == (
        "第3行「缴费日期」：填了缴费日期，但没有填收费金额",
        "第4行「缴费日期」：填了缴费日期，但收费金额为 0（不收费）",
        "第5行「缴费日期」：缴费日期 2025-03-07 早于收费通知日期 2025-03-10",
        "第6行「缴费日期」：缴费日期 2025-02-28 早于收到日期 2025-03-03",
        f"第7行「处理结果」：处理结果为“{NO_FEE}”，但填了缴费日期（申请人已缴费）",
        "第8行「答复日期」：答复日期 2025-03-20 早于缴费日期 2025-03-24",
    )
    # B-7, paid the day it was notified, is fine on its own
    assert [r.number for r in read_ledger(write_xlsx(tmp_path / "b.xlsx", rows[-1:], FEE_HEADER))] == ["B-7"]


# ------------------------------------------------------------------------------------------------ merge
NOTIFIED = LedgerRow("P-5", "natural_person", D(2025, 3, 3), fee_notice_on=D(2025, 3, 10), fee_amount=100, line=7)


def _registered(row: LedgerRow, *more: Event) -> Application:
    app = to_application(row, "某局", "5", (str(i) for i in itertools.count(1)))
    return dataclasses.replace(app, events=(*app.events, *more))


def test_ledger_fee_paid_reimport_same_date_unchanged_added_later_appended_other_date_refused() -> None:
    paid = dataclasses.replace(NOTIFIED, fee_paid_on=D(2025, 3, 14))
    same = merge_row(paid, _registered(paid), CAL)
    assert (same.new, same.problems) == ((), ())
    later = merge_row(paid, _registered(NOTIFIED), CAL)
    assert later.problems == ()
    assert [(e.kind, e.on, e.id) for e in later.new] == [("fee_paid", D(2025, 3, 14), "")]
    # the register holds the payment; a row without 缴费日期 says less, not "unpaid"
    assert merge_row(NOTIFIED, _registered(paid), CAL).problems == ()
    other = merge_row(dataclasses.replace(paid, fee_paid_on=D(2025, 3, 17)), _registered(paid), CAL)
    assert other.new == ()
    assert other.problems == ("第7行「缴费日期」：与已登记的缴纳费用日期（2025-03-14）不一致，台账为“2025-03-17”",)


def test_ledger_fee_paid_added_later_before_the_registered_notice_is_refused() -> None:
    # registered with no 收费通知日期: the notice was dated on the 答复日期 (03-20); a payment on 03-14 now
    decided = dataclasses.replace(NOTIFIED, fee_notice_on=None, decided_on=D(2025, 3, 20), outcome="granted")
    merge = merge_row(dataclasses.replace(decided, fee_paid_on=D(2025, 3, 14)), _registered(decided), CAL)
    assert merge.new == ()
    assert merge.problems == (
        "第7行「缴费日期」：缴费日期 2025-03-14 早于已登记的收费通知日期（2025-03-20，台账未填收费通知日期时推定）",
    )
    # a payment after the registered closure is refused like any event appended
    late = merge_row(dataclasses.replace(decided, fee_paid_on=D(2025, 3, 21)), _registered(decided), CAL)
    assert late.problems == ("第7行「缴费日期」：申请 P-5已于2025-03-20办结，不能再记录“缴纳费用”（2025-03-21）",)


# ----------------------------------------------------------------------------------------------- export
def test_ledger_fee_paid_export_writes_the_column_and_reads_back_the_same(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    apps = _apps(FEE_EXPECTED)
    path = tmp_path / "导出.xlsx"
    export_ledger(apps, path)
    book = load_workbook(path, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    header = list(rows[0])
    assert header[header.index("收费金额") + 1] == "缴费日期"
    paid = [r[header.index("缴费日期")] for r in rows[1:]]
    assert paid == [dt.datetime(2025, 3, 14), dt.datetime(2025, 11, 20), dt.datetime(2026, 1, 5), None]
    again = read_ledger(path)
    assert [r.fee_paid_on for r in again] == [D(2025, 3, 14), D(2025, 11, 20), D(2026, 1, 5), None]
    assert again == [from_application(a) for a in apps]
    assert _apps(again) == apps
