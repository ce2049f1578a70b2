"""Importing a 台账 into the register, on SQLite and PostgreSQL: the report counted from it, re-imports,
updates, refusals that write nothing, export and import back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from gongkai.cases.ledger import read_ledger
from gongkai.cases.records import Application, Register
from gongkai.cases.report import compute_report
from gongkai.casework.ledger import ImportResult, export_applications, import_applications, import_into
from gongkai.errors import RegisterError
from gongkai.store.audit import snapshot
from gongkai.store.engine import session_scope
from gongkai.store.repo import add_agency, add_review_case, append_event, load_register, seed_calendar, void
from gongkai.store.repo.applications import Due
from gongkai.store.tables import ApplicationRow, AuditRow, EventRow
from tests.cases.report_registers import nonzero, values
from tests.casework.ledger_files import AGENCY, ALL_ROWS, EVENTS, counts, edited, ledger

D = dt.date


UNPAID = ("GK-012",)
"""GK-012 charged 100元 and was answered with no 缴费日期 (GK-011 was not paid: （六）2)."""


@pytest.fixture
def store(engine: Engine, url_of: object, monkeypatch: pytest.MonkeyPatch) -> str:
    """The test's database with the agency, as the URL the import opens (actor 张三)."""
    monkeypatch.setenv("GONGKAI_USER", "张三")
    with session_scope(engine) as s:
        add_agency(s, AGENCY, "department")
        add_agency(s, "某市另一局", "department")
    assert callable(url_of)
    url: str = url_of(engine)
    return url


def _register(engine: Engine, agency: str = AGENCY) -> Register:
    with session_scope(engine) as s:
        return load_register(s, agency)


def _by_number(register: Register) -> dict[str, Application]:
    return {a.number: a for a in register.applications}


