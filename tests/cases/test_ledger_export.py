"""The register exported to a 台账 workbook reads back to the same rows and the same applications."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.cases.ledger import LedgerRow, read_ledger, to_application
from gongkai.cases.ledger_columns import HEADERS
from gongkai.cases.ledger_export import export_ledger, from_application
from gongkai.cases.records import APPLICANT_TYPES, Application, Event
from gongkai.model.template import OUTCOME_ROWS_2021
from tests.cases.ledger_fixture import EXPECTED

D = dt.date


def _ids() -> Iterator[str]:
    return (str(i) for i in itertools.count(1))


def _apps(rows: list[LedgerRow] | tuple[LedgerRow, ...]) -> list[Application]:
    events = _ids()
    return [to_application(r, "某局", f"a{i}", events) for i, r in enumerate(rows)]


def test_ledger_export_writes_the_import_header_real_dates_and_staff_outcome_names(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "导出.xlsx"
    assert export_ledger(_apps(EXPECTED), path) == len(EXPECTED)
    book = load_workbook(path, read_only=True)
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    book.close()
    assert sheet.title == "台账"
    assert rows[0] == HEADERS
    first = dict(zip(HEADERS, rows[1], strict=True))
    assert first["编号"] == "GK-001" and first["申请人类型"] == "自然人" and first["渠道"] == "当面提交"
    assert first["收到日期"] == dt.datetime(2025, 1, 6) and first["答复日期"] == dt.datetime(2025, 1, 20)
    assert first["处理结果"] == "予以公开"
    second = dict(zip(HEADERS, rows[2], strict=True))
    assert (
        second["处理结果"] == "部分公开" and second["渠道"] == "互联网渠道"
    )  # the numbered wording comes back canonical
    twelfth = dict(zip(HEADERS, rows[12], strict=True))
    assert (twelfth["延期天数"], twelfth["延期日期"], twelfth["收费金额"], twelfth["收费标准"]) == (
        10,
        None,
        100,
        "按件",
    )
    assert twelfth["征求意见对象"] == "其他机关"
    open_row = dict(zip(HEADERS, rows[14], strict=True))
    assert open_row["答复日期"] is None and open_row["处理结果"] is None


def test_ledger_export_then_import_gives_the_same_rows_and_applications(tmp_path: Path) -> None:
    apps = _apps(EXPECTED)
    path = tmp_path / "台账.xlsx"
    export_ledger(apps, path)
    again = read_ledger(path)
    assert again == [from_application(a) for a in apps]
    assert _apps(again) == apps


def test_ledger_export_leaves_out_voided_records_and_writes_a_withdrawal_as_other(tmp_path: Path) -> None:
    received = Event("1", "received", D(2025, 3, 3))
    live = Application(
        "1", "局", "W-1", "natural_person", D(2025, 3, 3),
        events=(received, Event("2", "decided", D(2025, 3, 5), outcome="granted", voided=True),
                Event("3", "withdrawn", D(2025, 3, 6))),
    )  # fmt: skip
    voided = Application("2", "局", "V-1", "natural_person", D(2025, 3, 3), voided=True)
    path = tmp_path / "a.xlsx"
    assert export_ledger([live, voided], path) == 1
    assert read_ledger(path) == [
        LedgerRow(
            "W-1", "natural_person", D(2025, 3, 3), channel="online", decided_on=D(2025, 3, 6), outcome="other_other"
        )
    ]


def test_ledger_export_replaces_a_file_whole_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"old")
    export_ledger(_apps(EXPECTED[:2]), path)
    assert len(read_ledger(path)) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx"]


# ---------------------------------------------------------------------------------------------- property
_TEXT = st.text(st.characters(categories=("L", "Nd"), include_characters=" -（）·"), max_size=12).map(str.strip)


@st.composite
def _rows(draw: st.DrawFn, number: str) -> LedgerRow:
    day = st.integers(0, 40).map(lambda n: dt.timedelta(days=n))
    received = draw(st.dates(D(2024, 1, 1), D(2026, 12, 31)))
    outcome = draw(st.one_of(st.none(), st.sampled_from(OUTCOME_ROWS_2021)))
    needs_ask = outcome in ("other_no_correction", "unavailable_unclear_after_correction")
    asked = received + draw(day) if needs_ask or draw(st.booleans()) else None
    corrected = None
    if asked is not None and outcome != "other_no_correction" and (needs_ask or draw(st.booleans())):
        corrected = asked + draw(day)
    start = corrected or received
    sent = start + draw(day) if draw(st.booleans()) else None
    answered = sent + draw(day) if sent is not None and draw(st.booleans()) else None
    days = draw(st.one_of(st.none(), st.integers(1, 20)))
    extended_on = start + draw(day) if days is not None and draw(st.booleans()) else None
    fee = draw(st.integers(1, 5000)) if outcome == "other_no_fee" or draw(st.booleans()) else None
    fee_on = start + draw(day) if fee is not None and draw(st.booleans()) else None
    paid = None
    if fee is not None and outcome != "other_no_fee" and draw(st.booleans()):
        paid = (fee_on or received) + draw(day)
    known = [d for d in (received, asked, corrected, sent, extended_on, fee_on, paid) if d is not None]
    return LedgerRow(
        number=number,
        applicant_type=draw(st.sampled_from(APPLICANT_TYPES)),
        received=received,
        applicant_name=draw(_TEXT),
        channel=draw(
            st.one_of(st.none(), st.sampled_from(("in_person", "post_signed", "post_ordinary", "online", "fax")))
        ),
        content=draw(_TEXT),
        correction_requested=asked,
        correction_received=corrected,
        consultation_sent=sent,
        consultation_party=draw(st.one_of(st.none(), st.sampled_from(("third_party", "agency")))) if sent else None,
        consultation_answered=answered,
        extended_on=extended_on,
        extension_days=days,
        fee_notice_on=fee_on,
        fee_basis=draw(st.one_of(st.none(), st.sampled_from(("count", "pages")))) if fee is not None else None,
        fee_amount=fee,
        fee_paid_on=paid,
        decided_on=max(known) + draw(day) if outcome is not None else None,
        outcome=outcome,
    )


@st.composite
def _ledgers(draw: st.DrawFn) -> list[LedgerRow]:
    numbers = draw(st.lists(_TEXT.filter(bool), min_size=0, max_size=8, unique=True))
    return [draw(_rows(n)) for n in numbers]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(rows=_ledgers())
def test_ledger_export_round_trip_property(tmp_path: Path, rows: list[LedgerRow]) -> None:
    apps = _apps(rows)
    path = tmp_path / "rt.xlsx"
    export_ledger(apps, path)
    again = read_ledger(path)
    assert _apps(again) == apps
    assert again == [from_application(a) for a in apps]
    # what the row left open, the export fills with the default the application took
    assert again == [r.__class__(**{**_fields(r), **_defaults(r)}) for r in rows]


def _fields(row: LedgerRow) -> dict[str, object]:
    return {name: getattr(row, name) for name in row.__dataclass_fields__ if name != "line"}


def _defaults(row: LedgerRow) -> dict[str, object]:
    out: dict[str, object] = {"channel": row.channel or "online"}
    if row.consultation_sent is not None:
        out["consultation_party"] = row.consultation_party or "third_party"
    if row.fee_amount is not None:
        out["fee_basis"] = row.fee_basis or "count"
    return out
