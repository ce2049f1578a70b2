"""robots.txt answers, read by Google's convention: 4xx allows all, 429/5xx/no answer refuses all."""

from __future__ import annotations

import contextlib
import threading

from gongkai.batch.receive import Cancelled
from gongkai.batch.robots import MAX_ROBOTS_BYTES, RobotsCache, RobotsRules, rules_from_answer


def test_robots_rules_of_each_kind_of_answer() -> None:
    body = b"User-agent: *\nDisallow: /private/\nCrawl-delay: 2\n"
    parsed = rules_from_answer(200, body)
    assert parsed.allows("https://a.example/report.pdf") and not parsed.allows("https://a.example/private/r.pdf")
    assert parsed.crawl_delay() == 2.0
    for status in (401, 403, 404, 410):
        assert rules_from_answer(status, b"").allows("https://a.example/private/r.pdf")
    for status in (429, 500, 503):
        refused = rules_from_answer(status, b"")
        assert not refused.allows("https://a.example/") and f"服务器返回 {status}" in (refused.refusal or "")
    unreachable = rules_from_answer(None, b"", "无法连接服务器")
    assert not unreachable.allows("https://a.example/") and "无法连接服务器" in (unreachable.refusal or "")


def test_robots_only_the_first_500_kib_is_read() -> None:
    body = b"User-agent: *\n" + b"#" * MAX_ROBOTS_BYTES + b"\nDisallow: /\n"
    assert rules_from_answer(200, body).allows("https://a.example/report.pdf")


def test_robots_cache_loads_each_origin_once_for_many_threads() -> None:
    cache = RobotsCache(threading.Condition())
    loads: list[str] = []
    started = threading.Barrier(8)

    def load() -> RobotsRules:
        loads.append("x")
        return rules_from_answer(404, b"")

    def ask() -> None:
        started.wait()
        assert cache.get("https://a.example:443", load).allows("https://a.example/")

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert loads == ["x"] and cache.known("https://a.example:443")


def test_robots_cache_load_that_fails_is_tried_again_by_the_next_caller() -> None:
    cache = RobotsCache(threading.Condition())

    def broken() -> RobotsRules:
        raise RuntimeError("cancelled")

    with contextlib.suppress(RuntimeError):
        cache.get("https://a.example:443", broken)
    assert not cache.loading("https://a.example:443")
    assert cache.get("https://a.example:443", lambda: rules_from_answer(404, b"")).allows("https://a.example/")


def test_robots_cache_claimed_origin_is_loaded_by_its_claimer_only() -> None:
    condition = threading.Condition()
    cache = RobotsCache(condition)
    claimer = object()
    with condition:
        cache.claim("https://a.example:443", claimer)
    loaders: list[str] = []
    got: list[bool] = []

    def load(who: str) -> RobotsRules:
        loaders.append(who)
        return rules_from_answer(404, b"")

    # redirected there meanwhile: it must wait, not load (the claimer holds the host's start)
    other = threading.Thread(
        target=lambda: got.append(
            cache.get("https://a.example:443", lambda: load("other")).allows("https://a.example/")
        )
    )
    other.start()
    other.join(0.2)
    assert other.is_alive() and loaders == []
    assert cache.get("https://a.example:443", lambda: load("claimer"), claimer).allows("https://a.example/")
    other.join(2)
    assert loaders == ["claimer"] and got == [True]


def test_robots_cache_waiting_caller_gives_up_when_the_run_is_cancelled() -> None:
    condition = threading.Condition()
    cancelled = threading.Event()
    cache = RobotsCache(condition, cancelled)
    with condition:
        cache.claim("https://a.example:443", object())
    outcome: list[str] = []

    def wait() -> None:
        try:
            cache.get("https://a.example:443", lambda: rules_from_answer(404, b""))
        except Cancelled:
            outcome.append("cancelled")

    waiter = threading.Thread(target=wait)
    waiter.start()
    cancelled.set()
    with condition:
        condition.notify_all()
    waiter.join(2)
    assert outcome == ["cancelled"]
