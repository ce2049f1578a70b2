"""Small registers whose reports are counted by hand in the tests (year 2025 unless named)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from gongkai.cases.records import (
    ApplicantType,
    Application,
    Event,
    NormativeDocument,
    Register,
    ReviewCase,
    YearFigure,
)
from gongkai.model import AnnualReport, TableData

AGENCY = "某市某局"
D = dt.date


def app(id: str, kind: ApplicantType, received: dt.date, *events: Event, voided: bool = False) -> Application:
    return Application(
        id=id, agency=AGENCY, number=f"2025-{id}", applicant_type=kind, received=received, events=events, voided=voided
    )


def decided(id: str, on: dt.date, outcome: str, *, voided: bool = False) -> Event:
    return Event(id=id, kind="decided", on=on, outcome=outcome, voided=voided)


def withdrawn(id: str, on: dt.date) -> Event:
    return Event(id=id, kind="withdrawn", on=on)


APPLICATIONS = (
    # received before 2025, decided in January 2025: carried over, granted
    app("1", "natural_person", D(2024, 12, 20), decided("e1", D(2025, 1, 5), "granted")),
    # received and decided in 2024: not in 2025's table at all
    app("2", "natural_person", D(2024, 11, 3), decided("e2", D(2024, 12, 30), "not_processed_duplicate")),
    # received in 2025 and withdrawn: new, （六）3.其他
    app("3", "commercial_enterprise", D(2025, 3, 1), withdrawn("e3", D(2025, 3, 20))),
    # received at the end of 2025, still open: new, carried forward
    app("4", "legal_service_org", D(2025, 12, 29)),
    # voided: nowhere
    app("5", "natural_person", D(2025, 6, 10), decided("e5", D(2025, 6, 20), "granted"), voided=True),
    # received 12-30, decided in 2026: new and carried forward in 2025, carried over and decided in 2026
    app("6", "natural_person", D(2025, 12, 30), decided("e6", D(2026, 1, 8), "partially_granted")),
    # a voided decision, then the real one: counted under the real one
    app(
        "7",
        "natural_person",
        D(2025, 4, 1),
        decided("e7a", D(2025, 4, 10), "granted", voided=True),
        decided("e7b", D(2025, 4, 15), "unavailable_not_held"),
    ),
    # received in 2024, a correction asked, withdrawn in 2025: carried over, （六）3.其他
    app(
        "8",
        "research_institution",
        D(2024, 10, 10),
        Event(id="e8a", kind="correction_requested", on=D(2024, 10, 15)),
        withdrawn("e8b", D(2025, 2, 1)),
    ),
    # received in 2023 and never closed: carried over and carried forward every year since
    app("9", "other_org", D(2023, 5, 5)),
)

REVIEWS = (
    ReviewCase("1", AGENCY, "复1", "administrative_review", D(2025, 2, 1), "upheld", D(2025, 5, 1)),
    ReviewCase("2", AGENCY, "复2", "administrative_review", D(2024, 11, 1), "corrected", D(2025, 1, 10)),
    ReviewCase("3", AGENCY, "复3", "administrative_review", D(2024, 6, 1), "upheld", D(2024, 12, 31)),
    ReviewCase("4", AGENCY, "诉4", "litigation_direct", D(2025, 10, 1), "other", D(2026, 2, 1)),
    ReviewCase("5", AGENCY, "诉5", "litigation_after_review", D(2023, 3, 3)),
    ReviewCase("6", AGENCY, "诉6", "litigation_direct", D(2025, 3, 3), "other", D(2025, 9, 9), voided=True),
    ReviewCase("7", AGENCY, "诉7", "litigation_direct", D(2025, 4, 4), "upheld", None),
    ReviewCase("8", AGENCY, "复8", "administrative_review", D(2026, 1, 5)),
)

DOCUMENTS = (
    NormativeDocument("1", AGENCY, "regulations", "规章一", D(2025, 3, 1)),
    NormativeDocument("2", AGENCY, "normative_documents", "文件二", D(2020, 1, 1), D(2025, 6, 30)),
    NormativeDocument("3", AGENCY, "normative_documents", "文件三", D(2019, 5, 5)),
    NormativeDocument("4", AGENCY, "normative_documents", "文件四", D(2026, 1, 2)),
    NormativeDocument("5", AGENCY, "normative_documents", "文件五", D(2024, 1, 1), D(2026, 3, 1)),
    NormativeDocument("6", AGENCY, "normative_documents", "文件六", D(2025, 2, 2), voided=True),
    NormativeDocument("7", AGENCY, "regulations", "规章七", D(2025, 5, 5), D(2025, 11, 11)),
)

FIGURES = (
    YearFigure("1", AGENCY, 2025, "administrative_licensing.decisions", Decimal(120)),
    YearFigure("2", AGENCY, 2025, "administrative_penalty.decisions", Decimal(35), voided=True),
    YearFigure("3", AGENCY, 2024, "administrative_penalty.decisions", Decimal(40)),
    YearFigure("4", AGENCY, 2025, "administrative_fees.amount_10k_yuan", Decimal("12.5")),
)

FEE_APPLICATIONS = (
    # notified in 2024, paid in 2025: collected in 2025
    app(
        "21",
        "natural_person",
        D(2024, 12, 2),
        Event(id="f1", kind="fee_notice", on=D(2024, 12, 10), basis="pages", quantity=50, amount=200),
        Event(id="f2", kind="fee_paid", on=D(2025, 1, 6)),
        decided("f3", D(2025, 1, 10), "granted"),
    ),
    # notified, never paid: not collected
    app(
        "22",
        "natural_person",
        D(2025, 4, 20),
        Event(id="f4", kind="fee_notice", on=D(2025, 5, 1), basis="count", quantity=11, amount=100),
    ),
    # the payment was entered by mistake and voided: not collected
    app(
        "23",
        "commercial_enterprise",
        D(2025, 5, 20),
        Event(id="f5", kind="fee_notice", on=D(2025, 6, 1), basis="pages", quantity=60, amount=300),
        Event(id="f6", kind="fee_paid", on=D(2025, 6, 10), voided=True),
    ),
    # a voided application: not collected
    app(
        "24",
        "natural_person",
        D(2025, 6, 1),
        Event(id="f7", kind="fee_notice", on=D(2025, 6, 2), basis="pages", quantity=40, amount=100),
        Event(id="f8", kind="fee_paid", on=D(2025, 6, 3)),
        voided=True,
    ),
    # notified and paid in 2025
    app(
        "25",
        "research_institution",
        D(2025, 6, 20),
        Event(id="f9", kind="fee_notice", on=D(2025, 7, 1), basis="pages", quantity=45, amount=150),
        Event(id="f10", kind="fee_paid", on=D(2025, 7, 5)),
    ),
)


def register(
    applications: tuple[Application, ...] = APPLICATIONS,
    reviews: tuple[ReviewCase, ...] = REVIEWS,
    documents: tuple[NormativeDocument, ...] = DOCUMENTS,
    figures: tuple[YearFigure, ...] = FIGURES,
) -> Register:
    return Register(AGENCY, "department", applications, reviews, documents, (), figures)


def values(table: TableData) -> dict[tuple[str, str], int | float | None]:
    """Every cell's value (None for a blank)."""
    return {(r, c): cell.value for r, cells in table.rows.items() for c, cell in cells.items()}


def nonzero(table: TableData) -> dict[tuple[str, str], int | float]:
    return {k: v for k, v in values(table).items() if v}


def records(table: TableData) -> dict[tuple[str, str], tuple[str, ...]]:
    """Every non-empty cell's records."""
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for r, cells in table.rows.items():
        for c, cell in cells.items():
            assert cell.provenance is not None and cell.provenance.records is not None, (r, c)
            if cell.provenance.records:
                out[(r, c)] = cell.provenance.records
    return out


def table_values(report: AnnualReport) -> dict[str, dict[tuple[str, str], int | float | None]]:
    return {t: values(report.table(t)) for t in ("table2", "table3", "table4")}
