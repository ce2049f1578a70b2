from __future__ import annotations

import json

from gongkai.model.template import TABLE2, TABLE3, TABLE4
from gongkai.render.json import report_to_json, results_to_json
from tests.factories import make_report, set_cell
from tests.render.helpers import sample_results


def test_report_to_json_uses_template_keys_and_plain_values() -> None:
    report = set_cell(make_report(), "table3", "granted", "natural_person", None, raw="/")
    data = report_to_json(report)
    assert list(data["table2"]) == [r.key for r in TABLE2.rows]
    assert list(data["table3"]) == [r.key for r in TABLE3.rows if not r.optional]
    assert list(data["table4"]) == [r.key for r in TABLE4.rows]
    assert data["table3"]["granted"]["natural_person"] == "/"
    assert data["table3"]["granted"]["commercial_enterprise"] == 2
    assert data["table3"]["new_received"]["total"] == 24


def test_report_to_json_dates_are_iso_and_provenance_positions_only() -> None:
    data = report_to_json(make_report())
    assert data["metadata"]["signature_date"] == "2025-01-20"
    assert data["metadata"]["period_start"] == "2024-01-01"
    prov = data["provenance"]["table3.new_received.total"]
    assert set(prov) == {"line", "column"}
    assert data["format"] == "2021"
    assert data["source"] == {"file": "fixture.txt", "format": "text"}
    assert list(data["sections"]) == [
        "overview",
        "proactive_disclosure",
        "applications",
        "review_litigation",
        "problems",
        "other_matters",
    ]
    json.dumps(data, ensure_ascii=False)


def test_report_to_json_omits_missing_sections_and_keeps_unplaced_rows() -> None:
    from gongkai.model import Provenance, UnplacedRow

    report = make_report()
    report.sections = [s for s in report.sections if s.number != 6]
    report.table3.unplaced.append(
        UnplacedRow(labels=["其他"], raw_cells=["1", "2"], reason="无法对应", provenance=Provenance(file="f", line=7))
    )
    data = report_to_json(report)
    assert "other_matters" not in data["sections"]
    assert data["unplaced"] == {
        "table3": [{"labels": ["其他"], "raw_cells": ["1", "2"], "reason": "无法对应", "line": 7}]
    }


def test_results_to_json_summary_and_locations() -> None:
    data = results_to_json(sample_results())
    assert data["summary"] == {"files": 2, "ok": 1, "partial": 0, "failed": 1, "errors": 1, "warnings": 1, "infos": 1}
    first, failed = data["reports"]
    assert failed["errors"] == [{"code": "E103", "message": "文件为空"}]
    loc = first["findings"][0]["location"]
    assert loc["part"] == "table3" and loc["line"] == 89 and loc["cell_column"] == 8
    assert "第89行" in loc["description"]
    assert first["findings"][2]["location"]["page"] == 2
    json.dumps(data, ensure_ascii=False)
