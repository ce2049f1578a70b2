"""Cell parsing never guesses: numbers, blanks, markers and text stay distinct."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.api import check_path
from gongkai.model.numbers import parse_cell


@pytest.mark.parametrize(
    ("raw", "state", "value", "note"),
    [
        ("12", "number", 12, None),
        ("１２", "number", 12, None),
        (" 1,356 ", "number", 1356, None),
        ("4068.208", "number", 4068.208, None),
        ("22（其中修订16件）", "number", 22, "其中修订16件"),
        ("55 (含自然失效 29 件)", "number", 55, "含自然失效29件"),
        ("251000元", "number", 251000, "元"),
        ("", "blank", None, None),
        ("\u3000", "blank", None, None),
        ("/", "marker", None, None),
        ("—", "marker", None, None),
        ("约5", "text", None, None),
        ("5件左右", "text", None, None),
        ("1.2.3", "text", None, None),
    ],
)
def test_numbers_parse_cell(raw: str, state: str, value: object, note: object) -> None:
    parsed = parse_cell(raw)
    assert (parsed.state, parsed.value, parsed.note) == (state, value, note)


@pytest.mark.parametrize(
    ("raw", "state", "value"),
    [
        ("9" * 15, "number", 10**15 - 1),
        ("9" * 16, "text", None),
        ("1" * 4301, "text", None),
        ("1" * 5000 + "（其中修订3件）", "text", None),
        ("1" * 5000 + "元", "text", None),
        ("123456789012.345", "number", 123456789012.345),
        ("1234567890123.456", "text", None),
    ],
)
def test_numbers_more_than_15_digits_are_text_and_never_raise(raw: str, state: str, value: object) -> None:
    parsed = parse_cell(raw)
    assert (parsed.state, parsed.value) == (state, value)


def test_a_report_with_a_cell_of_4301_digits_is_read_and_the_cell_reported(tmp_path: Path) -> None:
    """Fuzz case 03: a table cell of 4301 digits in a text report (was ValueError, E108)."""
    sample = Path(__file__).resolve().parents[2] / "samples" / "002_3e5507a8093b4360.txt"
    lines = sample.read_text(encoding="utf-8").split("\n")
    assert lines[103] == "一、本年新收政府信息公开申请数量" and lines[105] == "30"
    lines[105] = "9" * 4301
    path = tmp_path / "r.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = check_path(path)
    assert result.status == "ok" and result.report is not None
    cell = result.report.table3.cell("new_received", "natural_person")
    assert cell is not None and cell.state != "number"  # no number is made of it
    [finding] = [f for f in result.findings if f.code == "S112"]
    assert finding.location.row == "new_received" and "无法确定各数所属列" in finding.message
    assert all(len(f.message) < 500 for f in result.findings)
