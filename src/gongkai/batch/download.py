"""One URL fetched: robots.txt obeyed, redirects followed by hand (each hop recorded and checked against
robots.txt), transient failures retried with backoff, the body streamed into the archive within the size
cap and the deadline.  Every request passes the run's :class:`~gongkai.batch.hostgate.HostGate`.

Retried (``FetchSettings.retries`` times): connection failures, connect and read timeouts, a broken
transfer, and the statuses 429, 500, 502, 503 and 504 (waiting at least their ``Retry-After``).  Not
retried: other statuses, a body over the size cap (E135), an attempt past its deadline (E136: a slow
drip would only drip again), a certificate that fails verification.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from gongkai.batch.archive import Archive
from gongkai.batch.decode import DecodeError
from gongkai.batch.fetched import Fetched, FetchFailure, FetchSettings, Hop
from gongkai.batch.hostgate import HostGate, Reservation
from gongkai.batch.receive import (
    Budget,
    Cancelled,
    Overtime,
    Retry,
    Slots,
    read_small,
    receive_body,
    request_failure,
    retry_after,
    status_failure,
)
from gongkai.batch.robots import MAX_ROBOTS_BYTES, RobotsCache, RobotsRules, rules_from_answer
from gongkai.batch.urls import host_key, origin_of, url_problem

if TYPE_CHECKING:
    import httpx

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_ROBOTS_REDIRECTS = 5
"""Redirects followed for a robots.txt; past them it counts as missing (Google's convention)."""


@dataclass(frozen=True, slots=True)
class _RobotsAnswer:
    status: int | None
    body: bytes = b""
    problem: str | None = None
    wait: float | None = None


class Downloader:
    """Fetches URLs with one client, gate, robots cache and archive; used by many threads at once."""

    def __init__(
        self,
        client: httpx.Client,
        settings: FetchSettings,
        gate: HostGate,
        robots: RobotsCache | None,
        archive: Archive,
        cancelled: threading.Event,
    ) -> None:
        self.client = client
        self.settings = settings
        self.gate = gate
        self.robots = robots
        self.archive = archive
        self.cancelled = cancelled

    def fetch(self, url: str, reservation: Reservation | None = None) -> Fetched | FetchFailure:
        """Fetch ``url`` (a valid http(s) URL) into the archive.

        Raises:
            Cancelled: the run was closed meanwhile.
            OutputError: the archive cannot be written.
        """
        slots = Slots(self.gate, reservation, self.cancelled)
        rng = random.Random(f"{self.settings.seed}\x00{url}")
        try:
            attempt = 0
            while True:
                attempt += 1
                outcome = self._attempt(url, slots, attempt)
                if not isinstance(outcome, Retry):
                    return replace(outcome, attempts=attempt)
                failure = replace(outcome.failure, attempts=attempt)
                wait = self._wait(attempt, outcome.wait, rng)
                if isinstance(wait, str) or attempt > self.settings.retries:
                    return replace(failure, message=failure.message + wait) if isinstance(wait, str) else failure
                if self.cancelled.wait(wait):
                    raise Cancelled
        finally:
            slots.close()

    def _wait(self, attempt: int, asked: float | None, rng: random.Random) -> float | str:
        """Seconds to wait before retrying, or why not to retry (a ``Retry-After`` over the cap)."""
        settings = self.settings
        wait: float = settings.backoff * 2.0 ** (attempt - 1) * (1 + rng.random() / 2)
        if asked is None:
            return wait
        if asked > settings.max_retry_after:
            return f"；服务器要求 {asked:g} 秒后再试，超过等待上限 {settings.max_retry_after:g} 秒"
        return max(wait, asked)

    def _attempt(self, url: str, slots: Slots, attempt: int) -> Fetched | FetchFailure | Retry:
        hops: list[Hop] = []
        budget = Budget(self.settings.timeout)
        current = url
        while True:
            refusal = self._robots_refusal(current, slots)
            if refusal is not None:
                where = f"（重定向后的网址 {current[:200]}）" if hops else ""
                return FetchFailure(url=url, code="E133", message=f"{refusal}{where}", redirects=tuple(hops))
            with slots.request(host_key(current)), budget.spend() as deadline:
                outcome = self._request(url, current, hops, deadline, attempt)
            if not isinstance(outcome, str):
                return outcome
            current = outcome

    def _request(
        self, url: str, current: str, hops: list[Hop], deadline: float, attempt: int
    ) -> str | Fetched | FetchFailure | Retry:
        """One GET: the next URL of a redirect, or the attempt's outcome."""
        import httpx

        settings = self.settings
        remaining = max(deadline - time.monotonic(), 0.001)
        try:
            with self.client.stream("GET", current, timeout=min(settings.timeout, remaining)) as resp:
                status = resp.status_code
                location = resp.headers.get("location")
                if status in REDIRECT_STATUSES and location:
                    return self._redirect(url, current, status, location, hops)
                if not 200 <= status < 300:
                    failure = status_failure(url, current, status, resp.reason_phrase, hops)
                    if status in RETRY_STATUSES:
                        return Retry(failure, retry_after(resp.headers.get("retry-after")))
                    return failure
                return receive_body(url, resp, tuple(hops), deadline, attempt, settings, self.archive, self.cancelled)
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            return request_failure(url, current, exc, tuple(hops), settings.timeout)

    def _redirect(self, url: str, current: str, status: int, location: str, hops: list[Hop]) -> str | FetchFailure:
        target = urljoin(current, location.strip())
        hops.append(Hop(url=current, status=status, location=target))
        problem = url_problem(target)
        if problem is not None:
            message = f"重定向到无法抓取的网址（{problem}）：{target[:200]}"
            return FetchFailure(url=url, code="E137", message=message, status=status, redirects=tuple(hops))
        if any(hop.url == target for hop in hops):
            message = f"重定向循环：{len(hops)} 次重定向后回到 {target[:200]}"
            return FetchFailure(url=url, code="E134", message=message, status=status, redirects=tuple(hops))
        if len(hops) > self.settings.max_redirects:
            message = f"重定向超过 {self.settings.max_redirects} 次，已停止（最后指向 {target[:200]}）"
            return FetchFailure(url=url, code="E134", message=message, status=status, redirects=tuple(hops))
        return target

    # --- robots.txt -------------------------------------------------------------------------------------

    def _robots_refusal(self, url: str, slots: Slots) -> str | None:
        if self.robots is None:
            return None
        origin = origin_of(url)
        rules = self.robots.get(origin, lambda: self._load_robots(origin, slots), slots.owner)
        return None if rules.allows(url) else (rules.refusal or "robots.txt 禁止抓取该网址")

    def _load_robots(self, origin: str, slots: Slots) -> RobotsRules:
        rng = random.Random(f"{self.settings.seed}\x00{origin}/robots.txt")
        attempt = 0
        while True:
            attempt += 1
            answer = self._robots_once(origin + "/robots.txt", slots)
            if (answer.status is not None and answer.status not in RETRY_STATUSES) or attempt > self.settings.retries:
                break
            wait = self._wait(attempt, answer.wait, rng)
            if isinstance(wait, str):
                break
            if self.cancelled.wait(wait):
                raise Cancelled
        rules = rules_from_answer(answer.status, answer.body, answer.problem)
        delay = rules.crawl_delay()
        if delay:
            self.gate.set_delay(host_key(origin), min(delay, self.settings.max_crawl_delay))
        return rules

    def _robots_once(self, url: str, slots: Slots) -> _RobotsAnswer:
        import httpx

        current = url
        for _ in range(MAX_ROBOTS_REDIRECTS + 1):
            with slots.request(host_key(current)), Budget(self.settings.timeout).spend() as deadline:
                try:
                    with self.client.stream("GET", current) as resp:
                        location = resp.headers.get("location")
                        if resp.status_code in REDIRECT_STATUSES and location:
                            current = urljoin(current, location.strip())
                        elif 200 <= resp.status_code < 300:
                            body = read_small(resp, MAX_ROBOTS_BYTES, deadline, self.cancelled)
                            return _RobotsAnswer(resp.status_code, body)
                        else:
                            return _RobotsAnswer(resp.status_code, wait=retry_after(resp.headers.get("retry-after")))
                except (httpx.HTTPError, httpx.InvalidURL) as exc:
                    failure = request_failure(url, current, exc, (), self.settings.timeout)
                    return _RobotsAnswer(
                        None, problem=(failure.failure if isinstance(failure, Retry) else failure).message
                    )
                except Overtime:
                    return _RobotsAnswer(None, problem=f"下载超过时限 {self.settings.timeout:g} 秒")
                except DecodeError:
                    return _RobotsAnswer(None, problem="压缩内容已损坏")
            if url_problem(current) is not None:
                break
        return _RobotsAnswer(404)  # too many redirects, or to no http(s) URL: as if missing


__all__ = ["REDIRECT_STATUSES", "RETRY_STATUSES", "Downloader"]
