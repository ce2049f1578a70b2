"""Structured input within bounds: every hostile or broken JSON/YAML ends in E117 (or is read), never a crash.

The cases are those of the fuzzing report (``shared/fuzz/README.md``), rebuilt here.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from gongkai.api import check_path, read_report
from gongkai.errors import InputError
from gongkai.readers.structured_load import MAX_DEPTH, MAX_NODES
from gongkai.render.json import report_to_json
from tests.factories import make_report

ALIAS_BOMB = """metadata:
  title: x
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def data_json() -> dict[str, Any]:
    """A complete report as data (not the extract of a printed report)."""
    return {**report_to_json(make_report()), "source": {"file": "r.json", "format": "json"}}


def load_error(tmp_path: Path, name: str, content: str | bytes) -> InputError:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_report(path)
    return info.value


def test_structured_json_cell_of_5000_digits_names_its_key_path(tmp_path: Path) -> None:
    text = json.dumps(data_json(), ensure_ascii=False).replace(
        '"natural_person": 20', '"natural_person": ' + "9" * 5000
    )
    err = load_error(tmp_path, "r.json", text)
    assert err.code == "E117"
    assert (
        "table3.new_received.natural_person：“99999" in err.message
        and "数字位数过多（5000位，最多15位）" in err.message
    )
    assert len(err.message) < 300


def test_structured_yaml_cell_of_5000_digits_names_its_key_path(tmp_path: Path) -> None:
    err = load_error(tmp_path, "r.yaml", "metadata:\n  year: 2024\ntable3:\n  new_received:\n    total: " + "9" * 5000)
    assert err.code == "E117" and "table3.new_received.total：" in err.message and "5000位" in err.message


def test_structured_16_digit_number_is_refused_15_digits_read(tmp_path: Path) -> None:
    data = data_json()
    data["table2"]["administrative_licensing"]["decisions"] = 10**15
    err = load_error(tmp_path, "r.json", json.dumps(data))
    assert "table2.administrative_licensing.decisions" in err.message
    data["table2"]["administrative_licensing"]["decisions"] = 10**15 - 1
    (tmp_path / "ok.json").write_text(json.dumps(data), encoding="utf-8")
    assert read_report(tmp_path / "ok.json").table2.value("administrative_licensing", "decisions") == 10**15 - 1


@pytest.mark.parametrize(
    ("token", "why"), [("NaN", "不是有限的数"), ("Infinity", "不是有限的数"), ("1e400", "数值超出范围")]
)
def test_structured_json_cells_must_be_finite_numbers(tmp_path: Path, token: str, why: str) -> None:
    text = json.dumps(data_json(), ensure_ascii=False).replace('"natural_person": 20', f'"natural_person": {token}')
    err = load_error(tmp_path, "r.json", text)
    assert err.code == "E117" and f"table3.new_received.natural_person：“{token}”{why}" in err.message


def test_structured_yaml_infinite_cell_is_refused(tmp_path: Path) -> None:
    err = load_error(tmp_path, "r.yaml", "metadata:\n  year: 2024\ntable3:\n  new_received:\n    total: .inf\n")
    assert err.code == "E117" and "table3.new_received.total" in err.message


def test_structured_yaml_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    start = time.perf_counter()
    err = load_error(tmp_path, "bomb.yaml", ALIAS_BOMB)
    assert time.perf_counter() - start < 2
    assert err.code == "E117" and f"超过 {MAX_NODES} 个" in err.message


def test_structured_yaml_aliases_within_the_bound_are_expanded(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "metadata:\n  year: 2024\ntable2:\n  regulations: &zero {issued: 0, abolished: 0, in_force: 0}\n"
        "  normative_documents: *zero\n",
        encoding="utf-8",
    )
    assert read_report(path).table2.value("normative_documents", "in_force") == 0


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("deep.json", '{"table3": ' + "[" * 990 + "]" * 990 + "}", f"嵌套超过 {MAX_DEPTH} 层"),
        ("deep.yaml", "metadata: " + "[" * 20000 + "]" * 20000 + "\n", f"嵌套超过 {MAX_DEPTH} 层"),
        ("deep_block.yaml", "metadata:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 40)), "嵌套超过"),
        ("self.yaml", "metadata: &a\n  title: x\n  self: *a\ntable3: {}\n", "循环引用"),
    ],
)
def test_structured_deep_nesting_is_e117_in_chinese(tmp_path: Path, name: str, content: str, expected: str) -> None:
    err = load_error(tmp_path, name, content)
    assert err.code == "E117" and expected in err.message


