"""Every bundled sample report, extracted cell for cell against values written by reading it."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.api import read_report
from gongkai.model import AnnualReport
from gongkai.model.template import TABLE3
from tests.extract.corpus_expected import EXPECTED

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
T3_COLUMNS = [c.key for c in TABLE3.columns]


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def case(request: pytest.FixtureRequest) -> tuple[str, AnnualReport]:
    name = request.param
    return name, read_report(SAMPLES / name)


def _values(row: dict[str, object]) -> list[object]:
    return [c.plain() for c in row.values()]  # type: ignore[attr-defined]


def test_extract_corpus_every_sample_is_listed() -> None:
    assert sorted(p.name for p in SAMPLES.iterdir()) == sorted(EXPECTED)


def test_extract_corpus_format_and_sections(case: tuple[str, AnnualReport]) -> None:
    assert case[1].template == EXPECTED[case[0]].get("template", False)
    name, report = case
    exp = EXPECTED[name]
    assert report.format == exp["format"]
    assert [s.number for s in report.sections] == exp["sections"]


def test_extract_corpus_metadata(case: tuple[str, AnnualReport]) -> None:
    name, report = case
    for field, value in EXPECTED[name]["meta"].items():
        assert getattr(report.metadata, field) == value, field


def test_extract_corpus_table2(case: tuple[str, AnnualReport]) -> None:
    name, report = case
    exp = EXPECTED[name]["table2"]
    assert list(report.table2.rows) == list(exp)
    for key, values in exp.items():
        assert _values(report.table2.rows[key]) == values, key
    for (table, row), raw in EXPECTED[name].get("raw_cells", {}).items():
        assert report.table(table).row_evidence[row].raw_cells == raw


def test_extract_corpus_table3(case: tuple[str, AnnualReport]) -> None:
    name, report = case
    exp = EXPECTED[name]
    table = report.table3
    absent = set(exp.get("table3_absent", []))
    for row in TABLE3.rows:
        if row.key in absent:
            assert row.key not in table.rows
            continue
        if row.key not in exp["table3"] and row.optional:
            assert row.key not in table.rows, row.key
            continue
        if row.key in exp["table3"]:
            expected = exp["table3"][row.key]
        elif exp.get("blank_default"):
            expected = [None] * 7
        elif exp.get("org_blank"):
            expected = [0, None, None, None, None, None, 0]
        else:
            expected = [0] * 7
        assert list(table.rows[row.key]) == T3_COLUMNS, row.key
        assert _values(table.rows[row.key]) == expected, row.key
    placed_by_order = sorted(k for k, ev in table.row_evidence.items() if ev.match == "position")
    assert placed_by_order == sorted(exp.get("position", []))
    assert [u.raw_cells for u in table.unplaced if u.raw_cells != ["-"] * len(u.raw_cells)] == exp.get(
        "unplaced", {}
    ).get("table3", [])


def test_extract_corpus_table4(case: tuple[str, AnnualReport]) -> None:
    name, report = case
    exp = EXPECTED[name]["table4"]
    assert list(report.table4.rows) == list(exp)
    for key, values in exp.items():
        assert _values(report.table4.rows[key]) == values, key


def test_extract_corpus_provenance_points_at_the_printed_cell() -> None:
    seed = read_report(SAMPLES / "002_3e5507a8093b4360.txt")
    cell = seed.table3.rows["new_received"]["total"]
    assert cell.raw == "31" and cell.provenance is not None and cell.provenance.line == 118
    tab = read_report(SAMPLES / "001_6f73e57e54ca5cf9.txt").table3.rows["unavailable_not_held"]["natural_person"]
    assert tab.provenance is not None and (tab.provenance.line, tab.provenance.column) == (68, 4)
    html = read_report(SAMPLES / "city-sample-2025.html").table3.rows["new_received"]["natural_person"]
    assert html.provenance is not None
    assert (html.provenance.table, html.provenance.row, html.provenance.column) == (2, 4, 2)


def test_extract_corpus_annotated_cell_keeps_annotation() -> None:
    report = read_report(SAMPLES / "shanghai-government-office-2019.html")
    cell = report.table2.rows["government_procurement"]["amount"]
    assert (cell.raw, cell.value, cell.note) == ("251000元", 251000, "元")


def test_extract_corpus_pasted_plan_does_not_end_section_one() -> None:
    report = read_report(SAMPLES / "000_531ecae6516f2ca1.txt")
    one = report.section(1)
    assert one is not None and "二、工作任务" in one.text and "指导思想" in one.text
    two = report.section(2)
    assert two is not None and two.title == "二、主动公开政府信息情况"


def test_extract_corpus_misnumbered_sections_are_recognised_by_title() -> None:
    report = read_report(SAMPLES / "shanghai-science-commission-2024.md")
    assert [(s.number, s.printed_number) for s in report.sections] == [
        (1, "一"),
        (2, "一"),
        (3, "二"),
        (4, "三"),
        (6, "五"),
    ]


def test_extract_corpus_column_labels_of_the_seeds() -> None:
    for name in ("000_531ecae6516f2ca1.txt", "002_3e5507a8093b4360.txt", "003_e59e1557e310bd98.txt"):
        evidence = read_report(SAMPLES / name).table3.column_evidence
        assert {k: e.match for k, e in evidence.items()} == dict.fromkeys(T3_COLUMNS, "exact"), name
    repeated = read_report(SAMPLES / "001_6f73e57e54ca5cf9.txt").table3.column_evidence
    assert (repeated["social_welfare_org"].match, repeated["social_welfare_org"].printed_label) == (
        "variant",
        "社会组织",
    )


def test_extract_corpus_single_line_html_locates_paragraphs() -> None:
    report = read_report(SAMPLES / "shanghai-government-office-2019.html")
    heading = report.section(2)
    assert heading is not None and heading.provenance is not None
    assert heading.provenance.describe().endswith("段")
    cell = report.table3.rows["new_received"]["natural_person"]
    assert cell.provenance is not None and cell.provenance.describe() == "表格2第4行第2格"
