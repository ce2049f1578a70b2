"""Structured input: the JSON ``gongkai extract`` prints, or JSON/YAML written by hand."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from gongkai.api import read_report
from gongkai.errors import InputError
from gongkai.readers.structured import looks_structured, report_from_data
from gongkai.render.json import report_to_json
from gongkai.write.compare import differences
from tests.factories import make_report

SEED = Path("samples/000_531ecae6516f2ca1.txt")


def test_structured_extract_json_is_valid_input_and_loads_identically(tmp_path: Path) -> None:
    original = read_report(SEED)
    path = tmp_path / "seed.json"
    path.write_text(json.dumps(report_to_json(original), ensure_ascii=False), encoding="utf-8")
    loaded = read_report(path)
    assert loaded.source_format == "text"  # the extract JSON of a printed report is that printed report
    assert differences(original, loaded) == []
    assert [(ln.text, ln.section, ln.provenance.line) for ln in loaded.lines] == [
        (ln.text, ln.section, ln.provenance.line) for ln in original.lines
    ]


def test_structured_yaml_with_chinese_dates_and_string_cells(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "metadata:\n  agency: 某县人民政府\n  year: 2024\n  signature_date: 2025年1月20日\n"
        "  period_start: 2024-01-01\n"
        "sections:\n  other_matters: 本年度未收取信息处理费。\n"
        "table2:\n  regulations: {issued: '1,200', abolished: '/', in_force: null}\n",
        encoding="utf-8",
    )
    report = read_report(path)
    assert report.source_format == "yaml"
    assert report.metadata.signature_date == dt.date(2025, 1, 20)
    assert report.metadata.period_start == dt.date(2024, 1, 1)
    assert report.metadata.agency_kind == "government"
    cells = report.table2.rows["regulations"]
    assert (cells["issued"].value, cells["abolished"].state, cells["in_force"].state) == (1200, "marker", "blank")
    assert report.table2.found and not report.table3.found
    section = report.section(6)
    assert section is not None and section.title == "六、其他需要报告的事项"
    assert [ln.text for ln in report.lines] == ["六、其他需要报告的事项", "本年度未收取信息处理费。"]


def test_structured_every_bad_key_and_value_is_listed_with_its_path() -> None:
    data = report_to_json(make_report())
    data["table3"]["new_recieved"] = data["table3"].pop("new_received")
    data["table3"]["granted"]["natural_persons"] = 3
    data["table4"]["administrative_review"]["upheld"] = True
    data["metadata"]["signature_date"] = 20250120
    data["colour"] = "red"
    with pytest.raises(InputError) as info:
        report_from_data(data, "r.json")
    assert info.value.code == "E117"
    message = info.value.message
    assert message.startswith("结构化报告有 5 处错误")
    for where in (
        "table3.new_recieved：表三没有这一行",
        "table3.granted.natural_persons：“（一）予以公开”没有这一列",
        "table4.administrative_review.upheld：单元格应为数字、文字或 null",
        "metadata.signature_date：日期应为文字（如 2025-01-20 或 2025年1月20日），而不是“20250120”",
        "colour：未知的顶层字段",
    ):
        assert where in message


def test_structured_refuses_old_layout_rows_its_layout_does_not_declare() -> None:
    data = report_to_json(make_report())
    data["table3"]["other_total"] = {"total": 3}
    with pytest.raises(InputError) as info:
        report_from_data(data, "r.json")
    assert "“（六）其他处理”一行是旧版式" in info.value.message


def test_structured_old_layout_and_2019_rows_are_read_when_declared() -> None:
    data = report_to_json(make_report())
    for key in ("other_no_correction", "other_no_fee", "other_other"):
        del data["table3"][key]
    data["table3"]["other_total"] = {"natural_person": 1, "total": 1}
    data["table3"]["granted"]["legal_entity_subtotal"] = 3
    data["layout"] = {"table3": ["other_total_single_row", "legal_entity_subtotal_column"]}
    report = report_from_data(data, "r.json")
    assert report.table3.value("other_total", "total") == 1
    assert report.table3.value("granted", "legal_entity_subtotal") == 3
    data["format"] = "2019"
    data["table2"] = {"government_procurement": {"projects": 2, "amount": "251000元"}}
    report = report_from_data(data, "r.json")
    assert report.format == "2019" and report.table2.value("government_procurement", "amount") == 251000


def test_structured_unknown_format_is_named() -> None:
    data = {**report_to_json(make_report()), "format": "2031"}
    with pytest.raises(InputError) as info:
        report_from_data(data, "r.json")
    assert "format：应为“2021”" in info.value.message and "“2031”" in info.value.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [('{"table3": {}}', True), ("metadata:\n  year: 2024\n", True), ('{"a": 1}', False), ("一、总体情况\n", False)],
)
def test_structured_sniffing_by_content(text: str, expected: bool) -> None:
    assert looks_structured(text) is expected


def test_structured_malformed_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text('{"table3": {\n  "granted": ,\n}}', encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_report(path)
    assert info.value.code == "E117" and "第2行" in info.value.message


def test_structured_control_characters_are_refused_with_their_place() -> None:
    data = report_to_json(make_report())
    data["sections"]["overview"]["text"] = "本年度\x07共收到申请。"
    with pytest.raises(InputError) as info:
        report_from_data(data, "r.json")
    assert "sections.overview.text：含有不可打印的控制字符 U+0007（第4个字符）" in info.value.message


def test_structured_yaml_is_recognised_whatever_key_comes_first(tmp_path: Path) -> None:
    path = tmp_path / "r.yml"
    path.write_text("draft: true\nnotes: {}\nmetadata:\n  year: 2024\n", encoding="utf-8")
    assert read_report(path).source_format == "yaml"


def test_structured_extract_json_without_lines_is_data_as_before(tmp_path: Path) -> None:
    data = report_to_json(read_report(SEED))
    del data["lines"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    loaded = read_report(path)
    assert loaded.source_format == "json" and [ln.provenance.line for ln in loaded.lines][:1] == [None]
