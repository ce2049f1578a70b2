"""Store rows (ORM objects or result rows with the same column names) → ``cases.records`` values."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from gongkai.cases import records as r


def event(row: Any) -> r.Event:
    return r.Event(
        id=str(row.id),
        kind=cast("r.EventKind", row.kind),
        on=row.on,
        outcome=row.outcome,
        days=row.days,
        reply_by=row.reply_by,
        party=cast("r.ConsultParty | None", row.party),
        basis=cast("r.FeeBasis | None", row.basis),
        quantity=row.quantity,
        amount=row.amount,
        note=row.note or "",
    )


def application(row: Any, agency: str, events: Iterable[Any] = ()) -> r.Application:
    return r.Application(
        id=str(row.id),
        agency=agency,
        number=row.number,
        applicant_type=cast("r.ApplicantType", row.applicant_type),
        received=row.received,
        applicant_name=row.applicant_name or "",
        channel=cast("r.Channel", row.channel),
        content=row.content or "",
        submission=row.submission,
        events=tuple(event(e) for e in events),
    )


def review(row: Any, agency: str) -> r.ReviewCase:
    return r.ReviewCase(
        id=str(row.id),
        agency=agency,
        number=row.number,
        kind=cast("r.ReviewKind", row.kind),
        filed_on=row.filed_on,
        result=cast("r.ReviewResult", row.result),
        concluded_on=row.concluded_on,
        application_id=None if row.application_id is None else str(row.application_id),
    )


def document(row: Any, agency: str) -> r.NormativeDocument:
    return r.NormativeDocument(
        id=str(row.id),
        agency=agency,
        kind=cast("r.DocumentKind", row.kind),
        title=row.title,
        issued_on=row.issued_on,
        abolished_on=row.abolished_on,
        doc_number=row.doc_number or "",
    )


def item(row: Any, agency: str) -> r.ProactiveItem:
    return r.ProactiveItem(
        id=str(row.id), agency=agency, title=row.title, formed_on=row.formed_on, published_on=row.published_on
    )


def figure(row: Any, agency: str) -> r.YearFigure:
    return r.YearFigure(
        id=str(row.id),
        agency=agency,
        year=row.year,
        key=cast("r.FigureKey", row.key),
        value=row.value,
        note=row.note or "",
    )


__all__ = ["application", "document", "event", "figure", "item", "review"]
