"""A failure of the run's own limits (time, memory, a dead worker) is not stored: the next run checks again."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from gongkai.api import iter_inputs
from gongkai.batch.executors import Executor
from gongkai.batch.items import local_items
from gongkai.batch.pool import run_inline
from gongkai.batch.run import RunOptions, RunReport, run_check
from gongkai.batch.worker import Job, Outcome, Work
from gongkai.errors import DocumentError
from gongkai.result import DocumentResult
from tests.batch.reports import make_reports


@dataclass(frozen=True)
class _FirstTimesOut(Executor):
    """Checks in this process, but the first job "times out" as a killed worker would."""

    def run(self, jobs: Iterable[Job], work: Work) -> Iterator[Outcome]:
        for outcome in run_inline(jobs, work):
            if outcome.index == 0:
                failed = DocumentResult(
                    path=outcome.result.path,
                    status="failed",
                    errors=[DocumentError(code="E112", message="超时", stage="read")],
                )
                yield Outcome(outcome.index, failed, outcome.payload)  # a payload, yet not stored
            else:
                yield outcome


def _run(folder: Path, store: Path, executor: Executor) -> tuple[list[DocumentResult], RunReport]:
    items = list(local_items(iter_inputs([folder])))
    report = RunReport()
    results = list(run_check(items, RunOptions(work=Work(), executor=executor, store=str(store)), report=report))
    return results, report


def test_resume_transient_failure_not_stored_and_checked_again(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    make_reports(folder, 3)
    store = tmp_path / "corpus.db"

    first, report = _run(folder, store, _FirstTimesOut(inline=True))
    assert first[0].status == "failed"
    assert first[0].errors[0].code == "E112"
    assert (report.stats.checked, report.stats.skipped, report.stats.unstored) == (2, 0, 1)

    second, report = _run(folder, store, Executor(inline=True))
    assert (report.stats.checked, report.stats.skipped, report.stats.unstored) == (1, 2, 0)
    assert second[0].status == "ok"
    assert not second[0].errors
