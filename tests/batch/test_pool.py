"""Local worker processes: input order, the hard time limit, the memory limit, a dying worker."""

from __future__ import annotations

import time
from pathlib import Path

from gongkai.batch.pool import run_inline, run_local
from gongkai.batch.worker import Job, Work
from tests.batch.reports import SAMPLES
from tests.batch.tasks import die_or_check, hang_or_check

FILES = sorted(str(p) for p in SAMPLES.iterdir())


def _plain(results: list[object]) -> list[object]:
    return [r.model_dump(exclude={"seconds"}) for r in results]  # type: ignore[attr-defined]


def test_pool_results_in_input_order_same_as_inline() -> None:
    jobs = [Job(i, p) for i, p in enumerate(FILES)]
    inline = [o.result for o in run_inline(jobs, Work())]
    parallel = list(run_local(jobs, Work(), 2, window=3))
    assert [o.index for o in parallel] == list(range(len(FILES)))
    assert _plain([o.result for o in parallel]) == _plain(inline)
    assert {r.status for r in inline} == {"ok"}


def test_pool_kills_a_worker_past_the_time_limit_and_goes_on(tmp_path: Path) -> None:
    hang = tmp_path / "hang"
    hang.write_text("x", encoding="utf-8")
    jobs = [Job(0, FILES[0]), Job(1, str(hang)), Job(2, FILES[1]), Job(3, FILES[2])]
    start = time.monotonic()
    outcomes = list(run_local(jobs, Work(timeout=1), 2, chunk=2, grace=0.5, task=hang_or_check))
    assert time.monotonic() - start < 30
    assert [o.result.status for o in outcomes] == ["ok", "failed", "ok", "ok"]
    error = outcomes[1].result.errors[0]
    assert error.code == "E112" and "工作进程已被终止" in error.message and "1 秒" in error.message


def test_pool_reports_a_dead_worker_and_replaces_it(tmp_path: Path) -> None:
    die = tmp_path / "die"
    die.write_text("x", encoding="utf-8")
    jobs = [Job(0, str(die)), Job(1, FILES[0]), Job(2, str(die)), Job(3, FILES[1])]
    outcomes = list(run_local(jobs, Work(), 1, task=die_or_check))
    assert [o.result.status for o in outcomes] == ["failed", "ok", "failed", "ok"]
    assert [e.code for o in outcomes for e in o.result.errors] == ["E122", "E122"]
    assert "退出码 3" in outcomes[0].result.errors[0].message


def test_pool_memory_limit_fails_the_document_not_the_machine() -> None:
    pdf = str(SAMPLES / "hongze-district-2023.pdf")
    outcomes = list(run_local([Job(0, pdf), Job(1, FILES[0])], Work(memory_mb=4), 1))
    result = outcomes[0].result
    assert result.status == "failed" and [e.code for e in result.errors] == ["E121"]
    assert "4 MB" in result.errors[0].message
    roomy = list(run_local([Job(0, pdf)], Work(memory_mb=4096), 1))
    assert roomy[0].result.status == "ok"
