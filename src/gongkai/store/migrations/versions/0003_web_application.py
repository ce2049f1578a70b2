"""The web application: users and roles, login sessions and attempts, report approval and publication
(with the final files), corpus runs started from the browser.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

Written from Alembic's autogenerate output and reviewed: frozen values (CHECK lists) are literal,
timestamps plain ``DateTime(timezone=True)``. Only new tables.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "web_login_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_login_attempts")),
    )
    with op.batch_alter_table("web_login_attempts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_web_login_attempts_client"), ["client"], unique=False)
        batch_op.create_index("ix_web_login_attempts_username_at", ["username", "at"], unique=False)

    op.create_table(
        "web_report_states",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("report_json", sa.Text(), nullable=True),
        sa.Column("approved_by", sa.String(length=64), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("published_by", sa.String(length=64), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("status IN ('draft', 'approved', 'published')", name=op.f("ck_web_report_states_status")),
        sa.ForeignKeyConstraint(["agency_id"], ["agencies.id"], name=op.f("fk_web_report_states_agency_id_agencies")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_report_states")),
        sa.UniqueConstraint("agency_id", "year", name=op.f("uq_web_report_states_agency_id_year")),
    )
    op.create_table(
        "web_users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.Column("region", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("role IN ('admin', 'clerk', 'approver', 'supervisor')", name=op.f("ck_web_users_role")),
        sa.ForeignKeyConstraint(["agency_id"], ["agencies.id"], name=op.f("fk_web_users_agency_id_agencies")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_users")),
        sa.UniqueConstraint("username", name=op.f("uq_web_users_username")),
    )
    op.create_table(
        "web_corpus_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("inputs", sa.Text(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("done", sa.Integer(), nullable=False),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("status IN ('queued', 'running', 'done', 'failed')", name=op.f("ck_web_corpus_runs_status")),
        sa.ForeignKeyConstraint(["user_id"], ["web_users.id"], name=op.f("fk_web_corpus_runs_user_id_web_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_corpus_runs")),
    )
    op.create_table(
        "web_report_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("state_id", sa.Integer(), nullable=False),
        sa.Column("format", sa.String(length=8), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint("format IN ('docx', 'pdf', 'html')", name=op.f("ck_web_report_files_format")),
        sa.ForeignKeyConstraint(
            ["state_id"], ["web_report_states.id"], name=op.f("fk_web_report_files_state_id_web_report_states")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_report_files")),
        sa.UniqueConstraint("state_id", "format", name=op.f("uq_web_report_files_state_id_format")),
    )
    op.create_table(
        "web_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["web_users.id"], name=op.f("fk_web_sessions_user_id_web_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_web_sessions_token_hash")),
    )
    with op.batch_alter_table("web_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_web_sessions_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("web_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_web_sessions_user_id"))

    op.drop_table("web_sessions")
    op.drop_table("web_report_files")
    op.drop_table("web_corpus_runs")
    op.drop_table("web_users")
    op.drop_table("web_report_states")
    with op.batch_alter_table("web_login_attempts", schema=None) as batch_op:
        batch_op.drop_index("ix_web_login_attempts_username_at")
        batch_op.drop_index(batch_op.f("ix_web_login_attempts_client"))

    op.drop_table("web_login_attempts")
