"""A run into the store compares across reports: the previous year, copied narrative — once, and resumably."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import func, select

from gongkai import __version__
from gongkai.api import iter_inputs
from gongkai.batch.executors import Executor
from gongkai.batch.items import local_items
from gongkai.batch.resume import check_into_store
from gongkai.batch.run import RunOptions, RunReport, run_check
from gongkai.batch.worker import Work
from gongkai.result import DocumentResult
from gongkai.store.corpus import open_corpus
from gongkai.store.corpus_tables import CorpusFindingRow, CorpusResultRow
from gongkai.store.engine import session_scope
from tests.batch.reports import SAMPLES

SEED = SAMPLES / "000_531ecae6516f2ca1.txt"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("hongze-district-2023.pdf", "hongze-district-2024.pdf", SEED.name, "004_288d4dc2df949a91.txt"):
        shutil.copy(SAMPLES / name, folder / name)
    copy = SEED.read_text(encoding="utf-8").replace("蓬莱区大数据服务中心", "芝罘区大数据服务中心")
    (folder / "copy.txt").write_text(copy, encoding="utf-8")
    return folder


def _run(folder: Path, store: Path, work: Work | None = None) -> tuple[list[DocumentResult], RunReport]:
    report = RunReport()
    items = list(local_items(iter_inputs([folder])))
    options = RunOptions(work=work or Work(), executor=Executor(inline=True), store=str(store))
    return list(run_check(items, options, report=report)), report


def _x101(results: list[DocumentResult]) -> dict[str, list[str]]:
    return {Path(r.path).name: [f.message for f in r.findings if f.code == "X101"] for r in results}


def test_cross_copied_text_named_on_both_reports_and_pairs_made(tmp_path: Path) -> None:
    results, report = _run(_folder(tmp_path), tmp_path / "c.db")
    copies = _x101(results)
    assert [len(m) for m in copies.values()].count(1) == 2
    assert "《芝罘区大数据服务中心2023年政府信息公开工作年度报告》（copy.txt）相似度" in copies[SEED.name][0]
    assert "（000_531ecae6516f2ca1.txt）相似度" in copies["copy.txt"][0]
    assert copies["hongze-district-2024.pdf"] == [] and copies["004_288d4dc2df949a91.txt"] == []
    assert report.cross == [
        "上年对比：1 对报告，发现 0 个问题",
        "内容雷同：2 份报告的正文与其他报告或本机关上年报告高度相似",
    ]
    again, report2 = _run(tmp_path / "reports", tmp_path / "c.db")
    assert report2.cross == [] and report2.stats.skipped == 5
    assert [r.model_dump(exclude={"seconds"}) for r in again] == [r.model_dump(exclude={"seconds"}) for r in results]


def test_cross_selection_without_x101_makes_no_copy_findings(tmp_path: Path) -> None:
    results, report = _run(_folder(tmp_path), tmp_path / "c.db", Work(ignore=("X101",)))
    assert all(m == [] for m in _x101(results).values())
    assert report.cross == ["上年对比：1 对报告，发现 0 个问题"]


def test_cross_run_killed_before_comparing_compares_next_time(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    store = tmp_path / "c.db"
    engine = open_corpus(str(store))
    try:  # phase 1 only: as if the run had been killed after recording every result
        items = list(local_items(iter_inputs([folder])))
        _, stats = check_into_store(items, Work(for_store=True), Executor(inline=True), engine, version=__version__)
        assert stats.checked == 5
    finally:
        engine.dispose()
    results, report = _run(folder, store)
    assert report.stats.checked == 0 and report.stats.skipped == 5
    assert report.cross[1] == "内容雷同：2 份报告的正文与其他报告或本机关上年报告高度相似"
    assert sum(len(m) for m in _x101(results).values()) == 2
    engine = open_corpus(str(store))
    try:
        with session_scope(engine, read_only=True) as s:
            assert s.scalar(select(func.count()).where(CorpusResultRow.compared.is_(False))) == 0
            assert s.scalar(select(func.count()).where(CorpusFindingRow.code == "X101")) == 2
    finally:
        engine.dispose()


def _copy_next_year(folder: Path) -> Path:
    """The seed report (2023) passed off as the same agency's 2024 report: only the years changed."""
    text = SEED.read_text(encoding="utf-8").replace("2022", "二〇二二").replace("2023", "2024")
    path = folder / "next-year.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_cross_copy_of_last_year_found_in_either_order(tmp_path: Path) -> None:
    messages: list[list[str]] = []
    for order in (("a", "b"), ("b", "a")):
        base = tmp_path / "".join(order)
        (base / "a").mkdir(parents=True)
        (base / "b").mkdir()
        shutil.copy(SEED, base / "a" / SEED.name)
        _copy_next_year(base / "b")
        for name in order:  # one run per folder: the later year stored first, or the earlier one
            _run(base / name, base / "c.db")
        results, _ = _run(base / "a", base / "c.db")
        later, _ = _run(base / "b", base / "c.db")
        assert _x101(results)[SEED.name] == []  # the earlier report copied nothing
        messages.append(_x101(later)["next-year.txt"])
    assert messages[0] == messages[1]
    assert (
        len(messages[0]) == 1
        and "与本机关上年（2023年）年报" in messages[0][0]
        and "疑似照搬上年内容" in messages[0][0]
    )
