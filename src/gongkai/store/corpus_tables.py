"""The corpus store: documents checked by a batch run, their extracted reports, findings and errors.

A document is its content (``sha256``); where it was found (a path, or a URL with the archived
response) is a source, and one document may have several. A result is one check of a document
by one gongkai version with one rule selection (``config``): unique, so a run interrupted at any
moment and run again ends with exactly one result per document (each result is written with its
cells, findings and errors in one transaction). Results are replaced only by a newer version or
another selection, never edited.

Findings are per report (``scope = "report"``) or across reports: with the same agency's previous
year (``"pair"``) and near-duplicate narrative (``"corpus"``); the cross-report ones are recomputed
by each run for the results it touched.

The agency registry (``corpus_agencies``, ``corpus_agency_names``) ties the names a body prints to
one body: ``洪泽区人民政府`` and ``淮安市洪泽区人民政府`` where the region says so, with an
administrative-division code where known.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from gongkai.store.columns import UtcDateTime, one_of, utcnow
from gongkai.store.tables import Base

RESULT_STATUSES = ("ok", "partial", "failed")
FINDING_SCOPES = ("report", "pair", "corpus")
SEVERITIES = ("error", "warning", "info")
MAX_SOURCE_CHARS = 2000
"""Longest path or URL kept (longer ones are refused when read: they are not real sources)."""


class CorpusAgencyRow(Base):
    __tablename__ = "corpus_agencies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    """The full name, region included (``淮安市洪泽区人民政府``)."""
    region: Mapped[str | None] = mapped_column(String(200))
    """The region above the body as printed in full names (``淮安市``), when known."""
    division_code: Mapped[str | None] = mapped_column(String(12))
    """The administrative-division code (GB/T 2260) of the body's own region, when known."""
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)


class CorpusAgencyNameRow(Base):
    """A name under which an agency's reports appear (normalised: spaces and punctuation removed)."""

    __tablename__ = "corpus_agency_names"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("corpus_agencies.id", ondelete="CASCADE"), index=True)


class CorpusDocumentRow(Base):
    __tablename__ = "corpus_documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    first_seen: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)


class CorpusSourceRow(Base):
    """Where a document was found: a file path, or a URL with its archived response."""

    __tablename__ = "corpus_sources"
    __table_args__ = (UniqueConstraint("document_id", "source"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("corpus_documents.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(MAX_SOURCE_CHARS))
    file_name: Mapped[str] = mapped_column(String(255))
    fetched_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    """When the bytes were read (a file) or fetched (a URL)."""
    archive: Mapped[str | None] = mapped_column(String(MAX_SOURCE_CHARS))
    """The archived response body of a URL (its headers beside it)."""
    http_status: Mapped[int | None] = mapped_column(Integer)
    content_type: Mapped[str | None] = mapped_column(String(200))


class CorpusResultRow(Base):
    __tablename__ = "corpus_results"
    __table_args__ = (
        UniqueConstraint("document_id", "version", "config"),
        one_of("status", RESULT_STATUSES),
        Index("ix_corpus_results_agency_id_year", "agency_id", "year"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("corpus_documents.id", ondelete="CASCADE"))
    version: Mapped[str] = mapped_column(String(32))
    """The gongkai version that checked the document."""
    config: Mapped[str] = mapped_column(String(64))
    """The rule selection (``all`` or a hash of --select/--ignore)."""
    status: Mapped[str] = mapped_column(String(8))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("corpus_agencies.id"))
    agency: Mapped[str | None] = mapped_column(String(200))
    """The agency as the report prints it."""
    year: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(Text)
    source_format: Mapped[str | None] = mapped_column(String(16))
    publication_date: Mapped[dt.date | None]
    errors: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    infos: Mapped[int] = mapped_column(Integer, default=0)
    seconds: Mapped[float] = mapped_column(Float, default=0.0)
    checked_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    report: Mapped[bytes | None] = mapped_column(LargeBinary)
    """The extracted report as zlib-compressed JSON (the model's own serialisation)."""
    head: Mapped[bytes | None] = mapped_column(LargeBinary)
    """The report without its tables and text (format, source, metadata), compressed JSON: what a run's
    output shows of a document, read back when a resumed run prints a document it did not check again."""
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    """The narrative's MinHash signature (near-duplicate detection); None when too short to judge."""
    compared: Mapped[bool] = mapped_column(Boolean, default=False)
    """Whether the cross-report comparisons (previous year, copied text) have been made for this result:
    set in the transaction that stores their findings, so a run killed before then compares it next time."""


class CorpusCellRow(Base):
    """One cell of an extracted report, in long form."""

    __tablename__ = "corpus_cells"

    result_id: Mapped[int] = mapped_column(ForeignKey("corpus_results.id", ondelete="CASCADE"), primary_key=True)
    table: Mapped[str] = mapped_column(String(8), primary_key=True)
    row: Mapped[str] = mapped_column(String(64), primary_key=True)
    column: Mapped[str] = mapped_column(String(64), primary_key=True)
    raw: Mapped[str | None] = mapped_column(Text)
    value: Mapped[float | None] = mapped_column(Float)
    state: Mapped[str] = mapped_column(String(8))
    note: Mapped[str | None] = mapped_column(Text)
    page: Mapped[int | None] = mapped_column(Integer)
    line: Mapped[int | None] = mapped_column(Integer)


class CorpusFindingRow(Base):
    __tablename__ = "corpus_findings"
    __table_args__ = (one_of("scope", FINDING_SCOPES), one_of("severity", SEVERITIES))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("corpus_results.id", ondelete="CASCADE"), index=True)
    scope: Mapped[str] = mapped_column(String(8))
    code: Mapped[str] = mapped_column(String(8), index=True)
    name: Mapped[str] = mapped_column(String(64))
    severity: Mapped[str] = mapped_column(String(8))
    message: Mapped[str] = mapped_column(Text)
    hint: Mapped[str] = mapped_column(Text, default="")
    part: Mapped[str] = mapped_column(String(16))
    row: Mapped[str | None] = mapped_column(String(64))
    column: Mapped[str | None] = mapped_column(String(64))
    page: Mapped[int | None] = mapped_column(Integer)
    location: Mapped[str] = mapped_column(Text)
    """Where, in Chinese (``表三（依申请公开）·（七）总计·自然人（第2页）``)."""
    other_result_id: Mapped[int | None] = mapped_column(
        ForeignKey("corpus_results.id", ondelete="SET NULL"), index=True
    )
    """The other report of a cross-report finding."""
    similarity: Mapped[float | None] = mapped_column(Float)
    detail: Mapped[str] = mapped_column(Text)
    """The whole finding as JSON (related locations, full provenance): printed again exactly on resume."""


class CorpusErrorRow(Base):
    """Why a document could not be read or audited (status partial or failed)."""

    __tablename__ = "corpus_errors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("corpus_results.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(8))
    message: Mapped[str] = mapped_column(Text)
    stage: Mapped[str] = mapped_column(String(16))


__all__ = [
    "FINDING_SCOPES",
    "RESULT_STATUSES",
    "CorpusAgencyNameRow",
    "CorpusAgencyRow",
    "CorpusCellRow",
    "CorpusDocumentRow",
    "CorpusErrorRow",
    "CorpusFindingRow",
    "CorpusResultRow",
    "CorpusSourceRow",
]
