"""Arithmetic rules (A1xx): the sums the template's tables must satisfy."""

from gongkai.audit.rules.arithmetic import (  # noqa: F401  (importing registers the rules)
    column_balance,
    fee_unit,
    group_total,
    invalid_count,
    outcome_sum,
    row_sum,
    subtotal,
)