def test_ledger_import_table3_and_table4_counted_by_hand(engine: Engine, store: str, tmp_path: Path) -> None:
    result = import_applications(ledger(tmp_path / "台账.xlsx"), AGENCY, url=store)
    assert result == ImportResult(added=19, updated=0, unchanged=0, events_added=EVENTS)
    assert result.unpaid == UNPAID
    ids = {a.number: a.id for a in _register(engine).applications}
    with session_scope(engine) as s:
        upheld, ruled = {"result": "upheld", "concluded_on": D(2025, 5, 10)}, {"application_id": ids["GK-003"]}
        add_review_case(s, AGENCY, "复1", "administrative_review", D(2025, 3, 1), **upheld, **ruled)
        add_review_case(s, AGENCY, "复2", "administrative_review", D(2025, 11, 3))
        corrected = {"result": "corrected", "concluded_on": D(2025, 10, 20), "application_id": ids["GK-006"]}
        add_review_case(s, AGENCY, "诉1", "litigation_direct", D(2025, 6, 1), **corrected)
    report = compute_report(_register(engine), 2025)
    # 一: the 16 rows received in 2025 — natural persons GK-001/003/005/008/010/011/013/014/016, companies
    #     GK-002/012/015, GK-004 research, GK-006 social welfare, GK-007 legal service, GK-009 other
    # 二: open at 2024-12-31: GK-017 (natural person), GK-019 (other); GK-018 was decided in 2024
    # 三: the 14 closed in 2025 (GK-001…013 and GK-017), each under its outcome
    # 四: open at 2025-12-31: GK-014, GK-016 (natural persons), GK-015 (company), GK-019 (other)
    assert nonzero(report.table3) == {
        ("new_received", "natural_person"): 9,
        ("new_received", "commercial_enterprise"): 3,
        ("new_received", "research_institution"): 1,
        ("new_received", "social_welfare_org"): 1,
        ("new_received", "legal_service_org"): 1,
        ("new_received", "other_org"): 1,
        ("new_received", "total"): 16,
        ("carried_over", "natural_person"): 1,
        ("carried_over", "other_org"): 1,
        ("carried_over", "total"): 2,
        ("granted", "natural_person"): 2,
        ("granted", "commercial_enterprise"): 1,
        ("granted", "total"): 3,
        ("partially_granted", "commercial_enterprise"): 1,
        ("partially_granted", "total"): 1,
        ("denied_third_party_rights", "natural_person"): 1,
        ("denied_third_party_rights", "total"): 1,
        ("denied_process_information", "research_institution"): 1,
        ("denied_process_information", "total"): 1,
        ("unavailable_not_held", "social_welfare_org"): 1,
        ("unavailable_not_held", "total"): 1,
        ("unavailable_needs_creation", "legal_service_org"): 1,
        ("unavailable_needs_creation", "total"): 1,
        ("unavailable_unclear_after_correction", "natural_person"): 1,
        ("unavailable_unclear_after_correction", "total"): 1,
        ("not_processed_complaint", "other_org"): 1,
        ("not_processed_complaint", "total"): 1,
        ("not_processed_duplicate", "natural_person"): 1,
        ("not_processed_duplicate", "total"): 1,
        ("other_no_correction", "natural_person"): 1,
        ("other_no_correction", "total"): 1,
        ("other_no_fee", "natural_person"): 1,
        ("other_no_fee", "total"): 1,
        ("other_other", "natural_person"): 1,
        ("other_other", "total"): 1,
        ("total_processed", "natural_person"): 8,
        ("total_processed", "commercial_enterprise"): 2,
        ("total_processed", "research_institution"): 1,
        ("total_processed", "social_welfare_org"): 1,
        ("total_processed", "legal_service_org"): 1,
        ("total_processed", "other_org"): 1,
        ("total_processed", "total"): 14,
        ("carried_forward", "natural_person"): 2,
        ("carried_forward", "commercial_enterprise"): 1,
        ("carried_forward", "other_org"): 1,
        ("carried_forward", "total"): 4,
    }
    number = {f"application:{i}": n for n, i in ids.items()}
    cells = report.table3.rows
    assert cells["carried_over"]["total"].provenance is not None
    assert sorted(number[r] for r in cells["carried_over"]["total"].provenance.records or ()) == ["GK-017", "GK-019"]
    assert cells["carried_forward"]["total"].provenance is not None
    forward = cells["carried_forward"]["total"].provenance.records or ()
    assert sorted(number[r] for r in forward) == ["GK-014", "GK-015", "GK-016", "GK-019"]
    # 复1 upheld in 2025, 复2 pending; 诉1 (direct) corrected in 2025
    assert values(report.table4) == {
        ("administrative_review", "upheld"): 1,
        ("administrative_review", "corrected"): 0,
        ("administrative_review", "other"): 0,
        ("administrative_review", "pending"): 1,
        ("administrative_review", "total"): 2,
        ("litigation_direct", "upheld"): 0,
        ("litigation_direct", "corrected"): 1,
        ("litigation_direct", "other"): 0,
        ("litigation_direct", "pending"): 0,
        ("litigation_direct", "total"): 1,
        ("litigation_after_review", "upheld"): 0,
        ("litigation_after_review", "corrected"): 0,
        ("litigation_after_review", "other"): 0,
        ("litigation_after_review", "pending"): 0,
        ("litigation_after_review", "total"): 0,
    }


