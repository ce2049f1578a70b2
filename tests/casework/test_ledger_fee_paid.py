"""A 台账 with 缴费日期 imported into the register (SQLite and PostgreSQL): the payments the report counts,
re-imports that change nothing, a payment added later, a conflicting one refused, the export read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine

from gongkai.cases.ledger import read_ledger
from gongkai.cases.records import Register
from gongkai.cases.report import compute_report
from gongkai.casework.ledger import ImportResult, export_applications, import_applications
from gongkai.errors import RegisterError
from gongkai.store.engine import session_scope
from gongkai.store.repo import add_agency, load_register
from tests.cases.ledger_fixture import FEE_EXPECTED, FEE_HEADER, FEE_ROWS, write_xlsx
from tests.casework.ledger_files import AGENCY, counts

D = dt.date
PAID_ON = FEE_HEADER.index("缴费日期")


@pytest.fixture
def store(engine: Engine, url_of: object, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("GONGKAI_USER", "张三")
    with session_scope(engine) as s:
        add_agency(s, AGENCY, "department")
    assert callable(url_of)
    url: str = url_of(engine)
    return url


def _register(engine: Engine) -> Register:
    with session_scope(engine) as s:
        return load_register(s, AGENCY)


def _with_paid(number: str, on: object) -> tuple[tuple[object, ...], ...]:
    return tuple((*row[:PAID_ON], on, *row[PAID_ON + 1 :]) if row[0] == number else row for row in FEE_ROWS)


def _sentence(register: Register, year: int) -> str:
    section = compute_report(register, year).section(6)
    assert section is not None
    return section.text.split("\n")[1].removeprefix("依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），")


def test_ledger_fee_paid_import_counts_the_payments_and_reimport_changes_nothing(
    engine: Engine, store: str, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "台账.xlsx", FEE_ROWS, FEE_HEADER)
    # 4 received, 4 fee notices, 3 payments (P-1, P-2, P-3), 3 decided (P-1, P-2, P-4)
    assert import_applications(path, AGENCY, url=store) == ImportResult(4, 0, 0, 14)
    register = _register(engine)
    paid = {a.number: [e.on for e in a.events if e.kind == "fee_paid"] for a in register.applications}
    assert paid == {"P-1": [D(2025, 3, 14)], "P-2": [D(2025, 11, 20)], "P-3": [D(2026, 1, 5)], "P-4": []}
    assert _sentence(register, 2025) == "本年度共对2件政府信息公开申请收取信息处理费，合计1800元。"
    assert _sentence(register, 2026) == "本年度共对1件政府信息公开申请收取信息处理费，合计200元。"
    before = counts(engine)
    assert import_applications(path, AGENCY, url=store) == ImportResult(0, 0, 4, 0)
    assert counts(engine) == before


def test_ledger_fee_paid_added_later_is_appended_and_a_different_date_is_refused(
    engine: Engine, store: str, tmp_path: Path
) -> None:
    import_applications(write_xlsx(tmp_path / "十二月.xlsx", _with_paid("P-3", None), FEE_HEADER), AGENCY, url=store)
    assert _sentence(_register(engine), 2026) == "本年度未收取信息处理费。"
    january = write_xlsx(tmp_path / "一月.xlsx", FEE_ROWS, FEE_HEADER)
    assert import_applications(january, AGENCY, url=store) == ImportResult(0, 1, 3, 1)
    assert _sentence(_register(engine), 2026) == "本年度共对1件政府信息公开申请收取信息处理费，合计200元。"
    before = counts(engine)
    other = write_xlsx(tmp_path / "改过.xlsx", _with_paid("P-3", D(2026, 1, 6)), FEE_HEADER)
    with pytest.raises(RegisterError) as raised:
        import_applications(other, AGENCY, url=store)
    assert (raised.value.code, raised.value.details) == (
        "E205",
        ("第5行「缴费日期」：与已登记的缴纳费用日期（2026-01-05）不一致，台账为“2026-01-06”",),
    )
    assert counts(engine) == before
    assert import_applications(january, AGENCY, url=store) == ImportResult(0, 0, 4, 0)


def test_ledger_fee_paid_export_and_import_back(engine: Engine, store: str, tmp_path: Path) -> None:
    import_applications(write_xlsx(tmp_path / "台账.xlsx", FEE_ROWS, FEE_HEADER), AGENCY, url=store)
    out = tmp_path / "导出.xlsx"
    assert export_applications(AGENCY, out, url=store) == 4
    assert [(r.number, r.fee_paid_on) for r in read_ledger(out)] == [(r.number, r.fee_paid_on) for r in FEE_EXPECTED]
    assert import_applications(out, AGENCY, url=store) == ImportResult(0, 0, 4, 0)
