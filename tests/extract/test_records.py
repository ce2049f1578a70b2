"""Records: a line of label and numbers is split where the label ends, never inside a number."""

from __future__ import annotations

from gongkai.extract.records import split_row
from gongkai.model import Provenance
from gongkai.readers.raw import RawCell, RawRow


def _split(text: str) -> tuple[list[str], list[str]]:
    labels, values = split_row(RawRow([RawCell(text, Provenance(file="f", line=1))], "text"))
    return labels, [v.text for v in values]


def test_records_label_and_numbers_without_a_space_between() -> None:
    # a browser-printed PDF's text layer: "行政规范性文件564 984 4185"
    assert _split("行政规范性文件564 984 4185") == (["行政规范性文件"], ["564", "984", "4185"])
    assert _split("规章 3 5 74") == (["规章"], ["3", "5", "74"])


def test_records_numbers_run_together_stay_one_value() -> None:
    assert _split("行政许可 11398889") == (["行政许可"], ["11398889"])
    assert _split("一、本年新收政府信息公开申请数量 713000074") == (["一、本年新收政府信息公开申请数量"], ["713000074"])


def test_records_prose_and_dates_are_not_rows() -> None:
    assert _split("电话0535-7213287") == (["电话0535-7213287"], [])
    assert _split("共受理申请31件。") == (["共受理申请31件。"], [])
