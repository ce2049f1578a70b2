"""A row the reader did not find is said once, by a structure rule, and never counted as 0 in a sum."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.api import check_path
from gongkai.audit import Finding, audit
from gongkai.extract import extract
from gongkai.readers import read_bytes
from tests.extract.test_extract_roundtrip import consistent_tables
from tests.layouts import T3_ROWS, Table2, Table3, Table4, render

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _codes(findings: list[Finding]) -> list[str]:
    return sorted(f.code for f in findings)


def _without_row(text: str, label: str, sep: str) -> str:
    """``text`` less the one line printing the table row labelled ``label``."""
    lines = text.split("\n")
    hits = [i for i, line in enumerate(lines) if label in [c.strip() for c in line.split(sep)]]
    assert len(hits) == 1, (label, hits)
    return "\n".join(lines[: hits[0]] + lines[hits[0] + 1 :])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    tables=consistent_tables(),
    layout=st.sampled_from(["tab", "tab-split-page", "markdown"]),
    index=st.integers(0, len(T3_ROWS) - 1),
)
def test_reader_failure_deleted_table3_row_is_one_structure_finding(
    tables: tuple[Table2, Table3, Table4], layout: str, index: int
) -> None:
    t2, t3, t4 = tables
    name, data = render(layout, t2, t3, t4)
    before = audit(extract(read_bytes(data, name)))
    row = T3_ROWS[index]
    text = _without_row(data.decode("utf-8"), row.label, "|" if layout == "markdown" else "\t")
    after = audit(extract(read_bytes(text.encode("utf-8"), name)))
    assert not [f for f in after if f.code.startswith("A")], [f.message for f in after]
    new = [f for f in after if f not in before]
    assert _codes(new) == ["S104"], [f.message for f in new]
    assert f"「{row.label}」" in new[0].message and new[0].location.row == row.key


def test_reader_failure_corpus_report_with_a_row_deleted(tmp_path: Path) -> None:
    """Sample 001 without its （四）1.本机关不掌握相关政府信息 line (1 application): no sum counts it as 0."""
    text = (SAMPLES / "001_6f73e57e54ca5cf9.txt").read_text(encoding="utf-8")
    assert check_path(SAMPLES / "001_6f73e57e54ca5cf9.txt").counts["error"] == 0
    lines = text.split("\n")
    [at] = [i for i, line in enumerate(lines) if "本机关不掌握相关政府信息\t1\t" in line]
    path = tmp_path / "001.txt"
    path.write_text("\n".join(lines[:at] + lines[at + 1 :]), encoding="utf-8")
    result = check_path(path)
    assert not [f for f in result.findings if f.code.startswith("A")]
    [missing] = [f for f in result.findings if f.code == "S104"]
    assert missing.message == "表三未找到 1 行：「1.本机关不掌握相关政府信息」；涉及该行的合计未核对"
    assert [f for f in result.findings if "本机关不掌握" in f.message] == [missing]
