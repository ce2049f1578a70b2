"""The report computed from the store: an agency's, a region's, with staff's texts, written as a final."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine

from gongkai.casework.report import agency_report, computed_report, region_report, with_texts, write_computed
from gongkai.errors import RegisterError, UsageError
from gongkai.store import repo
from gongkai.store.engine import session_scope

D = dt.date
BUREAU, OFFICE = "某市某某局", "某市某某办"


@dataclass(frozen=True)
class Store:
    url: str
    ids: dict[str, str]


@pytest.fixture
def store(engine: Engine, url_of: Callable[[Engine], str]) -> Store:
    """Two agencies of 某市; the bureau's 2025: 3 applications received, 1 carried over from 2024."""
    with session_scope(engine, actor="李四") as s:
        repo.add_agency(s, BUREAU, "department", "某市")
        repo.add_agency(s, OFFICE, "department", "某市")
        old = repo.add_application(s, BUREAU, "2024-009", "natural_person", D(2024, 12, 20))
        repo.append_event(s, old, "decided", D(2025, 1, 10), outcome="granted")
        a = repo.add_application(s, BUREAU, "2025-001", "natural_person", D(2025, 3, 3))
        repo.append_event(s, a, "decided", D(2025, 3, 20), outcome="partially_granted")
        b = repo.add_application(s, BUREAU, "2025-002", "commercial_enterprise", D(2025, 6, 2))
        repo.append_event(s, b, "fee_notice", D(2025, 6, 10), basis="pages", quantity=150, amount=1700)
        repo.append_event(s, b, "fee_paid", D(2025, 6, 20))
        repo.append_event(s, b, "decided", D(2025, 6, 25), outcome="granted")
        repo.add_application(s, BUREAU, "2025-003", "natural_person", D(2025, 12, 29))  # open at 12-31
        c = repo.add_application(s, OFFICE, "2025-001", "legal_service_org", D(2025, 5, 6))
        repo.append_event(s, c, "decided", D(2025, 5, 30), outcome="unavailable_not_held")
        repo.add_review_case(s, BUREAU, "复议1号", "administrative_review", D(2025, 7, 1))
        repo.set_figure(s, BUREAU, 2025, "administrative_licensing.decisions", Decimal(12))
        ids = {"old": old, "a": a, "b": b, "c": c}
    return Store(url_of(engine), ids)


@pytest.fixture
def url(store: Store) -> str:
    return store.url


def test_report_agency_tables_counted_from_the_store_with_their_records(store: Store) -> None:
    ids, url = store.ids, store.url
    report = agency_report(BUREAU, 2025, url=url)
    t3 = report.table3
    assert t3.value("new_received", "natural_person") == 2
    assert t3.value("new_received", "commercial_enterprise") == 1
    assert t3.value("carried_over", "total") == 1
    assert t3.value("granted", "total") == 2
    assert t3.value("partially_granted", "natural_person") == 1
    assert t3.value("total_processed", "total") == 3
    assert t3.value("carried_forward", "natural_person") == 1
    granted = t3.cell("granted", "total")
    assert granted is not None and granted.provenance is not None
    assert set(granted.provenance.records or ()) == {f"application:{ids['old']}", f"application:{ids['b']}"}
    assert report.table4.value("administrative_review", "pending") == 1
    assert report.table2.value("administrative_licensing", "decisions") == 12
    six = report.section(6)
    assert six is not None and "本年度共对1件政府信息公开申请收取信息处理费，合计1700元。" in six.text


def test_report_region_sums_its_agencies(url: str) -> None:
    region = region_report("某市", 2025, url=url)
    assert region.table3.value("new_received", "total") == 4
    assert region.table3.value("unavailable_not_held", "legal_service_org") == 1
    assert region.table3.value("total_processed", "total") == 4
    with pytest.raises(RegisterError) as caught:
        region_report("别的市", 2025, url=url)
    assert caught.value.code == "E209"


def test_report_needs_exactly_one_of_agency_and_region(url: str) -> None:
    with pytest.raises(UsageError, match="请指定 --agency 或 --region 之一"):
        computed_report(agency=BUREAU, region="某市", year=2025, url=url)
    with pytest.raises(UsageError):
        computed_report(agency=None, region=None, year=2025, url=url)


def test_report_texts_replace_the_scaffold_but_never_the_tables_or_the_fee_sentence(url: str) -> None:
    report = agency_report(BUREAU, 2025, url=url)
    texts = report.model_copy(deep=True)
    for s in texts.sections:
        s.text = f"第{s.number}部分由经办人撰写。"
    six = texts.section(6)
    assert six is not None
    six.text = "本年度未收取信息处理费。另有其他事项。"  # an old draft's sentence: stale
    texts.table3.rows["granted"]["total"].value = 99  # never taken
    merged = with_texts(report, texts)
    one = merged.section(1)
    assert one is not None and one.text == "第1部分由经办人撰写。"
    six = merged.section(6)
    assert six is not None
    assert six.text == "本年度共对1件政府信息公开申请收取信息处理费，合计1700元。另有其他事项。"
    assert merged.table3.value("granted", "total") == 2
    other_year = report.model_copy(deep=True)
    other_year.metadata.year = 2024
    with pytest.raises(RegisterError) as caught:
        with_texts(report, other_year)
    assert caught.value.code == "E204"


def test_report_final_refused_with_scaffold_marks_then_written_with_staff_texts(url: str, tmp_path: Path) -> None:
    report = agency_report(BUREAU, 2025, url=url)
    final = tmp_path / "年报.json"
    refused = write_computed(report, [final], draft=False)
    assert refused.refused and not final.exists()
    texts = report.model_copy(deep=True)
    texts.preamble = re.sub(r"【待填写[^】]*】", "本局办公室（电话0000-00000000）", texts.preamble)
    for s in texts.sections:
        s.text = re.sub(r"【待填写[^】]*】", "按要求开展了相关工作", s.text)
    texts.metadata.signature_date = D(2026, 1, 20)
    written = write_computed(with_texts(report, texts), [final], draft=False)
    assert not written.refused, [f.message for f in written.errors][:3]
    data = json.loads(final.read_text(encoding="utf-8"))
    assert data["table3"]["granted"]["total"] == 2
    assert data["provenance"]["table3.granted.total"]["records"] == sorted(
        data["provenance"]["table3.granted.total"]["records"]
    )
    assert len(data["provenance"]["table3.granted.total"]["records"]) == 2


def test_report_from_store_disposes_of_the_engines_it_opens(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # every call opens its own engine: left undisposed, each keeps its pooled connection open
    from gongkai.store import engine as store_engine

    opened: list[Engine] = []
    real = store_engine.open_store

    def spy(given: object = None) -> Engine:
        engine = real(given)  # type: ignore[arg-type]
        opened.append(engine)
        return engine

    monkeypatch.setattr(store_engine, "open_store", spy)
    agency_report(BUREAU, 2025, url=url)
    region_report("某市", 2025, url=url)
    assert len(opened) == 2
    assert [e.pool.checkedin() for e in opened] == [0, 0]  # a disposed engine's pool holds no connection
