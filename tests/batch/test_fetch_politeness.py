"""fetch_all is polite and orderly: input order kept, per-host limits and delays held, robots.txt obeyed."""

from __future__ import annotations

import itertools
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from gongkai.batch.fetch import fetch_all
from gongkai.batch.fetched import Fetched, FetchFailure
from gongkai.batch.hostgate import HostGate
from tests.batch.conftest import FAST
from tests.batch.fetch_server import CORPUS, Site, serving

PAGE = "city-sample-2025.html"


def _starts(site: Site) -> list[float]:
    return sorted(hit.start for hit in site.hits)


def _most_overlapping(spans: list[tuple[float, float]]) -> int:
    events = sorted([(start, 1) for start, _ in spans] + [(end, -1) for _, end in spans])
    now = most = 0
    for _, step in events:
        now += step
        most = max(most, now)
    return most


def test_fetch_politeness_results_come_in_input_order_while_fetched_concurrently(site: Site, tmp_path: Path) -> None:
    urls = [site.url(f"/slow/{0.3 + 0.1 * (5 - i):.1f}/{PAGE}?{i}") for i in range(6)]
    results = list(fetch_all(urls, tmp_path, replace(FAST, per_host=6)))
    assert [r.url for r in results] == urls and all(isinstance(r, Fetched) for r in results)
    finished = [hit.path for hit in sorted(site.hits, key=lambda h: h.end) if hit.path.startswith("/slow/")]
    assert finished != [u.removeprefix(site.base) for u in urls]  # the server saw them end out of order
    assert site.most_active == 6  # all at once


def test_fetch_politeness_per_host_concurrency_is_never_exceeded(tmp_path: Path) -> None:
    with serving() as one, serving() as two:
        urls = [site.url(f"/slow/0.1/{PAGE}?{i}") for i in range(8) for site in (one, two)]
        results = list(fetch_all(urls, tmp_path, replace(FAST, per_host=2, workers=8)))
        assert all(isinstance(r, Fetched) for r in results)
        assert one.most_active == two.most_active == 2  # the limit, and used
        assert _most_overlapping(one.waits + two.waits) == 4  # two hosts fetched side by side
        assert one.counts["/robots.txt"] == two.counts["/robots.txt"] == 1


@pytest.fixture
def gate_starts(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[float]]:
    """The start of every request the host gate let through, by host (the clock the gate decides on)."""
    starts: dict[str, list[float]] = defaultdict(list)
    start = HostGate._start

    def recording(self: HostGate, host: str, state: Any, now: float) -> None:
        starts[host].append(now)
        start(self, host, state, now)

    monkeypatch.setattr(HostGate, "_start", recording)
    return starts


def _assert_spaced(site: Site, gate_starts: dict[str, list[float]], delay: float, count: int) -> None:
    starts = gate_starts[site.base.removeprefix("http://")]
    assert len(starts) == count and min(b - a for a, b in itertools.pairwise(starts)) >= delay
    served = _starts(site)  # the server's clock: a request may reach its thread late, shortening the next gap
    assert len(served) == count and min(b - a for a, b in itertools.pairwise(served)) >= delay / 2
    assert served[-1] - served[0] >= (count - 1) * delay - 0.05


def test_fetch_politeness_delay_spaces_the_starts_of_requests_to_a_host(
    tmp_path: Path, gate_starts: dict[str, list[float]]
) -> None:
    delay = 0.2
    with serving() as one, serving() as two:
        urls = [site.url(f"/files/{PAGE}?{i}") for i in range(4) for site in (one, two)]
        start = time.monotonic()
        results = list(fetch_all(urls, tmp_path, replace(FAST, delay=delay, per_host=2)))
        elapsed = time.monotonic() - start
        assert all(isinstance(r, Fetched) for r in results)
        for site in (one, two):
            _assert_spaced(site, gate_starts, delay, 5)  # robots.txt and four reports
        assert elapsed < 4 * delay + 0.5  # the two hosts' delays run side by side, not one after the other