def test_ledger_import_sets_status_and_audits_each_application_with_its_events(
    engine: Engine, store: str, tmp_path: Path
) -> None:
    with session_scope(engine) as s:
        seed_calendar(s)  # as gongkai db upgrade does
    import_applications(ledger(tmp_path / "台账.xlsx"), AGENCY, url=store)
    with session_scope(engine) as s:
        rows = {a.number: a for a in s.scalars(select(ApplicationRow))}
        audit = s.scalars(select(AuditRow).where(AuditRow.entity == "application").order_by(AuditRow.id)).all()
    gk12, gk14 = rows["GK-012"], rows["GK-014"]
    assert (gk12.status, gk12.outcome, gk12.closed_on) == ("closed", "granted", D(2025, 9, 15))
    # received 2025-12-15: the 20th working day after it, by hand — 12-16…12-31 give 12, 2026-01-01…03 are
    # 元旦, 01-04 (Sunday) is worked (13), 01-05…09 (18), 01-12 (19), 01-13 (20)
    assert (gk14.status, gk14.outcome, gk14.closed_on) == ("open", None, None)
    assert (gk14.due_on, gk14.due_kind, gk14.due_provisional) == (D(2026, 1, 13), "answer", False)
    assert rows["GK-013"].outcome == "other_other"
    assert len(audit) == 19
    assert {(a.action, a.actor) for a in audit} == {("insert", "张三")}
    logged = next(a for a in audit if a.entity_id == str(gk12.id))
    after = logged.after
    assert after is not None
    assert (after["number"], after["status"], after["received"], after["voided_at"]) == (
        "GK-012",
        "closed",
        "2025-08-04",
        None,
    )
    kinds = [(e["kind"], e["on"], e["application_id"], e["actor"]) for e in after["events"]]
    assert kinds == [
        ("received", "2025-08-04", gk12.id, "张三"),
        ("extended", "2025-08-04", gk12.id, "张三"),
        ("consultation_sent", "2025-08-06", gk12.id, "张三"),
        ("consultation_answered", "2025-08-20", gk12.id, "张三"),
        ("fee_notice", "2025-09-15", gk12.id, "张三"),
        ("decided", "2025-09-15", gk12.id, "张三"),
    ]
    assert [e["id"] for e in after["events"]] == sorted({e["id"] for e in after["events"]})
    fee = after["events"][4]
    assert (fee["basis"], fee["amount"], fee["note"]) == ("count", 100, "台账未填收费通知日期，按 2025-09-15 记")
    with session_scope(engine) as s:  # the same snapshots the repository's audited inserts write
        assert {k: v for k, v in after.items() if k != "events"} == snapshot(s.get_one(ApplicationRow, gk12.id))
        assert [snapshot(s.get_one(EventRow, e["id"])) for e in after["events"]] == after["events"]


def test_ledger_import_same_file_twice_changes_nothing(engine: Engine, store: str, tmp_path: Path) -> None:
    path = ledger(tmp_path / "台账.xlsx")
    import_applications(path, AGENCY, url=store)
    before = counts(engine)
    assert (before["applications"], before["application_events"], before["audit_log"]) == (19, EVENTS, 2 + 19)
    again = import_applications(path, AGENCY, url=store)
    assert again == ImportResult(added=0, updated=0, unchanged=19, events_added=0)
    assert counts(engine) == before


def test_ledger_import_updated_ledger_appends_the_new_events(engine: Engine, store: str, tmp_path: Path) -> None:
    import_applications(ledger(tmp_path / "一月.xlsx"), AGENCY, url=store)
    before = counts(engine)
    rows = edited(ALL_ROWS, "GK-014", 答复日期=D(2026, 1, 9), 处理结果="予以公开")
    rows = edited(rows, "GK-015", 补正收到日期="2026/1/5")
    new_row = (20, "GK-020", "自然人", "冯二", "互联网渠道", D(2026, 1, 6), "2026年工作要点")
    rows += ((*new_row, *([None] * 10)),)
    result = import_applications(ledger(tmp_path / "二月.xlsx", rows), AGENCY, url=store)
    assert result == ImportResult(added=1, updated=2, unchanged=17, events_added=3)
    after = counts(engine)
    assert after["applications"] == before["applications"] + 1
    assert after["application_events"] == before["application_events"] + 3
    assert after["audit_log"] == before["audit_log"] + 3  # GK-020, and each event appended to GK-014/015
    apps = _by_number(_register(engine))
    gk14 = apps["GK-014"]
    assert [(e.kind, e.on, e.outcome) for e in gk14.events] == [
        ("received", D(2025, 12, 15), None),
        ("decided", D(2026, 1, 9), "granted"),
    ]
    assert [(e.kind, e.on) for e in apps["GK-015"].events] == [
        ("received", D(2025, 12, 22)),
        ("correction_requested", D(2025, 12, 24)),
        ("correction_received", D(2026, 1, 5)),
    ]
    with session_scope(engine) as s:
        row = s.scalars(select(ApplicationRow).where(ApplicationRow.number == "GK-014")).one()
        assert (row.status, row.outcome, row.closed_on) == ("closed", "granted", D(2026, 1, 9))
        logged = s.scalars(select(AuditRow).where(AuditRow.entity == "event").order_by(AuditRow.id)).all()
    assert [(a.action, a.actor, a.after and a.after["kind"]) for a in logged] == [
        ("insert", "张三", "decided"),
        ("insert", "张三", "correction_received"),
    ]
    assert import_applications(tmp_path / "二月.xlsx", AGENCY, url=store) == ImportResult(0, 0, 20, 0)


