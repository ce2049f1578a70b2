"""Placeholders in section texts are filled from the report's own cells."""

from __future__ import annotations

from gongkai.model.placeholders import Unresolved, fill, fill_report, resolve
from tests.factories import make_report, set_cell


def test_fill_replaces_cells_and_metadata() -> None:
    report = make_report()
    text, left = fill(
        report, "{metadata.year}年收到申请{table3.new_received.total}件，{ table3.granted.total }件予以公开。"
    )
    assert (text, left) == ("2024年收到申请24件，13件予以公开。", [])


def test_fill_formats_dates_and_amounts_as_printed() -> None:
    report = set_cell(make_report(), "table2", "administrative_fees", "amount_10k_yuan", 0.35)
    text, _ = fill(report, "收费{table2.administrative_fees.amount_10k_yuan}万元，期末{metadata.period_end}。")
    assert text == "收费0.35万元，期末2024年12月31日。"


def test_unresolvable_placeholders_stay_as_written() -> None:
    report = set_cell(make_report(), "table3", "granted", "total", None)
    text, left = fill(report, "予以公开{table3.granted.total}件，{table3.granted.everyone}。")
    assert text == "予以公开{table3.granted.total}件，{table3.granted.everyone}。"
    assert left == [
        Unresolved("{table3.granted.total}", "引用的单元格没有数字"),
        Unresolved("{table3.granted.everyone}", "表三“（一）予以公开”没有列“everyone”"),
    ]


def test_resolve_rejects_unknown_metadata_fields() -> None:
    got = resolve(make_report(), "{metadata.mayor}")
    assert isinstance(got, Unresolved) and got.reason.startswith("没有这个字段")


def test_fill_report_fills_preamble_and_sections_in_place() -> None:
    report = make_report()
    report.preamble = "统计期限自{metadata.period_start}起。"
    section = report.section(6)
    assert section is not None
    section.text = "结转{table3.carried_forward.total}件。"
    assert fill_report(report) == []
    assert report.preamble == "统计期限自2024年1月1日起。"
    assert section.text == "结转2件。"
