"""Property: a report computed from any event history passes every arithmetic rule, and its years chain."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.audit import audit, select_rules
from gongkai.cases.records import (
    APPLICANT_TYPES,
    WITHDRAWN_OUTCOME,
    Application,
    Event,
    Register,
    ReviewCase,
    closure,
)
from gongkai.cases.report import compute_report
from gongkai.model import AnnualReport, Cell
from gongkai.model.template import OUTCOME_ROWS_2021, TABLE3_COLUMNS

START = dt.date(2023, 1, 1)
YEARS = (2022, 2023, 2024, 2025, 2026)
ARITHMETIC = select_rules(["A"])
NOISE = ("received", "correction_requested", "correction_received", "extended", "delivered")
BOUNDARIES = (dt.date(2024, 1, 1), dt.date(2025, 1, 1), dt.date(2026, 1, 1))


def dates(draw: st.DrawFn) -> dt.date:
    """A day of 2023–2025, often within a week of a new year (where counting goes wrong)."""
    if draw(st.booleans()):
        return START + dt.timedelta(days=draw(st.integers(0, 3 * 365 - 1)))
    near = draw(st.sampled_from(BOUNDARIES)) + dt.timedelta(days=draw(st.integers(-7, 6)))
    return min(near, dt.date(2025, 12, 31))


def offsets(draw: st.DrawFn) -> dt.timedelta:
    """Days after an event it is based on: a few days (some slips dated before it), or up to 500."""
    return dt.timedelta(days=draw(st.integers(-5, 10) | st.integers(0, 500)))


@st.composite
def events(draw: st.DrawFn, received: dt.date, prefix: str) -> tuple[Event, ...]:
    out: list[Event] = []
    for i in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(("decided", "decided", "withdrawn", *NOISE)))
        on = received + offsets(draw)
        outcome = draw(st.sampled_from(OUTCOME_ROWS_2021)) if kind == "decided" else None
        voided = draw(st.integers(0, 5)) == 0
        out.append(Event(id=f"{prefix}-{i}", kind=kind, on=on, outcome=outcome, voided=voided))
    return tuple(out)


@st.composite
def applications(draw: st.DrawFn) -> tuple[Application, ...]:
    out: list[Application] = []
    for i in range(draw(st.integers(0, 30))):
        received = dates(draw)
        out.append(
            Application(
                id=str(i + 1),
                agency="某局",
                number=f"N{i + 1}",
                applicant_type=draw(st.sampled_from(APPLICANT_TYPES)),
                received=received,
                events=draw(events(received, str(i + 1))),
                voided=draw(st.integers(0, 7)) == 0,
            )
        )
    return tuple(out)


@st.composite
def reviews(draw: st.DrawFn) -> tuple[ReviewCase, ...]:
    out: list[ReviewCase] = []
    for i in range(draw(st.integers(0, 8))):
        filed = dates(draw)
        result = draw(st.sampled_from(("upheld", "corrected", "other", "pending")))
        concluded = None if draw(st.integers(0, 4)) == 0 else filed + offsets(draw)
        kind = draw(st.sampled_from(("administrative_review", "litigation_direct", "litigation_after_review")))
        out.append(ReviewCase(str(i + 1), "某局", f"R{i + 1}", kind, filed, result, concluded))
    return tuple(out)


def _refs(cell: Cell) -> tuple[str, ...]:
    assert cell.provenance is not None and cell.provenance.records is not None
    return cell.provenance.records


def _cells(report: AnnualReport, row: str) -> dict[str, tuple[int | float | None, tuple[str, ...] | None]]:
    return {
        col: (cell.value, cell.provenance.records if cell.provenance else None)
        for col, cell in report.table3.rows[row].items()
    }


def _expected_rows(app: Application, year: int) -> list[str]:
    """The table-3 rows the application is counted in for ``year``, from the counting rules."""
    closed = closure(app)
    closed_on = None if closed is None else max(closed[0], app.received)
    if app.voided or app.received.year > year or (closed_on is not None and closed_on.year < year):
        return []
    rows = ["new_received" if app.received.year == year else "carried_over"]
    if closed is not None and closed_on is not None and closed_on.year == year:
        assert closed[1] in (*OUTCOME_ROWS_2021, WITHDRAWN_OUTCOME)
        return [*rows, closed[1], "total_processed"]
    return [*rows, "carried_forward"]


@settings(max_examples=60, deadline=None)
@given(applications(), reviews())
def test_report_property_every_year_passes_the_arithmetic_rules_and_chains(
    apps: tuple[Application, ...], cases: tuple[ReviewCase, ...]
) -> None:
    register = Register(agency="某局", applications=apps, reviews=cases)
    reports = {year: compute_report(register, year) for year in YEARS}
    for year, report in reports.items():
        assert [f for f in audit(report, ARITHMETIC) if f.code.startswith("A")] == []
        # every counted application is in exactly the records of its rows, in its own column and 总计
        for row, cells in report.table3.rows.items():
            for col, cell in cells.items():
                assert cell.provenance is not None and cell.provenance.records is not None
                assert cell.value == len(cell.provenance.records)
                want = {
                    f"application:{a.id}"
                    for a in apps
                    if row in _expected_rows(a, year) and col in ("total", a.applicant_type)
                }
                assert set(cell.provenance.records) == want, (year, row, col)
        for group, cells in report.table4.rows.items():  # each case under one result of its group
            parts = [r for f in ("upheld", "corrected", "other", "pending") for r in _refs(cells[f])]
            assert sorted(parts) == sorted(_refs(cells["total"])) and len(parts) == len(set(parts)), group
    for year in YEARS[:-1]:
        assert _cells(reports[year], "carried_forward") == _cells(reports[year + 1], "carried_over")
    assert list(reports[2022].table3.rows["new_received"]) == [c.key for c in TABLE3_COLUMNS]
