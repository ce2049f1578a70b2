"""The demo agency's case registers: applications of this year and the last with varied events (one
overdue, one awaiting a correction, one extended, one with a fee notice, several answered), two review
cases and a few proactive items — registered through :mod:`gongkai.casework`, so every deadline is the
statutory clock's on the store's calendar (seeded with the packaged years first)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from gongkai.casework.items import add_item_in
from gongkai.casework.records import NewApplication, NewEvent, add_application_in, append_event_in
from gongkai.casework.registers import add_review_in
from gongkai.store.repo import seed_calendar
from gongkai.web.settings import WebSettings

_PEOPLE = ("张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆")
_TOPICS = (
    "2024年度城区道路养护经费使用情况",
    "洪泽湖沿岸环境整治项目环评批复",
    "本区征地补偿安置方案",
    "区政府常务会议纪要（涉及老旧小区改造部分）",
    "农村公路建设项目招投标信息",
    "学校布局调整规划",
)
_ANSWERED = (
    "granted",
    "partially_granted",
    "denied_state_secret",
    "unavailable_not_held",
    "denied_process_information",
    "granted",
)


def seed_cases(session: Session, settings: WebSettings) -> None:
    """Fill the demo agency's registers (called once, on a new demo store)."""
    from gongkai.web.demo import DEMO_AGENCY

    seed_calendar(session)
    today = dt.date.today()
    numbers = iter(range(1, 100))

    def add(received: dt.date, *, kind: str = "natural_person", channel: str = "online", who: int = 0) -> str:
        number = f"洪政办依申〔{received.year}〕{next(numbers):03d}号"
        new = NewApplication(
            DEMO_AGENCY, number, kind, received, channel, _PEOPLE[who % 6], _TOPICS[who % len(_TOPICS)]
        )
        add_application_in(session, new, today=today)
        return number

    def event(number: str, kind: str, on: dt.date, **fields: object) -> None:
        append_event_in(session, DEMO_AGENCY, number, NewEvent(kind, on, **fields), today=today)  # type: ignore[arg-type]

    last_year = today.year - 1
    answered: list[str] = []
    for i, outcome in enumerate(_ANSWERED):  # last year's, answered within the time limit
        received = dt.date(last_year, 2 + 2 * (i % 5), 12)
        number = add(received, who=i, kind="natural_person" if i % 3 else "commercial_enterprise")
        event(number, "decided", received + dt.timedelta(days=14), outcome=outcome)
        event(number, "delivered", received + dt.timedelta(days=16))
        answered.append(number)
    overdue = add(today - dt.timedelta(days=60), who=1, channel="post_signed")
    event(overdue, "consultation_sent", today - dt.timedelta(days=55), party="third_party")
    event(overdue, "consultation_answered", today - dt.timedelta(days=50))
    corrected = add(today - dt.timedelta(days=6), who=2)
    event(corrected, "correction_requested", today - dt.timedelta(days=4), reply_by=today + dt.timedelta(days=12))
    extended = add(today - dt.timedelta(days=24), who=3, kind="research_institution")
    event(extended, "extended", today - dt.timedelta(days=2), days=15, note="经审核人批准")
    fee = add(today - dt.timedelta(days=9), who=4, kind="commercial_enterprise", channel="in_person")
    event(fee, "fee_notice", today - dt.timedelta(days=5), basis="pages", quantity=120)
    add(today - dt.timedelta(days=1), who=5, channel="in_person")
    recent = add(today - dt.timedelta(days=40), who=0)
    event(recent, "decided", today - dt.timedelta(days=30), outcome="not_processed_duplicate")
    add_review_in(
        session,
        DEMO_AGENCY,
        f"洪复〔{last_year}〕3号",
        "administrative_review",
        dt.date(last_year, 9, 1),
        result="upheld",
        concluded_on=dt.date(last_year, 10, 20),
        application=answered[2],
    )
    add_review_in(
        session, DEMO_AGENCY, f"（{today.year}）苏0813行初1号", "litigation_direct", today - dt.timedelta(days=20)
    )
    add_item_in(session, DEMO_AGENCY, "洪泽区2024年政府信息公开工作年度报告", dt.date(last_year, 1, 10),
                published_on=dt.date(last_year, 1, 20), today=today)  # fmt: skip
    add_item_in(session, DEMO_AGENCY, "区级财政预算执行情况", dt.date(last_year, 6, 3),
                published_on=dt.date(last_year, 8, 1), today=today)  # fmt: skip
    add_item_in(session, DEMO_AGENCY, "老旧小区改造项目清单", today - dt.timedelta(days=10), today=today)


__all__ = ["seed_cases"]
