"""The statutory clock on the real 2025/2026 calendars; every expected date counted by hand.

2025 (official-rules §5): 元旦 1/1; 春节 1/28–2/4 (1/26 Sun, 2/8 Sat worked); 清明 4/4–4/6; 劳动节 5/1–5/5
(4/27 Sun worked); 端午 5/31–6/2; 国庆、中秋 10/1–10/8 (9/28 Sun, 10/11 Sat worked).
2026 (chinese-calendar 1.11.0): 元旦 1/1–1/3 (1/4 Sun worked); 春节 2/15–2/23 (2/14 Sat, 2/28 Sat worked);
中秋 9/25–9/27; 国庆 10/1–10/7 (9/20 Sun, 10/10 Sat worked).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.cases.calendar import WorkCalendar
from gongkai.cases.calendar_seed import default_calendar, seed_years
from gongkai.cases.clock import (
    answer_deadline,
    consultation_limit,
    correction_notice_deadline,
    fee_payment_deadline,
    publication_deadline,
    working_day_deadline,
)

D = dt.date.fromisoformat
CAL = default_calendar()


@pytest.mark.parametrize(
    ("received", "due", "why"),
    [
        # 9/28 Sun worked = 1, 9/29–9/30 = 2–3, 10/1–10/8 off, 10/9–10/10 = 4–5, 10/11 Sat worked = 6, … 10/30 = 20
        ("2025-09-26", "2025-10-30", "国庆节 2025 with both make-up days"),
        # 10/9 = 1, 10/10 = 2, 10/11 Sat = 3, 10/13–10/17 = 4–8, … 11/4 = 20
        ("2025-09-30", "2025-11-04", "received the day before 国庆节 2025"),
        # 1/26 Sun = 1, 1/27 = 2, 1/28–2/4 off, 2/5–2/7 = 3–5, 2/8 Sat = 6, 2/10–2/14 = 7–11, … 2/27 = 20
        ("2025-01-24", "2025-02-27", "春节 2025"),
        # 2/14 Sat = 1, 2/15–2/23 off, 2/24–2/27 = 2–5, 2/28 Sat = 6, 3/2–3/6 = 7–11, … 3/19 = 20
        ("2026-02-13", "2026-03-19", "春节 2026"),
        # 4/27 Sun = 1, 4/28–4/30 = 2–4, 5/1–5/5 off, 5/6–5/9 = 5–8, … 5/27 = 20
        ("2025-04-25", "2025-05-27", "劳动节 2025"),
        # 9/20 Sun = 1, 9/21–9/24 = 2–5, 9/25–9/27 中秋, 9/28–9/30 = 6–8, 10/1–10/7 off, 10/8–10/9 = 9–10,
        # 10/10 Sat = 11, 10/12–10/16 = 12–16, 10/19–10/22 = 17–20
        ("2026-09-18", "2026-10-22", "中秋节 and 国庆节 2026"),
        # 12/23–12/26 = 1–4, 12/29–12/31 = 5–7, 2026-01-01–01-03 off, 1/4 Sun = 8, 1/5–1/9 = 9–13, … 1/20 = 20
        ("2025-12-22", "2026-01-20", "year boundary 2025 → 2026"),
        # a received day that is itself a holiday: 10/9 = 1 … as from 2025-09-30
        ("2025-10-03", "2025-11-04", "received during 国庆节"),
    ],
)
def test_clock_answer_deadline_on_the_real_calendar(received: str, due: str, why: str) -> None:
    found = answer_deadline(CAL, D(received))
    assert found.due == D(due), why
    assert found.days == 20 and not found.provisional and found.start == D(received)


def test_clock_trace_of_national_day_2025_names_every_day() -> None:
    found = answer_deadline(CAL, D("2025-09-26"))
    by_day = {t.on: t for t in found.trace}
    assert found.trace[0].on == D("2025-09-27") and found.trace[-1].on == D("2025-10-30")
    assert len(found.trace) == (D("2025-10-30") - D("2025-09-26")).days
    assert by_day[D("2025-09-27")].kind == "weekend" and by_day[D("2025-09-27")].n is None
    assert (by_day[D("2025-09-28")].kind, by_day[D("2025-09-28")].n) == ("makeup_workday", 1)
    assert by_day[D("2025-09-28")].name == "国庆节、中秋节"
    assert [by_day[D(f"2025-10-0{d}")].kind for d in range(1, 9)] == ["holiday"] * 3 + ["weekend"] * 2 + ["holiday"] * 3
    assert by_day[D("2025-10-08")].name == "国庆节、中秋节"
    assert (by_day[D("2025-10-11")].kind, by_day[D("2025-10-11")].n) == ("makeup_workday", 6)
    assert [t.n for t in found.trace if t.counted] == list(range(1, 21))


def test_clock_explanation_lists_start_holidays_makeup_days_and_due() -> None:
    lines = answer_deadline(CAL, D("2025-09-26")).explain()
    assert lines[0] == "收到申请之日（2025-09-26）不计入，自次日起计算20个工作日。"
    assert "节假日不计入：国庆节、中秋节 2025-10-01至2025-10-08（8天）。" in lines
    assert (
        "调休上班日照常计入：2025-09-28（周日，国庆节、中秋节调休上班，第1个工作日）、"
        "2025-10-11（周六，国庆节、中秋节调休上班，第6个工作日）。"
    ) in lines
    assert lines[-1] == "第20个工作日为2025-10-30，即答复期限的最后一天。"


def test_clock_provisional_2027_is_counted_on_weekends_and_marked() -> None:
    # 12/21–12/25 = 1–5, 12/28–12/31 = 6–9, 2027-01-01 (Fri, not known) = 10, 1/4–1/8 = 11–15, 1/11–1/15 = 16–20
    found = answer_deadline(CAL, D("2026-12-18"))
    assert found.due == D("2027-01-15") and found.provisional and found.uncovered == (2027,)
    assert all(t.provisional == (t.on.year == 2027) for t in found.trace)
    new_year = next(t for t in found.trace if t.on == D("2027-01-01"))
    assert (new_year.kind, new_year.n, new_year.provisional) == ("workday", 10, True)
    assert found.explain()[-1] == "（暂定：2027年的节假日安排尚未导入，仅按周末计算）"


def test_clock_importing_next_year_makes_the_deadline_final() -> None:
    from pathlib import Path

    from gongkai.cases.calendar_file import parse_calendar_file

    example = Path(__file__).resolve().parents[2] / "docs" / "calendar" / "2027.example.yaml"
    cal = WorkCalendar([*seed_years(), parse_calendar_file(example)])
    # the example's 元旦 2027-01-01–01-03 is off: 1/4–1/8 = 10–14, 1/11–1/15 = 15–19, 1/18 = 20
    found = answer_deadline(cal, D("2026-12-18"))
    assert found.due == D("2027-01-18") and not found.provisional


def test_clock_correction_restarts_the_twenty_days() -> None:
    # from 10/15 (not counted): 10/16–10/17 = 1–2, 10/20–10/24 = 3–7, … 11/12 = 20
    found = answer_deadline(CAL, D("2025-09-26"), correction_received=D("2025-10-15"))
    assert found.start == D("2025-10-15") and found.due == D("2025-11-12")
    assert found.explain()[:2] == [
        "收到补正申请之日（2025-10-15）不计入，自次日起计算20个工作日。",
        "答复期限自收到补正的申请之日起计算（条例第三十条）。",
    ]


def test_clock_consultation_answered_early_pauses_to_the_reply_day() -> None:
    # counted 9/28, 9/29, 9/30, 10/9 = 1–4; paused 10/10, 10/11 (Sat worked), 10/13; 10/14 = 5, … 11/4 = 20
    found = answer_deadline(CAL, D("2025-09-26"), pauses=[(D("2025-10-09"), D("2025-10-13"))])
    assert found.due == D("2025-11-04")
    assert [t.on for t in found.trace if t.kind == "paused"] == [D("2025-10-10"), D("2025-10-11"), D("2025-10-13")]
    assert "征求意见（2025-10-09发出）期间不计入：2025-10-10至2025-10-13的3个工作日。" in found.explain()


@pytest.mark.parametrize("answered", [None, "2025-11-05"])
def test_clock_consultation_without_timely_answer_pauses_fifteen_working_days(answered: str | None) -> None:
    # limit: 10/10 = 1, 10/11 Sat = 2, 10/13–10/17 = 3–7, 10/20–10/24 = 8–12, 10/27–10/29 = 13–15
    assert consultation_limit(CAL, D("2025-10-09")).due == D("2025-10-29")
    # counted 9/28–10/9 = 1–4, paused 10/10–10/29, 10/30 = 5, 10/31 = 6, 11/3–11/7 = 7–11, … 11/20 = 20
    found = answer_deadline(CAL, D("2025-09-26"), pauses=[(D("2025-10-09"), D(answered) if answered else None)])
    assert found.due == D("2025-11-20")
    assert sum(t.kind == "paused" for t in found.trace) == 15
    note = "尚未收到意见" if answered is None else "超过提出意见期限（2025-10-29）"
    assert any(note in line for line in found.explain())


def test_clock_overlapping_consultations_pause_each_day_once() -> None:
    found = answer_deadline(
        CAL, D("2025-09-26"), pauses=[(D("2025-10-09"), D("2025-10-13")), (D("2025-10-10"), D("2025-10-14"))]
    )
    # paused 10/10, 10/11, 10/13, 10/14: one more than the first alone → 11/5
    assert found.due == D("2025-11-05")


@pytest.mark.parametrize(("extension", "due"), [(5, "2025-11-06"), (20, "2025-11-27")])
def test_clock_extension_counts_on_from_the_original_due_date(extension: int, due: str) -> None:
    # original 10/30 = 20; 10/31 = 21, 11/3–11/7 = 22–26, … 11/27 = 40
    found = answer_deadline(CAL, D("2025-09-26"), extension=extension)
    assert found.due == D(due) and found.days == 20 + extension
    assert f"原答复期限为第20个工作日（2025-10-30）；延长{extension}个工作日，自次日起接着计算。" in found.explain()


def test_clock_other_statutory_periods() -> None:
    # 补正告知: 9/28, 9/29, 9/30, 10/9, 10/10, 10/11, 10/13 → 7th = 10/13
    assert correction_notice_deadline(CAL, D("2025-09-26")).due == D("2025-10-13")
    # 春节 2025: 1/26, 1/27, 2/5, 2/6, 2/7, 2/8, 2/10 → 7th = 2/10
    assert correction_notice_deadline(CAL, D("2025-01-24")).due == D("2025-02-10")
    assert fee_payment_deadline(CAL, D("2025-09-30")).due == D("2025-11-04")
    assert publication_deadline(CAL, D("2025-09-26")).due == D("2025-10-30")
    assert fee_payment_deadline(CAL, D("2025-09-30")).label == "缴费期限"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: answer_deadline(CAL, D("2025-09-26"), extension=21), "延长的期限应为 1 到 20 个工作日"),
        (lambda: answer_deadline(CAL, D("2025-09-26"), extension=-1), "延长的期限应为 1 到 20 个工作日"),
        (
            lambda: answer_deadline(CAL, D("2025-09-26"), correction_received=D("2025-09-01")),
            "收到补正之日（2025-09-01）早于收到申请之日（2025-09-26）",
        ),
        (
            lambda: answer_deadline(CAL, D("2025-09-26"), pauses=[(D("2025-10-09"), D("2025-10-01"))]),
            "早于发出征求意见之日",
        ),
        (lambda: working_day_deadline(CAL, D("2025-09-26"), 0), "工作日数应在 1 到 100 之间"),
        (lambda: working_day_deadline(CAL, dt.date(9999, 12, 20), 20), "数不到第 20 个工作日"),
        (
            lambda: working_day_deadline(
                CAL, D("2025-01-01"), 5, frozenset(D("2025-01-01") + dt.timedelta(days=i) for i in range(400))
            ),
            "数不到第 5 个工作日",
        ),
    ],
)
def test_clock_refuses_nonsense_with_a_chinese_value_error(call: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()  # type: ignore[operator]


DAYS_2025_2026 = st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2026, 10, 31))


@settings(max_examples=60, deadline=None)
@given(start=DAYS_2025_2026, days=st.integers(1, 40))
def test_clock_trace_is_every_day_to_the_due_date_with_days_counted(start: dt.date, days: int) -> None:
    found = working_day_deadline(CAL, start, days)
    assert [t.on for t in found.trace] == [start + dt.timedelta(days=i) for i in range(1, len(found.trace) + 1)]
    assert found.trace[-1].on == found.due and CAL.is_workday(found.due)
    assert [t.n for t in found.trace if t.counted] == list(range(1, days + 1))
    assert all(t.counted == CAL.is_workday(t.on) for t in found.trace)
    assert not found.provisional


@settings(max_examples=40, deadline=None)
@given(start=DAYS_2025_2026, later=st.integers(1, 30), sent=st.integers(0, 20), wait=st.integers(0, 30))
def test_clock_later_start_or_a_pause_never_brings_the_due_date_forward(
    start: dt.date, later: int, sent: int, wait: int
) -> None:
    base = answer_deadline(CAL, start)
    assert answer_deadline(CAL, start + dt.timedelta(days=later)).due >= base.due
    on = start + dt.timedelta(days=sent)
    paused = answer_deadline(CAL, start, pauses=[(on, on + dt.timedelta(days=wait))])
    assert paused.due >= base.due
