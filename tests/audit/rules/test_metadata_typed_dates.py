"""M106 on dates typed in a date field (structured data, the workbook): kept as typed, named where typed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.api import check_path, write_report
from gongkai.audit.rules.metadata.impossible_date import ImpossibleDate
from gongkai.model import Provenance
from gongkai.render.json import report_to_json
from tests.factories import make_report


def _data(**metadata: object) -> dict[str, object]:
    data = {**report_to_json(make_report()), "source": {"file": "r.json", "format": "json"}}
    data["metadata"] = {**data["metadata"], **metadata}  # type: ignore[dict-item]
    return data


def test_m106_names_the_key_path_and_why() -> None:
    report = make_report(signature_date=None, typed_dates={"signature_date": "2025年2月30日"})
    [f] = list(ImpossibleDate().check(report))
    assert f.message == "成文日期（metadata.signature_date）填写为“2025年2月30日”，2025年2月只有28日"
    assert f.location.part == "metadata" and f.severity.value == "error"


def test_m106_names_the_workbook_cell() -> None:
    prov = Provenance(file="r.xlsx", sheet="基本信息", cell="C6", row=6, column=3)
    report = make_report(period_end=None, typed_dates={"period_end": "明年"})
    report.metadata.provenance["period_end"] = prov
    [f] = list(ImpossibleDate().check(report))
    assert f.message.startswith("统计期限截止日期工作表“基本信息”C6单元格填写为“明年”，无法识别为日期")
    assert f.location.source == prov


def test_m106_quotes_a_long_typed_date_shortened() -> None:
    report = make_report(signature_date=None, typed_dates={"signature_date": "某" * 150})
    [f] = list(ImpossibleDate().check(report))
    assert "…（共150字）" in f.message and len(f.message) < 160


@pytest.mark.parametrize("typed", ["2025年2月30日", "2025-02-30"])
def test_typed_impossible_date_blocks_a_final_and_is_printed_as_typed_in_a_draft(tmp_path: Path, typed: str) -> None:
    source = tmp_path / "r.json"
    source.write_text(json.dumps(_data(signature_date=typed), ensure_ascii=False), encoding="utf-8")
    result = check_path(source)
    assert result.status == "ok" and [f.code for f in result.findings if f.severity.value == "error"] == ["M106"]
    final = write_report(source, [tmp_path / "final.md"])
    assert final.refused and not (tmp_path / "final.md").exists()
    draft = write_report(source, [tmp_path / "draft.md", tmp_path / "draft.json"], draft=True)
    assert draft.written and typed in (tmp_path / "draft.md").read_text(encoding="utf-8")
    again = json.loads((tmp_path / "draft.json").read_text(encoding="utf-8"))
    assert again["metadata"]["signature_date"] == typed


def test_chinese_numeral_dates_are_read_not_reported(tmp_path: Path) -> None:
    source = tmp_path / "r.json"
    data = _data(signature_date="二〇二五年一月二十日", period_start="二〇二四年一月一日")
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = check_path(source)
    assert result.report is not None and str(result.report.metadata.signature_date) == "2025-01-20"
    assert [f for f in result.findings if f.code == "M106"] == []
