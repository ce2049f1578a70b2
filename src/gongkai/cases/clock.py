"""The statutory clock (条例第二十六条、第三十条–第三十五条; 国办函〔2020〕109号), counted in working days.

The rule everywhere: the start day is not counted; the deadline is the N-th working day after it
(weekends and public holidays skipped, 调休 make-up working days counted). Days of a year the
calendar does not cover are counted on weekends alone and make the deadline *provisional*.

- Answer (第三十三条): 20 working days from receipt; from the day the corrected application is
  received when the applicant was asked to correct it (第三十条); extended once by 1–20 working days,
  counted on from the original due date.
- Consultation (第三十二条 third party, 第三十四条 other agency): the working days after the day the
  request is sent, up to and including the day the reply arrives or the 15th working day after
  sending (whichever comes first), do not count. No reply yet → paused to the 15th working day.
- Correction notice (第三十条): due on the 7th working day after receipt.
- Fee (109号文): payment due on the 20th working day after the notice day.
- Proactive publication (第二十六条): 20 working days after the information is formed or changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass, replace
from typing import Any, Literal

from gongkai.cases.calendar import WorkCalendar

ANSWER_DAYS = 20
CORRECTION_NOTICE_DAYS = 7
CONSULTATION_DAYS = 15
FEE_PAYMENT_DAYS = 20
PUBLICATION_DAYS = 20
MAX_EXTENSION = 20
MAX_DAYS = 100
"""No statutory period counted here is longer (20 + 20 for an extended answer)."""
MAX_SPAN = 366
"""Calendar days walked at most; a longer walk means nonsense input (pauses covering everything)."""

TraceKind = Literal["workday", "makeup_workday", "weekend", "holiday", "paused"]
Pause = tuple[dt.date, dt.date | None]
"""A consultation: (the day the request was sent, the day the reply arrived or None)."""


@dataclass(frozen=True, slots=True)
class TraceDay:
    """One calendar day between the start (excluded) and the due date (included)."""

    on: dt.date
    kind: TraceKind
    n: int | None = None
    """Counted days (``workday``, ``makeup_workday``): 1, 2, … the due date has ``n == days``."""
    name: str | None = None
    """Holiday and make-up days: the holiday; paused days: why."""
    provisional: bool = False
    """The day's year is not covered: only the weekend is known."""

    @property
    def counted(self) -> bool:
        return self.n is not None

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.on.isoformat(),
            "kind": self.kind,
            "n": self.n,
            "name": self.name,
            "provisional": self.provisional,
        }


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline with every day that led to it."""

    start: dt.date
    days: int
    """Working days counted (an extension included)."""
    due: dt.date
    provisional: bool
    trace: tuple[TraceDay, ...]
    label: str = "期限"
    start_label: str = "起算之日"
    extension: int = 0
    notes: tuple[str, ...] = ()
    """Chinese remarks shown in the explanation (a consultation still unanswered …)."""
    uncovered: tuple[int, ...] = ()
    """The years reached that the calendar does not cover."""

    def explain(self) -> list[str]:
        """Chinese lines: the start, holidays skipped, 调休 days counted, paused days, extension, the due date."""
        from gongkai.cases.clock_explain import explain

        return explain(self)

    def as_dict(self) -> dict[str, Any]:
        return {
            "due": self.due.isoformat(),
            "provisional": self.provisional,
            "start": self.start.isoformat(),
            "days": self.days,
            "trace": [t.as_dict() for t in self.trace],
            "explanation": self.explain(),
        }


def working_day_deadline(
    cal: WorkCalendar,
    start: dt.date,
    days: int,
    paused: Mapping[dt.date, str] | Set[dt.date] = frozenset(),
    *,
    label: str = "期限",
    start_label: str = "起算之日",
) -> Deadline:
    """The ``days``-th working day after ``start`` (not counted), skipping the working days in ``paused``."""
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        raise ValueError(f"工作日数应在 1 到 {MAX_DAYS} 之间，而不是 {days!r}")
    reasons = dict(paused) if isinstance(paused, Mapping) else dict.fromkeys(paused, "暂停计算")
    key = ("working_day_deadline", start, days, frozenset(reasons.items()), label, start_label)
    known = cal.memo.get(key)
    if isinstance(known, Deadline):
        return known  # immutable: many applications share a start day
    if len(cal.memo) > 50_000:
        cal.memo.clear()
    cal.memo[key] = deadline = _count(cal, start, days, reasons, label, start_label)
    return deadline


def _count(
    cal: WorkCalendar, start: dt.date, days: int, reasons: dict[dt.date, str], label: str, start_label: str
) -> Deadline:
    trace: list[TraceDay] = []
    n, day = 0, start
    for _ in range(MAX_SPAN):
        try:
            day += dt.timedelta(days=1)
        except OverflowError:
            break
        info = cal.day(day)
        if info.working and day in reasons:
            trace.append(TraceDay(day, "paused", name=reasons[day], provisional=info.provisional))
        elif info.working:
            n += 1
            trace.append(TraceDay(day, info.kind, n, info.name, info.provisional))
            if n == days:
                uncovered = tuple(sorted({t.on.year for t in trace if t.provisional}))
                return Deadline(
                    start, days, day, bool(uncovered), tuple(trace), label, start_label, uncovered=uncovered
                )
        else:
            trace.append(TraceDay(day, info.kind, name=info.name, provisional=info.provisional))
    raise ValueError(
        f"自 {start.isoformat()} 起 {MAX_SPAN} 天内数不到第 {days} 个工作日（暂停的日子过多或日期超出范围）"
    )


def correction_notice_deadline(cal: WorkCalendar, received: dt.date) -> Deadline:
    """第三十条: the correction notice is due within 7 working days of receipt."""
    return working_day_deadline(cal, received, CORRECTION_NOTICE_DAYS, label="补正告知期限", start_label="收到申请之日")


def consultation_limit(cal: WorkCalendar, sent: dt.date) -> Deadline:
    """第三十二条、第三十四条: the party consulted answers within 15 working days."""
    return working_day_deadline(cal, sent, CONSULTATION_DAYS, label="提出意见期限", start_label="发出征求意见之日")


def fee_payment_deadline(cal: WorkCalendar, notice: dt.date) -> Deadline:
    """国办函〔2020〕109号: the fee is paid within 20 working days from the day after the notice."""
    return working_day_deadline(cal, notice, FEE_PAYMENT_DAYS, label="缴费期限", start_label="收费通知之日")


def publication_deadline(cal: WorkCalendar, formed: dt.date) -> Deadline:
    """第二十六条: proactive information is published within 20 working days of being formed or changed."""
    return working_day_deadline(
        cal, formed, PUBLICATION_DAYS, label="主动公开期限", start_label="政府信息形成或者变更之日"
    )


def consultation_pause(
    cal: WorkCalendar, sent: dt.date, answered: dt.date | None
) -> tuple[dict[dt.date, str], Deadline, str | None]:
    """The working days one consultation pauses (→ why), its 15-day limit, and a note when the limit decides."""
    if answered is not None and answered < sent:
        raise ValueError(f"收到意见之日（{answered.isoformat()}）早于发出征求意见之日（{sent.isoformat()}）")
    limit = consultation_limit(cal, sent)
    end = limit.due if answered is None or answered > limit.due else answered
    reason = f"征求意见（{sent.isoformat()}发出）"
    days = {t.on: reason for t in limit.trace if t.counted and t.on <= end}
    note = None
    if answered is None:
        note = f"{sent.isoformat()}发出的征求意见尚未收到意见，暂按提出意见期限（第15个工作日，{limit.due.isoformat()}）计算暂停"
    elif answered > limit.due:
        note = (
            f"{sent.isoformat()}发出的征求意见于{answered.isoformat()}才收到意见，"
            f"超过提出意见期限（{limit.due.isoformat()}），暂停只计到该期限"
        )
    return days, limit, note


def answer_deadline(
    cal: WorkCalendar,
    received: dt.date,
    *,
    correction_received: dt.date | None = None,
    pauses: Iterable[Pause] = (),
    extension: int = 0,
) -> Deadline:
    """第三十三条: the answer is due on the 20th working day after receipt (or after the corrected
    application is received), consultation days not counted, extended once by ``extension`` (1–20)."""
    if isinstance(extension, bool) or not isinstance(extension, int) or not 0 <= extension <= MAX_EXTENSION:
        raise ValueError(f"延长的期限应为 1 到 {MAX_EXTENSION} 个工作日，而不是 {extension!r}")
    if correction_received is not None and correction_received < received:
        raise ValueError(f"收到补正之日（{correction_received.isoformat()}）早于收到申请之日（{received.isoformat()}）")
    start = correction_received or received
    paused: dict[dt.date, str] = {}
    notes: list[str] = []
    uncovered: set[int] = set()
    for sent, answered in sorted(pauses, key=lambda p: p[0]):
        days, limit, note = consultation_pause(cal, sent, answered)
        for day, reason in days.items():
            paused.setdefault(day, reason)
        if note:  # the 15-day limit ends this pause: its own count matters
            notes.append(note)
            uncovered.update(limit.uncovered)
    if correction_received is not None:
        notes.insert(0, "答复期限自收到补正的申请之日起计算（条例第三十条）")
    found = working_day_deadline(
        cal,
        start,
        ANSWER_DAYS + extension,
        paused,
        label="答复期限",
        start_label="收到补正申请之日" if correction_received is not None else "收到申请之日",
    )
    uncovered.update(found.uncovered)
    return replace(
        found, extension=extension, notes=tuple(notes), uncovered=tuple(sorted(uncovered)), provisional=bool(uncovered)
    )


__all__ = [
    "ANSWER_DAYS",
    "CONSULTATION_DAYS",
    "CORRECTION_NOTICE_DAYS",
    "FEE_PAYMENT_DAYS",
    "MAX_EXTENSION",
    "PUBLICATION_DAYS",
    "Deadline",
    "Pause",
    "TraceDay",
    "answer_deadline",
    "consultation_limit",
    "consultation_pause",
    "correction_notice_deadline",
    "fee_payment_deadline",
    "publication_deadline",
    "working_day_deadline",
]
