"""An application's state folded from its events with the real 2025 calendar (dates counted by hand in test_clock)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from gongkai.cases.calendar_seed import default_calendar
from gongkai.cases.records import Application, Event
from gongkai.cases.state import application_state, validate_event
from gongkai.errors import RegisterError

D = dt.date.fromisoformat
CAL = default_calendar()
RECEIVED = "2025-09-26"  # answer due 2025-10-30; correction notice due 2025-10-13


def _app(*events: tuple[str, str] | tuple[str, str, dict[str, Any]]) -> Application:
    log = tuple(
        Event(id=str(i), kind=e[0], on=D(e[1]), **(e[2] if len(e) > 2 else {}))  # type: ignore[arg-type, misc]
        for i, e in enumerate(events, 1)
    )
    return Application(
        id="7", agency="A", number="2025-007", applicant_type="natural_person", received=D(RECEIVED), events=log
    )


def test_state_open_application_is_processing_then_overdue() -> None:
    app = _app(("received", RECEIVED))
    before = application_state(app, CAL, D("2025-10-30"))
    assert (before.status, before.stage, before.overdue) == ("open", "processing", False)
    assert before.answer is not None and before.answer.due == D("2025-10-30")
    assert before.correction_notice.due == D("2025-10-13") and before.problems == ()
    assert application_state(app, CAL, D("2025-10-31")).overdue


def test_state_awaiting_correction_has_no_answer_deadline_and_suggests_no_correction_late() -> None:
    app = _app(("correction_requested", "2025-09-29", {"reply_by": D("2025-10-20")}))
    waiting = application_state(app, CAL, D("2025-10-20"))
    assert waiting.stage == "awaiting_correction" and waiting.answer is None and not waiting.overdue
    assert waiting.correction_reply_by == D("2025-10-20") and waiting.suggested_outcome is None
    assert not waiting.correction_notice_late
    assert application_state(app, CAL, D("2025-10-21")).suggested_outcome == "other_no_correction"


def test_state_correction_received_restarts_the_answer_deadline() -> None:
    app = _app(
        ("correction_requested", "2025-09-29", {"reply_by": D("2025-10-20")}),
        ("correction_received", "2025-10-15"),
    )
    state = application_state(app, CAL, D("2025-10-21"))
    assert state.stage == "processing" and state.suggested_outcome is None
    assert state.answer is not None and state.answer.due == D("2025-11-12")


def test_state_late_correction_notice_is_flagged() -> None:
    app = _app(("correction_requested", "2025-10-14", {"reply_by": D("2025-10-30")}))
    assert application_state(app, CAL, D("2025-10-14")).correction_notice_late


def test_state_consulting_until_the_reply_or_the_fifteen_day_limit() -> None:
    app = _app(("consultation_sent", "2025-10-09", {"party": "third_party"}))
    during = application_state(app, CAL, D("2025-10-29"))
    assert during.stage == "consulting" and during.consulting_until == D("2025-10-29")  # 10/11 Sat worked
    assert during.answer is not None and during.answer.due == D("2025-11-20")
    assert application_state(app, CAL, D("2025-10-30")).stage == "processing"
    answered = _app(("consultation_sent", "2025-10-09"), ("consultation_answered", "2025-10-13"))
    state = application_state(answered, CAL, D("2025-10-20"))
    assert state.stage == "processing" and state.answer is not None and state.answer.due == D("2025-11-04")
    assert state.consulting_until is None


def test_state_fee_notice_unpaid_suggests_no_fee_after_twenty_working_days() -> None:
    app = _app(("fee_notice", "2025-09-30", {"basis": "pages", "quantity": 150, "amount": 1700}))
    on_due = application_state(app, CAL, D("2025-11-04"))
    assert on_due.stage == "awaiting_fee" and on_due.fee_payment is not None
    assert on_due.fee_payment.due == D("2025-11-04") and on_due.suggested_outcome is None
    assert application_state(app, CAL, D("2025-11-05")).suggested_outcome == "other_no_fee"
    paid = _app(("fee_notice", "2025-09-30"), ("fee_paid", "2025-10-10"))
    assert application_state(paid, CAL, D("2025-11-05")).stage == "processing"


def test_state_extension_moves_the_answer_deadline() -> None:
    app = _app(("extended", "2025-10-28", {"days": 20}))
    state = application_state(app, CAL, D("2025-11-01"))
    assert state.answer is not None and state.answer.due == D("2025-11-27") and not state.overdue


@pytest.mark.parametrize(("closed", "late"), [("2025-10-30", False), ("2025-10-31", True)])
def test_state_decision_closes_with_its_outcome(closed: str, late: bool) -> None:
    app = _app(("decided", closed, {"outcome": "granted"}), ("delivered", "2025-11-03"))
    state = application_state(app, CAL, D("2025-12-01"))
    assert (state.status, state.stage, state.outcome, state.closed_on) == ("closed", "closed", "granted", D(closed))
    assert state.late is late and not state.overdue and state.problems == ()


def test_state_withdrawal_closes_as_other() -> None:
    state = application_state(_app(("withdrawn", "2025-10-09")), CAL, D("2025-12-01"))
    assert (state.status, state.outcome) == ("closed", "other_other")


def test_state_problems_are_listed_in_chinese() -> None:
    app = _app(
        ("consultation_answered", "2025-09-20"),
        ("extended", "2025-10-20", {"days": 25}),
        ("extended", "2025-10-21", {"days": 5}),
        ("decided", "2025-10-22", {"outcome": "approved"}),
        ("decided", "2025-11-10", {"outcome": "granted"}),
        ("consultation_sent", "2025-11-12"),
        ("delivered", "2025-11-13"),
    )
    problems = application_state(app, CAL, D("2025-12-01")).problems
    assert problems == (
        "“收到意见”（2025-09-20）早于收到申请之日（2025-09-26）",
        "收到意见（2025-09-20）之前没有发出征求意见",
        "延期（2025-10-20）25个工作日不符合规定（应为1到20个工作日）",
        "延期答复只能一次（条例第三十三条），但2025-10-21又记录了一次延期",
        "作出答复（2025-10-22）的办理结果“approved”不是表三的办理结果行",
        "申请已于2025-10-22办结，之后又记录了“作出答复”（2025-11-10）",  # the first decision closes (records.closure)
        "申请已于2025-10-22办结，之后又记录了“发出征求意见”（2025-11-12）",
    )


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (("extended", "2025-10-21", {"days": 5}), "已经延期过一次"),
        (("correction_requested", "2025-09-20"), "早于收到申请之日（2025-09-26）"),
        (("decided", "2025-10-22", {"outcome": "approved"}), "办理结果“approved”不是表三的办理结果行"),
        (("decided", "2025-10-22"), "办理结果“（空）”不是表三的办理结果行"),
    ],
)
def test_state_validate_event_refuses_with_e204(
    event: tuple[str, str, dict[str, Any]] | tuple[str, str], message: str
) -> None:
    app = _app(("extended", "2025-10-20", {"days": 10}))
    new = _app(event).events[0]
    with pytest.raises(RegisterError) as info:
        validate_event(app, new, CAL)
    assert info.value.code == "E204" and message in info.value.message


@pytest.mark.parametrize("days", [0, 21, None])
def test_state_validate_event_refuses_an_extension_outside_one_to_twenty(days: int | None) -> None:
    with pytest.raises(RegisterError, match="延长的期限应为1到20个工作日"):
        validate_event(_app(), _app(("extended", "2025-10-20", {"days": days})).events[0], CAL)


def test_state_validate_event_after_closure_allows_only_delivery() -> None:
    app = _app(("decided", "2025-10-22", {"outcome": "granted"}))
    validate_event(app, _app(("delivered", "2025-10-24")).events[0], CAL)
    validate_event(app, _app(("consultation_answered", "2025-10-20")).events[0], CAL)  # back-filled, before closure
    for kind, on in (("consultation_sent", "2025-10-23"), ("decided", "2025-10-22"), ("withdrawn", "2025-10-20")):
        extra = {"outcome": "granted"} if kind == "decided" else {}
        with pytest.raises(RegisterError, match="已于2025-10-22办结") as info:
            validate_event(app, _app((kind, on, extra)).events[0], CAL)
        assert info.value.code == "E204"


def test_state_voided_events_are_ignored() -> None:
    app = _app(("extended", "2025-10-20", {"days": 10, "voided": True}))
    state = application_state(app, CAL, D("2025-10-31"))
    assert state.answer is not None and state.answer.due == D("2025-10-30") and state.overdue
    validate_event(app, _app(("extended", "2025-10-21", {"days": 5})).events[0], CAL)


def test_state_late_extension_and_repeated_correction_notice_are_problems() -> None:
    app = _app(
        ("correction_requested", "2025-09-29", {"reply_by": D("2025-10-10")}),
        ("correction_requested", "2025-09-30", {"reply_by": D("2025-10-15")}),
        ("correction_received", "2025-10-09"),
        ("extended", "2025-11-13", {"days": 5}),
    )
    state = application_state(app, CAL, D("2025-11-14"))
    # restarted from 10/9: 10/10 = 1, 10/11 Sat = 2, 10/13–10/17 = 3–7, … 11/3–11/5 = 18–20;
    # extended by 5: 11/6, 11/7, 11/10, 11/11, 11/12 = 21–25
    assert state.answer is not None and state.answer.due == D("2025-11-12")
    assert state.problems == (
        "补正应一次性告知（条例第三十条），但2025-09-30又告知了一次",
        "延期（2025-11-13）晚于原答复期限（2025-11-05）",
    )
