"""Every corpus report's extract JSON is checked like the report itself.

``gongkai extract X > X.json; gongkai check X.json`` gives the findings of
``gongkai check X``: the same codes, parts, rows, columns and messages, located at the
same places of the source (the JSON carries the format, the layout traits, the
printed-label evidence, the text lines and the positions).  Older layouts (（六） as one
row) and the 2019 trial format included; writing them is refused (E120).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.api import check_path, write_report
from gongkai.audit import Finding
from gongkai.errors import InputError
from gongkai.model import AnnualReport
from gongkai.render.json import report_to_json
from gongkai.write import render
from tests.write_strategies import reports

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").iterdir())


def _key(f: Finding) -> tuple[str, str, str | None, str | None, str, str]:
    return (f.code, f.location.part, f.location.row, f.location.column, f.message, f.location.describe())


def _extract_json(path: Path, tmp_path: Path) -> Path:
    result = check_path(path, timeout=None)
    assert result.report is not None, result.errors
    out = tmp_path / f"{path.name}.json"
    out.write_text(json.dumps(report_to_json(result.report), ensure_ascii=False), encoding="utf-8")
    return out


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_extract_json_checks_like_its_source(path: Path, tmp_path: Path) -> None:
    original = check_path(path, timeout=None)
    again = check_path(_extract_json(path, tmp_path), timeout=None)
    assert again.status == "ok", again.errors
    assert sorted(map(_key, again.findings)) == sorted(map(_key, original.findings))


def test_samples_cover_the_corpus() -> None:
    names = {p.name for p in SAMPLES}
    assert {"hongze-district-2023.pdf", "shanghai-government-office-2019.html"} <= names and len(names) == 15


@pytest.mark.parametrize(
    ("name", "named"),
    [
        ("shanghai-government-office-2019.html", "2019年试行格式"),
        ("hongze-district-2024.pdf", "（六）其他处理”印为一行"),
    ],
)
def test_writing_a_format_gongkai_cannot_print_is_refused_naming_it(name: str, named: str, tmp_path: Path) -> None:
    source = Path(__file__).resolve().parents[2] / "samples" / name
    for path in (source, _extract_json(source, tmp_path)):
        with pytest.raises(InputError) as info:
            write_report(path, [tmp_path / "out.docx"], draft=True)
        assert info.value.code == "E120" and named in info.value.message
        assert "gongkai 只能按2021年格式（国办公开办函〔2021〕30号）生成报告" in info.value.message
    assert not (tmp_path / "out.docx").exists()


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(report=reports(), suffix=st.sampled_from([".md", ".html"]))
def test_random_printed_reports_check_like_their_extract_json(
    report: AnnualReport, suffix: str, tmp_path: Path
) -> None:
    source = tmp_path / f"r{suffix}"
    source.write_bytes(render(report, suffix))
    original = check_path(source, timeout=None)
    again = check_path(_extract_json(source, tmp_path), timeout=None)
    assert again.status == "ok", again.errors
    assert sorted(map(_key, again.findings)) == sorted(map(_key, original.findings))
