"""Export applications back to a 台账 workbook that :func:`gongkai.cases.ledger.read_ledger` reads again.

Same header as the import (:data:`~gongkai.cases.ledger_columns.HEADERS`), dates as real Excel
dates, ``处理结果`` as the canonical staff name (:func:`gongkai.cases.outcomes.outcome_name`).
Exporting and importing again gives the same rows (:func:`from_application`).

A row holds one event of each kind: the first live one is exported (缴费日期: the first payment, when
the row has a fee). The register can hold more than a row says (a second consultation, 送达); those
are not in the 台账. A withdrawn
application is exported with the outcome it is counted under (其他处理-其他) on the day it was
withdrawn. Voided applications and events are left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from gongkai.cases import ledger_columns as C
from gongkai.cases.ledger import LedgerRow, inferred_note
from gongkai.cases.outcomes import outcome_name
from gongkai.cases.records import APPLICANT_LABELS, CHANNEL_LABELS, Application, Event, closure, live_events
from gongkai.errors import OutputError
from gongkai.files import replacing

_WIDTHS = {C.NUMBER: 14, C.APPLICANT: 16, C.CONTENT: 40, C.OUTCOME: 36, C.CHANNEL: 14}


def _first(events: tuple[Event, ...], kind: str) -> Event | None:
    return next((e for e in events if e.kind == kind), None)


def _given(event: Event | None, column: str) -> dt.date | None:
    """The event's date, unless the import inferred it because the 台账 left the column empty."""
    if event is None or event.note == inferred_note(column, event.on):
        return None
    return event.on


def from_application(app: Application) -> LedgerRow:
    """The 台账 row of an application (what the export writes and the import reads back)."""
    events = live_events(app)
    c_req, c_rec = _first(events, "correction_requested"), _first(events, "correction_received")
    sent, answered = _first(events, "consultation_sent"), _first(events, "consultation_answered")
    extended, fee, paid = _first(events, "extended"), _first(events, "fee_notice"), _first(events, "fee_paid")
    closed = closure(app)
    has_fee = fee is not None and fee.amount is not None and fee.amount > 0
    return LedgerRow(
        number=app.number,
        applicant_type=app.applicant_type,
        received=app.received,
        applicant_name=app.applicant_name,
        channel=app.channel,
        content=app.content,
        correction_requested=c_req.on if c_req else None,
        correction_received=c_rec.on if c_rec else None,
        consultation_sent=sent.on if sent else None,
        consultation_party=sent.party if sent else None,
        consultation_answered=answered.on if answered else None,
        extended_on=_given(extended, C.EXTENDED_ON) if extended and extended.days else None,
        extension_days=extended.days if extended else None,
        fee_notice_on=_given(fee, C.FEE_NOTICE_ON) if has_fee else None,
        fee_basis=fee.basis if fee and has_fee else None,
        fee_amount=fee.amount if fee and has_fee else None,
        fee_paid_on=paid.on if paid and has_fee else None,
        decided_on=closed[0] if closed else None,
        outcome=closed[1] if closed else None,
    )


def _cells(row: LedgerRow) -> list[object]:
    """The row's cells in :data:`HEADERS` order (None: empty)."""
    by_name: dict[str, object] = {
        C.NUMBER: row.number,
        C.APPLICANT_TYPE: APPLICANT_LABELS[row.applicant_type],
        C.APPLICANT: row.applicant_name,
        C.CHANNEL: CHANNEL_LABELS[row.channel] if row.channel else None,
        C.RECEIVED: row.received,
        C.CONTENT: row.content,
        C.CORRECTION_REQUESTED: row.correction_requested,
        C.CORRECTION_RECEIVED: row.correction_received,
        C.CONSULTATION_SENT: row.consultation_sent,
        C.CONSULTATION_PARTY: C.PARTY_LABELS[row.consultation_party] if row.consultation_party else None,
        C.CONSULTATION_ANSWERED: row.consultation_answered,
        C.EXTENDED_ON: row.extended_on,
        C.EXTENSION_DAYS: row.extension_days,
        C.FEE_NOTICE_ON: row.fee_notice_on,
        C.FEE_BASIS: C.FEE_BASIS_LABELS[row.fee_basis] if row.fee_basis else None,
        C.FEE_AMOUNT: row.fee_amount,
        C.FEE_PAID_ON: row.fee_paid_on,
        C.DECIDED_ON: row.decided_on,
        C.OUTCOME: outcome_name(row.outcome) if row.outcome else None,
    }
    return [by_name[name] for name in C.HEADERS]


def export_ledger(applications: Iterable[Application], path: Path | str) -> int:
    """Write the applications (voided ones left out) as a 台账 workbook at ``path``; returns the rows written.

    The workbook is written row by row (constant memory) to a temporary beside ``path`` and renamed
    into place: ``path`` holds the old file or the complete new one, never part of one.

    Raises:
        OutputError: ``path`` cannot be written.
    """
    import xlsxwriter

    target = Path(path)
    written = 0
    with replacing(target) as tmp:
        options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False}
        book: Any = xlsxwriter.Workbook(str(tmp), options | {"strings_to_urls": False})
        try:
            sheet = book.add_worksheet("台账")
            head = book.add_format({"bold": True, "bg_color": "#DDEBF7"})
            date = book.add_format({"num_format": "yyyy-mm-dd"})
            for col, name in enumerate(C.HEADERS):
                sheet.set_column(col, col, _WIDTHS.get(name, 12))
                sheet.write_string(0, col, name, head)
            sheet.freeze_panes(1, 0)
            for app in applications:
                if app.voided:
                    continue
                written += 1
                for col, value in enumerate(_cells(from_application(app))):
                    if value is None or value == "":
                        continue
                    if isinstance(value, dt.date):
                        sheet.write_datetime(written, col, value, date)
                    elif isinstance(value, int):
                        sheet.write_number(written, col, value)
                    else:
                        sheet.write_string(written, col, str(value))
            sheet.autofilter(0, 0, max(written, 1), len(C.HEADERS) - 1)
        finally:
            _close(book, target)
    return written


def _close(book: Any, target: Path) -> None:
    from xlsxwriter.exceptions import XlsxWriterException

    try:
        book.close()
    except XlsxWriterException as exc:  # FileCreateError wraps the OSError
        raise OutputError(str(target), str(exc)) from exc


__all__ = ["export_ledger", "from_application"]
