"""Property tests: random consistent reports, rendered in every supported layout, read back identically."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.extract import extract
from gongkai.model.template import OUTCOME_ROWS_2021, TABLE2, TABLE4
from gongkai.readers import read_bytes
from tests.layouts import LAYOUTS, T3_ROWS, Table2, Table3, Table4, render

small = st.integers(min_value=0, max_value=40)


@st.composite
def consistent_tables(draw: st.DrawFn) -> tuple[Table2, Table3, Table4]:
    t3: Table3 = {}
    for key in OUTCOME_ROWS_2021:
        t3[key] = [draw(st.integers(0, 3)) if draw(st.booleans()) else 0 for _ in range(6)]
    processed = [sum(t3[k][c] for k in OUTCOME_ROWS_2021) for c in range(6)]
    forward = [draw(small) for _ in range(6)]
    carried = [draw(st.integers(0, p + f)) for p, f in zip(processed, forward, strict=True)]
    new = [p + f - c for p, f, c in zip(processed, forward, carried, strict=True)]
    t3["new_received"], t3["carried_over"] = new, carried
    t3["total_processed"], t3["carried_forward"] = processed, forward
    for key in t3:
        t3[key] = t3[key] + [sum(t3[key])]
    t2: Table2 = {r.key: [draw(st.integers(0, 999)) for _ in r.fields] for r in TABLE2.rows}
    t4: Table4 = {}
    for g in TABLE4.rows:
        parts = [draw(st.integers(0, 9)) for _ in range(4)]
        t4[g.key] = [*parts, sum(parts)]
    return t2, t3, t4


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables=consistent_tables(), layout=st.sampled_from(sorted(LAYOUTS)))
def test_extract_roundtrip_every_layout_reads_back_identically(
    tables: tuple[Table2, Table3, Table4], layout: str
) -> None:
    t2, t3, t4 = tables
    name, data = render(layout, t2, t3, t4)
    report = extract(read_bytes(data, name))
    assert report.format == "2021"
    assert {k: [c.plain() for c in row.values()] for k, row in report.table2.rows.items()} == t2
    got3 = {k: [c.plain() for c in row.values()] for k, row in report.table3.rows.items()}
    assert got3 == {r.key: t3[r.key] for r in T3_ROWS}
    assert {k: [c.plain() for c in row.values()] for k, row in report.table4.rows.items()} == t4
    assert not report.table3.unplaced and not report.table4.unplaced
    assert all(ev.match == "exact" for ev in report.table3.row_evidence.values())
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.metadata.signature_agency == "某市某局"
