"""The agency registry: one body for the names it prints, an ambiguous name never merged by guess."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, func, select

from gongkai.errors import RegisterError
from gongkai.result import DocumentResult
from gongkai.store.corpus import Source, record
from gongkai.store.corpus_agencies import agency_names, alias_agency, resolve_agency
from gongkai.store.corpus_tables import CorpusAgencyRow, CorpusResultRow
from gongkai.store.engine import session_scope


def _count(engine: Engine) -> int:
    with session_scope(engine, read_only=True) as s:
        return int(s.scalar(select(func.count()).select_from(CorpusAgencyRow)) or 0)


def test_corpus_agencies_same_body_merged(engine: Engine) -> None:
    with session_scope(engine) as s:
        ids = {resolve_agency(s, n) for n in ("洪泽区人民政府", "淮安市洪泽区人民政府", "江苏省淮安市 洪泽区政府")}
        assert len(ids) == 1
        (hongze,) = ids
        huaian = resolve_agency(s, "淮安市人民政府")
        assert huaian != hongze
    with session_scope(engine, read_only=True) as s:
        row = s.get(CorpusAgencyRow, hongze)
        assert row is not None and (row.name, row.region, row.division_code) == (
            "淮安市洪泽区人民政府",
            "淮安市",
            "320813",
        )
        assert agency_names(s, hongze) == sorted(
            ["洪泽区人民政府", "淮安市洪泽区人民政府", "江苏省淮安市洪泽区人民政府"]
        )
    assert _count(engine) == 2
    with session_scope(engine) as s:  # known names: nothing new
        assert resolve_agency(s, "洪泽区人民政府") == hongze
    assert _count(engine) == 2


def test_corpus_agencies_ambiguous_name_is_its_own_body_until_told(engine: Engine) -> None:
    with session_scope(engine) as s:
        alone = resolve_agency(s, "朝阳区人民政府")
        beijing = resolve_agency(s, "北京市朝阳区人民政府")
        changchun = resolve_agency(s, "长春市朝阳区人民政府")
        assert len({alone, beijing, changchun}) == 3
        row = s.get(CorpusAgencyRow, alone)
        assert row is not None and (row.name, row.division_code) == ("朝阳区人民政府", None)
        # the run's region decides for this run, and is not kept as an alias of the bare name
        assert resolve_agency(s, "朝阳区人民政府", region_hint="长春市") == changchun
        assert resolve_agency(s, "朝阳区人民政府") == alone
        # told explicitly: the bare name is Beijing's from now on
        assert alias_agency(s, "朝阳区 人民政府", "北京市朝阳区人民政府") == beijing
        assert resolve_agency(s, "朝阳区人民政府") == beijing
        assert resolve_agency(s, "城关镇人民政府") != resolve_agency(s, "淮安市洪泽区人民政府")


def test_corpus_agencies_alias_moves_results_filed_under_the_old_body(engine: Engine) -> None:
    with session_scope(engine) as s:
        alone = resolve_agency(s, "朝阳区人民政府")
        result = DocumentResult(path="a.pdf", status="failed")
        rid = record(
            s, sha256="a" * 64, size=1, source=Source("a.pdf", "a.pdf", dt.datetime(2026, 1, 1, tzinfo=dt.UTC)),
            result=result, version="9.9", config="all",
        )  # fmt: skip
        row = s.get(CorpusResultRow, rid)
        assert row is not None
        row.agency, row.agency_id = "朝阳区人民政府", alone
        s.flush()
        beijing = alias_agency(s, "朝阳区人民政府", "北京市朝阳区人民政府")
        assert s.get(CorpusResultRow, rid) is not None and row.agency_id == beijing != alone


def test_corpus_agencies_empty_name_is_refused(engine: Engine) -> None:
    with session_scope(engine) as s, pytest.raises(RegisterError) as caught:
        resolve_agency(s, " （） ")
    assert caught.value.code == "E204" and "机关名称为空" in caught.value.message
