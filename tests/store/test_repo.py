"""The repository: agencies, applications and their events, voids, the audit log, the register loaded back."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError

from gongkai.cases.records import Application, Event, NormativeDocument, ProactiveItem, ReviewCase, YearFigure
from gongkai.errors import RegisterError
from gongkai.store import repo
from gongkai.store.audit import history
from gongkai.store.engine import session_scope
from gongkai.store.tables import ApplicationRow, AuditRow, EventRow
from tests.store.calendars import Y2025

D = dt.date
BUREAU = "某市某某局"


@pytest.fixture
def store(engine: Engine) -> Engine:
    with session_scope(engine, actor="张三") as s:
        repo.add_agency(s, BUREAU, "department", "某市")
    return engine


def test_repo_add_agency_twice_is_e209_and_missing_is_e209(store: Engine) -> None:
    with pytest.raises(RegisterError) as caught, session_scope(store) as s:
        repo.add_agency(s, f" {BUREAU} ", "department")
    assert (caught.value.code, caught.value.message) == ("E209", f"机关已存在：{BUREAU}")
    with pytest.raises(RegisterError) as caught, session_scope(store) as s:
        repo.agency(s, "不存在的局")
    assert caught.value.code == "E209"
    with session_scope(store) as s:
        assert repo.agency(s, BUREAU) == repo.AgencyInfo("1", BUREAU, "department", "某市")
        assert [a.name for a in repo.agencies(s)] == [BUREAU]


def test_repo_add_agency_rejects_an_unknown_kind(store: Engine) -> None:
    with pytest.raises(RegisterError, match="E204"), session_scope(store) as s:
        repo.add_agency(s, "某乡", "village")


def test_repo_duplicate_number_is_e206(store: Engine) -> None:
    with session_scope(store) as s:
        repo.add_application(s, BUREAU, "2025-001", "natural_person", D(2025, 3, 3))
        repo.add_agency(s, "另一局", "department")
        repo.add_application(s, "另一局", "2025-001", "natural_person", D(2025, 3, 3))  # per agency
    with pytest.raises(RegisterError) as caught, session_scope(store) as s:
        repo.add_application(s, BUREAU, " 2025-001", "other_org", D(2025, 3, 4))
    assert caught.value.code == "E206"
    assert caught.value.message == f"编号重复：{BUREAU} 已有编号为 2025-001 的申请"


def test_repo_void_keeps_the_row_logs_it_and_frees_the_number(store: Engine) -> None:
    with session_scope(store, actor="张三") as s:
        app_id = repo.add_application(s, BUREAU, "2025-001", "natural_person", D(2025, 3, 3))
    with session_scope(store, actor="李四") as s:
        repo.void(s, "application", app_id, "申请人类型录错")
    with session_scope(store) as s:
        row = s.get(ApplicationRow, int(app_id))
        assert row is not None and row.voided_by == "李四" and row.void_reason == "申请人类型录错"
        assert row.voided_at is not None and row.voided_at.tzinfo is not None
        assert repo.load_register(s, BUREAU).applications == ()
        log = history(s, "application", app_id)
        assert [(a.action, a.actor) for a in log] == [("insert", "张三"), ("void", "李四")]
        assert log[1].before is not None and log[1].before["voided_at"] is None
        assert log[1].after is not None and log[1].after["void_reason"] == "申请人类型录错"
        again = repo.add_application(s, BUREAU, "2025-001", "commercial_enterprise", D(2025, 3, 3))
    assert again != app_id
    with session_scope(store) as s:
        assert s.scalar(select(func.count()).select_from(ApplicationRow)) == 2


def test_repo_void_needs_a_reason_and_a_live_record(store: Engine) -> None:
    with session_scope(store) as s:
        app_id = repo.add_application(s, BUREAU, "1", "natural_person", D(2025, 3, 3))
    for reason in ("", "   "):
        with pytest.raises(RegisterError) as caught, session_scope(store) as s:
            repo.void(s, "application", app_id, reason)
        assert (caught.value.code, caught.value.message) == ("E204", "作废申请须说明理由")
    for missing in ("999", "abc"):
        with pytest.raises(RegisterError) as caught, session_scope(store) as s:
            repo.void(s, "application", missing, "误录")
        assert caught.value.code == "E203"
    with session_scope(store) as s:
        repo.void(s, "application", app_id, "误录")
    with pytest.raises(RegisterError, match="E203"), session_scope(store) as s:
        repo.void(s, "application", app_id, "再次作废")


def test_repo_an_agency_with_live_records_cannot_be_voided(store: Engine) -> None:
    with session_scope(store) as s:
        app_id = repo.add_application(s, BUREAU, "1", "natural_person", D(2025, 3, 3))
    with pytest.raises(RegisterError, match="E204"), session_scope(store) as s:
        repo.void(s, "agency", "1", "撤并")
    with session_scope(store) as s:
        repo.void(s, "application", app_id, "误录")
        repo.void(s, "agency", "1", "撤并")
        with pytest.raises(RegisterError, match="E209"):
            repo.agency(s, BUREAU)


def test_repo_events_keep_the_status_columns_current(store: Engine) -> None:
    with session_scope(store) as s:
        app_id = repo.add_application(s, BUREAU, "1", "natural_person", D(2025, 9, 26))
        repo.append_event(s, app_id, "extended", D(2025, 10, 20), days=15)
        decided = repo.append_event(s, app_id, "decided", D(2025, 11, 3), outcome="granted")
        row = s.get(ApplicationRow, int(app_id))
        assert row is not None and (row.status, row.outcome, row.closed_on) == ("closed", "granted", D(2025, 11, 3))
    with session_scope(store) as s:
        repo.void(s, "event", decided, "答复日期录错")
        row = s.get(ApplicationRow, int(app_id))
        assert row is not None and (row.status, row.outcome, row.closed_on) == ("open", None, None)
        event = s.get(EventRow, int(decided))
        assert event is not None and event.voided_by is not None  # kept, voided


def test_repo_due_comes_from_the_clock_it_is_given(store: Engine) -> None:
    seen: list[Application] = []

    def clock(app: Application) -> repo.Due:
        seen.append(app)
        extra = dt.timedelta(days=sum(e.days or 0 for e in app.events))
        return repo.Due(D(2025, 10, 28) + extra, app.received.year > 2025, "answer", D(2025, 10, 20))

    with session_scope(store) as s:
        app_id = repo.add_application(s, BUREAU, "1", "natural_person", D(2025, 9, 26), due=clock)
        repo.append_event(s, app_id, "extended", D(2025, 10, 20), days=3, due=clock)
        row = s.get(ApplicationRow, int(app_id))
        assert row is not None
        assert (row.due_on, row.due_provisional, row.due_kind, row.consulting_until) == (
            D(2025, 10, 31), False, "answer", D(2025, 10, 20),
        )  # fmt: skip
        assert [len(a.events) for a in seen] == [0, 1]
        assert repo.refresh_due(s, lambda a: repo.Due(D(2026, 1, 5), True, "fee_payment")) == 1
        assert (row.due_on, row.due_provisional, row.due_kind, row.consulting_until) == (
            D(2026, 1, 5), True, "fee_payment", None,
        )  # fmt: skip
        repo.append_event(s, app_id, "decided", D(2025, 10, 30), outcome="granted", due=lambda a: repo.Due())
        assert (row.status, row.due_on, row.due_kind) == ("closed", None, None)
    with session_scope(store) as s:  # read back from the database, the kind's CHECK passed
        row = s.get(ApplicationRow, int(app_id))
        assert row is not None and (row.due_on, row.due_provisional, row.due_kind) == (None, False, None)


def test_repo_due_kind_outside_the_list_is_refused_by_the_database(store: Engine) -> None:
    with pytest.raises(IntegrityError), session_scope(store) as s:
        repo.add_application(s, BUREAU, "1", "natural_person", D(2025, 9, 26), due=lambda a: repo.Due(kind="reply"))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "fields", "message"),
    [
        ("decided", {}, "作出答复须记录答复结果"),
        ("decided", {"outcome": "granted_partly"}, "答复结果应为表三的结果行之一"),
        ("extended", {"days": 21}, "延期天数应为 1 到 20 个工作日"),
        ("extended", {"days": 0}, "延期天数应为 1 到 20 个工作日"),
        ("consultation_sent", {}, "征求意见的对象应为"),
        ("fee_notice", {"basis": "pages", "amount": -1}, "收费金额应为不小于 0 的整数"),
        ("received", {"days": 3}, "收到申请不记录这些内容：days"),
        ("closed", {}, "未知的事件类型：closed"),
        ("correction_requested", {"reply_by": D(2025, 3, 1)}, "补正期限 2025-03-01 应晚于告知补正的日期"),
    ],
)
def test_repo_an_event_that_breaks_a_rule_is_e204(
    store: Engine, kind: str, fields: dict[str, object], message: str
) -> None:
    with session_scope(store) as s:
        app_id = repo.add_application(s, BUREAU, "1", "natural_person", D(2025, 3, 3))
    with pytest.raises(RegisterError) as caught, session_scope(store) as s:
        repo.append_event(s, app_id, kind, D(2025, 3, 5), **fields)  # type: ignore[arg-type]
    assert caught.value.code == "E204" and message in caught.value.message
    with session_scope(store) as s:
        assert s.scalar(select(func.count()).select_from(EventRow)) == 0


def test_repo_one_extension_no_event_before_receipt_nothing_after_closure_but_delivery(store: Engine) -> None:
    with session_scope(store) as s:
        app_id = repo.add_application(s, BUREAU, "1", "natural_person", D(2025, 3, 3))
        repo.append_event(s, app_id, "extended", D(2025, 3, 20), days=20)
        with pytest.raises(RegisterError, match="只能一次"):
            repo.append_event(s, app_id, "extended", D(2025, 3, 21), days=5)
        with pytest.raises(RegisterError, match="早于收到申请的日期"):
            repo.append_event(s, app_id, "correction_requested", D(2025, 3, 2))
        repo.append_event(s, app_id, "withdrawn", D(2025, 3, 25))
        with pytest.raises(RegisterError, match="申请已于 2025-03-25 办结，不能再记录作出答复"):
            repo.append_event(s, app_id, "decided", D(2025, 3, 26), outcome="granted")
        repo.append_event(s, app_id, "delivered", D(2025, 3, 26))
        with pytest.raises(RegisterError, match="E203"):
            repo.append_event(s, "42", "delivered", D(2025, 3, 26))


def test_repo_audit_log_has_before_and_after(store: Engine) -> None:
    with session_scope(store, actor="张三") as s:
        fid = repo.set_figure(s, BUREAU, 2025, "administrative_penalty.decisions", 12)
    with session_scope(store, actor="李四") as s:
        assert repo.set_figure(s, BUREAU, 2025, "administrative_penalty.decisions", "13", note="补录一件") == fid
        assert repo.set_figure(s, BUREAU, 2025, "administrative_penalty.decisions", "13.0000", note="补录一件") == fid
    with session_scope(store) as s:
        log = history(s, "figure", fid)
        assert [(a.action, a.actor) for a in log] == [("insert", "张三"), ("update", "李四")]  # no change, no row
        assert log[0].before is None and log[0].after is not None and log[0].after["value"] == "12.0000"
        assert log[1].before == log[0].after
        assert log[1].after is not None and (log[1].after["value"], log[1].after["note"]) == ("13.0000", "补录一件")
        assert log[1].at.tzinfo is not None and log[1].at >= log[0].at
        agency_log = s.scalars(select(AuditRow).where(AuditRow.entity == "agency")).one()
        assert agency_log.after is not None and agency_log.after["name"] == BUREAU and agency_log.actor == "张三"


def test_repo_load_register_round_trip(store: Engine) -> None:
    with session_scope(store) as s:
        a1 = repo.add_application(
            s, BUREAU, "2025-001", "natural_person", D(2025, 9, 26), applicant_name="赵六", channel="post_signed",
            content="某路段拆迁补偿方案", submission="信-7",
        )  # fmt: skip
        e1 = repo.append_event(s, a1, "correction_requested", D(2025, 9, 30), reply_by=D(2025, 10, 20), note="请补充")
        e2 = repo.append_event(s, a1, "correction_received", D(2025, 10, 13))
        wrong = repo.append_event(s, a1, "consultation_sent", D(2025, 10, 14), party="agency")
        e3 = repo.append_event(s, a1, "fee_notice", D(2025, 10, 15), basis="pages", quantity=45, amount=150)
        repo.void(s, "event", wrong, "未实际发出")
        a2 = repo.add_application(s, BUREAU, "2025-002", "legal_service_org", D(2025, 12, 30))
        e4 = repo.append_event(s, a2, "decided", D(2026, 1, 9), outcome="denied_state_secret")
        gone = repo.add_application(s, BUREAU, "2025-003", "other_org", D(2025, 5, 6))
        repo.void(s, "application", gone, "重复录入")
        r1 = repo.add_review_case(s, BUREAU, "复-1", "administrative_review", D(2025, 11, 1), application_id=a2)
        r2 = repo.add_review_case(
            s, BUREAU, "诉-1", "litigation_direct", D(2025, 4, 1), result="upheld", concluded_on=D(2025, 8, 1)
        )
        d1 = repo.add_document(
            s, BUREAU, "normative_documents", "某某管理办法", D(2025, 2, 1), doc_number="某发〔2025〕1号"
        )
        i1 = repo.add_item(s, BUREAU, "2025年预算", D(2025, 1, 20), published_on=D(2025, 2, 10))
        f1 = repo.set_figure(s, BUREAU, 2025, "administrative_fees.amount_10k_yuan", Decimal("12.3456"))
    with session_scope(store) as s:
        register = repo.load_register(s, BUREAU)
    assert register.agency == BUREAU and register.agency_kind == "department"
    assert register.applications == (
        Application(
            id=a1, agency=BUREAU, number="2025-001", applicant_type="natural_person", received=D(2025, 9, 26),
            applicant_name="赵六", channel="post_signed", content="某路段拆迁补偿方案", submission="信-7",
            events=(
                Event(e1, "correction_requested", D(2025, 9, 30), reply_by=D(2025, 10, 20), note="请补充"),
                Event(e2, "correction_received", D(2025, 10, 13)),
                Event(e3, "fee_notice", D(2025, 10, 15), basis="pages", quantity=45, amount=150),
            ),
        ),
        Application(
            id=a2, agency=BUREAU, number="2025-002", applicant_type="legal_service_org", received=D(2025, 12, 30),
            events=(Event(e4, "decided", D(2026, 1, 9), outcome="denied_state_secret"),),
        ),
    )  # fmt: skip
    assert register.reviews == (
        ReviewCase(r1, BUREAU, "复-1", "administrative_review", D(2025, 11, 1), application_id=a2),
        ReviewCase(r2, BUREAU, "诉-1", "litigation_direct", D(2025, 4, 1), "upheld", D(2025, 8, 1)),
    )
    assert register.documents == (
        NormativeDocument(
            d1, BUREAU, "normative_documents", "某某管理办法", D(2025, 2, 1), doc_number="某发〔2025〕1号"
        ),
    )
    assert register.items == (ProactiveItem(i1, BUREAU, "2025年预算", D(2025, 1, 20), D(2025, 2, 10)),)
    assert register.figures == (
        YearFigure(f1, BUREAU, 2025, "administrative_fees.amount_10k_yuan", Decimal("12.3456")),
    )


def test_repo_dates_outside_1990_to_2100_are_e204(store: Engine) -> None:
    # a year typed wrong (2205 for 2025): the clock cannot count into year 9999, and nothing is stored
    with pytest.raises(RegisterError) as caught, session_scope(store) as s:
        repo.add_application(s, BUREAU, "1", "natural_person", D(9999, 12, 30))
    assert (caught.value.code, caught.value.message) == (
        "E204",
        "收到日期 9999-12-30 超出范围（应在 1990 到 2100 年之间）",
    )
    with session_scope(store) as s:
        app_id = repo.add_application(s, BUREAU, "1", "natural_person", D(2025, 3, 3))
    with pytest.raises(RegisterError) as caught, session_scope(store) as s:
        repo.append_event(s, app_id, "decided", D(2205, 3, 4), outcome="granted")
    assert (caught.value.code, caught.value.message) == (
        "E204",
        "作出答复的日期 2205-03-04 超出范围（应在 1990 到 2100 年之间）",
    )
    with pytest.raises(RegisterError, match="补正期限 9999-01-01 超出范围"), session_scope(store) as s:
        repo.append_event(s, app_id, "correction_requested", D(2025, 3, 4), reply_by=D(9999, 1, 1))
    with session_scope(store) as s:
        assert s.scalar(select(func.count()).select_from(EventRow)) == 0


def test_repo_text_longer_than_its_column_is_e204_on_both_backends(store: Engine) -> None:
    # SQLite would keep it, PostgreSQL refuse it (DataError): the same rule on both, nothing stored
    for name, region in (("局" * 201, None), ("某局", "区" * 201)):
        with pytest.raises(RegisterError) as caught, session_scope(store) as s:
            repo.add_agency(s, name, "department", region)
        assert caught.value.code == "E204" and "过长（201个字，最多200个字）" in caught.value.message
    with pytest.raises(RegisterError) as caught, session_scope(store) as s:
        repo.add_application(s, BUREAU, "N" * 65, "natural_person", D(2025, 3, 3))
    assert (caught.value.code, caught.value.message) == ("E204", "申请编号过长（65个字，最多64个字）")
    with pytest.raises(RegisterError) as caught, session_scope(store) as s:
        repo.add_application(s, BUREAU, "1", "natural_person", D(2025, 3, 3), applicant_name="张" * 201)
    assert (caught.value.code, caught.value.message) == ("E204", "申请人名称过长（201个字，最多200个字）")
    with session_scope(store) as s:
        assert [a.name for a in repo.agencies(s)] == [BUREAU]
        assert s.scalar(select(func.count()).select_from(ApplicationRow)) == 0


@pytest.mark.parametrize("backend", ["postgresql"])  # SQLite keeps a longer text
def test_repo_a_value_the_database_refuses_is_e204_not_an_internal_error(store: Engine) -> None:
    # what no rule checks before the database does (a 文号 longer than its column, on PostgreSQL)
    with pytest.raises(RegisterError) as caught, session_scope(store) as s:
        repo.add_document(s, BUREAU, "normative_documents", "某办法", D(2025, 3, 3), doc_number="号" * 101)
    assert caught.value.code == "E204"
    assert caught.value.message.startswith("规章或规范性文件的内容超出数据库允许的长度或范围")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"amount": 2**31}, "收费金额过大：2147483648（最多2147483647元）"),
        ({"amount": 100, "quantity": 10**21}, "计费数量过大：1000000000000000000000（最多2147483647）"),
    ],
)
def test_repo_a_fee_number_larger_than_the_column_is_e204(store: Engine, fields: dict[str, int], message: str) -> None:
    # PostgreSQL's integer holds 2,147,483,647; SQLite's driver fails past 2**63 (an internal error)
    with session_scope(store) as s:
        app_id = repo.add_application(s, BUREAU, "1", "natural_person", D(2025, 3, 3))
    with pytest.raises(RegisterError) as caught, session_scope(store) as s:
        repo.append_event(s, app_id, "fee_notice", D(2025, 3, 5), basis="pages", **fields)  # type: ignore[arg-type]
    assert (caught.value.code, caught.value.message) == ("E204", message)


def test_repo_writes_keep_the_deadline_on_the_stores_calendar_without_a_clock_given(store: Engine) -> None:
    with session_scope(store) as s:
        app = repo.add_application(s, BUREAU, "Y-1", "natural_person", D(2025, 9, 26))
    with session_scope(store) as s:
        row = s.get(ApplicationRow, int(app))
        assert row is not None  # no 2025 calendar yet: weekends only, provisional (10-24 is the 20th weekday)
        assert (row.due_on, row.due_provisional, row.due_kind) == (D(2025, 10, 24), True, "answer")
    with session_scope(store) as s:
        repo.save_year(s, Y2025, "import")
        repo.append_event(s, app, "correction_requested", D(2025, 9, 29), reply_by=D(2025, 10, 20))
        repo.append_event(s, app, "correction_received", D(2025, 10, 9))
    with session_scope(store) as s:
        row = s.get(ApplicationRow, int(app))
        # restarted from 10-09 on the real calendar (10-11 Saturday worked): 10-10, 10-11, 10-13…17 (7),
        # 10-20…24 (12), 10-27…31 (17), 11-03, 11-04, 11-05 (20)
        assert row is not None and (row.due_on, row.due_provisional) == (D(2025, 11, 5), False)
