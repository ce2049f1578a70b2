"""The corpus overview's figures, counted in a store filled from real files (both backends)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, func, select

from gongkai.batch.overview import overview
from gongkai.render.corpus_overview import Count
from gongkai.store.corpus_tables import CorpusFindingRow
from gongkai.store.engine import session_scope
from tests.batch.corpus_files import HONGZE, Checked, fill

DAY = dt.date(2026, 12, 1)


def test_overview_counts_reports_agencies_and_findings(engine: Engine, checked: dict[str, Checked]) -> None:
    fill(engine, checked)
    fill(engine, checked, only=(HONGZE,), version="2.0")  # checked again: still one report
    data = overview(engine, store="语料.db", generated=DAY)
    assert (data.reports, data.failed, data.partial) == (6, 1, 0)
    # 洪泽区人民政府, 淮安市人民政府, 蓬莱区大数据服务中心, 沭阳县发展和改革局 (two pages)
    assert data.agencies == 4
    assert [(y.label, y.count) for y in data.years] == [("2023", 4), ("2024", 1)]
    for severity, figure in (("error", data.errors), ("warning", data.warnings), ("info", data.infos)):
        assert figure == sum(c.result.counts[severity] for c in checked.values())
    assert data.failures == (Count("E103", 1, "文件为空"),)
    with session_scope(engine, read_only=True) as s:
        stored = s.scalar(select(func.count()).select_from(CorpusFindingRow).where(CorpusFindingRow.code == "M105"))
        codes = s.scalar(select(func.count(func.distinct(CorpusFindingRow.code))))
    newest = sum(f.code == "M105" for c in checked.values() for f in c.result.findings)
    assert newest == 2 and stored == newest + 1  # 洪泽区's first result holds one more, not counted
    (rule,) = [r for r in data.rules if r.label == "M105"]
    assert rule.count == newest and rule.detail == "报告缺少落款（署名机关或成文日期）"
    assert data.rule_codes == codes
    assert [r.count for r in data.rules] == sorted((r.count for r in data.rules), reverse=True)


def test_overview_judges_timeliness_by_the_statutory_deadline(engine: Engine, checked: dict[str, Checked]) -> None:
    fill(engine, checked)
    t = overview(engine, store="语料.db", generated=DAY).timeliness
    # the department's page published 2024-01-17 is on time (by 1月31日); its copy dated 2024-02-20 is
    # 20 days late; the PDFs and the seed print no publication date; the empty file is not counted
    assert (t.on_time, t.late, t.undated, t.no_deadline) == (1, 1, 3, 0)
    assert t.late_by == (Count("超出 1–30 天", 1),)


def test_overview_sums_applications_received_per_year(engine: Engine, checked: dict[str, Checked]) -> None:
    fill(engine, checked)
    data = overview(engine, store="语料.db", generated=DAY)
    expected: dict[int, list[float]] = {}
    for c in checked.values():
        report = c.result.report
        cell = report.table3.cell("new_received", "total") if report is not None else None
        if report is not None and report.metadata.year and cell is not None and cell.state == "number":
            expected.setdefault(report.metadata.year, []).append(float(cell.value or 0))
    assert [(a.year, a.received, a.reports) for a in data.applications] == [
        (year, sum(values), len(values)) for year, values in sorted(expected.items())
    ]
    assert any(a.received > 0 for a in data.applications)


def test_overview_keeps_the_top_rules_and_agencies_only(engine: Engine, checked: dict[str, Checked]) -> None:
    fill(engine, checked)
    whole = overview(engine, store="语料.db", generated=DAY)
    top = overview(engine, store="语料.db", generated=DAY, top=2)
    assert top.rules == whole.rules[:2] and top.rule_codes == whole.rule_codes > 2
    assert top.agencies_top == whole.agencies_top[:2] and len(whole.agencies_top) == 4


def test_overview_of_an_empty_store_is_all_zero(engine: Engine) -> None:
    data = overview(engine, store="语料.db", generated=DAY)
    assert (data.reports, data.agencies, data.errors, data.rules, data.applications) == (0, 0, 0, (), ())
