"""The agency's application register as staff browse it: searched and filtered, open applications first
(the overdue at the top, then by due date), each with the deadline that matters now and how it was counted.

The filtering and the order are one query over the store's cached columns (``status``, ``due_on``); the
deadline's explanation is worked out again by the statutory clock for the rows of the page shown only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from gongkai.cases.state import ApplicationState
from gongkai.cases.workdays import WorkdayCount
from gongkai.casework.case_view import CaseView, case_views
from gongkai.store import repo
from gongkai.store.repo.agencies import agency_row
from gongkai.store.tables import ApplicationRow

SOON_DAYS = 3
"""A deadline within this many working days is 即将到期."""
BADGE_LABELS: dict[str, str] = {"overdue": "逾期", "soon": "即将到期", "ok": "正常"}
Badge = Literal["overdue", "soon", "ok"]


@dataclass(frozen=True, slots=True)
class CurrentDeadline:
    """The deadline that matters now for an open application, with its Chinese explanation."""

    kind: str
    label: str
    due: dt.date
    provisional: bool
    days_left: int
    """Working days after today up to the due date (negative when overdue)."""
    badge: Badge
    explanation: tuple[str, ...]

    @property
    def badge_label(self) -> str:
        return BADGE_LABELS[self.badge]


def current_deadline(state: ApplicationState, today: dt.date, count: WorkdayCount) -> CurrentDeadline | None:
    """The answer deadline, or the applicant's correction or payment deadline while one is awaited."""
    if state.status != "open":
        return None
    explanation: tuple[str, ...]
    if state.stage == "awaiting_correction":
        if state.correction_reply_by is None:
            return None
        kind, label, due, provisional = "correction_reply", "申请人补正期限", state.correction_reply_by, False
        explanation = (
            "告知补正时给申请人的补正期限；收到补正后自次日起重新计算20个工作日的答复期限（条例第三十条）。",
        )
    elif state.stage == "awaiting_fee" and state.fee_payment is not None:
        d = state.fee_payment
        kind, label, due, provisional, explanation = "fee_payment", "缴费期限", d.due, d.provisional, tuple(d.explain())
    elif state.answer is not None:
        d = state.answer
        kind, label, due, provisional, explanation = "answer", "答复期限", d.due, d.provisional, tuple(d.explain())
    else:
        return None
    left = count.between(today, due)
    badge: Badge = "overdue" if due < today else "soon" if left <= SOON_DAYS else "ok"
    return CurrentDeadline(kind, label, due, provisional, left, badge, explanation)


@dataclass(frozen=True, slots=True)
class ListedApplication:
    view: CaseView
    deadline: CurrentDeadline | None


@dataclass(frozen=True, slots=True)
class ApplicationList:
    rows: tuple[ListedApplication, ...]
    total: int


@dataclass(frozen=True, slots=True)
class ListFilter:
    """Search text (number, applicant, content), status (open/closed), applicant type, overdue only."""

    text: str = ""
    status: Literal["", "open", "closed"] = ""
    applicant_type: str = ""
    overdue: bool = False


def application_list(
    session: Session, agency: str, wanted: ListFilter, *, today: dt.date, limit: int = 50, offset: int = 0
) -> ApplicationList:
    """The agency's live applications matching ``wanted``: open ones first, by due date (the overdue at
    the top, those without a deadline last), then the closed ones, the latest closed first."""
    ag = agency_row(session, agency)
    a = ApplicationRow
    query = select(a).where(a.agency_id == ag.id, a.voided_at.is_(None))
    text = wanted.text.strip()
    if text:
        query = query.where(
            or_(
                a.number.contains(text, autoescape=True),
                a.applicant_name.contains(text, autoescape=True),
                a.content.contains(text, autoescape=True),
            )
        )
    if wanted.status:
        query = query.where(a.status == wanted.status)
    if wanted.applicant_type:
        query = query.where(a.applicant_type == wanted.applicant_type)
    if wanted.overdue:
        query = query.where(a.status == "open", a.due_on < today)
    total = int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)
    order = (
        case((a.status == "open", 0), else_=1),
        case((a.due_on.is_(None), 1), else_=0),
        a.due_on,
        a.closed_on.desc(),
        a.id,
    )
    found = list(session.scalars(query.order_by(*order).limit(limit).offset(offset)))
    cal = repo.load_calendar(session)
    count = WorkdayCount(cal)
    views = case_views(session, found, today, cal)
    rows = tuple(ListedApplication(view, current_deadline(view.state, today, count)) for view in views)
    return ApplicationList(rows, total)


def deadline_of(view: CaseView, session: Session) -> CurrentDeadline | None:
    """The deadline that matters now for one application (the case page)."""
    return current_deadline(view.state, view.today, WorkdayCount(repo.load_calendar(session)))


__all__ = [
    "BADGE_LABELS",
    "SOON_DAYS",
    "ApplicationList",
    "CurrentDeadline",
    "ListFilter",
    "ListedApplication",
    "application_list",
    "current_deadline",
    "deadline_of",
]
