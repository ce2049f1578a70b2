"""The case register's initial schema: agencies, applications and their events, review cases,
normative documents, proactive items, year figures, the working-day calendar and the audit log.

Revision ID: 0001
Revises:
Create Date: 2026-12-01

Written from Alembic's autogenerate output and reviewed: frozen values (CHECK lists) are literal
here, never imported from the models, so later model changes need a new revision.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_LIVE = sa.text("voided_at IS NULL")


def _moment(name: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _record(created: bool = True) -> list[sa.Column[object]]:
    """created_at (unless the table has its own stamp) and the void columns every record table has."""
    columns = [_moment("created_at")] if created else []
    return [
        *columns,
        _moment("voided_at", nullable=True),
        sa.Column("voided_by", sa.String(100), nullable=True),
        sa.Column("void_reason", sa.Text(), nullable=True),
    ]


def _check(table: str, column: str, values: Sequence[str]) -> sa.CheckConstraint:
    listed = ", ".join(f"'{v}'" for v in values)
    return sa.CheckConstraint(f"{column} IN ({listed})", name=op.f(f"ck_{table}_{column}"))


def _fk(table: str, column: str, target: str, ondelete: str | None = None) -> sa.ForeignKeyConstraint:
    key = "year" if target == "calendar_years" else "id"
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.{key}"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def _pk(table: str, *columns: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint(*(columns or ("id",)), name=op.f(f"pk_{table}"))


def _index(table: str, *columns: str) -> None:
    op.create_index(op.f(f"ix_{table}_{'_'.join(columns)}"), table, list(columns), unique=False)


def _live_unique(table: str, *columns: str) -> None:
    name = f"uq_{table}_live_{'_'.join(columns)}"
    op.create_index(name, table, list(columns), unique=True, sqlite_where=_LIVE, postgresql_where=_LIVE)


def upgrade() -> None:
    op.create_table(
        "agencies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("region", sa.String(200), nullable=True),
        *_record(),
        _check("agencies", "kind", ("department", "government", "township")),
        _pk("agencies"),
    )
    _live_unique("agencies", "name")

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        _moment("at"),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(8), nullable=False),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        _check("audit_log", "action", ("insert", "update", "void")),
        _pk("audit_log"),
    )
    _index("audit_log", "entity", "entity_id")

    op.create_table(
        "calendar_years",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("origin", sa.String(8), nullable=False),
        _moment("imported_at"),
        _check("calendar_years", "origin", ("seed", "import")),
        _pk("calendar_years", "year"),
    )
    op.create_table(
        "calendar_days",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        _check("calendar_days", "kind", ("holiday", "workday")),
        _fk("calendar_days", "year", "calendar_years", ondelete="CASCADE"),
        _pk("calendar_days", "year", "day"),
    )

    op.create_table(
        "applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(64), nullable=False),
        sa.Column("applicant_name", sa.String(200), nullable=False),
        sa.Column("applicant_type", sa.String(32), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("received", sa.Date(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("submission", sa.String(64), nullable=True),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("outcome", sa.String(64), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("due_provisional", sa.Boolean(), nullable=False),
        sa.Column("due_kind", sa.String(16), nullable=True),
        sa.Column("consulting_until", sa.Date(), nullable=True),
        *_record(),
        _check(
            "applications",
            "applicant_type",
            (
                "natural_person",
                "commercial_enterprise",
                "research_institution",
                "social_welfare_org",
                "legal_service_org",
                "other_org",
            ),
        ),
        _check("applications", "channel", ("in_person", "post_signed", "post_ordinary", "online", "fax")),
        _check("applications", "status", ("open", "closed")),
        _check("applications", "due_kind", ("answer", "correction_reply", "fee_payment")),
        _fk("applications", "agency_id", "agencies"),
        _pk("applications"),
    )
    _index("applications", "agency_id")
    op.create_index(
        "ix_applications_status_due_on",
        "applications",
        [
            "status",
            "due_on",
            "id",
            "agency_id",
            "number",
            "applicant_type",
            "received",
            "due_provisional",
            "due_kind",
            "consulting_until",
            "voided_at",
        ],
        unique=False,
    )
    _live_unique("applications", "agency_id", "number")

    op.create_table(
        "application_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("outcome", sa.String(64), nullable=True),
        sa.Column("days", sa.Integer(), nullable=True),
        sa.Column("reply_by", sa.Date(), nullable=True),
        sa.Column("party", sa.String(16), nullable=True),
        sa.Column("basis", sa.String(8), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=True),
        sa.Column("amount", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        _moment("recorded_at"),
        sa.Column("actor", sa.String(100), nullable=False),
        *_record(created=False),
        _check("application_events", "basis", ("count", "pages")),
        _check(
            "application_events",
            "kind",
            (
                "received",
                "correction_requested",
                "correction_received",
                "consultation_sent",
                "consultation_answered",
                "extended",
                "fee_notice",
                "fee_paid",
                "decided",
                "delivered",
                "withdrawn",
            ),
        ),
        _check("application_events", "party", ("third_party", "agency")),
        _fk("application_events", "application_id", "applications"),
        _pk("application_events"),
    )
    _index("application_events", "application_id")

    op.create_table(
        "review_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("filed_on", sa.Date(), nullable=False),
        sa.Column("result", sa.String(16), nullable=False),
        sa.Column("concluded_on", sa.Date(), nullable=True),
        sa.Column("application_id", sa.Integer(), nullable=True),
        *_record(),
        _check("review_cases", "kind", ("administrative_review", "litigation_direct", "litigation_after_review")),
        _check("review_cases", "result", ("upheld", "corrected", "other", "pending")),
        _fk("review_cases", "agency_id", "agencies"),
        _fk("review_cases", "application_id", "applications"),
        _pk("review_cases"),
    )
    _index("review_cases", "agency_id")
    _index("review_cases", "application_id")
    _live_unique("review_cases", "agency_id", "number")

    op.create_table(
        "normative_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("abolished_on", sa.Date(), nullable=True),
        sa.Column("doc_number", sa.String(100), nullable=False),
        *_record(),
        _check("normative_documents", "kind", ("regulations", "normative_documents")),
        _fk("normative_documents", "agency_id", "agencies"),
        _pk("normative_documents"),
    )
    _index("normative_documents", "agency_id")

    op.create_table(
        "proactive_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("formed_on", sa.Date(), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=True),
        *_record(),
        _fk("proactive_items", "agency_id", "agencies"),
        _pk("proactive_items"),
    )
    _index("proactive_items", "agency_id")

    op.create_table(
        "year_figures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_record(),
        _check(
            "year_figures",
            "key",
            (
                "administrative_licensing.decisions",
                "administrative_penalty.decisions",
                "administrative_coercion.decisions",
                "administrative_fees.amount_10k_yuan",
            ),
        ),
        _fk("year_figures", "agency_id", "agencies"),
        _pk("year_figures"),
    )
    _index("year_figures", "agency_id")
    _live_unique("year_figures", "agency_id", "year", "key")


def downgrade() -> None:
    for table in (
        "year_figures",
        "proactive_items",
        "normative_documents",
        "review_cases",
        "application_events",
        "applications",
        "calendar_days",
        "calendar_years",
        "audit_log",
        "agencies",
    ):
        op.drop_table(table)  # its indexes go with it
