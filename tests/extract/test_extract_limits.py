"""Fuzz cases 05 and 08: tables without headings, a row of 100,000 cells, the time limit in extract and audit."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from gongkai import limits
from gongkai.api import check_path
from gongkai.audit import audit
from gongkai.errors import InputError
from gongkai.extract import extract
from gongkai.extract.tables import align_values
from gongkai.model import Provenance
from gongkai.readers import read_bytes
from gongkai.readers.raw import RawCell
from tests.factories import make_report

DATA = Path(__file__).parent / "data"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SAMPLE = SAMPLES / "001_6f73e57e54ca5cf9.txt"
ROW = "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\t"


def with_extra_cells(tmp_path: Path, extra: int, cell: str = "0") -> Path:
    """Sample 001 with ``extra`` more cells on table 3's first row (as the fuzzer wrote it)."""
    text = SAMPLE.read_text(encoding="utf-8")
    assert text.count(ROW) == 1
    out = tmp_path / f"row_plus_{extra}_cells.txt"
    out.write_text(text.replace(ROW, ROW + "\t" + "\t".join([cell] * extra)), encoding="utf-8")
    return out


def test_extract_tables_without_section_headings_reads_the_tables() -> None:
    # fuzz case 05: sample 002 with every heading-like line removed (and with them table 3's 一、二、四 labels)
    result = check_path(DATA / "tables_no_headings.txt")
    assert result.status == "ok" and result.errors == []
    report = result.report
    assert report is not None
    assert report.sections == []
    assert report.metadata.agency == "莱阳市人民政府办公室" and report.metadata.year == 2023
    t2 = {k: [c.plain() for c in row.values()] for k, row in report.table2.rows.items()}
    assert t2["normative_documents"] == [0, 0, 3]
    assert [c.plain() for c in report.table3.rows["granted"].values()] == [11, 0, 0, 0, 0, 0, 11]
    assert [c.plain() for c in report.table4.rows["administrative_review"].values()] == [1, 3, 0, 0, 4]
    # 一 and 二 ran together without their labels: kept as printed, never split
    assert [u.raw_cells for u in report.table3.unplaced] == [["30", "1", "0", "0", "0", "0", "31"] + ["0"] * 7]
    codes = [f.code for f in result.findings]
    assert codes.count("S101") == 6
    assert not any(f.code.startswith("A") for f in result.findings)


@pytest.fixture
def raised_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """The readers' content limits (E119) lifted, so that the extractor itself meets the huge row."""
    monkeypatch.setattr(limits, "MAX_ROW_CELLS", 10_000_000)
    monkeypatch.setattr(limits, "MAX_CELLS", 10_000_000)
    monkeypatch.setattr(limits, "MAX_CHARS", 100_000_000)


@pytest.mark.parametrize("extra", [20_000, 100_000])
def test_extract_row_of_many_cells_is_refused_by_the_reader_in_a_second(tmp_path: Path, extra: int) -> None:
    # fuzz case 08 as a user meets it: the reader stops at the row (E119) before building its cells
    path = with_extra_cells(tmp_path, extra)
    start = time.perf_counter()
    result = check_path(path, timeout=60)
    assert [e.code for e in result.errors] == ["E119"]
    assert f"有 {9 + extra:,} 个单元格" in result.errors[0].message  # the row ends with a tab: one empty cell more
    assert time.perf_counter() - start < 10


@pytest.mark.usefixtures("raised_limits")
@pytest.mark.parametrize("extra", [20_000, 40_000, 100_000])
def test_extract_row_of_many_cells_is_reported_unread(tmp_path: Path, extra: int) -> None:
    # fuzz case 08: alignment was quadratic (17.8 s, 84 s, > 120 s; about 1 s now on a loaded machine)
    path = with_extra_cells(tmp_path, extra)
    start = time.perf_counter()
    result = check_path(path, timeout=60)
    seconds = time.perf_counter() - start
    assert result.status == "ok", result.errors
    assert seconds < 30, seconds
    report = result.report
    assert report is not None
    ev = report.table3.row_evidence["new_received"]
    assert ev.alignment == "misaligned" and len(ev.raw_cells) == 8 + extra
    assert all(c.state == "absent" for c in report.table3.rows["new_received"].values())
    s112 = [f for f in result.findings if f.code == "S112" and f.location.row == "new_received"]
    assert len(s112) == 1 and f"印有 {8 + extra} 格" in s112[0].message
    assert len(s112[0].message) < 300


def test_extract_align_values_is_linear_in_the_cells() -> None:
    values = [RawCell("0", Provenance(file="f", line=1, column=i)) for i in range(200_000)]
    values[3] = RawCell("1", Provenance(file="f", line=1, column=3))
    start = time.perf_counter()
    assert align_values(values, 7) == (None, "misaligned")
    assert align_values([RawCell("", values[0].prov)] * 200_000 + values[:7], 7)[1] == "trimmed"
    assert time.perf_counter() - start < 5


@pytest.mark.usefixtures("raised_limits")
def test_extract_row_of_many_equal_cells_is_not_read_as_repeated(tmp_path: Path) -> None:
    """100,007 zeros for seven columns is no repeated cell: the row stays unread, not 0."""
    text = SAMPLE.read_text(encoding="utf-8").replace(
        ROW, "一、本年新收政府信息公开申请数量\t" + "\t".join(["0"] * 100_007)
    )
    path = tmp_path / "zeros.txt"
    path.write_text(text, encoding="utf-8")
    report = check_path(path).report
    assert report is not None
    assert report.table3.row_evidence["new_received"].alignment == "misaligned"


def test_extract_time_limit_holds_in_the_extractor() -> None:
    raw = read_bytes(SAMPLE.read_bytes(), str(SAMPLE))
    with limits.time_limit(0.0), pytest.raises(InputError) as err:
        extract(raw)
    assert err.value.code == "E112"


def test_extract_time_limit_holds_in_the_audit() -> None:
    report = make_report()
    with limits.time_limit(0.0), pytest.raises(InputError) as err:
        audit(report)
    assert err.value.code == "E112"


@pytest.mark.usefixtures("raised_limits")
def test_extract_check_path_time_limit_covers_a_huge_row(tmp_path: Path) -> None:
    """A text file that takes longer than its limit ends in E112, close to the limit."""
    path = with_extra_cells(tmp_path, 400_000)
    start = time.perf_counter()
    result = check_path(path, timeout=0.2)
    seconds = time.perf_counter() - start
    assert result.status == "failed" and [e.code for e in result.errors] == ["E112"]
    assert seconds < 5, seconds
