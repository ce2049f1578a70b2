"""The store's tables as typed SQLAlchemy models (portable: SQLite and PostgreSQL).

Record tables are never hard-deleted: a record is voided (``voided_at``, ``voided_by``,
``void_reason``). Numbers unique per agency are unique among the *live* records only (partial
unique indexes), so a record voided by mistake can be entered again under its number.
Constraint names follow :data:`NAMING_CONVENTION`, so Alembic and the models agree.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal, get_args

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, MetaData, Numeric, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from gongkai.cases.calendar import MAX_DAY_NAME_CHARS
from gongkai.cases.records import (
    APPLICANT_TYPES,
    EVENT_KINDS,
    FIGURE_KEYS,
    MAX_NAME_CHARS,
    MAX_NUMBER_CHARS,
    REVIEW_KINDS,
    REVIEW_RESULTS,
    AgencyKind,
    Channel,
    ConsultParty,
    DocumentKind,
    FeeBasis,
)
from gongkai.store.columns import UtcDateTime, live_unique, one_of, utcnow

NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

AGENCY_KINDS: tuple[str, ...] = get_args(AgencyKind)
CHANNELS: tuple[str, ...] = get_args(Channel)
CONSULT_PARTIES: tuple[str, ...] = get_args(ConsultParty)
FEE_BASES: tuple[str, ...] = get_args(FeeBasis)
DOCUMENT_KINDS: tuple[str, ...] = get_args(DocumentKind)
STATUSES = ("open", "closed")
DueKind = Literal["answer", "correction_reply", "fee_payment"]
"""Which deadline an open application's ``due_on`` is: the answer (第三十三条), the applicant's
correction reply-by date (第三十条), or the fee payment deadline (国办函〔2020〕109号)."""
DUE_KINDS: tuple[DueKind, ...] = get_args(DueKind)
CALENDAR_ORIGINS = ("seed", "import")
CALENDAR_DAY_KINDS = ("holiday", "workday")
AUDIT_ACTIONS = ("insert", "update", "void")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Voidable:
    """Never hard-deleted: voided with who, when and why."""

    voided_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), sort_order=90)
    voided_by: Mapped[str | None] = mapped_column(String(100), sort_order=91)
    void_reason: Mapped[str | None] = mapped_column(Text, sort_order=92)


class Record(Voidable):
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow, sort_order=80)


class AgencyRow(Record, Base):
    __tablename__ = "agencies"
    __table_args__ = (one_of("kind", AGENCY_KINDS), live_unique("agencies", "name"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(MAX_NAME_CHARS))
    kind: Mapped[str] = mapped_column(String(16))
    region: Mapped[str | None] = mapped_column(String(MAX_NAME_CHARS))


DUE_LIST_COLUMNS = (
    *("id", "agency_id", "number", "applicant_type", "received"),
    *("due_provisional", "due_kind", "consulting_until", "voided_at"),
)
"""What ``gongkai cases due`` reads besides ``(status, due_on)``: the index ordering open applications by
due date holds them too, so the list is read from the index alone (SQLite's covering index,
PostgreSQL's index-only scan)."""


class ApplicationRow(Record, Base):
    __tablename__ = "applications"
    __table_args__ = (
        one_of("applicant_type", APPLICANT_TYPES),
        one_of("channel", CHANNELS),
        one_of("status", STATUSES),
        one_of("due_kind", DUE_KINDS),
        live_unique("applications", "agency_id", "number"),
        Index("ix_applications_status_due_on", "status", "due_on", *DUE_LIST_COLUMNS),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    number: Mapped[str] = mapped_column(String(MAX_NUMBER_CHARS))
    applicant_name: Mapped[str] = mapped_column(String(MAX_NAME_CHARS), default="")
    applicant_type: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(16))
    received: Mapped[dt.date] = mapped_column(Date)
    content: Mapped[str] = mapped_column(Text, default="")
    submission: Mapped[str | None] = mapped_column(String(MAX_NUMBER_CHARS))
    # derived from the events by the service (gongkai.store.repo.applications.refresh): a cache
    status: Mapped[str] = mapped_column(String(8), default="open")
    outcome: Mapped[str | None] = mapped_column(String(64))
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    """The deadline that matters now for an open application (its kind in ``due_kind``); None when closed."""
    due_provisional: Mapped[bool] = mapped_column(default=False)
    due_kind: Mapped[str | None] = mapped_column(String(16))
    consulting_until: Mapped[dt.date | None] = mapped_column(Date)
    """The last day an unanswered consultation can pause the answer clock (its 15th working day):
    the application is 征求意见中 while today is not later."""


class EventRow(Voidable, Base):
    """Append-only: an event is never changed, only voided."""

    __tablename__ = "application_events"
    __table_args__ = (
        one_of("kind", EVENT_KINDS),
        one_of("party", CONSULT_PARTIES),
        one_of("basis", FEE_BASES),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    on: Mapped[dt.date] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(64))
    days: Mapped[int | None] = mapped_column(Integer)
    reply_by: Mapped[dt.date | None] = mapped_column(Date)
    party: Mapped[str | None] = mapped_column(String(16))
    basis: Mapped[str | None] = mapped_column(String(8))
    quantity: Mapped[int | None] = mapped_column(Integer)
    amount: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))


