"""A real 2-worker Dask LocalCluster gives, byte for byte, the results of one process."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.api import iter_inputs
from gongkai.batch.executors import Executor
from gongkai.batch.items import local_items
from gongkai.batch.run import RunOptions, run_check
from gongkai.render.json import results_to_json
from tests.batch.reports import SAMPLES, make_reports


def _json(folder: Path, executor: Executor) -> bytes:
    items = list(local_items(iter_inputs([folder, SAMPLES])))
    results = list(run_check(items, RunOptions(executor=executor)))
    return json.dumps(results_to_json(results), ensure_ascii=False, indent=2).encode("utf-8")


def test_cluster_local_two_workers_byte_identical_to_one_process(tmp_path: Path) -> None:
    make_reports(tmp_path / "reports", 12)
    (tmp_path / "reports" / "空.txt").write_bytes(b"")
    one = _json(tmp_path / "reports", Executor(inline=True))
    dask = _json(tmp_path / "reports", Executor(scheduler="local:2"))
    assert dask == one
    document = json.loads(one)
    assert document["summary"]["files"] == 13 + len(list(SAMPLES.iterdir()))
    assert document["summary"]["failed"] == 1
