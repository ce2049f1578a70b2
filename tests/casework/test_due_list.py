"""``due_list`` on both backends, with the real 2025 calendar and today = 2025-10-09 (Thursday, the first
working day after the National Day break 10/1–10/8; Sunday 9/28 and Saturday 10/11 worked).

Deadlines worked out by hand (working days after the start, the start not counted):
  2025-101 received 9/1: 9/2–5, 8–12, 15–19, 22–26 (19), Sunday 9/28 → due 9/28; overdue by 9/29, 9/30, 10/9 (3)
  2025-103 correction asked 9/17, reply by 9/30 → overdue by 10/9 (1); suggests （六）1
  2025-109 received 9/4: 9/5 … 9/26 (16), 9/28, 9/29, 9/30, 10/9 → due today (0)
  2025-105 fee notice 9/12: 9/15–26 (10), 9/28, 9/29, 9/30, 10/9, 10/10, 10/11, 10/13–16 → due 10/16 (6 left: 10/10, 10/11, 10/13–16)
  2025-102 and 2025-108 received 9/26 → due 10/30 (16 left: 10/10, 10/11, 10/13–17, 20–24, 27–30)
  2025-107 (另一局) received 10/9 → 10/10, 10/11, 10/13–17, 20–24, 27–31, 11/3–5 → due 11/5 (20 left)
  2025-104 received 9/29, consultation sent 10/9 unanswered: 9/30, 10/9 counted, 10/10–10/29 paused
      (15 working days), then 10/30 … → due 11/24 (33 left), 征求意见中 until 10/29
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import Engine

from gongkai.casework.due import DueRow, due_list
from gongkai.errors import RegisterError
from gongkai.store import repo
from gongkai.store.engine import session_scope
from gongkai.store.repo.due import session_due_fn
from tests.store.calendars import Y2025

D = dt.date.fromisoformat
TODAY = D("2025-10-09")
BUREAU, OTHER = "某市某某局", "另一局"


@pytest.fixture
def url(engine: Engine, url_of: Callable[[Engine], str]) -> str:
    with session_scope(engine, actor="张三") as s:
        repo.save_year(s, Y2025, "seed")
        repo.add_agency(s, BUREAU, "department")
        repo.add_agency(s, OTHER, "department")
        due = session_due_fn(s)

        def add(number: str, received: str, agency: str = BUREAU, applicant: str = "natural_person") -> str:
            return repo.add_application(s, agency, number, applicant, D(received), due=due)

        add("2025-101", "2025-09-01")
        add("2025-102", "2025-09-26", applicant="commercial_enterprise")
        c = add("2025-103", "2025-09-15")
        repo.append_event(s, c, "correction_requested", D("2025-09-17"), reply_by=D("2025-09-30"), due=due)
        d = add("2025-104", "2025-09-29")
        repo.append_event(s, d, "consultation_sent", D("2025-10-09"), party="third_party", due=due)
        e = add("2025-105", "2025-09-10", applicant="legal_service_org")
        repo.append_event(s, e, "fee_notice", D("2025-09-12"), basis="pages", quantity=150, amount=1700, due=due)
        f = add("2025-106", "2025-09-01")
        repo.append_event(s, f, "decided", D("2025-09-20"), outcome="granted", due=due)
        add("2025-107", "2025-10-09", agency=OTHER)
        add("2025-108", "2025-09-26")
        add("2025-109", "2025-09-04")
        voided = add("2025-110", "2025-08-01")
        repo.void(s, "application", voided, "重复登记")
    return url_of(engine)


def _brief(rows: list[DueRow]) -> list[tuple[str, str, int | None, str, str | None]]:
    return [(r.number, r.due.isoformat() if r.due else "", r.days_left, r.stage, r.suggested_outcome) for r in rows]


def test_due_list_overdue_first_then_by_due_date(url: str) -> None:
    rows = due_list(today=TODAY, url=url)
    assert _brief(rows) == [
        ("2025-101", "2025-09-28", -3, "processing", None),
        ("2025-103", "2025-09-30", -1, "awaiting_correction", "other_no_correction"),
        ("2025-109", "2025-10-09", 0, "processing", None),
        ("2025-105", "2025-10-16", 6, "awaiting_fee", None),
        ("2025-102", "2025-10-30", 16, "processing", None),
        ("2025-108", "2025-10-30", 16, "processing", None),
        ("2025-107", "2025-11-05", 20, "processing", None),
        ("2025-104", "2025-11-24", 33, "consulting", None),
    ]
    assert [r.overdue for r in rows] == [True, True] + [False] * 6
    first = rows[0]
    assert (first.agency, first.applicant_label, first.received, first.kind, first.provisional) == (
        BUREAU, "自然人", D("2025-09-01"), "answer", False,
    )  # fmt: skip
    assert rows[1].suggestion == "申请人逾期未补正，可按“其他处理-申请人无正当理由逾期不补正”办结"
    assert rows[6].agency == OTHER and rows[4].applicant_label == "商业企业"


def test_due_list_within_n_working_days_includes_the_overdue(url: str) -> None:
    # the 5th working day after 10/9 is 10/15 (10/10, Saturday 10/11, 10/13, 10/14, 10/15); the 6th 10/16
    assert [r.number for r in due_list(within=5, today=TODAY, url=url)] == ["2025-101", "2025-103", "2025-109"]
    assert [r.number for r in due_list(within=6, today=TODAY, url=url)][-1] == "2025-105"
    assert [r.number for r in due_list(within=0, today=TODAY, url=url)] == ["2025-101", "2025-103", "2025-109"]


def test_due_list_later_the_consultation_is_over_and_the_fee_suggestion_shows(url: str) -> None:
    later = {r.number: r for r in due_list(today=D("2025-10-30"), url=url)}
    assert later["2025-104"].stage == "processing"  # the consultation's 15 days ended 10/29
    fee = later["2025-105"]
    assert (fee.overdue, fee.days_left, fee.suggested_outcome) == (
        True,
        -10,
        "other_no_fee",
    )  # 10/17, 10/20–24, 10/27–30
    assert later["2025-102"].days_left == 0 and not later["2025-102"].overdue


def test_due_list_by_agency_and_an_unknown_agency(url: str) -> None:
    assert [r.number for r in due_list(agency=f" {OTHER} ", today=TODAY, url=url)] == ["2025-107"]
    with pytest.raises(RegisterError) as caught:
        due_list(agency="不存在的局", today=TODAY, url=url)
    assert (caught.value.code, caught.value.message) == (
        "E209",
        "机关不存在：不存在的局（先运行 gongkai agency add 添加）",
    )


def test_due_list_marks_a_deadline_in_a_year_not_covered_as_provisional(url: str, engine: Engine) -> None:
    # only 2025 covered: received 12/15 → 12/16–19, 22–26, 29–31 (12), 2026 on weekends only: 1/1, 1/2, 1/5–9, 1/12
    with session_scope(engine) as s:
        repo.add_application(s, BUREAU, "2025-201", "other_org", D("2025-12-15"), due=session_due_fn(s))
    rows = due_list(today=D("2025-12-19"), agency=BUREAU, url=url)
    late = next(r for r in rows if r.number == "2025-201")
    assert (late.due, late.provisional, late.days_left) == (D("2026-01-12"), True, 16)
    assert not any(r.provisional for r in rows if r.number != "2025-201")


def test_due_list_without_a_reply_by_date_comes_last(url: str, engine: Engine) -> None:
    with session_scope(engine) as s:
        due = session_due_fn(s)
        app = repo.add_application(s, OTHER, "2025-301", "natural_person", D("2025-09-01"), due=due)
        repo.append_event(s, app, "correction_requested", D("2025-09-02"), due=due)
    rows = due_list(today=TODAY, url=url)
    assert rows[-1].number == "2025-301"
    assert (rows[-1].due, rows[-1].days_left, rows[-1].stage, rows[-1].overdue) == (
        None,
        None,
        "awaiting_correction",
        False,
    )
    assert "2025-301" not in [r.number for r in due_list(within=100, today=TODAY, url=url)]
    as_json = rows[0].as_dict()
    assert as_json == {
        "id": rows[0].id, "agency": BUREAU, "number": "2025-101", "applicant_type": "natural_person",
        "applicant_type_label": "自然人", "received": "2025-09-01", "stage": "processing", "stage_label": "办理中",
        "due_kind": "answer", "due": "2025-09-28", "provisional": False, "working_days_left": -3, "overdue": True,
        "suggested_outcome": None, "suggestion": None,
    }  # fmt: skip


def test_due_list_within_more_than_the_limit_is_refused(url: str) -> None:
    with pytest.raises(ValueError, match="工作日数应在 0 到 2000 之间"):
        due_list(within=99_999_999_999, today=TODAY, url=url)
    assert [r.number for r in due_list(within=2000, today=TODAY, url=url)][:3] == ["2025-101", "2025-103", "2025-109"]
