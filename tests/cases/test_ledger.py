"""A 台账 as staff keep it (.xlsx or .csv, any common encoding) is read to the rows written by hand."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from gongkai.cases.ledger import LedgerRow, read_ledger, to_application
from gongkai.cases.records import Event, closure
from tests.cases.ledger_fixture import EXPECTED, HEADER, ROWS, write_csv, write_xlsx

D = dt.date


def test_ledger_xlsx_fixture_gives_the_expected_rows(tmp_path: Path) -> None:
    rows = read_ledger(write_xlsx(tmp_path / "台账.xlsx"))
    assert rows == list(EXPECTED)
    assert [r.line for r in rows] == [e.line for e in EXPECTED]


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8-sig", ","), ("utf-8", ","), ("gb18030", ","), ("utf-16", "\t")],
)
def test_ledger_csv_fixture_gives_the_expected_rows(tmp_path: Path, encoding: str, delimiter: str) -> None:
    path = write_csv(tmp_path / "台账.csv", encoding=encoding, delimiter=delimiter)
    rows = read_ledger(path)
    assert rows == list(EXPECTED)
    assert [r.line for r in rows] == [e.line for e in EXPECTED]


def test_ledger_header_is_found_on_a_later_sheet_and_without_a_title_row(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", title=None, before=("填表说明",))
    rows = read_ledger(path)
    assert rows == list(EXPECTED)
    assert rows[0].line == 2  # header in row 1 of the 台账 sheet


def test_ledger_only_required_columns_and_a_numeric_number_cell(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx",
        header=("编号", "申请人类型", "收到日期"),
        rows=((1001, "自然人", D(2025, 3, 4)), ("  A-2 ", " 商业企业 ", " 2025-03-05 "), (1003.0, "其他", "2025/3/6")),
        title=None,
    )
    assert read_ledger(path) == [
        LedgerRow("1001", "natural_person", D(2025, 3, 4)),
        LedgerRow("A-2", "commercial_enterprise", D(2025, 3, 5)),
        LedgerRow("1003", "other_org", D(2025, 3, 6)),
    ]


def test_ledger_header_tolerates_spaces_marks_and_units(tmp_path: Path) -> None:
    header = (
        " 编 号 ",
        "申请人类型*",
        "收到日期（必填）",
        "收费金额(元)",
        "延期天数（工作日）",
        "答复日期",
        "处理结果",
    )
    path = write_csv(
        tmp_path / "a.csv", header=header, rows=(("1", "自然人", "2025-03-04", "0", "", "", ""),), title=None
    )
    assert read_ledger(path) == [LedgerRow("1", "natural_person", D(2025, 3, 4))]  # 0 元: no fee


def test_ledger_an_empty_ledger_gives_no_rows(tmp_path: Path) -> None:
    assert read_ledger(write_xlsx(tmp_path / "a.xlsx", rows=())) == []
    assert read_ledger(write_csv(tmp_path / "a.csv", rows=(None, None))) == []


def _events(app_events: tuple[Event, ...]) -> list[tuple[str, str, dt.date, dict[str, object]]]:
    out = []
    for e in app_events:
        extra = {k: v for k in ("outcome", "days", "party", "basis", "amount") if (v := getattr(e, k)) is not None}
        if e.note:
            extra["note"] = e.note
        out.append((e.id, e.kind, e.on, extra))
    return out


def test_ledger_to_application_gives_the_events_in_the_order_they_happened() -> None:
    by_number = {r.number: r for r in EXPECTED}
    ids = (f"e{i}" for i in itertools.count(1))
    app = to_application(by_number["GK-012"], "某市某局", "a12", ids)
    assert (app.id, app.agency, app.number, app.applicant_type, app.received) == (
        "a12", "某市某局", "GK-012", "commercial_enterprise", D(2025, 8, 4)
    )  # fmt: skip
    assert (app.applicant_name, app.channel, app.content) == ("某物流公司", "online", "道路运输许可材料")
    assert _events(app.events) == [
        ("e1", "received", D(2025, 8, 4), {}),
        ("e2", "extended", D(2025, 8, 4), {"days": 10, "note": "台账未填延期日期，按 2025-08-04 记"}),
        ("e3", "consultation_sent", D(2025, 8, 6), {"party": "agency"}),
        ("e4", "consultation_answered", D(2025, 8, 20), {}),
        (
            "e5",
            "fee_notice",
            D(2025, 9, 15),
            {"basis": "count", "amount": 100, "note": "台账未填收费通知日期，按 2025-09-15 记"},
        ),
        ("e6", "decided", D(2025, 9, 15), {"outcome": "granted"}),
    ]
    assert closure(app) == (D(2025, 9, 15), "granted")


def test_ledger_to_application_after_a_correction_and_for_open_rows() -> None:
    by_number = {r.number: r for r in EXPECTED}
    ids = (str(i) for i in itertools.count(1))
    corrected = to_application(by_number["GK-005"], "局", "5", ids)
    assert _events(corrected.events) == [
        ("1", "received", D(2025, 3, 10), {}),
        ("2", "correction_requested", D(2025, 3, 12), {}),
        ("3", "correction_received", D(2025, 3, 20), {}),
        ("4", "decided", D(2025, 4, 10), {"outcome": "unavailable_unclear_after_correction"}),
    ]
    consulting = to_application(by_number["GK-016"], "局", "16", ids)
    assert _events(consulting.events) == [
        ("5", "received", D(2025, 12, 29), {}),
        ("6", "consultation_sent", D(2025, 12, 31), {"party": "third_party"}),
    ]
    assert closure(consulting) is None
    extended = LedgerRow(
        "X", "natural_person", D(2025, 3, 3), correction_requested=D(2025, 3, 4), correction_received=D(2025, 3, 10),
        extension_days=20, fee_amount=1700, fee_basis="pages",
    )  # fmt: skip
    assert _events(to_application(extended, "局", "x", iter(["a", "b", "c", "d", "e"])).events) == [
        ("a", "received", D(2025, 3, 3), {}),
        ("b", "correction_requested", D(2025, 3, 4), {}),
        ("c", "correction_received", D(2025, 3, 10), {}),
        ("d", "extended", D(2025, 3, 10), {"days": 20, "note": "台账未填延期日期，按 2025-03-10 记"}),
        (
            "e",
            "fee_notice",
            D(2025, 3, 10),
            {"basis": "pages", "amount": 1700, "note": "台账未填收费通知日期，按 2025-03-10 记"},
        ),
    ]


def test_ledger_given_extension_and_fee_dates_are_kept(tmp_path: Path) -> None:
    header = (
        "编号",
        "申请人类型",
        "收到日期",
        "延期日期",
        "延期天数",
        "收费通知日期",
        "收费标准",
        "收费金额",
        "答复日期",
        "处理结果",
    )
    rows = (
        ("1", "自然人", "2025-03-03", "2025-03-28", "20", "2025-03-20", "按量", "1,700元", "2025-04-25", "予以公开"),
    )
    [row] = read_ledger(write_xlsx(tmp_path / "a.xlsx", header=header, rows=rows, title=None))
    assert row == LedgerRow(
        "1", "natural_person", D(2025, 3, 3), extended_on=D(2025, 3, 28), extension_days=20,
        fee_notice_on=D(2025, 3, 20), fee_basis="pages", fee_amount=1700, decided_on=D(2025, 4, 25), outcome="granted",
    )  # fmt: skip
    app = to_application(row, "局", "1", iter("abcd"))
    assert [(e.kind, e.on, e.note) for e in app.events] == [
        ("received", D(2025, 3, 3), ""),
        ("fee_notice", D(2025, 3, 20), ""),
        ("extended", D(2025, 3, 28), ""),
        ("decided", D(2025, 4, 25), ""),
    ]


def test_ledger_fixture_covers_every_outcome_group_and_open_rows() -> None:
    outcomes = {r.outcome for r in EXPECTED}
    prefixes = {"granted", "partially", "denied", "unavailable", "not", "other"}
    assert {o.split("_")[0] for o in outcomes if o} == prefixes
    assert None in outcomes
    assert len(ROWS) - ROWS.count(None) == len(EXPECTED) and len(HEADER) == 17
