"""Politeness towards each host: at most ``per_host`` requests in flight, starts at least ``delay`` apart.

One :class:`HostGate` serves a whole fetch run, so the limits hold over every thread.  Every request
passes through it: the scheduler *reserves* a start for a URL's first request without blocking
(:meth:`HostGate.try_reserve`), so no thread waits for a busy host while another host's URL could go;
the requests that follow inside a URL's work (robots.txt, retries, redirects) wait in :meth:`HostGate.acquire`.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(slots=True)
class _Host:
    active: int = 0
    next_start: float = 0.0
    delay: float | None = None


@dataclass(frozen=True, slots=True)
class Reservation:
    """A start taken for ``host`` by the scheduler, for the first request of one URL."""

    host: str
    previous: float
    next_start: float


class HostGate:
    """Per-host concurrency and spacing of request starts (``host`` is ``host:port``)."""

    def __init__(
        self,
        per_host: int,
        delay: float,
        condition: threading.Condition | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_host = per_host
        self.delay = delay
        self.condition = condition or threading.Condition()
        self._clock = clock
        self._hosts: dict[str, _Host] = {}

    def _host(self, host: str) -> _Host:
        state = self._hosts.get(host)
        if state is None:
            state = self._hosts[host] = _Host()
        return state

    def set_delay(self, host: str, delay: float) -> None:
        """Space this host's starts ``delay`` apart from now on, if that is more than the run's delay."""
        with self.condition:
            state = self._host(host)
            state.delay = max(delay, self.delay)

    def _start(self, host: str, state: _Host, now: float) -> None:
        """A request to ``host`` starts ``now`` (the lock is held)."""
        state.active += 1
        state.next_start = now + (self.delay if state.delay is None else state.delay)

    def ready_at(self, host: str) -> float:
        """When a request to ``host`` could start (``inf``: when one in flight ends); the lock must be held."""
        state = self._hosts.get(host)
        if state is None:
            return 0.0
        return math.inf if state.active >= self.per_host else state.next_start

    def try_reserve(self, host: str) -> Reservation | float:
        """Take a start for ``host`` now if it is free, else say when to try again.

        The caller holds :attr:`condition`.  A reservation is given back with :meth:`release` once
        its request is over, or with :meth:`cancel` if no request was made.
        """
        now = self._clock()
        when = self.ready_at(host)
        if when > now:
            return when
        state = self._host(host)
        previous = state.next_start
        self._start(host, state, now)
        return Reservation(host, previous, state.next_start)

    def cancel(self, reservation: Reservation) -> None:
        """Give back a reservation that made no request: the host's next start is as if it never was."""
        with self.condition:
            state = self._hosts[reservation.host]
            if state.next_start == reservation.next_start:  # no start since
                state.next_start = reservation.previous
        self.release(reservation.host)

    def acquire(self, host: str, cancelled: threading.Event | None = None) -> bool:
        """Wait for a start for ``host``; False if ``cancelled`` was set first (nothing taken then)."""
        with self.condition:
            while True:
                if cancelled is not None and cancelled.is_set():
                    return False
                now = self._clock()
                when = self.ready_at(host)
                if when <= now:
                    self._start(host, self._host(host), now)
                    return True
                self.condition.wait(None if math.isinf(when) else when - now)

    def release(self, host: str) -> None:
        """The request (or reservation) for ``host`` is over: another may start."""
        with self.condition:
            state = self._hosts[host]
            state.active -= 1
            if state.active == 0 and state.next_start <= self._clock() and state.delay is None:
                del self._hosts[host]  # forget idle hosts: memory stays flat over many hosts
            self.condition.notify_all()


__all__ = ["HostGate"]