@pytest.mark.parametrize("key", ["period_end", "signature_date"])
@pytest.mark.parametrize("typed", ["2024-02-30", "2025-13-01"])
def test_structured_yaml_impossible_date_is_kept_as_typed_and_reported(tmp_path: Path, key: str, typed: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(f"metadata:\n  year: 2024\n  {key}: {typed}\ntable3: {{}}\n", encoding="utf-8")
    result = check_path(path)
    assert result.status == "ok" and result.report is not None
    assert result.report.metadata.typed_dates == {key: typed} and getattr(result.report.metadata, key) is None
    [finding] = [f for f in result.findings if f.code == "M106"]
    assert finding.severity.value == "error" and f"（metadata.{key}）填写为“{typed}”" in finding.message


def test_structured_yaml_dates_are_read_as_typed_not_as_timestamps(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "metadata:\n  year: 2024\n  period_start: 2024-01-01\n  period_end: !!timestamp 2024-12-31\n"
        "  signature_date: 二〇二五年一月二十日\ntable3: {}\n",
        encoding="utf-8",
    )
    m = read_report(path).metadata
    assert (str(m.period_start), str(m.period_end), str(m.signature_date)) == ("2024-01-01", "2024-12-31", "2025-01-20")
    assert m.typed_dates == {}


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_structured_json_with_a_bom_is_read(tmp_path: Path, codec: str) -> None:
    text = json.dumps(data_json(), ensure_ascii=False)
    bom = {"utf-16-be": b"\xfe\xff"}.get(codec, b"")
    path = tmp_path / "r.json"
    path.write_bytes(bom + text.encode(codec))
    report = read_report(path)
    assert report.source_format == "json" and report.metadata.agency == "某市某局"


def test_structured_yaml_utf16_with_a_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes("metadata:\n  agency: 某县人民政府\n  year: 2024\n".encode("utf-16"))
    assert read_report(path).metadata.agency == "某县人民政府"


def test_structured_utf16_with_bad_bytes_is_e117_naming_the_encoding(tmp_path: Path) -> None:
    good = '{"metadata": {"year": 2024},\n "preamble": "x'.encode("utf-16-le")
    err = load_error(tmp_path, "r.json", b"\xff\xfe" + good + b"\x00\xd8\x41\x00" + '"}'.encode("utf-16-le"))
    assert err.code == "E117" and "UTF-16" in err.message and "第2行" in err.message


@pytest.mark.parametrize(("key", "length"), [("agency", 256), ("title", 300), ("agency", 2_000_000)])
def test_structured_long_metadata_is_refused_with_a_short_quote(tmp_path: Path, key: str, length: int) -> None:
    data = data_json()
    data["metadata"][key] = "某" * length
    err = load_error(tmp_path, "r.json", json.dumps(data, ensure_ascii=False))
    assert err.code == "E117" and f"metadata.{key}：过长（{length}字，最多200字）" in err.message
    assert len(err.message) < 200


def test_structured_bounds_on_text_lines_and_unplaced_rows(tmp_path: Path) -> None:
    data = data_json()
    data["sections"]["overview"]["text"] = "长" * 50_001
    data["preamble"] = "\n".join(["段落"] * 1_001)
    data["unplaced"] = {"table3": [{"labels": [], "raw_cells": ["1"], "reason": "x"}] * 501}
    message = load_error(tmp_path, "r.json", json.dumps(data, ensure_ascii=False)).message
    assert "sections.overview：文字过长（50001字，最多50000字）" in message
    assert "preamble：段落过多（1001段，最多1000段）" in message
    assert "unplaced.table3：应为 table2/table3/table4 下不超过500行的列表" in message


def test_structured_bound_on_the_whole_text(tmp_path: Path) -> None:
    data = data_json()
    for key in ("overview", "proactive_disclosure", "applications"):
        data["sections"][key]["text"] = "长" * 40_000
    message = load_error(tmp_path, "r.json", json.dumps(data, ensure_ascii=False)).message
    assert "sections：正文共" in message and "超过上限100000字" in message


def test_structured_too_many_values_is_e117(tmp_path: Path) -> None:
    data = data_json()
    data["provenance"] = {f"k{i}": {"line": i} for i in range(MAX_NODES)}
    err = load_error(tmp_path, "r.json", json.dumps(data))
    assert err.code == "E117" and f"超过 {MAX_NODES} 个" in err.message


def test_structured_yaml_control_character_is_e117_naming_it(tmp_path: Path) -> None:
    """Found by the fuzz harness: PyYAML's reader refuses control characters before parsing (was E108)."""
    err = load_error(
        tmp_path, "r.yaml", "\x01chema_version: 1\nmetadata:\n  title: 某市某局2024年政府信息公开工作年度报告\n"
    )
    assert err.code == "E117"
    assert err.message == "YAML 含有不允许的控制字符 U+0001（第1个字符）"