def test_fetch_politeness_a_host_in_its_delay_holds_no_other_host_back(tmp_path: Path) -> None:
    with serving() as slow, serving() as other:
        urls = [slow.url(f"/files/{PAGE}?{i}") for i in range(3)] + [other.url(f"/files/{PAGE}")]
        settings = replace(FAST, delay=0.25, per_host=1, workers=1, respect_robots=False)
        results = list(fetch_all(urls, tmp_path, settings))
        assert [r.url for r in results] == urls and all(isinstance(r, Fetched) for r in results)
        (later,) = _starts(other)
        assert later < _starts(slow)[1]  # the one thread fetched it while the first host waited out its delay


def test_fetch_politeness_reads_ahead_at_most_the_window(site: Site, tmp_path: Path) -> None:
    pulled = 0

    def urls() -> Iterator[str]:
        nonlocal pulled
        for i in range(50):
            pulled += 1
            yield site.url(f"/files/{PAGE}?{i}")

    results = fetch_all(urls(), tmp_path, replace(FAST, window=5))
    seen = []
    for result in results:
        seen.append(result.url)
        assert pulled <= len(seen) + 5
    assert len(seen) == 50


def test_fetch_politeness_robots_disallow_is_e133_and_never_requested(site: Site, tmp_path: Path) -> None:
    urls = [site.url("/private/hongze-district-2024.pdf"), site.url("/toprivate/hongze-district-2024.pdf")]
    urls += [site.url(f"/files/{PAGE}?{i}") for i in range(3)]
    results = list(fetch_all(urls, tmp_path, FAST))
    assert [getattr(r, "code", "ok") for r in results] == ["E133", "E133", "ok", "ok", "ok"]
    first, second = results[0], results[1]
    assert isinstance(first, FetchFailure) and isinstance(second, FetchFailure)
    assert "robots.txt" in first.message and "重定向后的网址" in second.message
    assert not any(path.startswith("/private/") for path in site.paths())
    assert site.counts["/robots.txt"] == 1


def test_fetch_politeness_robots_rules_for_gongkai_apply(tmp_path: Path) -> None:
    with serving(robots_text="User-agent: gongkai\nDisallow: /files/\n\nUser-agent: *\nDisallow:\n") as site:
        (result,) = fetch_all([site.url(f"/files/{PAGE}")], tmp_path, FAST)
        assert isinstance(result, FetchFailure) and result.code == "E133"
        (ignored,) = fetch_all([site.url(f"/files/{PAGE}")], tmp_path, replace(FAST, respect_robots=False))
        assert isinstance(ignored, Fetched)


def test_fetch_politeness_missing_robots_allows_everything(tmp_path: Path) -> None:
    with serving(robots_status=404) as site:
        (result,) = fetch_all([site.url("/private/hongze-district-2024.pdf")], tmp_path, FAST)
        assert isinstance(result, Fetched)
        assert result.path.read_bytes() == (CORPUS / "hongze-district-2024.pdf").read_bytes()


def test_fetch_politeness_failing_robots_disallows_the_host_for_the_run(tmp_path: Path) -> None:
    with serving(robots_status=503) as site:
        urls = [site.url(f"/files/{PAGE}?{i}") for i in range(3)]
        results = list(fetch_all(urls, tmp_path, FAST))
        assert [getattr(r, "code", "ok") for r in results] == ["E133"] * 3
        assert all("503" in r.message for r in results if isinstance(r, FetchFailure))
        assert site.paths() == ["/robots.txt"] * 3  # retried twice, then asked no more


def test_fetch_politeness_crawl_delay_is_obeyed_up_to_its_cap(
    tmp_path: Path, gate_starts: dict[str, list[float]]
) -> None:
    with serving(robots_text="User-agent: *\nCrawl-delay: 5\n") as site:
        urls = [site.url(f"/files/{PAGE}?{i}") for i in range(3)]
        results = list(fetch_all(urls, tmp_path, replace(FAST, max_crawl_delay=0.3)))
        assert all(isinstance(r, Fetched) for r in results)
        host = site.base.removeprefix("http://")
        gate_starts[host] = gate_starts[host][1:]  # after robots.txt, read with no delay yet
        site.hits[:] = [hit for hit in site.hits if hit.path != "/robots.txt"]
        _assert_spaced(site, gate_starts, 0.3, 3)
