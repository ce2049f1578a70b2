"""robots.txt: fetched once per origin (``scheme://host:port``) per run, with the run's client and limits.

What a robots.txt answer means follows Google's published convention
(https://developers.google.com/search/docs/crawling-indexing/robots/robots_txt):

* 2xx: its rules apply (the first 500 KiB; rules for ``gongkai``, else for ``*``);
* 4xx other than 429 (a missing robots.txt is 404): no rules, everything may be fetched;
* 429, 5xx, or no answer at all (connection failure, timeout, too many redirects): everything is
  disallowed for the rest of the run (E133 names the cause), after the usual retries.

A ``Crawl-delay`` for gongkai (or ``*``) is obeyed, up to ``FetchSettings.max_crawl_delay``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.robotparser import RobotFileParser

from gongkai.batch.fetched import PRODUCT
from gongkai.batch.receive import Cancelled

MAX_ROBOTS_BYTES = 500 * 1024
"""Longest robots.txt read (Google's limit); the rest is ignored."""


@dataclass(frozen=True, slots=True)
class RobotsRules:
    """The rules of one origin: a parsed robots.txt, everything allowed, or everything refused."""

    parser: RobotFileParser | None = None
    refusal: str | None = None
    """Set when everything is refused: why (Chinese, e.g. ``robots.txt 无法获取（服务器返回 503）``)."""

    def allows(self, url: str) -> bool:
        if self.refusal is not None:
            return False
        return self.parser is None or self.parser.can_fetch(PRODUCT, url)

    def crawl_delay(self) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(PRODUCT)
        return None if delay is None else float(delay)


ALLOW_ALL = RobotsRules()


def rules_from_answer(status: int | None, body: bytes, problem: str | None = None) -> RobotsRules:
    """The rules a robots.txt answer means: ``status`` None with ``problem`` when there was none."""
    if status is None:
        return RobotsRules(refusal=f"robots.txt 无法获取（{problem or '无响应'}），按惯例视为禁止抓取")
    if 200 <= status < 300:
        parser = RobotFileParser()
        parser.parse(body[:MAX_ROBOTS_BYTES].decode("utf-8", "replace").splitlines())
        return RobotsRules(parser=parser)
    if status == 429 or status >= 500:
        return RobotsRules(refusal=f"robots.txt 无法获取（服务器返回 {status}），按惯例视为禁止抓取")
    return ALLOW_ALL  # 3xx left over after the redirects, and 4xx: no robots.txt


@dataclass(slots=True)
class _Loading:
    owner: object
    """Who loads it: the claimer (before it starts), then the loading call."""
    started: bool


class RobotsCache:
    """The rules of every origin met in a run; each robots.txt is fetched once, by one thread.

    The fetch run's scheduler :meth:`claim` s an unknown origin for the URL it sends first and keeps
    that origin's other URLs back while its robots.txt is loading (:meth:`loading`), so no thread waits
    for it while holding a start reserved for its host.  A claimed origin is loaded by its claimer
    only: a thread redirected there meanwhile waits, holding nothing, instead of taking the load and
    then waiting for the host start the claimer holds.
    """

    def __init__(self, condition: threading.Condition, cancelled: threading.Event | None = None) -> None:
        self.condition = condition
        self.cancelled = cancelled
        self._entries: dict[str, RobotsRules | _Loading] = {}

    def loading(self, origin: str) -> bool:
        """True while ``origin``'s robots.txt is claimed or being fetched (the caller holds :attr:`condition`)."""
        return isinstance(self._entries.get(origin), _Loading)

    def known(self, origin: str) -> bool:
        return isinstance(self._entries.get(origin), RobotsRules)

    def claim(self, origin: str, owner: object) -> None:
        """Mark an unknown origin as to be loaded by ``owner`` (the caller holds :attr:`condition`)."""
        self._entries.setdefault(origin, _Loading(owner=owner, started=False))

    def get(self, origin: str, load: Callable[[], RobotsRules], owner: object = None) -> RobotsRules:
        """The rules of ``origin``: loaded with ``load`` by the first caller (the claimer, if it was
        claimed), waited for by the others.

        Raises:
            Cancelled: the run was closed while waiting.
        """
        with self.condition:
            while True:
                entry = self._entries.get(origin)
                if isinstance(entry, RobotsRules):
                    return entry
                if entry is None or (not entry.started and owner is not None and entry.owner is owner):
                    self._entries[origin] = _Loading(owner=owner, started=True)
                    break
                if self.cancelled is not None and self.cancelled.is_set():
                    raise Cancelled
                self.condition.wait()
        rules: RobotsRules | None = None
        try:
            rules = load()
            return rules
        finally:
            with self.condition:
                if rules is None:
                    self._entries.pop(origin, None)  # failed or cancelled: the next caller loads it
                else:
                    self._entries[origin] = rules
                self.condition.notify_all()


__all__ = ["ALLOW_ALL", "MAX_ROBOTS_BYTES", "RobotsCache", "RobotsRules", "rules_from_answer"]
