"""Tables 3, 4 and 2 computed from small registers, against counts made by hand (see report_registers.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.cases.records import YearFigure
from gongkai.cases.report import compute_report
from gongkai.errors import RegisterError
from gongkai.model.template import OUTCOME_ROWS_2021, TABLE3_COLUMNS
from tests.cases.report_registers import AGENCY, D, app, decided, nonzero, records, register, values


def test_report_table3_2025_counted_by_hand() -> None:
    # 一: 6, 7 (natural persons; 5 is voided), 3 (commercial), 4 (legal service)
    # 二: 1 (natural person, decided 2025-01-05), 8 (research, withdrawn 2025-02-01), 9 (other, open since 2023)
    # closed in 2025: 1 granted, 7 unavailable_not_held (its earlier decision voided), 3 and 8 withdrawn → （六）3
    # 四: 6 (decided 2026), 4 (open), 9 (open)
    table = compute_report(register(), 2025).table3
    assert nonzero(table) == {
        ("new_received", "natural_person"): 2,
        ("new_received", "commercial_enterprise"): 1,
        ("new_received", "legal_service_org"): 1,
        ("new_received", "total"): 4,
        ("carried_over", "natural_person"): 1,
        ("carried_over", "research_institution"): 1,
        ("carried_over", "other_org"): 1,
        ("carried_over", "total"): 3,
        ("granted", "natural_person"): 1,
        ("granted", "total"): 1,
        ("unavailable_not_held", "natural_person"): 1,
        ("unavailable_not_held", "total"): 1,
        ("other_other", "commercial_enterprise"): 1,
        ("other_other", "research_institution"): 1,
        ("other_other", "total"): 2,
        ("total_processed", "natural_person"): 2,
        ("total_processed", "commercial_enterprise"): 1,
        ("total_processed", "research_institution"): 1,
        ("total_processed", "total"): 4,
        ("carried_forward", "natural_person"): 1,
        ("carried_forward", "legal_service_org"): 1,
        ("carried_forward", "other_org"): 1,
        ("carried_forward", "total"): 3,
    }
    assert records(table) == {
        ("new_received", "natural_person"): ("application:6", "application:7"),
        ("new_received", "commercial_enterprise"): ("application:3",),
        ("new_received", "legal_service_org"): ("application:4",),
        ("new_received", "total"): ("application:3", "application:4", "application:6", "application:7"),
        ("carried_over", "natural_person"): ("application:1",),
        ("carried_over", "research_institution"): ("application:8",),
        ("carried_over", "other_org"): ("application:9",),
        ("carried_over", "total"): ("application:1", "application:8", "application:9"),
        ("granted", "natural_person"): ("application:1",),
        ("granted", "total"): ("application:1",),
        ("unavailable_not_held", "natural_person"): ("application:7",),
        ("unavailable_not_held", "total"): ("application:7",),
        ("other_other", "commercial_enterprise"): ("application:3",),
        ("other_other", "research_institution"): ("application:8",),
        ("other_other", "total"): ("application:3", "application:8"),
        ("total_processed", "natural_person"): ("application:1", "application:7"),
        ("total_processed", "commercial_enterprise"): ("application:3",),
        ("total_processed", "research_institution"): ("application:8",),
        ("total_processed", "total"): ("application:1", "application:3", "application:7", "application:8"),
        ("carried_forward", "natural_person"): ("application:6",),
        ("carried_forward", "legal_service_org"): ("application:4",),
        ("carried_forward", "other_org"): ("application:9",),
        ("carried_forward", "total"): ("application:4", "application:6", "application:9"),
    }


def test_report_table3_has_every_2021_cell_as_a_number_with_its_raw_text() -> None:
    table = compute_report(register(), 2025).table3
    rows = ["new_received", "carried_over", *OUTCOME_ROWS_2021, "total_processed", "carried_forward"]
    assert list(table.rows) == rows
    for row in rows:
        assert list(table.rows[row]) == [c.key for c in TABLE3_COLUMNS]
        for cell in table.rows[row].values():
            assert cell.state == "number" and cell.raw == str(cell.value)
            assert cell.provenance is not None and cell.provenance.file == f"登记簿:{AGENCY}"
    zero = table.rows["granted"]["commercial_enterprise"]
    assert zero.value == 0 and zero.provenance is not None and zero.provenance.records == ()


def test_report_table3_2024_and_2026_counted_by_hand() -> None:
    t2024 = compute_report(register(), 2024).table3
    # 一: 1, 2 (natural persons), 8 (research); 二: 9; closed: 2 duplicate; 四: 1, 8, 9
    assert nonzero(t2024) == {
        ("new_received", "natural_person"): 2,
        ("new_received", "research_institution"): 1,
        ("new_received", "total"): 3,
        ("carried_over", "other_org"): 1,
        ("carried_over", "total"): 1,
        ("not_processed_duplicate", "natural_person"): 1,
        ("not_processed_duplicate", "total"): 1,
        ("total_processed", "natural_person"): 1,
        ("total_processed", "total"): 1,
        ("carried_forward", "natural_person"): 1,
        ("carried_forward", "research_institution"): 1,
        ("carried_forward", "other_org"): 1,
        ("carried_forward", "total"): 3,
    }
    t2026 = compute_report(register(), 2026).table3
    # 二: 4, 6, 9; closed: 6 partially granted; 四: 4, 9
    assert nonzero(t2026) == {
        ("carried_over", "natural_person"): 1,
        ("carried_over", "legal_service_org"): 1,
        ("carried_over", "other_org"): 1,
        ("carried_over", "total"): 3,
        ("partially_granted", "natural_person"): 1,
        ("partially_granted", "total"): 1,
        ("total_processed", "natural_person"): 1,
        ("total_processed", "total"): 1,
        ("carried_forward", "legal_service_org"): 1,
        ("carried_forward", "other_org"): 1,
        ("carried_forward", "total"): 2,
    }
    assert records(t2026)[("partially_granted", "natural_person")] == ("application:6",)


def test_report_table3_decision_dated_before_receipt_counts_on_the_day_of_receipt() -> None:
    # received 2025-01-03 with a decision mistyped as 2024-12-30: 2025's new and processed, nowhere in 2024
    slip = app("1", "natural_person", D(2025, 1, 3), decided("e1", D(2024, 12, 30), "granted"))
    reg = register(applications=(slip,))
    assert nonzero(compute_report(reg, 2024).table3) == {}
    assert nonzero(compute_report(reg, 2025).table3) == {
        ("new_received", "natural_person"): 1,
        ("new_received", "total"): 1,
        ("granted", "natural_person"): 1,
        ("granted", "total"): 1,
        ("total_processed", "natural_person"): 1,
        ("total_processed", "total"): 1,
    }


def test_report_table3_records_are_sorted_by_number_not_as_text() -> None:
    apps = tuple(app(str(i), "natural_person", D(2025, 3, i)) for i in (10, 2, 1))
    cell = compute_report(register(applications=apps), 2025).table3.rows["new_received"]["total"]
    assert cell.provenance is not None
    assert cell.provenance.records == ("application:1", "application:2", "application:10")


def test_report_table3_unknown_outcome_is_refused_with_e204() -> None:
    bad = app("1", "natural_person", D(2025, 3, 1), decided("e1", D(2025, 3, 5), "denied_total"))
    with pytest.raises(RegisterError) as exc:
        compute_report(register(applications=(bad,)), 2025)
    assert exc.value.code == "E204" and "2025-1" in exc.value.message


def test_report_table4_2025_counted_by_hand() -> None:
    # 复1 filed and upheld in 2025; 复2 filed 2024, corrected 2025-01-10; 复3 concluded 2024-12-31 (not counted);
    # 诉4 concluded 2026 → pending; 诉5 pending since 2023; 诉6 voided; 诉7 a result with no date → pending;
    # 复8 filed 2026 (not counted)
    table = compute_report(register(), 2025).table4
    assert values(table) == {
        ("administrative_review", "upheld"): 1,
        ("administrative_review", "corrected"): 1,
        ("administrative_review", "other"): 0,
        ("administrative_review", "pending"): 0,
        ("administrative_review", "total"): 2,
        ("litigation_direct", "upheld"): 0,
        ("litigation_direct", "corrected"): 0,
        ("litigation_direct", "other"): 0,
        ("litigation_direct", "pending"): 2,
        ("litigation_direct", "total"): 2,
        ("litigation_after_review", "upheld"): 0,
        ("litigation_after_review", "corrected"): 0,
        ("litigation_after_review", "other"): 0,
        ("litigation_after_review", "pending"): 1,
        ("litigation_after_review", "total"): 1,
    }
    assert records(table) == {
        ("administrative_review", "upheld"): ("review_case:1",),
        ("administrative_review", "corrected"): ("review_case:2",),
        ("administrative_review", "total"): ("review_case:1", "review_case:2"),
        ("litigation_direct", "pending"): ("review_case:4", "review_case:7"),
        ("litigation_direct", "total"): ("review_case:4", "review_case:7"),
        ("litigation_after_review", "pending"): ("review_case:5",),
        ("litigation_after_review", "total"): ("review_case:5",),
    }


def test_report_table4_2026_counts_the_case_concluded_that_year_under_its_result() -> None:
    # 诉4 other (2026-02-01); 诉5 and 诉7 still pending; 复8 filed 2026, pending
    assert records(compute_report(register(), 2026).table4) == {
        ("administrative_review", "pending"): ("review_case:8",),
        ("administrative_review", "total"): ("review_case:8",),
        ("litigation_direct", "other"): ("review_case:4",),
        ("litigation_direct", "pending"): ("review_case:7",),
        ("litigation_direct", "total"): ("review_case:4", "review_case:7"),
        ("litigation_after_review", "pending"): ("review_case:5",),
        ("litigation_after_review", "total"): ("review_case:5",),
    }


def test_report_table2_2025_counted_by_hand() -> None:
    # 规章: 1 issued 2025 (in force), 7 issued and abolished 2025
    # 规范性文件: 2 abolished 2025-06-30; 3 (2019) and 5 (abolished 2026) in force; 4 issued 2026; 6 voided
    # figures: licensing 120; penalty voided for 2025 (the 2024 one is another year) → blank; coercion none → blank;
    # fees 12.5 万元
    table = compute_report(register(), 2025).table2
    assert values(table) == {
        ("regulations", "issued"): 2,
        ("regulations", "abolished"): 1,
        ("regulations", "in_force"): 1,
        ("normative_documents", "issued"): 0,
        ("normative_documents", "abolished"): 1,
        ("normative_documents", "in_force"): 2,
        ("administrative_licensing", "decisions"): 120,
        ("administrative_penalty", "decisions"): None,
        ("administrative_coercion", "decisions"): None,
        ("administrative_fees", "amount_10k_yuan"): 12.5,
    }
    assert records(table) == {
        ("regulations", "issued"): ("document:1", "document:7"),
        ("regulations", "abolished"): ("document:7",),
        ("regulations", "in_force"): ("document:1",),
        ("normative_documents", "abolished"): ("document:2",),
        ("normative_documents", "in_force"): ("document:3", "document:5"),
        ("administrative_licensing", "decisions"): ("figure:1",),
        ("administrative_fees", "amount_10k_yuan"): ("figure:4",),
    }
    for row in ("administrative_penalty", "administrative_coercion"):
        blank = table.rows[row]["decisions"]
        assert blank.state == "blank" and blank.raw == "" and blank.value is None
    assert table.rows["administrative_fees"]["amount_10k_yuan"].raw == "12.5"
    assert table.rows["administrative_licensing"]["decisions"].raw == "120"


def test_report_table2_2024_uses_that_years_figure() -> None:
    table = compute_report(register(), 2024).table2
    assert table.rows["administrative_penalty"]["decisions"].value == 40
    # in force at 2024-12-31: 2 (abolished 2025), 3, 5
    assert values(table)[("normative_documents", "in_force")] == 3


def test_report_table2_figure_entered_twice_for_the_year_is_refused_with_e204() -> None:
    twice = YearFigure("9", AGENCY, 2025, "administrative_licensing.decisions", Decimal(3))
    with pytest.raises(RegisterError) as exc:
        compute_report(register(figures=(*register().figures, twice)), 2025)
    assert exc.value.code == "E204"


def test_report_metadata_is_the_agencys_for_the_year() -> None:
    report = compute_report(register(), 2025)
    meta = report.metadata
    assert report.format == "2021" and report.source_format == "cases"
    assert report.source_file == f"登记簿:{AGENCY}"
    assert meta.title == "某市某局2025年政府信息公开工作年度报告"
    assert (meta.agency, meta.agency_kind, meta.year) == (AGENCY, "department", 2025)
    assert (meta.period_start, meta.period_end) == (D(2025, 1, 1), D(2025, 12, 31))
