"""The corpus store: one result per document, version and selection; cells long form; findings in Chinese."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from gongkai.api import check_path
from gongkai.errors import RegisterError
from gongkai.result import DocumentResult
from gongkai.store.corpus import Source, done, open_corpus, record, store_url, unpack_report
from gongkai.store.corpus_tables import (
    CorpusCellRow,
    CorpusErrorRow,
    CorpusFindingRow,
    CorpusResultRow,
    CorpusSourceRow,
)
from gongkai.store.engine import session_scope

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
HONGZE = SAMPLES / "hongze-district-2023.pdf"


def _source(path: Path) -> Source:
    return Source(str(path), path.name, dt.datetime(2026, 12, 1, tzinfo=dt.UTC))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def hongze() -> DocumentResult:
    return check_path(HONGZE)


def test_corpus_record_keeps_report_cells_findings(engine: Engine, hongze: DocumentResult) -> None:
    with session_scope(engine) as s:
        rid = record(
            s, sha256=_sha(HONGZE), size=HONGZE.stat().st_size, source=_source(HONGZE), result=hongze,
            version="9.9", config="all",
        )  # fmt: skip
    with session_scope(engine, read_only=True) as s:
        row = s.get(CorpusResultRow, rid)
        assert row is not None and row.agency == "洪泽区人民政府" and row.year == 2023 and row.status == "ok"
        assert row.report is not None and unpack_report(row.report) == hongze.report
        # table 3's （七）总计 row is printed on page 4: 自然人 21
        total = s.get(CorpusCellRow, (rid, "table3", "total_processed", "natural_person"))
        assert total is not None and (total.raw, total.value, total.state, total.page) == ("21", 21.0, "number", 4)
        n_findings = s.scalar(
            select(func.count()).select_from(CorpusFindingRow).where(CorpusFindingRow.result_id == rid)
        )
        assert n_findings == len(hongze.findings) > 0
        s106 = s.scalars(select(CorpusFindingRow).where(CorpusFindingRow.code == "S106")).first()
        assert s106 is not None and s106.location.startswith("表三（依申请公开）·") and s106.page == 3
        assert done(s, "9.9", "all") == {_sha(HONGZE)}
        assert done(s, "9.10", "all") == set() and done(s, "9.9", "A") == set()


def test_corpus_record_again_replaces_never_duplicates(engine: Engine, hongze: DocumentResult, tmp_path: Path) -> None:
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(HONGZE.read_bytes())
    for path in (HONGZE, copy):
        with session_scope(engine) as s:
            record(s, sha256=_sha(path), size=1, source=_source(path), result=hongze, version="9.9", config="all")
    with session_scope(engine, read_only=True) as s:
        assert s.scalar(select(func.count()).select_from(CorpusResultRow)) == 1
        assert sorted(s.scalars(select(CorpusSourceRow.file_name))) == ["copy.pdf", HONGZE.name]


def test_corpus_failed_document_keeps_its_error(engine: Engine, tmp_path: Path) -> None:
    empty = tmp_path / "空.pdf"
    empty.write_bytes(b"")
    result = check_path(empty)
    with session_scope(engine) as s:
        rid = record(s, sha256=_sha(empty), size=0, source=_source(empty), result=result, version="9.9", config="all")
    with session_scope(engine, read_only=True) as s:
        row = s.get(CorpusResultRow, rid)
        assert row is not None and row.status == "failed" and row.report is None
        assert [(e.code, e.stage) for e in s.scalars(select(CorpusErrorRow))] == [("E103", "read")]


def test_corpus_open_creates_an_empty_file_at_head(tmp_path: Path) -> None:
    engine = open_corpus(str(tmp_path / "新库.db"))
    try:
        with session_scope(engine, read_only=True) as s:
            assert done(s, "0", "all") == set()
    finally:
        engine.dispose()
    again = open_corpus(str(tmp_path / "新库.db"))  # at head now: opened as it is
    again.dispose()


def test_corpus_open_refuses_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(RegisterError) as caught:
        open_corpus(str(tmp_path / "没有" / "c.db"))
    assert caught.value.code == "E201" and "文件夹不存在" in caught.value.message


def test_corpus_store_url_keeps_urls_and_resolves_paths(tmp_path: Path) -> None:
    assert store_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert store_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"
