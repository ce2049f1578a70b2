"""Consistency rules: the narrative against the tables."""

from gongkai.audit.rules.consistency import (  # noqa: F401
    carryover,
    category,
    fee,
    outcome,
    parts_exceed,
    processed,
    received,
    review,
)
