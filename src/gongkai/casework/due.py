"""Open applications by deadline: the list staff work from every morning (:func:`due_list`,
``gongkai cases due``), read from the deadline the store caches (:mod:`gongkai.store.repo.due`).

For an open application the deadline that matters now is the answer deadline while it is being
processed or a consultation is out (第三十三条; consultation days not counted); the applicant's
correction reply-by date while a correction is awaited (第三十条: the answer clock restarts when the
corrected application arrives); the fee payment deadline while a fee is awaited (国办函〔2020〕109号).
The store keeps it in ``applications.due_on`` with its kind, so the list is one indexed query: no
event log is folded when it is read.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from gongkai.cases.records import APPLICANT_LABELS

if TYPE_CHECKING:
    from gongkai.cases.workdays import WorkdayCount
    from gongkai.store.tables import DueKind

OpenStage = Literal["processing", "consulting", "awaiting_correction", "awaiting_fee"]
STAGE_LABELS: dict[str, str] = {
    "processing": "办理中",
    "consulting": "征求意见中",
    "awaiting_correction": "等待补正",
    "awaiting_fee": "等待缴费",
}
_STAGE_OF_KIND: dict[str | None, OpenStage] = {
    "answer": "processing",
    "correction_reply": "awaiting_correction",
    "fee_payment": "awaiting_fee",
    None: "processing",
}
_SUGGESTED_OF_KIND: dict[str | None, str] = {
    "correction_reply": "other_no_correction",
    "fee_payment": "other_no_fee",
}
MAX_WITHIN = 2000
"""The furthest ``within`` looks ahead, in working days (about eight years)."""
SUGGESTIONS: dict[str, str] = {
    "other_no_correction": "申请人逾期未补正，可按“其他处理-申请人无正当理由逾期不补正”办结",
    "other_no_fee": "申请人逾期未缴费，可按“其他处理-申请人逾期未按收费通知要求缴纳费用”办结",
}
"""What staff may do once the applicant's deadline has passed (never applied by itself)."""


class DueRow(NamedTuple):
    """One open application in the list, as of the day the list is taken."""

    id: str
    agency: str
    number: str
    applicant_type: str
    received: dt.date
    stage: OpenStage
    kind: DueKind | None
    """Which deadline ``due`` is (None: the store's deadline was never computed)."""
    due: dt.date | None
    provisional: bool
    days_left: int | None
    """Working days after today up to the due date; when overdue, minus those after it up to today."""
    overdue: bool
    suggested_outcome: str | None = None

    @property
    def applicant_label(self) -> str:
        return APPLICANT_LABELS.get(self.applicant_type, self.applicant_type)

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS[self.stage]

    @property
    def suggestion(self) -> str | None:
        return SUGGESTIONS.get(self.suggested_outcome) if self.suggested_outcome else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "agency": self.agency,
            "number": self.number,
            "applicant_type": self.applicant_type,
            "applicant_type_label": self.applicant_label,
            "received": self.received.isoformat(),
            "stage": self.stage,
            "stage_label": self.stage_label,
            "due_kind": self.kind,
            "due": None if self.due is None else self.due.isoformat(),
            "provisional": self.provisional,
            "working_days_left": self.days_left,
            "overdue": self.overdue,
            "suggested_outcome": self.suggested_outcome,
            "suggestion": self.suggestion,
        }


def due_list(
    *, within: int | None = None, agency: str | None = None, today: dt.date, url: str | None = None
) -> list[DueRow]:
    """Open, live applications by deadline: the earliest first (so the overdue ones first, the most
    overdue at the top), those without a deadline last. ``within``: only those due within that many
    working days after ``today`` (the overdue included; 0 to :data:`MAX_WITHIN`, ValueError otherwise).
    E209 for an unknown ``agency``; E201/E202 as
    :func:`gongkai.store.engine.open_store`.

    One indexed query over the cached columns, in SQLAlchemy Core (:mod:`gongkai.store.lists`); the
    working days left are counted once per distinct due date, in constant time
    (:class:`~gongkai.cases.workdays.WorkdayCount`)."""
    from gongkai.cases.workdays import WorkdayCount
    from gongkai.store.engine import open_store, reader
    from gongkai.store.lists import agency_names, open_applications, read_calendar, unknown_agency

    if within is not None and not 0 <= within <= MAX_WITHIN:
        raise ValueError(f"工作日数应在 0 到 {MAX_WITHIN} 之间，而不是 {within}")
    engine = open_store(url)
    try:
        with reader(engine).connect() as connection:
            count = WorkdayCount(read_calendar(connection))
            names = agency_names(connection)
            agency_id = None
            if agency is not None:
                agency_id = next((i for i, n in names.items() if n == agency.strip()), None)
                if agency_id is None:
                    raise unknown_agency(agency)
            due_by = None if within is None else count.nth_after(today, within)
            with _no_cycles():
                found = open_applications(connection, agency_id=agency_id, due_by=due_by)
    finally:
        engine.dispose()
    with _no_cycles():
        return _rows(found, names, count, today)


@contextmanager
def _no_cycles() -> Iterator[None]:
    """A hundred thousand rows made at once, none in a reference cycle: the cyclic garbage collector,
    triggered again and again by the allocations, would only walk them for nothing (a tenth of a second)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _rows(found: Sequence[Any], names: dict[int, str], count: WorkdayCount, today: dt.date) -> list[DueRow]:
    """The rows from the store's (ordered by due date): what depends on the due date is worked out once per date."""
    from gongkai.store.lists import DriverDates

    dates = DriverDates()
    per_due: dict[Any, tuple[dt.date, int, bool]] = {}
    make = DueRow._make
    dated: list[DueRow] = []
    undated: list[DueRow] = []
    for app_id, agency_id, number, applicant_type, received, due_value, provisional, kind, until in found:
        if kind == "answer":
            stage = "consulting" if until is not None and dates[until] >= today else "processing"
        else:
            stage = _STAGE_OF_KIND[kind]
        if due_value is None:
            row = (str(app_id), names[agency_id], number, applicant_type, dates[received], stage, kind)
            undated.append(make((*row, None, False, None, False, None)))
            continue
        known = per_due.get(due_value)
        if known is None:
            due = dates[due_value]
            known = per_due[due_value] = (due, count.between(today, due), due < today)
        due, left, overdue = known
        dated.append(
            make((
                str(app_id), names[agency_id], number, applicant_type, dates[received], stage, kind,
                due, bool(provisional), left, overdue, _SUGGESTED_OF_KIND.get(kind) if overdue else None,
            ))
        )  # fmt: skip
    return dated + undated


__all__ = ["MAX_WITHIN", "STAGE_LABELS", "SUGGESTIONS", "DueRow", "OpenStage", "due_list"]
