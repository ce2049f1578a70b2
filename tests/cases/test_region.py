"""A supervisor's region report: its agencies' computed reports summed cell by cell, records united."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.audit import audit, select_rules
from gongkai.cases.records import Application, Event, Register, YearFigure
from gongkai.cases.region import sum_reports
from gongkai.cases.report import compute_report
from gongkai.errors import RegisterError
from gongkai.model import AnnualReport
from gongkai.write.scaffold import scaffold
from tests.cases.report_registers import APPLICATIONS, FEE_APPLICATIONS, D, decided, records, register, values

OTHER = "某市另一局"
REGION = "某市人民政府"


def _first() -> AnnualReport:
    return compute_report(register(applications=APPLICATIONS + FEE_APPLICATIONS), 2025)


def _second(year: int = 2025) -> AnnualReport:
    paid = Application(
        id="31",
        agency=OTHER,
        number="B-1",
        applicant_type="natural_person",
        received=D(2025, 2, 2),
        events=(
            Event(id="b1", kind="fee_notice", on=D(2025, 2, 5), basis="pages", quantity=38, amount=80),
            Event(id="b2", kind="fee_paid", on=D(2025, 2, 7)),
            decided("b3", D(2025, 2, 10), "granted"),
        ),
    )
    figures = (
        YearFigure("32", OTHER, 2025, "administrative_penalty.decisions", Decimal(7)),
        YearFigure("33", OTHER, 2025, "administrative_fees.amount_10k_yuan", Decimal("0.3")),
    )
    return compute_report(Register(OTHER, applications=(paid,), figures=figures), year)


def test_region_sums_every_cell_and_unites_the_records() -> None:
    first, second = _first(), _second()
    region = sum_reports([first, second], REGION)
    t3 = region.table3
    # 一: the first agency's 7 (3, 4, 6, 7, 22, 23, 25) and the other's application 31
    assert t3.rows["new_received"]["total"].value == 8
    assert records(t3)[("new_received", "total")] == (
        "application:3",
        "application:4",
        "application:6",
        "application:7",
        "application:22",
        "application:23",
        "application:25",
        "application:31",
    )
    assert t3.rows["granted"]["natural_person"].value == 3  # 1, 21 and 31
    assert records(t3)[("granted", "natural_person")] == ("application:1", "application:21", "application:31")
    for row, cells in t3.rows.items():
        for col, cell in cells.items():
            assert cell.value == (first.table3.value(row, col) or 0) + (second.table3.value(row, col) or 0)
    assert values(region.table4) == values(first.table4)  # the other agency has no case
    assert [f for f in audit(region, select_rules(["A"])) if f.code.startswith("A")] == []


def test_region_table2_figures_blank_only_where_every_agency_left_them_blank() -> None:
    t2 = sum_reports([_first(), _second()], REGION).table2
    # licensing: 120 + blank; penalty: blank + 7; coercion: blank + blank; fees 12.5 + 0.3 万元
    assert values(t2)[("administrative_licensing", "decisions")] == 120
    assert values(t2)[("administrative_penalty", "decisions")] == 7
    assert values(t2)[("administrative_coercion", "decisions")] is None
    assert t2.rows["administrative_coercion"]["decisions"].state == "blank"
    fees = t2.rows["administrative_fees"]["amount_10k_yuan"]
    assert (fees.value, fees.raw) == (12.8, "12.8")
    assert records(t2)[("administrative_fees", "amount_10k_yuan")] == ("figure:4", "figure:33")
    assert records(t2)[("administrative_penalty", "decisions")] == ("figure:32",)
    assert values(t2)[("normative_documents", "in_force")] == 2  # the first agency's 3 and 5


def test_region_section6_states_all_the_fees_and_the_metadata_is_the_regions() -> None:
    region = sum_reports([_first(), _second()], REGION)
    six = region.section(6)
    assert six is not None
    # 350 元 from 2 applications, 80 元 from 1
    assert "本年度共对3件政府信息公开申请收取信息处理费，合计430元。" in six.text
    assert six.provenance is not None
    assert six.provenance.records == ("application:21", "application:25", "application:31")
    meta = region.metadata
    assert meta.title == "某市人民政府2025年政府信息公开工作年度报告"
    assert (meta.agency, meta.agency_kind, meta.year) == (REGION, "government", 2025)
    assert region.source_file == "登记簿:某市人民政府" and region.source_format == "cases"


def test_region_section6_keeps_the_mark_when_an_agency_states_no_fee_sentence() -> None:
    region = sum_reports([_first(), scaffold(2025, OTHER)], REGION)
    six = region.section(6)
    assert six is not None and "【待填写：未收取信息处理费" in six.text
    assert region.table3.rows["new_received"]["total"].value == 7  # the scaffold's blanks add nothing


def test_region_of_reports_of_different_years_or_none_is_refused_with_e204() -> None:
    with pytest.raises(RegisterError) as exc:
        sum_reports([_first(), _second(2024)], REGION)
    assert exc.value.code == "E204" and "2024年、2025年" in exc.value.message
    with pytest.raises(RegisterError) as exc:
        sum_reports([], REGION)
    assert exc.value.code == "E204"
