"""The single-record facade on both backends, with the real 2025 calendar (National Day 10/1–10/8; Sunday
9/28 and Saturday 10/11 worked; official-rules §5). Deadlines worked out by hand, the start day not counted:

  received Fri 9/26 → 9/28 (Sun, worked) 1, 9/29 2, 9/30 3, [10/1–10/8 off], 10/9 4, 10/10 5, 10/11 (Sat,
      worked) 6, 10/13–17 7–11, 10/20–24 12–16, 10/27–30 17–20 → answer due 10/30; correction notice due on
      the 7th working day: 10/13
  corrected application received Thu 10/9 → 10/10 1, 10/11 2, 10/13–17 3–7, 10/20–24 8–12, 10/27–31 13–17,
      11/3–5 18–20 → due 11/5
  extension of 10 on the 10/30 deadline → 10/31 1, 11/3–7 2–6, 11/10–13 7–10 → due 11/13
  fee notice Mon 10/13 → 10/14–17 4, 10/20–24 9, 10/27–31 14, 11/3–7 19, 11/10 20 → payment due 11/10
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, func, select

from gongkai.casework import records as cw
from gongkai.casework.records_view import audit_changes, case_lines
from gongkai.errors import RegisterError
from gongkai.store import repo
from gongkai.store.engine import session_scope
from gongkai.store.tables import ApplicationRow, AuditRow, EventRow
from tests.store.calendars import Y2025

D = dt.date.fromisoformat
BUREAU = "某市某某局"


@pytest.fixture
def url(engine: Engine, url_of: Callable[[Engine], str], monkeypatch: pytest.MonkeyPatch) -> str:
    """The store the facade opens (``GONGKAI_DATABASE_URL``), with the 2025 calendar; staff: 李四."""
    monkeypatch.setenv("GONGKAI_USER", "李四")
    monkeypatch.setenv("GONGKAI_DATABASE_URL", url_of(engine))
    with session_scope(engine) as s:
        repo.save_year(s, Y2025, "seed")
        repo.add_agency(s, BUREAU, "department")
    return url_of(engine)


def _cached(engine: Engine, number: str) -> tuple[str, dt.date | None, str | None]:
    with session_scope(engine) as s:
        row = s.scalars(select(ApplicationRow).where(ApplicationRow.number == number)).one()
        return row.status, row.due_on, row.due_kind


def test_records_clerk_flow_deadlines_by_hand(url: str, engine: Engine) -> None:
    view = cw.add_application(
        BUREAU, "2025-001", "natural_person", D("2025-09-26"), channel="in_person", applicant_name="张三",
        today=D("2025-09-26"),
    )  # fmt: skip
    answer = view.state.answer
    assert answer is not None and answer.due == D("2025-10-30") and not answer.provisional
    assert answer.explain() == [
        "收到申请之日（2025-09-26）不计入，自次日起计算20个工作日。",
        "节假日不计入：国庆节、中秋节 2025-10-01至2025-10-08（8天）。",
        "其间周末6天不计入。",  # 9/27, 10/12, 10/18–19, 10/25–26
        "调休上班日照常计入：2025-09-28（周日，国庆节调休上班，第1个工作日）、"
        "2025-10-11（周六，国庆节调休上班，第6个工作日）。",
        "第20个工作日为2025-10-30，即答复期限的最后一天。",
    ]
    assert view.state.correction_notice.due == D("2025-10-13")
    assert _cached(engine, "2025-001") == ("open", D("2025-10-30"), "answer")

    added = cw.append_event(
        BUREAU, "2025-001", "correction_requested", D("2025-09-29"), reply_by=D("2025-10-20"), today=D("2025-10-09")
    )
    assert added.view.state.stage == "awaiting_correction" and added.view.state.answer is None
    assert _cached(engine, "2025-001") == ("open", D("2025-10-20"), "correction_reply")

    added = cw.append_event(BUREAU, "2025-001", "correction_received", D("2025-10-09"), today=D("2025-10-09"))
    answer = added.view.state.answer
    assert answer is not None and answer.due == D("2025-11-05") and added.view.state.stage == "processing"
    assert answer.explain()[1] == "答复期限自收到补正的申请之日起计算（条例第三十条）。"
    assert _cached(engine, "2025-001") == ("open", D("2025-11-05"), "answer")

    added = cw.append_event(BUREAU, "2025-001", "decided", D("2025-10-28"), outcome="granted", today=D("2025-10-28"))
    state = added.view.state
    assert (state.status, state.outcome, state.closed_on, state.late) == ("closed", "granted", D("2025-10-28"), False)
    assert _cached(engine, "2025-001") == ("closed", None, None)
    assert [v.event.kind for v in added.view.events] == ["correction_requested", "correction_received", "decided"]
    assert {v.actor for v in added.view.events} == {"李四"}


def test_records_fee_notice_by_pages(url: str, engine: Engine) -> None:
    cw.add_application(BUREAU, "2025-002", "commercial_enterprise", D("2025-10-09"), today=D("2025-10-13"))
    added = cw.append_event(
        BUREAU, "2025-002", "fee_notice", D("2025-10-13"), basis="pages", quantity=150, today=D("2025-10-13")
    )
    assert added.fee is not None and (added.fee.amount, added.fee.quantity) == (1700, 150)
    assert added.fee.how == (
        "按量计收：共150页，第1–30页免费；第31–100页70页×10元＝700元；第101–150页50页×20元＝1000元；合计1700元。",
    )
    event = added.view.events[-1].event
    assert (event.basis, event.quantity, event.amount) == ("pages", 150, 1700)
    fee = added.view.state.fee_payment
    assert fee is not None and fee.due == D("2025-11-10") and added.view.state.stage == "awaiting_fee"
    assert _cached(engine, "2025-002") == ("open", D("2025-11-10"), "fee_payment")


def test_records_fee_notice_by_count_ranks_the_applicants_month(url: str) -> None:
    today = D("2025-10-31")
    cw.add_application(BUREAU, "9-30", "commercial_enterprise", D("2025-09-30"), applicant_name="某公司", today=today)
    cw.add_application(
        BUREAU, "other", "commercial_enterprise", D("2025-10-02"), applicant_name="另一公司", today=today
    )
    cw.add_application(BUREAU, "person", "natural_person", D("2025-10-02"), applicant_name="某公司", today=today)
    for day in range(1, 13):  # twelve in October, one a day; the 9th voided
        cw.add_application(
            BUREAU,
            f"10-{day:02}",
            "commercial_enterprise",
            D(f"2025-10-{day:02}"),
            applicant_name="某公司",
            today=today,
        )
    cw.void_application(BUREAU, "10-09", "重复登记")
    cw.add_application(BUREAU, "10-13", "commercial_enterprise", D("2025-10-13"), applicant_name="某公司", today=today)
    # live October applications of 某公司 (商业企业): 10/1–8, 10/10–13 → 12; 10-13 is the 12th, 10-03 the 3rd
    added = cw.append_event(BUREAU, "10-13", "fee_notice", D("2025-10-20"), basis="count", today=today)
    assert added.fee is not None and (added.fee.quantity, added.fee.amount) == (12, 100)
    assert added.fee.how == (
        "按件计收：申请人某公司2025年10月共登记申请12件，本件按收到日期排第12件；第11–30件每件100元，本件收费100元。",
    )
    added = cw.append_event(BUREAU, "10-03", "fee_notice", D("2025-10-20"), basis="count", today=today)
    assert added.fee is not None and (added.fee.quantity, added.fee.amount) == (3, 0)
    added = cw.append_event(BUREAU, "10-04", "fee_notice", D("2025-10-20"), basis="count", quantity=41, today=today)
    assert added.fee is not None and added.fee.amount == 300  # 41st–50th: 300 元 each
    assert added.fee.how == ("按件计收：本件为申请人当月第41件申请（登记时指定）；第41–50件每件300元，本件收费300元。",)
    added = cw.append_event(BUREAU, "10-05", "fee_notice", D("2025-10-20"), basis="count", amount=50, today=today)
    assert added.fee is None and added.view.events[-1].event.amount == 50  # the amount staff give is kept
    cw.add_application(BUREAU, "anon", "natural_person", D("2025-10-02"), today=today)
    with pytest.raises(RegisterError) as caught:
        cw.append_event(BUREAU, "anon", "fee_notice", D("2025-10-20"), basis="count", today=today)
    assert caught.value.code == "E204" and "未登记申请人姓名或名称" in caught.value.message


def _counts(engine: Engine) -> tuple[int, int]:
    with session_scope(engine) as s:
        return s.scalar(select(func.count()).select_from(EventRow)) or 0, s.scalar(
            select(func.count()).select_from(AuditRow)
        ) or 0


def test_records_second_extension_refused(url: str, engine: Engine) -> None:
    cw.add_application(BUREAU, "2025-003", "natural_person", D("2025-09-26"), today=D("2025-10-20"))
    added = cw.append_event(BUREAU, "2025-003", "extended", D("2025-10-20"), days=10, today=D("2025-10-20"))
    answer = added.view.state.answer
    assert answer is not None and answer.due == D("2025-11-13") and answer.extension == 10
    before = _counts(engine)
    with pytest.raises(RegisterError) as caught:
        cw.append_event(BUREAU, "2025-003", "extended", D("2025-10-21"), days=5, today=D("2025-10-21"))
    assert caught.value.code == "E204"
    assert caught.value.message == "申请 2025-003已经延期过一次，答复期限只能延长一次（条例第三十三条）"
    assert _counts(engine) == before  # nothing written
    assert _cached(engine, "2025-003") == ("open", D("2025-11-13"), "answer")


@pytest.mark.parametrize(
    ("kind", "on", "fields", "code", "message"),
    [
        ("decided", "2025-10-10", {}, "E204", "作出答复须写明办理结果（表三的办理结果行，如 予以公开、不予公开-属于国家秘密）"),
        ("decided", "2025-10-10", {"outcome": "denied"}, "E204", "申请 2025-004：办理结果“denied”不是表三的办理结果行"),
        ("correction_requested", "2025-10-10", {"days": 3}, "E204", "“告知补正”不记录延长的工作日数"),
        ("extended", "2025-10-10", {}, "E204", "延期答复须写明延长的工作日数（1到20个工作日，条例第三十三条）"),
        ("consultation_sent", "2025-10-10", {}, "E204", "发出征求意见须写明征求谁的意见：第三方（第三十二条）或其他机关（第三十四条）"),
        ("fee_notice", "2025-10-10", {}, "E204", "收费通知须写明收费标准：按件或按量（国办函〔2020〕109号，每件申请只能选一种）"),
        ("fee_notice", "2025-10-10", {"basis": "pages"}, "E204", "按量计收须写明页数（或直接写明收费金额）"),
        ("delivered", "2025-09-25", {}, "E204", "申请 2025-004：“送达”的日期（2025-09-25）早于收到申请之日（2025-09-26）"),
        ("withdrawn", "2025-10-21", {}, "E204", "申请 2025-004已于2025-10-20办结，不能再记录“申请人撤回”（2025-10-21）"),
    ],
    ids=[
        "decided-without-outcome", "not-an-outcome", "unused-field", "extension-without-days", "consultation-without-party",
        "fee-without-basis", "pages-without-count", "before-received", "after-closure",
    ],
)  # fmt: skip
def test_records_event_that_breaks_a_rule_is_refused(
    url: str, kind: str, on: str, fields: dict[str, object], code: str, message: str
) -> None:
    cw.add_application(BUREAU, "2025-004", "natural_person", D("2025-09-26"), today=D("2025-10-20"))
    if kind == "withdrawn":
        cw.append_event(BUREAU, "2025-004", "decided", D("2025-10-20"), outcome="granted", today=D("2025-10-20"))
    with pytest.raises(RegisterError) as caught:
        cw.append_event(BUREAU, "2025-004", kind, D(on), today=D("2025-10-20"), **fields)  # type: ignore[arg-type]
    assert (caught.value.code, caught.value.message) == (code, message)


def test_records_unknown_application_or_agency(url: str) -> None:
    with pytest.raises(RegisterError) as caught:
        cw.append_event(BUREAU, "nope", "delivered", D("2025-10-20"), today=D("2025-10-20"))
    assert (caught.value.code, caught.value.message) == ("E203", "申请不存在：某市某某局 没有编号为 nope 的申请")
    with pytest.raises(RegisterError) as caught:
        cw.show_application("无此局", "nope", today=D("2025-10-20"))
    assert caught.value.code == "E209"


def test_records_void_event_and_application_kept_with_history(url: str, engine: Engine) -> None:
    today = D("2025-10-09")
    cw.add_application(BUREAU, "2025-005", "natural_person", D("2025-09-26"), today=today)
    cw.append_event(BUREAU, "2025-005", "correction_requested", D("2025-09-29"), reply_by=D("2025-10-20"), today=today)
    received = cw.append_event(BUREAU, "2025-005", "correction_received", D("2025-10-09"), today=today).event_id
    with pytest.raises(RegisterError) as caught:
        cw.void_event(BUREAU, "2025-005", received, "  ", today=today)
    assert (caught.value.code, caught.value.message) == ("E204", "作废申请事件须说明理由")
    view = cw.void_event(BUREAU, "2025-005", received, "日期录错", today=today)
    assert view.state.stage == "awaiting_correction"  # the restart is gone with the voided event
    assert _cached(engine, "2025-005") == ("open", D("2025-10-20"), "correction_reply")
    voided = view.events[-1]
    assert voided.voided is not None and (voided.voided.by, voided.voided.reason) == ("李四", "日期录错")
    assert voided.event.voided and voided.event.kind == "correction_received"
    assert any(
        line.endswith("［已作废：日期录错（李四，" + _when(voided.voided.at) + "）］") for line in case_lines(view)
    )
    with pytest.raises(RegisterError) as caught:
        cw.void_event(BUREAU, "2025-005", received, "再次", today=today)
    assert caught.value.code == "E203"

    cw.add_application(BUREAU, "2025-006", "natural_person", D("2025-09-26"), today=today)
    other = cw.append_event(BUREAU, "2025-006", "delivered", D("2025-10-09"), today=today).event_id
    with pytest.raises(RegisterError) as caught:  # an event of another application
        cw.void_event(BUREAU, "2025-005", other, "错", today=today)
    assert (caught.value.code, caught.value.message) == ("E203", f"申请 2025-005 没有记录号为 {other} 的事件")

    app_id = cw.void_application(BUREAU, "2025-005", "重复登记")
    with pytest.raises(RegisterError) as caught:
        cw.append_event(BUREAU, "2025-005", "delivered", D("2025-10-10"), today=today)
    assert caught.value.message == "申请不存在：某市某某局 没有编号为 2025-005 的申请（该编号的申请已作废）"
    shown = cw.show_application(BUREAU, "2025-005", today=today)
    assert shown.application.id == app_id and shown.voided is not None and shown.voided.reason == "重复登记"
    assert _cached(engine, "2025-005")[0] == "open"  # kept, never deleted

    entries = cw.application_history(BUREAU, "2025-005")
    assert [(e.action, e.entity) for e in entries] == [
        ("insert", "application"),
        ("insert", "event"),
        ("insert", "event"),
        ("void", "event"),
        ("void", "application"),
    ]
    assert {e.actor for e in entries} == {"李四"}
    assert entries[3].entity_id == received
    changes = audit_changes(entries[3])
    assert changes[0][:2] == ("作废时间", "（空）") and changes[1:] == [
        ("作废人", "（空）", "李四"),
        ("作废理由", "（空）", "日期录错"),
    ]
    assert audit_changes(entries[1]) == [
        ("事件类型", "（空）", "告知补正"),
        ("日期", "（空）", "2025-09-29"),
        ("补正期限", "（空）", "2025-10-20"),
    ]
    # the number is free again: a new application under it is another record with its own history
    cw.add_application(BUREAU, "2025-005", "other_org", D("2025-10-09"), today=today)
    assert [e.action for e in cw.application_history(BUREAU, "2025-005")] == ["insert"]


def _when(at: dt.datetime) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
