"""The corpus store: documents checked by batch runs, their sources (paths, fetched URLs), results
(extracted report, narrative signature), cells in long form, findings and errors; the agency registry.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01

Written from Alembic's autogenerate output and reviewed: frozen values (CHECK lists) are literal.
Only new tables: the case register's tables are untouched.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "corpus_agencies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("region", sa.String(length=200), nullable=True),
        sa.Column("division_code", sa.String(length=12), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corpus_agencies")),
        sa.UniqueConstraint("name", name=op.f("uq_corpus_agencies_name")),
    )
    op.create_table(
        "corpus_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corpus_documents")),
        sa.UniqueConstraint("sha256", name=op.f("uq_corpus_documents_sha256")),
    )
    op.create_table(
        "corpus_agency_names",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["corpus_agencies.id"],
            name=op.f("fk_corpus_agency_names_agency_id_corpus_agencies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_corpus_agency_names")),
    )
    with op.batch_alter_table("corpus_agency_names", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_corpus_agency_names_agency_id"), ["agency_id"], unique=False)

    op.create_table(
        "corpus_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.Column("config", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.Column("agency", sa.String(length=200), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("source_format", sa.String(length=16), nullable=True),
        sa.Column("publication_date", sa.Date(), nullable=True),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("warnings", sa.Integer(), nullable=False),
        sa.Column("infos", sa.Integer(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("report", sa.LargeBinary(), nullable=True),
        sa.Column("head", sa.LargeBinary(), nullable=True),
        sa.Column("minhash", sa.LargeBinary(), nullable=True),
        sa.Column("compared", sa.Boolean(), nullable=False),
        sa.CheckConstraint("status IN ('ok', 'partial', 'failed')", name=op.f("ck_corpus_results_status")),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["corpus_agencies.id"], name=op.f("fk_corpus_results_agency_id_corpus_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["corpus_documents.id"],
            name=op.f("fk_corpus_results_document_id_corpus_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corpus_results")),
        sa.UniqueConstraint(
            "document_id", "version", "config", name=op.f("uq_corpus_results_document_id_version_config")
        ),
    )
    with op.batch_alter_table("corpus_results", schema=None) as batch_op:
        batch_op.create_index("ix_corpus_results_agency_id_year", ["agency_id", "year"], unique=False)

    op.create_table(
        "corpus_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=2000), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("archive", sa.String(length=2000), nullable=True),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.Column("content_type", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["corpus_documents.id"],
            name=op.f("fk_corpus_sources_document_id_corpus_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corpus_sources")),
        sa.UniqueConstraint("document_id", "source", name=op.f("uq_corpus_sources_document_id_source")),
    )
    op.create_table(
        "corpus_cells",
        sa.Column("result_id", sa.Integer(), nullable=False),
        sa.Column("table", sa.String(length=8), nullable=False),
        sa.Column("row", sa.String(length=64), nullable=False),
        sa.Column("column", sa.String(length=64), nullable=False),
        sa.Column("raw", sa.Text(), nullable=True),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["result_id"],
            ["corpus_results.id"],
            name=op.f("fk_corpus_cells_result_id_corpus_results"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("result_id", "table", "row", "column", name=op.f("pk_corpus_cells")),
    )
    op.create_table(
        "corpus_errors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("result_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["result_id"],
            ["corpus_results.id"],
            name=op.f("fk_corpus_errors_result_id_corpus_results"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corpus_errors")),
    )
    with op.batch_alter_table("corpus_errors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_corpus_errors_result_id"), ["result_id"], unique=False)

    op.create_table(
        "corpus_findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("result_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=8), nullable=False),
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("severity", sa.String(length=8), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("hint", sa.Text(), nullable=False),
        sa.Column("part", sa.String(length=16), nullable=False),
        sa.Column("row", sa.String(length=64), nullable=True),
        sa.Column("column", sa.String(length=64), nullable=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("other_result_id", sa.Integer(), nullable=True),
        sa.Column("similarity", sa.Float(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.CheckConstraint("scope IN ('report', 'pair', 'corpus')", name=op.f("ck_corpus_findings_scope")),
        sa.CheckConstraint("severity IN ('error', 'warning', 'info')", name=op.f("ck_corpus_findings_severity")),
        sa.ForeignKeyConstraint(
            ["other_result_id"],
            ["corpus_results.id"],
            name=op.f("fk_corpus_findings_other_result_id_corpus_results"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["result_id"],
            ["corpus_results.id"],
            name=op.f("fk_corpus_findings_result_id_corpus_results"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corpus_findings")),
    )
    with op.batch_alter_table("corpus_findings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_corpus_findings_code"), ["code"], unique=False)
        batch_op.create_index(batch_op.f("ix_corpus_findings_other_result_id"), ["other_result_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_corpus_findings_result_id"), ["result_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("corpus_findings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_corpus_findings_result_id"))
        batch_op.drop_index(batch_op.f("ix_corpus_findings_other_result_id"))
        batch_op.drop_index(batch_op.f("ix_corpus_findings_code"))

    op.drop_table("corpus_findings")
    with op.batch_alter_table("corpus_errors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_corpus_errors_result_id"))

    op.drop_table("corpus_errors")
    op.drop_table("corpus_cells")
    op.drop_table("corpus_sources")
    with op.batch_alter_table("corpus_results", schema=None) as batch_op:
        batch_op.drop_index("ix_corpus_results_agency_id_year")

    op.drop_table("corpus_results")
    with op.batch_alter_table("corpus_agency_names", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_corpus_agency_names_agency_id"))

    op.drop_table("corpus_agency_names")
    op.drop_table("corpus_documents")
    op.drop_table("corpus_agencies")
