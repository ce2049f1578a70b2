"""Consistency rules: the narrative against the tables."""

from gongkai.audit.rules.consistency import (  # noqa: F401
    carryover,
    category,
    documents,
    fee,
    outcome,
    parts_exceed,
    previous_carryover,
    previous_in_force,
    processed,
    received,
    review,
)