def test_ledger_import_three_bad_rows_are_all_listed_and_nothing_is_written(
    engine: Engine, store: str, tmp_path: Path
) -> None:
    import_applications(ledger(tmp_path / "台账.xlsx"), AGENCY, url=store)
    before = counts(engine)
    rows = edited(ALL_ROWS, "GK-002", 收到日期="2025-13-01")
    rows = edited(rows, "GK-008", 处理结果="不予处理")
    rows = edited(rows, "GK-019", 延期天数=30)
    rows += ((20, "GK-020", "自然人", "冯二", "互联网渠道", D(2026, 1, 6), "新的申请", *([None] * 10)),)
    with pytest.raises(RegisterError) as raised:
        import_applications(ledger(tmp_path / "有错.xlsx", rows), AGENCY, url=store)
    assert raised.value.code == "E205"
    assert raised.value.message == "台账文件有3处错误，未导入任何记录"
    assert raised.value.details == (
        "第4行「收到日期」：无法识别的日期“2025-13-01”（没有13月）",
        "第11行「处理结果」：“不予处理”是分组名称，不是处理结果：请写明具体情形，如“不予处理-信访举报投诉类申请”“不予处理-重复申请”",
        "第22行「延期天数」：“30”超出范围（应为 1–20 个工作日）",
    )
    assert counts(engine) == before


def test_ledger_import_conflicting_reimport_lists_every_conflict_and_writes_nothing(
    engine: Engine, store: str, tmp_path: Path
) -> None:
    import_applications(ledger(tmp_path / "台账.xlsx"), AGENCY, url=store)
    before = counts(engine)
    rows = edited(ALL_ROWS, "GK-001", 收到日期=D(2025, 1, 7))
    rows = edited(rows, "GK-002", 处理结果="予以公开")
    rows = edited(rows, "GK-007", 延期天数=10)
    rows = edited(rows, "GK-014", 答复日期=D(2026, 1, 9), 处理结果="予以公开")  # would be appended: not written either
    rows += ((20, "GK-020", "自然人", "冯二", "互联网渠道", D(2026, 1, 6), "新的申请", *([None] * 10)),)
    with pytest.raises(RegisterError) as raised:
        import_applications(ledger(tmp_path / "改过.xlsx", rows), AGENCY, url=store)
    assert raised.value.code == "E205"
    assert raised.value.message == "台账有3处与登记簿不一致或不符合规定，未导入任何记录"
    assert raised.value.details == (
        "第3行「收到日期」：与已登记的收到日期（2025-01-06）不一致，台账为“2025-01-07”",
        "第4行「处理结果」：与已登记的处理结果（部分公开）不一致，台账为“予以公开”",
        "第10行「延期天数」：与已登记的延期天数（15）不一致，台账为“10”",
    )
    assert counts(engine) == before
    assert _by_number(_register(engine))["GK-014"].events[-1].kind == "received"


def test_ledger_import_an_event_the_register_refuses_is_a_problem_of_its_row(
    engine: Engine, store: str, tmp_path: Path
) -> None:
    import_applications(ledger(tmp_path / "台账.xlsx"), AGENCY, url=store)
    gk14 = _by_number(_register(engine))["GK-014"]
    with session_scope(engine) as s:  # decided in the register since, not in the 台账
        append_event(s, gk14.id, "decided", D(2026, 1, 9), outcome="granted")
    before = counts(engine)
    rows = edited(ALL_ROWS, "GK-014", 补正告知日期=D(2026, 1, 12))
    with pytest.raises(RegisterError) as raised:
        import_applications(ledger(tmp_path / "改过.xlsx", rows), AGENCY, url=store)
    assert raised.value.details == (
        "第17行「补正告知日期」：申请 GK-014已于2026-01-09办结，不能再记录“告知补正”（2026-01-12）",
    )
    assert counts(engine) == before
    # the register knows more than the 台账 (the decision): the old file is still unchanged, not a conflict
    assert import_applications(tmp_path / "台账.xlsx", AGENCY, url=store) == ImportResult(0, 0, 19, 0)


