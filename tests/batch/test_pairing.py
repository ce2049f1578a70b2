"""Year pairing: the corpus's 洪泽区 reports of 2023 and 2024 are one body's, compared by the year-over-year
rules; 淮安市's report is another body's; the pair findings are the rules' own and replaced on each run."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from gongkai.api import check_path
from gongkai.audit import Rule, all_rules, audit, select_rules
from gongkai.batch.pairing import Pair, pair_years
from gongkai.model import AnnualReport
from gongkai.result import DocumentResult
from gongkai.store.corpus import Source, record
from gongkai.store.corpus_tables import CorpusFindingRow, CorpusResultRow
from gongkai.store.engine import session_scope

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
FILES = {"hz23": "hongze-district-2023.pdf", "hz24": "hongze-district-2024.pdf", "ha24": "huaian-city-2024.pdf"}
YOY: list[type[Rule]] = [r for r in all_rules() if r.needs_previous]


@pytest.fixture(scope="module")
def checked() -> dict[str, DocumentResult]:
    return {key: check_path(SAMPLES / name) for key, name in FILES.items()}


def _report(result: DocumentResult) -> AnnualReport:
    assert result.report is not None
    return result.report


def _carried_forward(result: DocumentResult, count: int) -> DocumentResult:
    """The 2023 report with 结转下年度继续办理 changed for 自然人 and 总计 (as if misprinted)."""
    report = _report(result).model_copy(deep=True)
    for column in ("natural_person", "total"):
        cell = report.table3.rows["carried_forward"][column]
        report.table3.rows["carried_forward"][column] = cell.model_copy(update={"raw": str(count), "value": count})
    return result.model_copy(update={"report": report})


def _record(s: Session, key: str, result: DocumentResult, version: str = "9.9", sha: str | None = None) -> int:
    path = SAMPLES / FILES[key]
    digest = sha or hashlib.sha256(path.read_bytes()).hexdigest()
    source = Source(str(path), path.name, dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    return record(s, sha256=digest, size=1, source=source, result=result, version=version, config="all")


def _pair_rows(engine: Engine) -> list[tuple[int, int | None, str, str, str]]:
    with session_scope(engine, read_only=True) as s:
        rows = s.scalars(select(CorpusFindingRow).where(CorpusFindingRow.scope == "pair"))
        return sorted((r.result_id, r.other_result_id, r.code, r.message, r.location) for r in rows)


def test_pairing_hongze_2024_is_paired_with_2023_only(engine: Engine, checked: dict[str, DocumentResult]) -> None:
    with session_scope(engine) as s:
        ids = {key: _record(s, key, result) for key, result in checked.items()}
        pairing = pair_years(s, ids.values())
    with session_scope(engine, read_only=True) as s:
        agency = {key: s.get(CorpusResultRow, rid).agency_id for key, rid in ids.items()}  # type: ignore[union-attr]
    assert agency["hz23"] == agency["hz24"] is not None and agency["ha24"] not in (None, agency["hz24"])
    expected = audit(_report(checked["hz24"]), YOY, previous=_report(checked["hz23"]))
    assert pairing.pairs == (Pair(ids["hz24"], ids["hz23"], agency["hz24"], 2024, len(expected)),)
    assert pairing.refreshed == tuple(sorted(ids.values()))
    assert pairing.summary() == f"上年对比：1 对报告，发现 {len(expected)} 个问题"
    assert [(r[2], r[3]) for r in _pair_rows(engine)] == sorted((f.code, f.message) for f in expected)


def test_pairing_stores_the_rules_findings_and_runs_again_to_the_same_rows(
    engine: Engine, checked: dict[str, DocumentResult]
) -> None:
    misprinted = _carried_forward(checked["hz23"], 5)
    with session_scope(engine) as s:
        hz23 = _record(s, "hz23", misprinted, sha="b" * 64)
        hz24 = _record(s, "hz24", checked["hz24"])
        first = pair_years(s, [hz23, hz24])
    rows = _pair_rows(engine)
    expected = audit(_report(checked["hz24"]), YOY, previous=_report(misprinted))
    assert {f.code for f in expected} == {"C109"} and len(expected) == 2
    assert first.findings == 2 and first.summary() == "上年对比：1 对报告，发现 2 个问题"
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == sorted((hz24, hz23, f.code, f.message) for f in expected)
    assert any(r[3] == "上年结转 0 ≠ 2023年报告结转下年度继续办理 5（表三·自然人列）" for r in rows)
    with session_scope(engine) as s:
        again = pair_years(s, [hz23, hz24])
    assert again == first and _pair_rows(engine) == rows
    with session_scope(engine) as s:  # the run's selection: only its year-over-year rules run
        without = pair_years(s, [hz24], rules=select_rules(ignore=["C109"]))
    assert without.pairs == (Pair(hz24, hz23, without.pairs[0].agency_id, 2024, 0),) and _pair_rows(engine) == []


def test_pairing_next_year_is_compared_again_when_its_previous_year_arrives(
    engine: Engine, checked: dict[str, DocumentResult]
) -> None:
    with session_scope(engine) as s:
        hz24 = _record(s, "hz24", checked["hz24"])
        assert pair_years(s, [hz24]).pairs == ()
    with session_scope(engine) as s:
        hz23 = _record(s, "hz23", _carried_forward(checked["hz23"], 7), sha="c" * 64)
        pairing = pair_years(s, [hz23])
    assert [(p.result_id, p.previous_id) for p in pairing.pairs] == [(hz24, hz23)] and hz24 in pairing.refreshed
    assert {(r[0], r[1], r[2]) for r in _pair_rows(engine)} == {(hz24, hz23, "C109")}
    with session_scope(engine) as s:  # the 2023 result replaced: the 2024 comparison follows it, nothing stale
        new23 = _record(s, "hz23", checked["hz23"], sha="c" * 64)
        pairing = pair_years(s, [new23])
    assert [(p.result_id, p.previous_id) for p in pairing.pairs] == [(hz24, new23)]  # SQLite may reuse the id
    assert _pair_rows(engine) == []


def test_pairing_only_within_one_version_and_selection(engine: Engine, checked: dict[str, DocumentResult]) -> None:
    with session_scope(engine) as s:
        hz23 = _record(s, "hz23", _carried_forward(checked["hz23"], 5), version="9.8", sha="d" * 64)
        hz24 = _record(s, "hz24", checked["hz24"], version="9.9")
        assert pair_years(s, [hz23, hz24]).pairs == ()
    assert _pair_rows(engine) == []


def test_pairing_the_last_published_of_one_year_is_the_previous(
    engine: Engine, checked: dict[str, DocumentResult]
) -> None:
    def published(result: DocumentResult, day: dt.date, count: int) -> DocumentResult:
        changed = _carried_forward(result, count)
        _report(changed).metadata.publication_date = day
        return changed

    with session_scope(engine) as s:
        later = _record(s, "hz23", published(checked["hz23"], dt.date(2024, 3, 1), 4), sha="e" * 64)
        _record(s, "hz23", published(checked["hz23"], dt.date(2024, 1, 20), 9), sha="f" * 64)
        hz24 = _record(s, "hz24", checked["hz24"])
        pairing = pair_years(s, [hz24])
    assert [(p.result_id, p.previous_id) for p in pairing.pairs] == [(hz24, later)]
    assert all("继续办理 4（" in r[3] for r in _pair_rows(engine))
