"""The benchmark's 台账 generator writes files the import reads whole, the same for the same seed."""

from __future__ import annotations

from pathlib import Path

from benchmarks.ledger_data import make_ledger

from gongkai.cases.ledger import read_ledger


def test_ledger_data_generated_ledger_is_read_whole_and_is_reproducible(tmp_path: Path) -> None:
    rows = read_ledger(make_ledger(tmp_path / "a.xlsx", 300, seed=7))
    assert len(rows) == 300
    assert [r.line for r in rows] == list(range(3, 303))  # title row, header row, then the data
    assert len({r.number for r in rows}) == 300
    still_open = sum(r.outcome is None for r in rows)
    assert 15 <= still_open <= 75
    assert any(r.correction_received for r in rows) and any(r.consultation_answered for r in rows)
    assert any(r.extension_days for r in rows) and any(r.fee_amount for r in rows)
    assert read_ledger(make_ledger(tmp_path / "b.xlsx", 300, seed=7)) == rows
    assert read_ledger(make_ledger(tmp_path / "c.xlsx", 300, seed=8)) != rows
