"""fetch_all against hostile servers: each gets its stable code, within its limits, and nothing half-written."""

from __future__ import annotations

import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

from gongkai.batch.fetch import fetch_all
from gongkai.batch.fetched import Fetched, FetchFailure
from gongkai.errors import DOCUMENT_ERRORS
from tests.batch.conftest import FAST
from tests.batch.fetch_server import CORPUS, Site, bomb


def _one(site: Site, path: str, tmp_path: Path, **changes: object) -> FetchFailure:
    (result,) = fetch_all([site.url(path)], tmp_path, replace(FAST, **changes))  # type: ignore[arg-type]
    assert isinstance(result, FetchFailure), result
    assert result.code in DOCUMENT_ERRORS and result.to_error().code == result.code
    assert [p for p in tmp_path.rglob("*") if p.is_file() and p.name != "fetch-log.jsonl"] == []
    return result


def test_fetch_hostile_slow_drip_stops_at_the_deadline(site: Site, tmp_path: Path) -> None:
    start = time.monotonic()
    failure = _one(site, "/drip", tmp_path, timeout=0.5)
    assert failure.code == "E136" and failure.attempts == 1  # a drip is not retried
    assert "0.5 秒" in failure.message
    assert 0.5 <= time.monotonic() - start < 1.5


def test_fetch_hostile_stalled_body_times_out_and_is_retried(site: Site, tmp_path: Path) -> None:
    failure = _one(site, "/stall", tmp_path, timeout=0.3, retries=1)
    assert failure.code == "E131" and "超时" in failure.message
    assert failure.attempts == 2 and site.counts["/stall"] == 2


def test_fetch_hostile_endless_body_is_cut_at_the_size_cap(site: Site, tmp_path: Path) -> None:
    tracemalloc.start()
    try:
        failure = _one(site, "/endless", tmp_path, max_bytes=20 * 1024 * 1024)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert failure.code == "E135" and "20 MB" in failure.message and failure.status == 200
    assert peak < 4 * 1024 * 1024  # streamed: never the 20 MB in memory


def test_fetch_hostile_compression_bomb_is_cut_without_inflating_it_whole(site: Site, tmp_path: Path) -> None:
    bomb()  # made before memory is traced
    tracemalloc.start()
    try:
        failure = _one(site, "/bomb", tmp_path, max_bytes=8 * 1024 * 1024)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert failure.code == "E135"
    assert peak < 4 * 1024 * 1024  # 24 MB of zeros inflated a bounded piece at a time


def test_fetch_hostile_declared_length_over_the_cap_is_refused_unread(site: Site, tmp_path: Path) -> None:
    failure = _one(site, "/files/huaian-city-2024.pdf", tmp_path, max_bytes=100_000)
    assert failure.code == "E135" and "412,842 字节" in failure.message


def test_fetch_hostile_redirect_loop_is_e134(site: Site, tmp_path: Path) -> None:
    failure = _one(site, "/loop/a", tmp_path)
    assert failure.code == "E134" and "循环" in failure.message
    assert [hop.url for hop in failure.redirects] == [site.url("/loop/a"), site.url("/loop/b")]
    assert site.counts["/loop/a"] == 1 and site.counts["/loop/b"] == 1


def test_fetch_hostile_too_many_redirects_is_e134(site: Site, tmp_path: Path) -> None:
    failure = _one(site, "/chain/4", tmp_path, max_redirects=3)
    assert failure.code == "E134" and "超过 3 次" in failure.message and len(failure.redirects) == 4
    (ok,) = fetch_all([site.url("/chain/3")], tmp_path, replace(FAST, max_redirects=3))
    assert isinstance(ok, Fetched) and len(ok.redirects) == 3


def test_fetch_hostile_redirect_to_another_scheme_is_e137(site: Site, tmp_path: Path) -> None:
    failure = _one(site, "/elsewhere", tmp_path)
    assert failure.code == "E137" and "ftp" in failure.message


def test_fetch_hostile_404_is_e132_and_not_retried(site: Site, tmp_path: Path) -> None:
    failure = _one(site, "/status/404", tmp_path)
    assert failure.code == "E132" and failure.status == 404 and "404（页面不存在）" in failure.message
    assert failure.attempts == 1 and site.counts["/status/404"] == 1


def test_fetch_hostile_500_is_retried_then_e132(site: Site, tmp_path: Path) -> None:
    failure = _one(site, "/status/500", tmp_path, retries=3)
    assert failure.code == "E132" and failure.status == 500
    assert failure.attempts == 4 and site.counts["/status/500"] == 4


def test_fetch_hostile_transient_503_succeeds_on_retry(site: Site, tmp_path: Path) -> None:
    (result,) = fetch_all([site.url("/flaky/2/hongze-district-2024.pdf")], tmp_path, FAST)
    assert isinstance(result, Fetched) and result.attempts == 3
    assert result.path.read_bytes() == (CORPUS / "hongze-district-2024.pdf").read_bytes()


def test_fetch_hostile_429_waits_for_retry_after(site: Site, tmp_path: Path) -> None:
    start = time.monotonic()
    (result,) = fetch_all([site.url("/busy/1/city-sample-2025.html")], tmp_path, FAST)
    assert isinstance(result, Fetched) and result.attempts == 2
    first, second = (hit for hit in site.hits if hit.path.startswith("/busy/"))
    assert second.start - first.end >= 0.95  # waited the second asked for, not the 0.01 s backoff
    assert time.monotonic() - start < 2.0


def test_fetch_hostile_retry_after_over_the_cap_is_not_waited_for(site: Site, tmp_path: Path) -> None:
    start = time.monotonic()
    failure = _one(site, "/busy/3600/city-sample-2025.html", tmp_path, max_retry_after=10.0)
    assert failure.code == "E132" and failure.status == 429 and failure.attempts == 1
    assert "3600 秒" in failure.message and time.monotonic() - start < 1.0


def test_fetch_hostile_refused_connection_is_e131_after_retries(tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    (result,) = fetch_all([f"http://127.0.0.1:{port}/report.pdf"], tmp_path, replace(FAST, respect_robots=False))
    assert isinstance(result, FetchFailure)
    assert result.code == "E131" and "无法连接服务器" in result.message and result.attempts == 3