def test_ledger_import_a_voided_application_is_entered_again_under_its_number(
    engine: Engine, store: str, tmp_path: Path
) -> None:
    path = ledger(tmp_path / "台账.xlsx")
    import_applications(path, AGENCY, url=store)
    gk5 = _by_number(_register(engine))["GK-005"]
    with session_scope(engine) as s:
        void(s, "application", gk5.id, "录错了机关")
    assert import_applications(path, AGENCY, url=store) == ImportResult(
        added=1, updated=0, unchanged=18, events_added=4
    )
    again = _by_number(_register(engine))["GK-005"]
    assert again.id != gk5.id
    assert [(e.kind, e.on) for e in again.events] == [(e.kind, e.on) for e in gk5.events]


def test_ledger_import_into_a_missing_agency_is_e209(store: str, tmp_path: Path) -> None:
    with pytest.raises(RegisterError) as raised:
        import_applications(ledger(tmp_path / "台账.xlsx"), "某县某局", url=store)
    assert (raised.value.code, raised.value.message) == (
        "E209",
        "机关不存在：某县某局（先运行 gongkai agency add 添加）",
    )


def test_ledger_import_due_hook_sets_the_deadline_columns(engine: Engine, store: str, tmp_path: Path) -> None:
    seen: list[str] = []

    def due(app: Application) -> Due:
        seen.append(app.number)
        return Due() if any(e.kind == "decided" for e in app.events) else Due(D(2030, 1, 1), True, "answer")

    rows = read_ledger(ledger(tmp_path / "台账.xlsx"))
    import_into(engine, AGENCY, rows, due=due)
    assert len(seen) == 19
    rows = read_ledger(
        ledger(tmp_path / "二月.xlsx", edited(ALL_ROWS, "GK-014", 答复日期=D(2026, 1, 9), 处理结果="予以公开"))
    )
    import_into(engine, AGENCY, rows, due=due)
    assert seen[19:] == ["GK-014"]  # only the application the import changed
    with session_scope(engine) as s:
        found = {a.number: (a.due_on, a.due_provisional) for a in s.scalars(select(ApplicationRow))}
    assert found["GK-001"] == (None, False) and found["GK-014"] == (None, False)
    assert found["GK-015"] == (D(2030, 1, 1), True) and found["GK-019"] == (D(2030, 1, 1), True)


def _plain(register: Register) -> list[tuple[object, ...]]:
    """The register's applications without ids or agency: what an export and import must keep."""
    return [
        (
            a.number,
            a.applicant_type,
            a.received,
            a.applicant_name,
            a.channel,
            a.content,
            tuple((e.kind, e.on, e.outcome, e.days, e.party, e.basis, e.amount, e.note) for e in a.events),
        )
        for a in register.applications
    ]


def test_ledger_export_then_import_into_another_agency_gives_the_same_register(
    engine: Engine, store: str, tmp_path: Path
) -> None:
    import_applications(ledger(tmp_path / "台账.xlsx"), AGENCY, url=store)
    assert export_applications(AGENCY, tmp_path / "导出.xlsx", url=store) == 19
    result = import_applications(tmp_path / "导出.xlsx", "某市另一局", url=store)
    assert result == ImportResult(added=19, updated=0, unchanged=0, events_added=EVENTS)
    first, second = _register(engine), _register(engine, "某市另一局")
    assert _plain(second) == _plain(first)
    assert values(compute_report(second, 2025).table3) == values(compute_report(first, 2025).table3)
    assert import_applications(tmp_path / "导出.xlsx", AGENCY, url=store) == ImportResult(0, 0, 19, 0)
