"""The deadline the store caches for an application, by stage, on the real 2025 calendar (dates worked
out by hand in tests/cases/test_clock.py and test_state.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gongkai.cases.calendar_seed import default_calendar
from gongkai.cases.records import Application, Event
from gongkai.store.repo import Due
from gongkai.store.repo.due import due_fn

D = dt.date.fromisoformat
DUE = due_fn(default_calendar())


def _app(received: str, *events: tuple[str, str] | tuple[str, str, dict[str, Any]]) -> Application:
    log = tuple(
        Event(id=str(i), kind=e[0], on=D(e[1]), **(e[2] if len(e) > 2 else {}))  # type: ignore[arg-type]
        for i, e in enumerate(events, 1)
    )
    return Application(
        id="7", agency="A", number="7", applicant_type="natural_person", received=D(received), events=log
    )


def test_due_fn_processing_is_the_answer_deadline() -> None:
    assert DUE(_app("2025-09-26")) == Due(D("2025-10-30"), False, "answer", None)


def test_due_fn_consulting_is_the_answer_deadline_with_the_pause_and_its_last_day() -> None:
    # sent 10/9, no reply: 10/10–10/29 (15 working days, Saturday 10/11 worked) paused → answer 11/20
    found = DUE(_app("2025-09-26", ("consultation_sent", "2025-10-09", {"party": "third_party"})))
    assert found == Due(D("2025-11-20"), False, "answer", D("2025-10-29"))
    answered = _app("2025-09-26", ("consultation_sent", "2025-10-09"), ("consultation_answered", "2025-10-13"))
    assert DUE(answered) == Due(D("2025-11-04"), False, "answer", None)


def test_due_fn_awaiting_correction_is_the_applicants_reply_by_date() -> None:
    waiting = _app("2025-09-26", ("correction_requested", "2025-09-29", {"reply_by": D("2025-10-20")}))
    assert DUE(waiting) == Due(D("2025-10-20"), False, "correction_reply")
    assert DUE(_app("2025-09-26", ("correction_requested", "2025-09-29"))) == Due(None, False, "correction_reply")
    corrected = _app(
        "2025-09-26",
        ("correction_requested", "2025-09-29", {"reply_by": D("2025-10-20")}),
        ("correction_received", "2025-10-15"),
    )
    assert DUE(corrected) == Due(D("2025-11-12"), False, "answer")  # the 20 days restart on 10/15


def test_due_fn_awaiting_fee_is_the_payment_deadline_then_the_answer_again() -> None:
    notice = ("fee_notice", "2025-09-30", {"basis": "pages", "quantity": 150, "amount": 1700})
    assert DUE(_app("2025-09-26", notice)) == Due(D("2025-11-04"), False, "fee_payment")
    paid = _app("2025-09-26", notice, ("fee_paid", "2025-10-10"))
    assert DUE(paid) == Due(D("2025-10-30"), False, "answer")


def test_due_fn_closed_has_no_deadline() -> None:
    assert DUE(_app("2025-09-26", ("decided", "2025-10-20", {"outcome": "granted"}))) == Due()
    assert DUE(_app("2025-09-26", ("withdrawn", "2025-10-20"))) == Due()


def test_due_fn_reaching_a_year_not_covered_is_provisional() -> None:
    # 2026-12-18 (Fri): 12/21–25, 12/28–31, then 2027 on weekends only: 1/1, 1/4–8, 1/11–15 → 20th on 1/15
    assert DUE(_app("2026-12-18")) == Due(D("2027-01-15"), True, "answer")
