"""The statutory clock as the store caches it: an application → the deadline that matters now.

For an open application that is the answer deadline while it is being processed or a consultation is
out (第三十三条; consultation days not counted); the applicant's correction reply-by date while a
correction is awaited (第三十条: the answer clock restarts when the corrected application arrives); the
fee payment deadline while a fee is awaited (国办函〔2020〕109号). Every write to an application
recomputes it on the store's own calendar unless the caller gives another clock (``due=``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gongkai.store.repo.applications import Due, DueFn

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from gongkai.cases.calendar import WorkCalendar
    from gongkai.cases.records import Application

_SESSION_KEY = "gongkai.due_fn"


def due_fn(calendar: WorkCalendar) -> DueFn:
    """The statutory clock for the store's cached deadline columns, counted on ``calendar``."""
    from gongkai.cases.state import application_state

    def due(app: Application) -> Due:
        # the stage read here (awaiting a correction or a fee, or neither) and the dates do not depend on
        # the day the state is taken: any day will do
        state = application_state(app, calendar, app.received)
        if state.status == "closed":
            return Due()
        if state.stage == "awaiting_correction":
            return Due(state.correction_reply_by, False, "correction_reply")
        if state.stage == "awaiting_fee" and state.fee_payment is not None:
            return Due(state.fee_payment.due, state.fee_payment.provisional, "fee_payment")
        answer = state.answer
        if answer is None:  # the clock could not be counted (see state.problems)
            return Due(None, False, "answer", state.consulting_until)
        return Due(answer.due, answer.provisional, "answer", state.consulting_until)

    return due


def session_due_fn(session: Session) -> DueFn:
    """:func:`due_fn` on the store's own calendar, read once per session."""
    known = session.info.get(_SESSION_KEY)
    if known is None:
        from gongkai.store.repo.calendar import load_calendar

        known = session.info[_SESSION_KEY] = due_fn(load_calendar(session))
    fn: DueFn = known
    return fn


def forget_calendar(session: Session) -> None:
    """The session's calendar changed (a year saved): the next deadline reads it again."""
    session.info.pop(_SESSION_KEY, None)
