"""Property: in any layout, a consistent report passes the arithmetic rules and any one changed cell fails them."""

from __future__ import annotations

from copy import deepcopy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.audit import Severity, audit, select_rules
from gongkai.extract import extract
from gongkai.model.template import TABLE4
from gongkai.readers import read_bytes
from tests.extract.test_extract_roundtrip import consistent_tables
from tests.layouts import LAYOUTS, T3_ROWS, Table2, Table3, Table4, render

ARITHMETIC = select_rules(["A"])


def _errors(t2: Table2, t3: Table3, t4: Table4, layout: str) -> list[str]:
    name, data = render(layout, t2, t3, t4)
    findings = audit(extract(read_bytes(data, name)), ARITHMETIC)
    return [f.code for f in findings if f.severity is Severity.ERROR]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    tables=consistent_tables(),
    layout=st.sampled_from(sorted(LAYOUTS)),
    table=st.sampled_from(["table3", "table4"]),
    row=st.integers(0, 100),
    col=st.integers(0, 100),
    delta=st.integers(1, 5),
)
def test_arithmetic_single_changed_cell_is_caught(
    tables: tuple[Table2, Table3, Table4], layout: str, table: str, row: int, col: int, delta: int
) -> None:
    t2, t3, t4 = tables
    assert _errors(t2, t3, t4, layout) == []
    t3b, t4b = deepcopy(t3), deepcopy(t4)
    if table == "table3":
        key = T3_ROWS[row % len(T3_ROWS)].key
        t3b[key][col % 7] += delta
    else:
        key = TABLE4.rows[row % 3].key
        t4b[key][col % 5] += delta
    assert _errors(t2, t3b, t4b, layout), f"{table}.{key} changed by {delta} was not caught in layout {layout}"