class ReviewCaseRow(Record, Base):
    __tablename__ = "review_cases"
    __table_args__ = (
        one_of("kind", REVIEW_KINDS),
        one_of("result", REVIEW_RESULTS),
        live_unique("review_cases", "agency_id", "number"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    number: Mapped[str] = mapped_column(String(MAX_NUMBER_CHARS))
    kind: Mapped[str] = mapped_column(String(32))
    filed_on: Mapped[dt.date] = mapped_column(Date)
    result: Mapped[str] = mapped_column(String(16), default="pending")
    concluded_on: Mapped[dt.date | None] = mapped_column(Date)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id"), index=True)


class DocumentRow(Record, Base):
    __tablename__ = "normative_documents"
    __table_args__ = (one_of("kind", DOCUMENT_KINDS),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(Text)
    issued_on: Mapped[dt.date] = mapped_column(Date)
    abolished_on: Mapped[dt.date | None] = mapped_column(Date)
    doc_number: Mapped[str] = mapped_column(String(100), default="")


class ItemRow(Record, Base):
    __tablename__ = "proactive_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    title: Mapped[str] = mapped_column(Text)
    formed_on: Mapped[dt.date] = mapped_column(Date)
    published_on: Mapped[dt.date | None] = mapped_column(Date)


class FigureRow(Record, Base):
    __tablename__ = "year_figures"
    __table_args__ = (one_of("key", FIGURE_KEYS), live_unique("year_figures", "agency_id", "year", "key"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(64))
    value: Mapped[Decimal] = mapped_column(Numeric(18, 4))
    note: Mapped[str] = mapped_column(Text, default="")


class CalendarYearRow(Base):
    """A covered year: its State Council notice, seeded from chinese-calendar or imported."""

    __tablename__ = "calendar_years"
    __table_args__ = (one_of("origin", CALENDAR_ORIGINS),)

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    source: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(8))
    imported_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)


class CalendarDayRow(Base):
    """One exception to the Monday–Friday week in a year's notice (a notice may name a day of the next
    or previous year, hence the year in the key)."""

    __tablename__ = "calendar_days"
    __table_args__ = (one_of("kind", CALENDAR_DAY_KINDS),)

    year: Mapped[int] = mapped_column(ForeignKey("calendar_years.year", ondelete="CASCADE"), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(MAX_DAY_NAME_CHARS), default="")


class AuditRow(Base):
    """Who changed what, when, with the record before and after (JSON)."""

    __tablename__ = "audit_log"
    __table_args__ = (one_of("action", AUDIT_ACTIONS), Index(None, "entity", "entity_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(8))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


RECORD_TABLES: dict[str, type[Base]] = {
    "agency": AgencyRow,
    "application": ApplicationRow,
    "event": EventRow,
    "review_case": ReviewCaseRow,
    "document": DocumentRow,
    "item": ItemRow,
    "figure": FigureRow,
}
"""The voidable records by the entity name the audit log and the API use."""

metadata = Base.metadata

# the corpus store's tables (a batch run's documents, reports and findings) share the metadata;
# imported last because they build on Base
from gongkai.store import corpus_tables as _corpus_tables  # noqa: E402, F401
from gongkai.store import web_tables as _web_tables  # noqa: E402, F401

__all__ = [
    "DUE_KINDS",
    "NAMING_CONVENTION",
    "RECORD_TABLES",
    "AgencyRow",
    "ApplicationRow",
    "AuditRow",
    "Base",
    "CalendarDayRow",
    "CalendarYearRow",
    "DocumentRow",
    "DueKind",
    "EventRow",
    "FigureRow",
    "ItemRow",
    "Record",
    "ReviewCaseRow",
    "UtcDateTime",
    "Voidable",
    "metadata",
    "utcnow",
]
