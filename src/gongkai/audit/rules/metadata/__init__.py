"""Metadata rules: title, statistical period, signature and dates."""

from gongkai.audit.rules.metadata import (  # noqa: F401
    impossible_date,
    period_missing,
    publication_deadline,
    signature_deadline,
    signature_early,
    signature_missing,
    title_missing,
    year_mismatch,
)
